package org.piiscanner.classifiers.detectors;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.piiscanner.classifiers.DetectionEngine;
import org.piiscanner.classifiers.Finding;

/** Where two identifier detectors accept the same digits, the context words near them decide which reports. */
class UkIdentifierOverlapTest {

    private static final DetectionEngine ENGINE = DetectionEngine.forDetectors(List.of(new UkNhsDetector(),
            new UkUtrDetector(), new UsSsnDetector(), new UkPassportDetector(), new UkDrivingLicenceDetector()));

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        // 2234567890 passes both the NHS mod 11 and the HMRC UTR check
        "NHS number 943 476 5919 | UK_NHS",
        "UTR 2234567890          | UK_UTR",
        "NHS number 2234567890   | UK_NHS",
        "patient 9999999999      | UK_NHS",
        "HMRC 9999999999         | UK_UTR",
        // nine bare digits: passport or SSN
        "Passport No: 536904399  | UK_PASSPORT",
        "SSN 536904399           | US_SSN",
        "SSN 536-90-4399         | US_SSN",
        "2234567890              | ''",
        "536904399               | ''",
    })
    void contextDecides(String text, String expectedType) {
        List<String> types = ENGINE.detect(text).stream().map(f -> f.type().name()).toList();
        assertThat(types).as("%s", ENGINE.detect(text)).isEqualTo(
                expectedType.isEmpty() ? List.of() : List.of(expectedType));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "NHS number 943 476 5919 | 11 | 23",
        "UTR 2234567890          | 4  | 14",
    })
    void spanOfTheWinner(String text, int start, int end) {
        Finding f = ENGINE.detect(text).get(0);
        assertThat(new int[] {f.start(), f.end()}).containsExactly(start, end);
    }
}
