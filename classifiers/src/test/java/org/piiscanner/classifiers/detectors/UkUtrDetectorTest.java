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

class UkUtrDetectorTest {

    private static final DetectionEngine ENGINE = DetectionEngine.forDetectors(List.of(new UkUtrDetector()));

    static Stream<DetectorCase> table() {
        return Stream.of(
                // valid (spec §8 vectors: HMRC reference-checker tests, stdnum doctest), with context
                found("UTR «2234567890»", 0.8, 0.8).pattern("UK_UTR (10 digits)"),
                found("UTR: «2108834503»", 0.8, 0.8),
                found("Unique Taxpayer Reference «1097172564»", 0.8, 0.8),
                found("tax reference «1955839661»", 0.8, 0.8),
                found("Self Assessment payment reference «2234567890K»", 0.85, 0.85)
                        .pattern("UK_UTR (K payment reference)"),
                found("HMRC reference «K2234567890»", 0.85, 0.85),
                found("UTR «k2234567890»", 0.85, 0.85),
                found("Your UTR is «22345 67890».", 0.85, 0.85).pattern("UK_UTR (5 5)"),
                found("UTR «22345 67890K»", 0.85, 0.85).pattern("UK_UTR (K payment reference)"),
                found("UTR «K22345 67890»", 0.85, 0.85),
                found("UTRs: «2234567890», «2108834503»", 0.8, 0.8),
                // context is required
                none("2234567890"),
                none("22345 67890"),
                none("2234567890K"),
                none("Order 2108834503"),
                // invalid (HMRC and stdnum negative tests)
                none("UTR 1234567890"),
                none("UTR 5550000621"),
                none("UTR 2955839661"),
                none("UTR 1234567890K"),
                none("UTR 2234567891"),
                // shapes and boundaries
                none("UTR K2234567890K"),
                none("UTR 2234567890KK"),
                none("UTR A2234567890"),
                none("UTR 22345-67890"),
                none("UTR 2234 567890"),
                none("UTR 22345K 67890"),
                none("UTR K22345 67890K"),
                none("UTR 22345678901"),
                none("UTR 223456789"),
                none("UTR 12 2234567890"),
                none("UTR 2234567890 12"),
                none("UTR 2234567890-1"),
                none("UTR 1 22345 67890"),
                none("UTR 22345 67890 1"),
                none("UTR AB1 2234567890"),
                none("UTR 1-2234567890"),
                found("UTR 1/«2234567890»", 0.8, 0.8).pattern("UK_UTR (10 digits)").testValue(false),
                found("UTR ABC «22345 67890»", 0.85, 0.85));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void table(DetectorCase row) {
        row.check(ENGINE, EntityType.UK_UTR);
    }

    @Test
    void explanationNotesThePaymentReferenceLetter() {
        Finding trailing = ENGINE.detect("SA reference: 2234567890K").get(0);
        assertThat(trailing.explanation().note()).isEqualTo("trailing K");
        assertThat(trailing.explanation().contextEffects()).extracting(e -> e.word()).containsExactly("sa reference");
        assertThat(ENGINE.detect("UTR K2234567890").get(0).explanation().note()).isEqualTo("leading K");
        assertThat(ENGINE.detect("UTR 2234567890").get(0).explanation().note()).isEmpty();
    }

    @Test
    void hmrcCheckDigitIsTheFirstDigit() {
        assertThat(UkUtrDetector.isValid("2234567890".toCharArray(), 0)).isTrue();
        assertThat(UkUtrDetector.isValid("K2234567890".toCharArray(), 1)).isTrue();
        assertThat(UkUtrDetector.isValid("3234567890".toCharArray(), 0)).isFalse();
    }
}
