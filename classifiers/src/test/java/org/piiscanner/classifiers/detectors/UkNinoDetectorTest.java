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
import org.piiscanner.classifiers.DetectorRegistry;
import org.piiscanner.classifiers.EntityType;
import org.piiscanner.classifiers.Finding;
import org.piiscanner.classifiers.Validation;
import org.piiscanner.classifiers.config.DetectionSettings;
import org.piiscanner.classifiers.config.TestValuePolicy;

class UkNinoDetectorTest {

    private static final DetectionEngine ENGINE = DetectionEngine.forDetectors(List.of(new UkNinoDetector()));

    static Stream<DetectorCase> table() {
        return Stream.of(
                // valid (spec §1 vectors)
                found("«AB123456C»", 0.5, 0.5).pattern("UK_NINO (compact)"),
                found("«AA 12 34 56 B»", 0.6, 0.6).pattern("UK_NINO (grouped)"),
                found("«PR 123612C»", 0.6, 0.6),
                found("«YZ 61 48 68 B»", 0.6, 0.6),
                found("«CE-12-34-56-A»", 0.6, 0.6),
                found("«TN120362F»", 0.5, 0.5).pattern("UK_NINO_TEMP_TN (temporary number)"),
                found("Employee «OA 12 34 56 D» and «CR123456A».", 0.5, 0.6),
                // context boost
                found("National Insurance number: «AB 12 34 56 C»", 0.95, 0.95),
                found("NI No. «AB123456C»", 0.85, 0.85),
                found("HMRC ref for «AB123456C»", 0.85, 0.85),
                // an all-caps word right before a grouped NINO joins its compound: the NINO must still be found
                found("HMRC «AB 12 34 56 C»", 0.95, 0.95),
                found("NINO «LA 27 84 53 B» and EMPLOYEE «CE-12-34-56-A»", 0.95, 0.95),
                // documented examples are test values
                found("«QQ 12 34 56 A»", 0.5, 0.5).testValue(true),
                found("«QQ123456C»", 0.5, 0.5).testValue(true),
                found("placeholder «PP999999P»", 0.5, 0.5).testValue(true),
                // no suffix: context only
                found("NINO «AB123456»", 0.65, 0.65).pattern("UK_NINO (no suffix, weak)"),
                none("ref AB123456"),
                // invalid
                none("DQ123456C"),
                none("GB123456A"),
                none("TN123456A"),
                none("AO123456A"),
                none("AB123456E"),
                none("AB 12-34 56 C"),
                none("TN320362F"),
                // no match: boundaries and shapes
                none("XAB123456C"),
                none("AB1234567C"),
                none("ab123456c"),
                none("AB123456CD"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void table(DetectorCase row) {
        row.check(ENGINE, EntityType.UK_NINO);
    }

    @Test
    void explanationNamesDetectorPatternValidationAndContext() {
        Finding f = ENGINE.detect("Your national insurance number AB 12 34 56 C").get(0);
        assertThat(f.explanation().detector()).isEqualTo("uk_nino");
        assertThat(f.explanation().validation()).isEqualTo(Validation.VALID);
        assertThat(f.explanation().baseScore()).isEqualTo(0.6);
        assertThat(f.explanation().contextEffects()).hasSize(1);
        assertThat(f.explanation().contextEffects().get(0).word()).isEqualTo("national insurance number");
        assertThat(f.explanation().contextEffects().get(0).delta()).isEqualTo(0.35);
        assertThat(f.maskedPreview()).isEqualTo("AB ** ** *6 C");
        assertThat(f.toString()).doesNotContain("AB 12 34 56 C");
    }

    @Test
    void testValuesAreDroppedWhenPolicyIsSuppress() {
        DetectionSettings d = DetectionSettings.defaults();
        DetectionEngine suppress = DetectionEngine.builder()
                .registry(DetectorRegistry.of(List.of(new UkNinoDetector())))
                .settings(new DetectionSettings(d.minScore(), d.context(), d.detectors(), d.customDetectors(),
                        d.denyLists(), d.allowList(), d.allowPatterns(), TestValuePolicy.SUPPRESS))
                .build();
        assertThat(suppress.detect("QQ 12 34 56 A and AB123456C")).extracting(Finding::start).containsExactly(18);
    }
}
