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

class BicDetectorTest {

    private static final DetectionEngine ENGINE = DetectionEngine.forDetectors(List.of(new BicDetector()));

    static Stream<DetectorCase> table() {
        return Stream.of(
                // spec §19 valid vectors: a context word is required (0.4 + 0.35)
                found("BIC: «NWBKGB2L»", 0.75, 0.75).pattern("BIC (country code, weak)").testValue(false),
                found("SWIFT code «BARCGB22»", 0.75, 0.75),
                found("«DEUTDEFF» (SWIFT)", 0.75, 0.75),
                found("SWIFT/BIC «NWBKGB2LXXX»", 0.75, 0.75),
                found("bank identifier code «AGRIFRPP882»", 0.75, 0.75),
                found("IBAN GB29 NWBK 6016 1331 9268 19, beneficiary bank «NWBKGB2L»", 0.75, 0.75),
                // ... and without context nothing is reported, valid or not
                none("NWBKGB2L"),
                none("DEUTDEFF"),
                none("AGRIFRPP882"),
                // spec §19 invalid vectors, even with context
                none("BIC NWBKG82L"),
                none("BIC NWBKXX2L"),
                none("BIC DEUTDEF"),
                // the false-positive example passes the format: only context lets it through
                none("DOCUMENT"),
                none("PLEASE SIGN THE DOCUMENT TODAY"),
                found("BIC «DOCUMENT»", 0.75, 0.75),
                // PASSWORD: WO is not a country
                none("SWIFT PASSWORD"),
                // Kosovo (XK) is accepted though not in ISO 3166-1
                found("BIC «ABCDXKPR»", 0.75, 0.75),
                // location code ending in 0: test BIC
                found("BIC «NWBKGB20»", 0.75, 0.75).testValue(true),
                // shapes: lower case, digits in the bank or country code, wrong lengths, inside longer words
                none("BIC nwbkgb2l"),
                none("BIC NwbkGB2L"),
                none("BIC NWB1GB2L"),
                none("BIC NWBKGB2LXX"),
                none("BIC NWBKGB2LXXXX"),
                none("BIC NWBKGB2LX"),
                found("BIC «NWBKGB2L»/«DEUTDEFF»", 0.75, 0.75),
                none("BIC X-1NWBKGB2L"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void table(DetectorCase row) {
        row.check(ENGINE, EntityType.BIC);
    }

    @Test
    void explanationNamesCountry() {
        Finding f = ENGINE.detect("SWIFT: DEUTDEFF").get(0);
        assertThat(f.explanation().detector()).isEqualTo("bic");
        assertThat(f.explanation().note()).isEqualTo("country DE");
        assertThat(f.explanation().contextEffects()).extracting(e -> e.word()).containsExactly("swift");
        assertThat(ENGINE.detect("BIC NWBKGB20").get(0).explanation().note()).isEqualTo("country GB, test BIC");
    }
}
