package org.piiscanner.classifiers.detectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.piiscanner.classifiers.DetectorCase.found;
import static org.piiscanner.classifiers.DetectorCase.none;

import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.validator.routines.DomainValidator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.piiscanner.classifiers.DetectionEngine;
import org.piiscanner.classifiers.DetectorCase;
import org.piiscanner.classifiers.EntityType;
import org.piiscanner.classifiers.Finding;

class EmailDetectorTest {

    private static final DetectionEngine ENGINE = DetectionEngine.forDetectors(List.of(new EmailDetector()));

    static Stream<DetectorCase> table() {
        return Stream.of(
                // spec §14 vectors
                found("«info@presidio.site»", 0.6, 0.6).pattern("EMAIL (role or service mailbox)"),
                found("«john.smith@example.co.uk»", 0.85, 0.85).testValue(true),
                found("«a+b_c%d@sub.example.org»", 0.85, 0.85).testValue(true),
                found("«user@xn--80ak6aa92e.com»", 0.85, 0.85).testValue(false),
                found("«a@xn--d1acufc.xn--p1ai»", 0.85, 0.85),
                found("«jo@example.com».", 0.85, 0.85).testValue(true),
                none("info@presidio."),
                none("user@localhost"),
                none("@example.com"),
                none("hello-world"),
                none("john..smith@example.com"),
                // Presidio EmailRecognizer vectors (all agree; Presidio does not grade role mailboxes)
                found("my email address is «info@presidio.site»", 0.95, 0.95),
                found("try one of these emails: «info@presidio.site» or «anotherinfo@presidio.site»", 0.95, 1.0),
                found("my email is «user@xn--80ak6aa92e.com» today", 1.0, 1.0),
                none("my email is info@presidio."),
                none("this is not an email: hello-world here"),
                // ordinary mailboxes
                found("«jane.doe@nhs.net»", 0.85, 0.85).pattern("EMAIL (mailbox, IANA TLD)").testValue(false),
                found("«J.Doe@Mail.Example.COM»", 0.85, 0.85).testValue(true),
                found("<«jane_doe-1@university.ac.uk»>", 0.85, 0.85),
                found("mailto:«jane.doe@gmail.com»?subject=x", 1.0, 1.0),
                found("(«jane@company.london»)", 0.85, 0.85),
                found("«" + "a".repeat(64) + "@gmail.com»", 0.85, 0.85),
                // reserved domains (RFC 2606 / 6761): test values
                found("«jane@example.net»", 0.85, 0.85).testValue(true),
                found("«jane@mail.example»", 0.85, 0.85).testValue(true),
                found("«jane@shop.test»", 0.85, 0.85).testValue(true),
                found("«jane@name.invalid»", 0.85, 0.85).testValue(true),
                found("«jane@dev.localhost»", 0.85, 0.85).testValue(true),
                found("«jane@examples.com»", 0.85, 0.85).testValue(false),
                // role and service mailboxes
                found("«noreply@bank.co.uk»", 0.6, 0.6),
                found("«No-Reply@bank.co.uk»", 0.6, 0.6),
                found("«support@bank.co.uk»", 0.6, 0.6),
                found("«postmaster@bank.co.uk»", 0.6, 0.6),
                found("«admin@bank.co.uk»", 0.6, 0.6),
                found("«sales@bank.co.uk»", 0.6, 0.6),
                found("«git@github.com»:org/repo.git", 0.6, 0.6),
                found("«infodesk@bank.co.uk»", 0.85, 0.85),
                // boundaries: the local part is the whole run before '@', the domain stops at other characters
                found("b@c@«d@e.com»", 0.85, 0.85),
                found("«jane@bank.co.uk»;«john@bank.co.uk»", 0.85, 0.85),
                found("x «jane@bank.co.uk»_old", 0.85, 0.85),
                none(".jane@bank.co.uk"),
                none("-jane@bank.co.uk"),
                none("jane.@bank.co.uk"),
                none("a".repeat(65) + "@gmail.com"),
                none("jane@bank.co.uk-"),
                none("jane@-bank.co.uk"),
                none("jane@bank-.co.uk"),
                none("jane@bank..co.uk"),
                none("jane@" + "a".repeat(64) + ".com"),
                none("jane@" + "abcdefghi.".repeat(25) + "com"),
                // false-positive sources (spec §14)
                none("logo@2x.png"),
                none("npm i @scope/pkg"),
                none("nginx@sha256:0123abcd"),
                none("@property"),
                none("user@host"),
                none("jane@bank.c0m"),
                none("jane@bank.notatld"),
                none("jane@192.168.0.1"),
                none("jane@[192.168.0.1]"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void table(DetectorCase row) {
        row.check(ENGINE, EntityType.EMAIL_ADDRESS);
    }

    @Test
    void explanationNotesRoleAndReservedDomainNeverTheAddress() {
        Finding f = ENGINE.detect("Contact: support@example.com").get(0);
        assertThat(f.explanation().detector()).isEqualTo("email");
        assertThat(f.explanation().note()).isEqualTo("role mailbox; reserved example domain");
        assertThat(f.explanation().contextEffects()).extracting(e -> e.word()).containsExactly("contact");
        assertThat(ENGINE.detect("jane@bank.co.uk").get(0).explanation().note()).isEmpty();
        assertThat(f.toString()).doesNotContain("support@example.com");
    }

    @Test
    void adversarialInputsRunInLinearTime() {
        String[] inputs = {
            ("a".repeat(1_000) + "@").repeat(100),
            "a@".repeat(50_000),
            "@".repeat(100_000),
            "a.".repeat(50_000) + "@" + "a.".repeat(50_000),
            ("x@" + "a-".repeat(200)).repeat(200),
            "a@b.".repeat(25_000)};
        long started = System.nanoTime();
        for (String s : inputs) {
            ENGINE.detect(s);
        }
        assertThat((System.nanoTime() - started) / 1_000_000).as("ms").isLessThan(2_000);
    }

    @Test
    void domainValidatorWorksWithoutCommonsValidatorsTransitiveDependencies() {
        // The pom excludes commons-beanutils, -digester, -logging and -collections: DomainValidator needs none.
        for (String cls : List.of("org.apache.commons.beanutils.BeanUtils", "org.apache.commons.digester.Digester",
                "org.apache.commons.logging.Log", "org.apache.commons.collections.FastHashMap")) {
            assertThatThrownBy(() -> Class.forName(cls)).as(cls).isInstanceOf(ClassNotFoundException.class);
        }
        DomainValidator v = DomainValidator.getInstance();
        assertThat(v.isValidTld("uk")).isTrue();
        assertThat(v.isValidTld("xn--p1ai")).isTrue();
        assertThat(v.isValidTld("png")).isFalse();
    }
}
