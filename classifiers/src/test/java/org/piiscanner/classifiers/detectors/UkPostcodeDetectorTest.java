package org.piiscanner.classifiers.detectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.piiscanner.classifiers.DetectorCase.found;
import static org.piiscanner.classifiers.DetectorCase.none;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.piiscanner.classifiers.DetectionEngine;
import org.piiscanner.classifiers.DetectionContext;
import org.piiscanner.classifiers.DetectorCase;
import org.piiscanner.classifiers.EntityType;
import org.piiscanner.classifiers.Finding;

class UkPostcodeDetectorTest {

    private static final DetectionEngine ENGINE = DetectionEngine.forDetectors(List.of(new UkPostcodeDetector()));

    static Stream<DetectorCase> table() {
        return Stream.of(
                // spec §4: the six outward shapes
                found("«SW1A 1AA»", 0.5, 0.5).pattern("UK_POSTCODE (known area)"),
                found("«EC1A 1BB»", 0.5, 0.5),
                found("«W1A 0AX»", 0.5, 0.5),
                found("«M1 1AE»", 0.5, 0.5),
                found("«B33 8TH»", 0.5, 0.5),
                found("«CR2 6XH»", 0.5, 0.5),
                found("«DN55 1PT»", 0.5, 0.5),
                // spec §4: no space
                found("«M11AA»", 0.5, 0.5),
                found("«EC1A1BB»", 0.5, 0.5),
                // spec §4: special cases
                found("«GIR 0AA»", 0.5, 0.5),
                found("«GIR0AA»", 0.5, 0.5),
                found("«BF1 3AA»", 0.5, 0.5),
                found("«BX1 1LT»", 0.5, 0.5),
                found("«BFPO 61»", 0.5, 0.5).pattern("UK_BFPO (British Forces Post Office)"),
                found("«BFPO61»", 0.5, 0.5),
                found("«BFPO 1234»", 0.5, 0.5),
                none("BFPO 12345"),
                none("BFPO"),
                found("«FIQQ 1ZZ»", 0.5, 0.5).pattern("UK_OVERSEAS_TERRITORY_POSTCODE"),
                found("«ASCN 1ZZ», «STHL1ZZ», «TDCU 1ZZ», «BBND 1ZZ», «BIQQ 1ZZ», «PCRN 1ZZ», «SIQQ 1ZZ», «TKCA 1ZZ»",
                        0.5, 0.5),
                none("FIQQ 2ZZ"),
                none("ABCD 1ZZ"),
                // spec §4: letter-position rules
                none("QA1 1AA"),
                none("VA1 1AA"),
                none("XA1 1AA"),
                none("AI1 1AA"),
                none("AJ1 1AA"),
                none("AZ1 1AA"),
                none("M1 1CA"),
                none("M1 1AI"),
                none("M1 1AK"),
                none("M1 1MA"),
                none("M1 1OA"),
                none("M1 1AV"),
                none("EC1C 4BB"),
                none("A6L 1AE"),
                found("«E1W 1AA»", 0.5, 0.5),
                found("«W1P 1AA»", 0.5, 0.5),
                found("«SW1Y 4AA»", 0.5, 0.5),
                // spec §4: shape and boundaries
                none("1A1 1AA"),
                none("SW1A 1AAA"),
                none("XSW1A 1AA"),
                none("SW1A1AAX"),
                none("SW1A-1AA"),
                none("SW1A  1AA"),
                none("sw1a 1aa"),
                none("Sw1A 1AA"),
                none("SW1A 1aa"),
                none("SW1A"),
                none("SW12A 1AA"),
                none("S1 1"),
                found("LONDON «SW1A 1AA» UK", 0.5, 0.5),
                found("«SW1A 1AA»-«EC1A 1BB»", 0.5, 0.5),
                // area not on the allow-list: context only
                none("FA1 1AA"),
                none("GX11 1AA"),
                found("Postcode: «FA1 1AA»", 0.65, 0.65).pattern("UK_POSTCODE (unknown area, weak)"),
                found("address «GX11 1AA»", 0.65, 0.65),
                // context boost
                found("Home address: 10 Downing Street, London «SW1A 2AA»", 0.85, 0.85),
                found("«SW1A 2AA» (postcode)", 0.85, 0.85),
                found("BFPO «BFPO 61»", 0.85, 0.85),

                // Presidio UkPostcodeRecognizer vectors (all agree)
                found("«M1 1AA»", 0.5, 0.5),
                found("«M60 1NW»", 0.5, 0.5),
                found("«W1A 1HQ»", 0.5, 0.5),
                found("«DN551PT»", 0.5, 0.5),
                found("My address is «SW1A 1AA» in London", 0.85, 0.85),
                found("Send to postcode «EC2A 1NT» please", 0.85, 0.85),
                found("From «SW1A 1AA» to «EC1A 1BB»", 0.5, 0.5),
                none("ABCM11AADEF"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void table(DetectorCase row) {
        row.check(ENGINE, EntityType.UK_POSTCODE);
    }

    @Test
    void columnNameIsContext() {
        List<Finding> findings = ENGINE.detect("FA1 1AA", DetectionContext.forField("postcode"));
        assertThat(findings).hasSize(1);
        assertThat(findings.get(0).score()).isEqualTo(0.65);
        assertThat(findings.get(0).explanation().note()).isEqualTo("area not on the postcode-area list");
    }

    @Test
    void notesNameSpecialAreas() {
        assertThat(ENGINE.detect("BX1 1LT").get(0).explanation().note()).isEqualTo("non-geographic area");
        assertThat(ENGINE.detect("GIR 0AA").get(0).explanation().note()).isEqualTo("GIR 0AA (Girobank)");
        assertThat(ENGINE.detect("SW1A 1AA").get(0).maskedPreview()).isEqualTo("S*** **A");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"A1 ", "SW1A ", "SW1A 1AA ", "M11AA ", "BFPO ", "AA"})
    void adversarialInputIsLinear(String unit) {
        String text = unit.repeat(1_000_000 / unit.length());
        long start = System.nanoTime();
        ENGINE.detect(text);
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertThat(millis).as("1 MB of '%s'", unit).isLessThan(2_000);
    }
}
