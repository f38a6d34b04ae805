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

class CreditCardDetectorTest {

    private static final DetectionEngine ENGINE = DetectionEngine.forDetectors(List.of(new CreditCardDetector()));

    static Stream<DetectorCase> table() {
        return Stream.of(
                // valid published test PANs (spec §12), flagged as test values
                found("«4111111111111111»", 0.8, 0.8).testValue(true),
                found("«4242 4242 4242 4242»", 0.9, 0.9).testValue(true),
                found("«4242-4242-4242-4242»", 0.9, 0.9),
                found("«5555555555554444»", 0.8, 0.8),
                found("«2223003122003222»", 0.8, 0.8),
                found("«2223000048400011»", 0.8, 0.8),
                found("«378282246310005»", 0.8, 0.8),
                found("«3782 822463 10005»", 0.9, 0.9),
                found("«6011111111111117»", 0.8, 0.8),
                found("«3566002020360505»", 0.8, 0.8),
                found("«6200000000000005»", 0.8, 0.8),
                found("«6205500000000000004»", 0.8, 0.8),
                found("«6799990100000000019»", 0.8, 0.8),
                found("«36227206271667»", 0.8, 0.8),
                // a Luhn-valid card that is not on the test lists
                found("paid with «4539 1488 0343 6467» yesterday", 0.9, 0.9).testValue(false),
                // context boost
                found("Card number: «5555 5555 5555 4444»", 1.0, 1.0),
                // negative context
                found("IMEI «4539148803436467»", 0.5, 0.5),
                // invalid
                none("4242424242424241"),
                none("4111111111111112"),
                none("5555555555554440"),
                none("1234567812345678"),
                none("7111111111111111"),
                none("4111 1111-1111 1111"),
                none("0000 0000 0000 0000"),
                // boundaries: inside longer digit groups
                none("12 4111 1111 1111 1111"),
                none("AB12 4111 1111 1111 1111"),
                found("AB12/«4111 1111 1111 1111»", 0.9, 0.9),
                none("4111 1111 1111 1111 22"),
                none("41111111111111111111"),
                none("A4111111111111111"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void table(DetectorCase row) {
        row.check(ENGINE, EntityType.CREDIT_CARD);
    }

    @Test
    void explanationCarriesBrandNotValue() {
        var f = ENGINE.detect("Visa 4539 1488 0343 6467").get(0);
        assertThat(f.explanation().note()).isEqualTo("Visa");
        assertThat(f.explanation().contextEffects()).extracting(e -> e.word()).containsExactly("visa");
        assertThat(f.maskedPreview()).isEqualTo("4539 **** **** 6467");
    }
}
