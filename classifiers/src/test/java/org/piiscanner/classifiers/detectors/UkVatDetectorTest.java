package org.piiscanner.classifiers.detectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.piiscanner.classifiers.DetectorCase.found;
import static org.piiscanner.classifiers.DetectorCase.none;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.piiscanner.classifiers.DetectionEngine;
import org.piiscanner.classifiers.DetectorCase;
import org.piiscanner.classifiers.EntityType;
import org.piiscanner.classifiers.Finding;

class UkVatDetectorTest {

    private static final DetectionEngine ENGINE = DetectionEngine.forDetectors(List.of(new UkVatDetector()));

    private static final String GROUPED = "UK_VAT (prefixed, grouped, mod 97)";
    private static final String COMPACT = "UK_VAT (prefixed, compact, mod 97)";
    private static final String GOVERNMENT = "UK_VAT (GD/HA government or health authority)";
    private static final String BARE = "UK_VAT_BARE (9 digits, mod 97, weak)";

    static Stream<DetectorCase> table() {
        return Stream.of(
                // spec §7 valid vectors, reported without context
                // 980780684: S = 8*9 + 7*8 + 6*0 + 5*7 + 4*8 + 3*0 + 2*6 = 207, C = 84, 207 + 84 = 291 = 3 * 97
                found("«GB980780684»", 0.6, 0.6).pattern(COMPACT).testValue(false),
                found("«GB 980 7806 84»", 0.65, 0.65).pattern(GROUPED),
                found("«GB 311 405 025»", 0.65, 0.65).pattern(GROUPED),
                // 100190874: S = 65, C = 74; 65 + 74 = 139 (mod 97 = 42), 65 + 55 + 74 = 194 = 2 * 97
                found("«GB100190874»", 0.6, 0.6),
                found("«GB242338087388»", 0.6, 0.6),
                found("«GB101747696»", 0.6, 0.6),
                found("«GB101747641»", 0.6, 0.6),
                found("«GBGD001»", 0.5, 0.5).pattern(GOVERNMENT),
                found("«GBHA599»", 0.5, 0.5).pattern(GOVERNMENT),
                found("«XI980780684»", 0.6, 0.6).pattern(COMPACT),
                // spec §7 invalid vectors
                none("GB802311781"),
                none("GB123456789"),
                none("GBGD500"),
                none("GBHA499"),
                // the groupings the spec's pattern allows: 3 4 2 or 3 3 3, each space optional, + 3-digit branch
                found("«GB980 7806 84»", 0.65, 0.65).pattern(GROUPED),
                found("«GB 9807806 84»", 0.65, 0.65),
                found("«GB 980780684»", 0.6, 0.6).pattern(COMPACT),
                found("«XI 980 7806 84»", 0.65, 0.65),
                found("«GB 242 3380 87 388»", 0.65, 0.65),
                found("«GB980780684 388»", 0.65, 0.65),
                found("«GB GD 001»", 0.5, 0.5),
                found("«GBGD 001»", 0.5, 0.5),
                found("«GBHA 999»", 0.5, 0.5),
                none("GB 98 07806 84"),
                none("GB 9807 806 84"),
                none("GB-980-7806-84"),
                none("GBGD0011"),
                none("GBGD01"),
                // EU-compatible government form 888 8xxx cc: xxx mod 97 = cc (001 mod 97 = 01)
                found("«GB888800101»", 0.6, 0.6),
                none("GB888800102"),
                // Isle of Man numbers start 00 (computed: 0012345 + 47 passes mod 97)
                found("«GB001234547»", 0.6, 0.6),
                // all zeros satisfies the equation but is no registration
                none("GB000000000"),
                none("VAT number 000 0000 00"),
                // context boost
                found("VAT number: «GB 980 7806 84»", 1.0, 1.0),
                found("VAT reg «GB980780684»", 0.95, 0.95),
                found("Tax invoice «GBGD001»", 0.85, 0.85),
                // the bare 9 digits only with context
                found("VAT no. «980 7806 84»", 0.75, 0.75).pattern(BARE),
                found("VRN «311 405 025»", 0.75, 0.75),
                found("VAT «980780684»", 0.75, 0.75),
                found("VAT «100190874»", 0.75, 0.75),
                none("980 7806 84"),
                none("980780684"),
                none("VAT 980 7806 85"),
                none("VAT 98 07806 84"),
                none("VAT 980-7806-84"),
                // bare: not inside a longer digit group
                none("VAT 12 980 7806 84"),
                none("VAT 980 7806 84 12"),
                none("VAT 980780684-1"),
                none("VAT 9807806841"),
                // boundaries and case
                none("XGB980780684"),
                none("GB9807806841"),
                none("GB980780684A"),
                none("gb980780684"),
                none("Gb980780684"),
                // the prefixed pattern has no digit-group boundary: a following lone digit is not part of it
                found("«GB 980 7806 84» 5", 0.65, 0.65));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void table(DetectorCase row) {
        row.check(ENGINE, EntityType.UK_VAT);
    }

    @ParameterizedTest
    @CsvSource({"GB980780684, mod 97", "GB100190874, 9755", "XI980780684, 'XI (Northern Ireland), mod 97'",
            "GB242338087388, 'mod 97, branch trader'", "GB001234547, 'mod 97, Isle of Man'",
            "GB888800101, government (888 8xxx cc)", "GBGD001, government department", "GBHA599, health authority"})
    void noteNamesTheScheme(String value, String note) {
        assertThat(ENGINE.detect(value).get(0).explanation().note()).isEqualTo(note);
    }

    @Test
    void hmrcRuleNotPythonStdnumRefinements() {
        // 9755 accepted below 100 0000 00 (python-stdnum refuses it there): 0012345 + 89
        assertThat(UkVatDetector.isValid("001234589")).isTrue();
        // residue 55 (python-stdnum accepts it, HMRC does not): 9807806 + 42 gives T mod 97 = 55
        assertThat(UkVatDetector.isValid("980780642")).isFalse();
        assertThat(ENGINE.detect("VAT GB980780642")).isEmpty();
        assertThat(UkVatDetector.isValid("98078068")).isFalse();
        assertThat(UkVatDetector.isValid("98078068A")).isFalse();
    }

    @Test
    void explanationOfBareNumberShowsContext() {
        Finding f = ENGINE.detect("VAT registration number 980 7806 84").get(0);
        assertThat(f.explanation().pattern()).isEqualTo(BARE);
        assertThat(f.explanation().contextEffects()).extracting(e -> e.word())
                .containsExactly("vat registration number");
    }
}
