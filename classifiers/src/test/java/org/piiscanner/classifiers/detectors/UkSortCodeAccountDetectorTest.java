package org.piiscanner.classifiers.detectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.piiscanner.classifiers.DetectorCase.found;
import static org.piiscanner.classifiers.DetectorCase.none;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.piiscanner.classifiers.DetectionContext;
import org.piiscanner.classifiers.DetectionEngine;
import org.piiscanner.classifiers.Detector;
import org.piiscanner.classifiers.DetectorCase;
import org.piiscanner.classifiers.DetectorRegistry;
import org.piiscanner.classifiers.EntityType;
import org.piiscanner.classifiers.Finding;
import org.piiscanner.classifiers.Validation;
import org.piiscanner.classifiers.config.ConfigurationException;
import org.piiscanner.classifiers.config.DetectionSettings;
import org.piiscanner.classifiers.config.DetectorSettings;
import org.piiscanner.classifiers.config.TestValuePolicy;

class UkSortCodeAccountDetectorTest {

    private static final String WEIGHTS = resource("/vocalink/valacdos-excerpt.txt");
    private static final String SUBSTITUTIONS = resource("/vocalink/scsubtab-excerpt.txt");
    private static final Detector WITH_TABLES = new UkSortCodeAccountDetector().configure(Map.of(
            UkSortCodeAccountDetector.WEIGHT_TABLE, WEIGHTS, UkSortCodeAccountDetector.SUBSTITUTION_TABLE,
            SUBSTITUTIONS));
    /** Format and context only. */
    private static final DetectionEngine PLAIN = DetectionEngine.forDetectors(List.of(new UkSortCodeAccountDetector()));
    /** With the Vocalink weight and substitution table excerpts. */
    private static final DetectionEngine CHECKED = DetectionEngine.forDetectors(List.of(WITH_TABLES));

    private static final String CHECKED_PAIR = UkSortCodeAccountDetector.CHECKED.name();
    private static final String GROUPED = UkSortCodeAccountDetector.GROUPED.name();
    private static final String BARE = UkSortCodeAccountDetector.BARE.name();
    private static final String ORGANISATION = UkSortCodeAccountDetector.ORGANISATION.name();

    /** Spec §3 vectors and pairing rules with the weight table: invalid pairs are dropped. */
    static Stream<DetectorCase> withTable() {
        return Stream.of(
                // §3 valid vectors (modulus-checked: 0.55 + context 0.35), in the layouts pairs come in
                found("Sort code: «08-99-99, Account: 66374958»", 0.9, 0.9).pattern(CHECKED_PAIR).testValue(false),
                found("sort code «107999 account number 88837491»", 0.9, 0.9).pattern(CHECKED_PAIR),
                found("BACS details: «20-29-59 63748472»", 0.9, 0.9),
                found("Account number «46238510 sort code 871427»", 0.9, 0.9),
                found("Bank details «11 87 65 6437 1389»", 0.9, 0.9),
                found("Payee sort code «938600, account 42368003»", 0.9, 0.9),
                found("Direct debit from «18-00-02 00000190»", 0.9, 0.9),
                // §3 invalid vectors: dropped
                none("Sort code: 08-99-99, Account: 66374959"),
                none("Sort code: 10-79-99, Account: 88837493"),
                none("Sort code 20-30-99 account 66831036"),
                none("Sort code 20-30-99 account 58716970"),
                none("Sort code 11-87-65 account 64371388"),
                none("Sort code 93-80-63 account 15763217"),
                // §3 HMRC collection accounts: organisations' details, reported as test values
                found("Pay HMRC by BACS, sort code «08 32 10, account 12001039»", 0.75, 0.75).testValue(true)
                        .pattern(ORGANISATION),
                found("Bank details: «08-32-10 12001020» (Shipley)", 0.75, 0.75).testValue(true),
                // sort codes the table does not list: format score, as Vocalink specifies
                found("Sort code «02-00-00, account 12345678»", 0.75, 0.75).pattern(GROUPED).testValue(false),
                found("Sort code «020000 account 12345678»", 0.65, 0.65).pattern(BARE),
                // exception 6 foreign-currency account: not checkable, format score
                found("Sort code «20-09-15 account 41011166»", 0.75, 0.75).pattern(GROUPED),
                // the nearest account number (after) fails the check: the one before is used
                found("account number «88837491 sort code 10-79-99» ref 12345678", 0.9, 0.9));
    }

