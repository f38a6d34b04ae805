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
import org.piiscanner.classifiers.DetectionContext;
import org.piiscanner.classifiers.DetectionEngine;
import org.piiscanner.classifiers.DetectorCase;
import org.piiscanner.classifiers.EntityType;
import org.piiscanner.classifiers.Finding;

class UkNhsDetectorTest {

    private static final DetectionEngine ENGINE = DetectionEngine.forDetectors(List.of(new UkNhsDetector()));

    static Stream<DetectorCase> table() {
        return Stream.of(
                // valid NHS (spec §2 vectors), with context
                found("NHS number: «943 476 5919»", 0.85, 0.85).pattern("UK_NHS (3 3 4)"),
                found("NHS no «9434765919»", 0.8, 0.8).pattern("UK_NHS (10 digits)"),
                found("Patient «401-023-2137»", 0.85, 0.85),
                found("sandbox patient «9000000009»", 0.8, 0.8),
                found("NHS «4000000020»", 0.8, 0.8),
                found("National Health Service number «943-476-5919»", 0.85, 0.85),
                // test range
                found("NHS number «9990000018»", 0.8, 0.8).testValue(true),
                found("NHS number «999 999 9999»", 0.85, 0.85).testValue(true),
                found("NHS number «9434765919»", 0.8, 0.8).testValue(false),
                // H&C and CHI (mod 11, and mod 10 only)
                found("Health and Care number «3200000015»", 0.8, 0.8),
                found("CHI number «0211165794»", 0.8, 0.8),
                found("Community Health Index «0402070763»", 0.8, 0.8),
                found("CHI no «190 485 1231»", 0.85, 0.85),
                found("CHI «0101201234»", 0.8, 0.8),
                found("GP letter for «9434765919» (hospital number «4000000020»)", 0.8, 0.8),
                // Presidio positives (Presidio reports them without context)
                found("NHS: «221 395 1837»", 0.85, 0.85),
                found("NHS: «0032698674»", 0.8, 0.8),
                // context is required
                none("943 476 5919"),
                none("9434765919"),
                none("401-023-2137"),
                none("Call 9000000009"),
                // invalid checksums
                none("NHS number 9876544321"),
                none("NHS number 987 654 4321"),
                none("NHS number 9434765918"),
                none("NHS number 4010232138"),
                none("NHS number 401-023-2138"),
                none("NHS number 9990000000"),
                none("NHS number 485 777 3456"),
                none("CHI number 0101010000"),
                none("CHI number 1904851232"),
                none("CHI number 3201201234"),
                // shapes and boundaries
                none("NHS number 943-476 5919"),
                none("NHS number 943 476-5919"),
                none("NHS number 943.476.5919"),
                none("NHS number 94 3476 5919"),
                none("NHS number 12 943 476 5919"),
                none("NHS number AB12 943 476 5919"),
                none("NHS number 943 476 5919 12"),
                none("NHS number 943 476 5919-1"),
                none("NHS number 9434765919 1"),
                none("NHS number 94347659190"),
                none("NHS number 943 476 59190"),
                none("NHS number A9434765919"),
                none("NHS number 9434765919B"),
                found("NHS number «9434765919».", 0.8, 0.8),
                found("NHS number («9434765919») ref «943 476 5919»", 0.8, 0.85));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void table(DetectorCase row) {
        row.check(ENGINE, EntityType.UK_NHS);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "943 476 5919, NHS",
        "4000000020, NHS",
        "9000000009, NHS",
        "9990000018, NHS test range",
        "9999999999, NHS test range",
        "3200000015, H&C",
        "0211165794, CHI",
        "1904851231, CHI",
        "0101201234, CHI",
    })
    void explanationNoteNamesTheNumberClass(String value, String note) {
        List<Finding> findings = ENGINE.detect("NHS number " + value);
        assertThat(findings).hasSize(1);
        assertThat(findings.get(0).explanation().note()).isEqualTo(note);
    }

    @Test
    void fieldNameIsContext() {
        assertThat(ENGINE.detect("9434765919", new DetectionContext("en", "patient_nhs_no")))
                .extracting(Finding::score).containsExactly(0.8);
        assertThat(ENGINE.detect("9434765919", new DetectionContext("en", "order_id"))).isEmpty();
    }

    @Test
    void checkValueTenIsInvalid() {
        // base 999000000 computes check 10: no final digit makes it valid
        for (char last = '0'; last <= '9'; last++) {
            assertThat(UkNhsDetector.isMod11Valid(("999000000" + last).toCharArray())).isFalse();
        }
        assertThat(UkNhsDetector.isMod11Valid("9434765919".toCharArray())).isTrue();
    }
}
