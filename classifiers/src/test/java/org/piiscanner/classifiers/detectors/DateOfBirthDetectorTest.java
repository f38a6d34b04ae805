package org.piiscanner.classifiers.detectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.piiscanner.classifiers.DetectorCase.found;
import static org.piiscanner.classifiers.DetectorCase.none;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.piiscanner.classifiers.DetectionContext;
import org.piiscanner.classifiers.DetectionEngine;
import org.piiscanner.classifiers.DetectorCase;
import org.piiscanner.classifiers.EntityType;
import org.piiscanner.classifiers.Finding;

class DateOfBirthDetectorTest {

    /** "Today" for these tests: 15 June 2025, so the age window starts on 15 June 1905. */
    private static final Clock TODAY = Clock.fixed(Instant.parse("2025-06-15T12:00:00Z"), ZoneOffset.UTC);

    private static final DetectionEngine ENGINE =
            DetectionEngine.forDetectors(List.of(new DateOfBirthDetector(TODAY)));

    static Stream<DetectorCase> table() {
        return Stream.of(
                // spec §17 vectors, with a date-of-birth hotword
                found("DOB: «01/02/1985»", 0.7, 0.7).pattern("DOB (numeric d/m/yyyy)"),
                found("DOB: «1/2/1985»", 0.7, 0.7),
                found("Date of birth «31.12.1999»", 0.7, 0.7),
                found("born «29-02-2000»", 0.7, 0.7),
                found("born «1985-02-01»", 0.7, 0.7).pattern("DOB (ISO yyyy-mm-dd)"),
                found("born «12th March 1985»", 0.7, 0.7).pattern("DOB (textual)"),
                none("DOB 01/02-1985"),
                none("DOB 31/02/1985"),
                none("DOB 29/02/2001"),
                none("DOB 01/01/2099"),
                // without context nothing is reported
                none("01/02/1985"),
                none("1985-02-01"),
                none("Meeting on 12th March 1985"),
                none("Invoice date 01/02/2020"),
                // the nearest context word decides: the DOB hotword for the first date, "created" for the second
                found("Patient DOB «01/02/1985» (record created 03/04/2020)", 0.7, 0.7),
                found("DOB: «12/03/1976». Version 10.2 released on 2024-01-31", 0.7, 0.7),
                found("Start date 2024-01-31, date of birth «1990-05-17»", 0.7, 0.7),
                found("Date of birth: «01/02/1985»\n\nCreated: 2023-01-01", 0.7, 0.7),
                found("DOB: «01/02/85», expiry 01/02/30", 0.6, 0.6),
                // hotwords
                found("D.O.B. «01/02/1985»", 0.7, 0.7),
                found("D.O.B «01/02/1985»", 0.7, 0.7),
                found("d/o/b: «01/02/1985»", 0.7, 0.7),
                found("birth date «01/02/1985»", 0.7, 0.7),
                found("Birthday: «1 Feb 1985»", 0.7, 0.7),
                found("born on «1 Feb 1985»", 0.7, 0.7),
                found("geboren am «01.02.1985»", 0.7, 0.7),
                found("Geburtsdatum «01.02.1985»", 0.7, 0.7),
                found("née le «01/02/1985»", 0.7, 0.7),
                found("«01/02/1985» (date of birth)", 0.7, 0.7),
                // textual forms
                found("Date of birth: «01 February, 1985»", 0.7, 0.7),
                found("born «1st Jan 1990»", 0.7, 0.7),
                found("born «2nd february 1990»", 0.7, 0.7),
                found("DOB «3RD MAR 1990»", 0.7, 0.7),
                found("DOB «12 MARCH 1985»", 0.7, 0.7),
                found("born «15 Sept 1990»", 0.7, 0.7),
                found("born «15 Sep, 1990»", 0.7, 0.7),
                found("DOB «01-Feb-1985»", 0.7, 0.7),
                none("born 15 Marchx 1990"),
                none("born 15 Ma 1990"),
                none("born 15 March 90"),
                none("born 15 March 19901"),
                none("born 15 March 1990x"),
                none("born 32 March 1990"),
                none("born 31 April 1990"),
                none("born 123 March 1990"),
                none("born 15xy March 1990"),
                none("born 1st of March 1990"),
                none("born 15 March  1990"),
                none("born 15-March 1990"),
                none("born 01-Feb, 1985"),
                // two-digit years: century from the age window
                found("DOB: «01/02/85»", 0.6, 0.6).pattern("DOB (two-digit year, weak)"),
                found("DOB «29/02/00»", 0.6, 0.6),
                found("DOB «16/06/25»", 0.6, 0.6),
                none("DOB 29/02/01"),
                none("DOB 1/2/3"),
                // plausibility window: not in the future, at most 120 years ago
                found("DOB «15/06/2025»", 0.7, 0.7),
                none("DOB 16/06/2025"),
                none("born 2025-06-16"),
                none("born 16 June 2025"),
                found("DOB «15/06/1905»", 0.7, 0.7),
                none("DOB 14/06/1905"),
                none("DOB 01/02/1899"),
                // calendar and shape
                none("DOB 32/01/1985"),
                none("DOB 00/01/1985"),
                none("DOB 01/13/1985"),
                none("DOB 01/00/1985"),
                none("DOB 1985-2-1"),
                none("DOB 1985-02-30"),
                none("DOB 1985/02/01"),
                none("DOB 001/02/1985"),
                none("DOB 01/02/198"),
                // boundaries
                found("DOB «01/02/1985».", 0.7, 0.7),
                found("DOB «01/02/1985» 10:30", 0.7, 0.7),
                none("DOB 1.2.1985.3"),
                none("DOB 01/02/1985/4"),
                none("DOB 1/2/19850"),
                none("DOB /01/02/1985"),
                none("DOB 7.01.02.1985"),
                none("DOB 1985-02-01T10:00"),
                none("DOB x01/02/1985"),
                none("DOB 1985-02-01-5"),

                // Presidio DateRecognizer vectors that can be dates of birth (Presidio finds any date; here a hotword
                // is added, and month-first, partial and timestamp forms are not DOB shapes)
                found("born «21.5.2021»", 0.7, 0.7),
                found("DOB «21.5.21»", 0.6, 0.6),
                found("DOB «21/05/21»", 0.6, 0.6),
                found("DOB «21/5/21»", 0.6, 0.6),
                found("DOB «2021-05-21»", 0.7, 0.7),
                found("DOB «5-May-2021»", 0.7, 0.7),
                found("DOB «5-MAY-2021»", 0.7, 0.7),
                none("DOB 5-20-2021"),
                none("DOB 5/20/2021"),
                none("DOB 05/21/21"),
                none("DOB May-21"),
                none("DOB 21-May"),
                none("DOB May-2021"),
                none("DOB 05/2021"),
                none("DOB 5/21"),
                none("DOB 2024-03-15T14:30Z"),
                none("Today is 5-20-2021"),
                none("Today is 2021-05-21"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void table(DetectorCase row) {
        row.check(ENGINE, EntityType.DATE_OF_BIRTH);
    }

    @Test
    void columnNameIsContext() {
        for (String column : List.of("date_of_birth", "dateOfBirth", "DOB", "birth_date")) {
            List<Finding> findings = ENGINE.detect("01/02/1985", DetectionContext.forField(column));
            assertThat(findings).as(column).hasSize(1);
            assertThat(findings.get(0).score()).as(column).isEqualTo(0.7);
        }
        assertThat(ENGINE.detect("01/02/1985", DetectionContext.forField("invoice_date"))).isEmpty();
    }

    @Test
    void futureIsJudgedAgainstTheClock() {
        DetectionEngine in2100 = DetectionEngine.forDetectors(List.of(new DateOfBirthDetector(
                Clock.fixed(Instant.parse("2100-01-01T00:00:00Z"), ZoneOffset.UTC))));
        assertThat(in2100.detect("DOB 01/01/2099")).hasSize(1);
        assertThat(in2100.detect("DOB 01/01/1979")).isEmpty();
        assertThat(in2100.detect("DOB 01/02/85").get(0).explanation().note())
                .isEqualTo("century inferred from the age window");
        assertThat(new DateOfBirthDetector().detect("DOB 01/01/2099", DetectionContext.DEFAULT)).isEmpty();
        assertThat(new DateOfBirthDetector().detect("DOB 01/01/1985", DetectionContext.DEFAULT)).hasSize(1);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"1/", "1.", "12 ", "1 March ", "1/2/1985/", "1985-01-", "12th "})
    void adversarialInputIsLinear(String unit) {
        String text = "DOB " + unit.repeat(1_000_000 / unit.length());
        long start = System.nanoTime();
        ENGINE.detect(text);
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertThat(millis).as("1 MB of '%s'", unit).isLessThan(2_000);
    }
}