    /** Format and context only: every shape and boundary rule. */
    static Stream<DetectorCase> withoutTable() {
        return Stream.of(
                // the layouts of the task: label + pair, adjacent pair, account first
                found("Sort code: «08-99-99, Account: 66374958»", 0.75, 0.75).pattern(GROUPED).testValue(false),
                found("Sort code «08-99-99 66374958»", 0.75, 0.75),
                found("Account number «66374958 sort code 089999»", 0.65, 0.65).pattern(BARE),
                // spec regex vectors: 08-99-99 and 40 47 84 match; 1208-99-99 and 08-99 99 do not
                found("Sort code «40 47 84, account 12345678»", 0.75, 0.75),
                none("Sort code 1208-99-99 account 66374958"),
                none("Sort code 08-99 99 account 66374958"),
                // account shapes
                found("Sort code «089999 6637 4958»", 0.65, 0.65),
                found("Bank details: «6637 4958 08-99-99»", 0.75, 0.75),
                found("Bank details: «66374958 08 99 99»", 0.75, 0.75),
                none("Sort code 08-99-99 account 6637-4958"),
                none("Sort code 08-99-99 account 123456789"),
                none("Sort code 08-99-99 account 1234567"),
                none("Sort code 08-99-99 account X66374958"),
                none("Sort code 08-99-99 account 66374958X"),
                // without a table the check digits are not checked
                found("Sort code: «08-99-99, Account: 66374959»", 0.75, 0.75),
                // digit-group boundaries apply to the pair as a whole
                none("Sort code 12 08-99-99 account 66374958"),
                none("Sort code 08-99-99 account 66374958 12"),
                none("Sort code 08-99-99-66374958"),
                none("Sort code 12 089999 66374958"),
                none("Sort code 089999 66374958 12"),
                none("Sort code 08 99 99 12 66374958"),
                none("Sort code A08-99-99 account 66374958"),
                // a label between the two halves is context too
                found("Paid from «08-99-99 acc no 66374958» yesterday", 0.75, 0.75),
                none("Paid from 08-99-99 to 66374958 yesterday"),
                // one finding per pair; two pairs on one line
                found("Sort codes «08-99-99 66374958» and «10-79-99 88837491»", 0.75, 0.75),
                // normalised separators (non-breaking hyphen, NBSP) and a tab-separated row
                found("Sort code «08\u201199\u201199\u00A066374958»", 0.75, 0.75),
                found("Sort code\tAccount\n«08-99-99\t66374958»", 0.75, 0.75),
                // within 60 characters on the same line
                found("Sort code «08-99-99" + " ".repeat(60) + "66374958»", 0.75, 0.75),
                none("Sort code 08-99-99" + " ".repeat(61) + "66374958"),
                found("Account «66374958" + " ".repeat(60) + "08-99-99» sort code", 0.75, 0.75),
                none("Account 66374958" + " ".repeat(61) + "08-99-99 sort code"),
                none("Sort code: 08-99-99\nAccount: 66374958"),
                none("Account number: 66374958\r\nSort code: 08-99-99"),
                // never alone, never without context
                none("Sort code 08-99-99"),
                none("Account number 66374958"),
                none("08-99-99 66374958"),
                none("Reference 089999 66374958"),
                // negative context: dates look like sort codes ("date" is nearer than "BACS")
                none("BACS run date 12-03-19, batch 12345678"),
                none("BACS run date 120319 batch 12345678"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("withTable")
    void withTable(DetectorCase row) {
        row.check(CHECKED, EntityType.UK_SORT_CODE_ACCOUNT);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("withoutTable")
    void withoutTable(DetectorCase row) {
        row.check(PLAIN, EntityType.UK_SORT_CODE_ACCOUNT);
    }

    @Test
    void explanationOfACheckedPair() {
        Finding f = single(CHECKED, "Sort code: 08-99-99, Account: 66374958");
        assertThat(f.explanation().detector()).isEqualTo("uk_sort_code_account");
        assertThat(f.explanation().validation()).isEqualTo(Validation.VALID);
        assertThat(f.explanation().baseScore()).isEqualTo(0.55);
        assertThat(f.explanation().note()).isEqualTo("Vocalink modulus check passed");
        assertThat(f.explanation().contextEffects()).extracting(e -> e.word()).containsExactly("sort code");
        assertThat(f.toString()).doesNotContain("66374958").doesNotContain("08-99-99");
    }

    @Test
    void notesSayWhyAPairWasNotChecked() {
        assertThat(single(PLAIN, "Sort code 08-99-99 66374958").explanation())
                .satisfies(e -> assertThat(e.validation()).isEqualTo(Validation.NOT_APPLICABLE))
                .satisfies(e -> assertThat(e.note())
                        .isEqualTo("format and context only: no modulus weight table configured"));
        assertThat(single(CHECKED, "Sort code 02-00-00 12345678").explanation().note())
                .isEqualTo("sort code not in the modulus weight table: treated as valid");
        assertThat(single(CHECKED, "Sort code 20-09-15 41011166").explanation().note())
                .isEqualTo("foreign-currency account (Vocalink exception 6): not checkable");
        Finding hmrc = single(CHECKED, "HMRC sort code 08 32 10 account 12001039");
        assertThat(hmrc.explanation().note()).isEqualTo("organisation account (HMRC collection account)");
        assertThat(hmrc.explanation().validation()).isEqualTo(Validation.NOT_APPLICABLE);
    }

    @Test
    void organisationAccountsAreDroppedWhenTestValuesAreSuppressed() {
        DetectionSettings d = DetectionSettings.defaults();
        DetectionEngine suppress = DetectionEngine.builder()
                .registry(DetectorRegistry.of(List.of(WITH_TABLES)))
                .settings(new DetectionSettings(d.minScore(), d.context(), d.detectors(), d.customDetectors(),
                        d.denyLists(), d.allowList(), d.allowPatterns(), TestValuePolicy.SUPPRESS))
                .build();
        String text = "Sort code 08-32-10 account 12001039; sort code 08-99-99 account 66374958";
        assertThat(CHECKED.detect(text)).extracting(Finding::start).containsExactly(10, 47);
        assertThat(suppress.detect(text)).extracting(Finding::start).containsExactly(47);
    }

    @Test
    void declaresItsOptions() {
        assertThat(new UkSortCodeAccountDetector().optionKeys()).containsExactly("weightTable", "substitutionTable");
    }

    @Test
    void configureReturnsANewInstanceAndLeavesTheOriginalUnchecked() {
        UkSortCodeAccountDetector plain = new UkSortCodeAccountDetector();
        Detector checked = plain.configure(Map.of("weightTable", WEIGHTS));
        String invalid = "Sort code 08-99-99 account 66374959";
        assertThat(checked).isNotSameAs(plain);
        assertThat(plain.detect(invalid, DetectionContext.DEFAULT)).hasSize(1);
        assertThat(checked.detect(invalid, DetectionContext.DEFAULT)).isEmpty();
        assertThat(checked.configure(Map.of())).isSameAs(checked);
    }

    @Test
    void weightTableAloneSkipsSubstitutions() {
        Detector noSubstitutions = new UkSortCodeAccountDetector().configure(Map.of("weightTable", WEIGHTS));
        String exception5 = "Payee sort code 938600, account 42368003";
        assertThat(noSubstitutions.detect(exception5, DetectionContext.DEFAULT))
                .isEmpty();
        assertThat(CHECKED.detect(exception5)).hasSize(1);
    }

    @Test
    void rejectsBadOptions(@TempDir Path dir) throws Exception {
        UkSortCodeAccountDetector d = new UkSortCodeAccountDetector();
        assertThatThrownBy(() -> d.configure(Map.of("weightTabel", WEIGHTS)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("unknown option 'weightTabel'");
        assertThatThrownBy(() -> d.configure(Map.of("substitutionTable", SUBSTITUTIONS)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("option 'substitutionTable' needs option 'weightTable'");
        assertThatThrownBy(() -> d.configure(Map.of("weightTable", " ")))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("option 'weightTable' must name a file");
        Path missing = dir.resolve("valacdos.txt");
        assertThatThrownBy(() -> d.configure(Map.of("weightTable", missing.toString())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("option 'weightTable' (valacdos.txt): file not found: " + missing);
        Path badWeights = Files.writeString(dir.resolve("bad-valacdos.txt"),
                "089000 089999 MOD10 0 0 0 0 0 0 7 1 3 7 1 3 7 1\n089000 089999 MOD10 0 0\n");
        assertThatThrownBy(() -> d.configure(Map.of("weightTable", badWeights.toString())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("option 'weightTable' (bad-valacdos.txt) line 2: expected 17 or 18 fields");
        Path badSubstitutions = Files.writeString(dir.resolve("bad-scsubtab.txt"), "# header\n938600\n");
        assertThatThrownBy(() -> d.configure(Map.of("weightTable", WEIGHTS, "substitutionTable",
                badSubstitutions.toString())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("option 'substitutionTable' (bad-scsubtab.txt) line 2: expected 2 fields");
    }

    @Test
    void engineConfigurationErrorsNameTheDetectorAndOption() {
        DetectionSettings d = DetectionSettings.defaults();
        DetectionSettings settings = new DetectionSettings(d.minScore(), d.context(),
                Map.of("uk_sort_code_account", new DetectorSettings(true, null, Map.of(),
                        Map.of("weightTable", "/nonexistent/valacdos.txt"))),
                d.customDetectors(), d.denyLists(), d.allowList(), d.allowPatterns(), d.testValues());
        assertThatThrownBy(() -> DetectionEngine.builder()
                .registry(DetectorRegistry.of(List.of(new UkSortCodeAccountDetector()))).settings(settings).build())
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("detector 'uk_sort_code_account': option 'weightTable' (valacdos.txt)")
                .hasMessageContaining("options: weightTable, substitutionTable");
    }

    @Test
    void linearOnAdversarialInput() {
        List<String> inputs = List.of(
                "Sort code " + "12 ".repeat(35_000),
                "Sort code " + "12-".repeat(35_000),
                "Sort code " + "089999 ".repeat(15_000),
                "Sort code " + "089999, ".repeat(13_000),
                "Sort code " + "08-99-99 66374958 ".repeat(6_000),
                "Sort code " + "1234 5678 ".repeat(10_000),
                "Sort code " + "1".repeat(100_000));
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            for (String s : inputs) {
                PLAIN.detect(s);
                CHECKED.detect(s);
            }
        });
        assertThat(PLAIN.detect("Sort code " + "12 ".repeat(35_000))).isEmpty();
    }

    private static Finding single(DetectionEngine engine, String text) {
        List<Finding> findings = engine.detect(text);
        assertThat(findings).as("findings in '%s'", text).hasSize(1);
        return findings.get(0);
    }

    private static String resource(String name) {
        try {
            return Path.of(UkSortCodeAccountDetectorTest.class.getResource(name).toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
