package org.piiscanner.classifiers.detectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.piiscanner.classifiers.DetectorCase.found;
import static org.piiscanner.classifiers.DetectorCase.none;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.piiscanner.classifiers.DetectionEngine;
import org.piiscanner.classifiers.DetectorCase;
import org.piiscanner.classifiers.EntityType;
import org.piiscanner.classifiers.Finding;

class UrlDetectorTest {

    private static final DetectionEngine ENGINE = DetectionEngine.forDetectors(List.of(new UrlDetector()));

    static Stream<DetectorCase> table() {
        return Stream.of(
                // Presidio UrlRecognizer vectors that agree
                found("«https://www.microsoft.com/»", 0.6, 0.6).pattern("URL (scheme://host)"),
                found("«http://www.microsoft.com/»", 0.6, 0.6),
                found("«http://www.microsoft.com»", 0.6, 0.6),
                found("«http://microsoft.com»", 0.6, 0.6),
                found("«http://microsoft.site»", 0.6, 0.6),
                found("«http://microsoft.webcam»", 0.6, 0.6),
                found("«http://microsoft.vlaanderen»", 0.6, 0.6),
                found("«https://webhook.site/a8eedfd6-9d8a-44e0-b0fc-cc7d517db5dc?q=1&b=2»", 0.6, 0.6),
                found("«https://www.microsoft.com/store/abc/»", 0.6, 0.6),
                none("www.microsoft"),
                none("http://microsoft"),
                none("'www.microsoft'"),
                // Presidio vectors we deliberately disagree with: quotes are not part of the URL ...
                found("\"«https://presidio.dataprivacystack.org/»\"", 0.6, 0.6),
                found("'«https://presidio.dataprivacystack.org/»'", 0.6, 0.6),
                // ... and bare domain names are not URLs
                none("microsoft.com"),
                none("my domains: microsoft.com google.co.il"),
                // schemes
                found("«HTTPS://WWW.GOV.UK/browse»", 0.6, 0.6),
                found("«ftp://ftp.kernel.org/pub/»", 0.6, 0.6),
                found("«ftps://files.bank.co.uk/in»", 0.6, 0.6),
                found("«sftp://jane@files.bank.co.uk:2222/home/jane»", 0.6, 0.6),
                found("«ws://chat.bank.co.uk/socket»", 0.6, 0.6),
                found("«wss://chat.bank.co.uk/socket»", 0.6, 0.6),
                none("file://server/share/x.txt"),
                none("git+https://github.com/org/repo"),
                none("xhttp://bank.co.uk"),
                none("1http://bank.co.uk"),
                none("svn://bank.co.uk/repo"),
                none("mailto:jane@bank.co.uk"),
                // www. without scheme
                found("see «www.gov.uk/apply»", 0.5, 0.5).pattern("URL (www. host, no scheme)"),
                found("«WWW.BBC.CO.UK»", 0.5, 0.5),
                found("«www.nhs.uk/conditions/?q=x#top»", 0.5, 0.5),
                none("www.gov"),
                none("www.nothing.notatld"),
                none("jane@www.bank.co.uk"),
                // hosts
                found("«http://192.168.0.1/admin»", 0.6, 0.6),
                found("«http://[2001:db8::1]:8080/»", 0.6, 0.6),
                found("«http://[::1]/»", 0.6, 0.6),
                found("«http://[::ffff:192.0.2.1]/»", 0.6, 0.6),
                found("«http://localhost:8080/api»", 0.6, 0.6).testValue(true),
                found("«https://user:secret@bank.co.uk/»", 0.6, 0.6),
                found("«https://xn--80ak6aa92e.com/»", 0.6, 0.6),
                found("«http://a.b.c.bank.co.uk:65535»", 0.6, 0.6),
                none("http://256.1.1.1/"),
                none("http://1.2.3/"),
                none("http://[2001:db8::1/"),
                none("http://[2001:db8:::1]/"),
                none("http://[1:2:3:4:5:6:7:8:9]/"),
                none("http://bank.co.uk:65536/"),
                none("http://bank.co.uk:80a/"),
                none("http://bank-.co.uk/"),
                none("http://bank.c0m/"),
                none("http://logo.png"),
                none("http://"),
                none("http:///path"),
                none("http://:80/"),
                // reserved example domains: test values
                found("«https://example.com/login»", 0.6, 0.6).testValue(true),
                found("«http://shop.test/»", 0.6, 0.6).testValue(true),
                found("«www.example.org»", 0.5, 0.5).testValue(true),
                found("«https://www.bank.co.uk/»", 0.6, 0.6).testValue(false),
                // end of the URL: whitespace, quotes, angle brackets; trailing punctuation and unbalanced ')'
                found("Visit «https://www.gov.uk/apply».", 0.6, 0.6),
                found("«https://www.gov.uk/apply», then", 0.6, 0.6),
                found("Really «https://www.gov.uk/apply»?!", 0.6, 0.6),
                found("(see «https://www.gov.uk/apply»)", 0.6, 0.6),
                found("(see «https://en.wikipedia.org/wiki/Bath_(disambiguation)»)", 0.6, 0.6),
                found("[text](«https://www.gov.uk/apply»)", 0.6, 0.6),
                found("<«https://www.gov.uk/apply»>", 0.6, 0.6),
                found("href=\"«https://www.gov.uk/a?b=c&d=e»\"", 0.95, 0.95),
                found("«https://www.gov.uk/apply»\tnext", 0.6, 0.6),
                found("«https://www.gov.uk/Müller»", 0.6, 0.6),
                found("«https://www.gov.uk/a»“quoted”", 0.6, 0.6),
                found("«https://a.bank.co.uk/x» «https://b.bank.co.uk/y»", 0.6, 0.6),
                // a URL inside a URL: the outer one (longer) is reported
                found("«https://bank.co.uk/redirect?to=https://www.gov.uk/apply»", 0.6, 0.6),
                // length limit 2048
                found("«https://bank.co.uk/" + "a".repeat(2048 - 19) + "»", 0.6, 0.6),
                none("https://bank.co.uk/" + "a".repeat(2048 - 18)),
                // context
                found("Website: «https://www.bank.co.uk/»", 0.95, 0.95),
                found("profile link «www.linkedin.com/in/jane»", 0.85, 0.85));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void table(DetectorCase row) {
        row.check(ENGINE, EntityType.URL);
    }

    @Test
    void findingsInsideAUrlAreReportedToo() {
        DetectionEngine engine = DetectionEngine.forDetectors(List.of(new UrlDetector(), new EmailDetector()));
        String text = "https://bank.co.uk/unsubscribe?email=jane.doe@gmail.com";
        assertThat(engine.detect(text)).extracting(Finding::type, Finding::start, Finding::end).containsExactly(
                org.assertj.core.groups.Tuple.tuple(EntityType.URL, 0, text.length()),
                org.assertj.core.groups.Tuple.tuple(EntityType.EMAIL_ADDRESS, 37, text.length()));
    }

    @Test
    void explanationNotesSchemeAndHostKindNeverTheUrl() {
        assertThat(ENGINE.detect("https://www.bank.co.uk/").get(0).explanation().note())
                .isEqualTo("https, domain host");
        assertThat(ENGINE.detect("HTTP://192.168.0.1/").get(0).explanation().note()).isEqualTo("http, IPv4 host");
        assertThat(ENGINE.detect("http://[::1]/").get(0).explanation().note()).isEqualTo("http, IPv6 host");
        assertThat(ENGINE.detect("http://localhost/").get(0).explanation().note()).isEqualTo("http, localhost");
        assertThat(ENGINE.detect("www.example.com").get(0).explanation().note())
                .isEqualTo("www, reserved example domain");
        assertThat(new UrlDetector().allowsNestedFindings()).isTrue();
    }

    @Test
    void adversarialInputsRunInLinearTime() {
        String[] inputs = {
            "http://".repeat(20_000),
            "a://".repeat(30_000),
            ":://".repeat(30_000),
            "https://bank.co.uk/".repeat(6_000),
            "www.".repeat(30_000),
            "www.a.".repeat(20_000),
            "http://" + "a.".repeat(60_000),
            "http://[" + "1:".repeat(60_000)};
        long started = System.nanoTime();
        for (String s : inputs) {
            ENGINE.detect(s);
        }
        assertThat((System.nanoTime() - started) / 1_000_000).as("ms").isLessThan(3_000);
    }
}
