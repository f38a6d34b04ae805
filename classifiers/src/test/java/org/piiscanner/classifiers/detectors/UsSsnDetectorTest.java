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
import org.piiscanner.classifiers.Validation;

class UsSsnDetectorTest {

    private static final DetectionEngine ENGINE = DetectionEngine.forDetectors(List.of(new UsSsnDetector()));

    static Stream<DetectorCase> table() {
        return Stream.of(
                // valid structure (spec §13 vectors)
                found("«536-90-4399»", 0.5, 0.5).pattern("US_SSN (AAA-GG-SSSS)"),
                // spaced 3-2-4 groups need context: they are common in addresses and tables
                found("SSN «536 90 4399»", 0.75, 0.75).pattern("US_SSN (AAA GG SSSS)"),
                none("536 90 4399"),
                none("Suite 680 36 4022 Oakridge Lane"),
                found("SSN «536904399»", 0.65, 0.65).pattern("US_SSN (9 digits, weak)"),
                found("«078-05-1123»", 0.5, 0.5),
                // context boost
                found("SSN: «536-90-4399»", 0.85, 0.85),
                found("Social Security Number «536 90 4399»", 0.75, 0.75),
                found("W-2 box a «536904399»", 0.65, 0.65),
                // Presidio expectations we share
                found("social security number: abc «078 05 1123» abc", 0.75, 0.75),
                none("0780511201"),
                none("078051120"),
                none("000000000"),
                none("666000000"),
                none("078-05-0000"),
                none("078 00 1123"),
                none("693-09.4444"),
                // Presidio reports these (weak 3-6 / 5-4 shapes, bare digits without context, dots); spec §13 does not
                none("078-051121 07805-1121"),
                none("078051121"),
                none("078.05.1123"),
                // bare nine digits need context
                none("536904399"),
                // deny-list and Presidio rejections
                none("078-05-1120"),
                none("SSN 078051120"),
                none("219-09-9999"),
                none("457-55-5462"),
                none("SSN 123456789"),
                none("SSN 123-45-6789"),
                none("SSN 111-11-1111"),
                none("SSN 555555555"),
                none("SSN 987-65-4321"),
                // invalid area, group, serial
                none("000-12-3456"),
                none("666-12-3456"),
                none("900-12-3456"),
                none("999-12-3456"),
                none("123-00-4567"),
                none("123-45-0000"),
                // mixed separators, other shapes
                none("536-90 4399"),
                none("536 90-4399"),
                none("53690-4399"),
                none("536-904399"),
                none("12345-6789"),
                none("5369-0-4399"),
                // boundaries
                none("1 536-90-4399"),
                none("536-90-4399-1"),
                none("536 90 4399 12"),
                none("AB1 536 90 4399"),
                none("5536-90-4399"),
                none("536-90-43991"),
                none("X536-90-4399"),
                none("SSN 5369043991"),
                found("ref. «536-90-4399».", 0.5, 0.5),
                found("«536-90-4399»/«078-05-1123»", 0.5, 0.5));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void table(DetectorCase row) {
        row.check(ENGINE, EntityType.US_SSN);
    }

    @Test
    void explanationHasNoValueAndStructureIsTheValidation() {
        Finding f = ENGINE.detect("social security 536-90-4399").get(0);
        assertThat(f.explanation().detector()).isEqualTo("us_ssn");
        assertThat(f.explanation().validation()).isEqualTo(Validation.VALID);
        assertThat(f.explanation().contextEffects()).extracting(e -> e.word()).containsExactly("social security");
        assertThat(f.toString()).doesNotContain("536-90-4399");
    }
}
