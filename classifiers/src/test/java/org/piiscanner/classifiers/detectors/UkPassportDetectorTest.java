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

class UkPassportDetectorTest {

    private static final DetectionEngine ENGINE = DetectionEngine.forDetectors(List.of(new UkPassportDetector()));

    /** ICAO 9303 specimen TD3 line 2 (Anna Maria Eriksson, Utopia): all five check digits valid. */
    private static final String SPECIMEN = "L898902C<3UTO6908061F9406236ZE184226B<<<<<14";
    /** The specimen with GBR nationality: nationality is outside every check digit, so it stays valid. */
    private static final String SPECIMEN_GBR = "L898902C<3GBR6908061F9406236ZE184226B<<<<<14";

    static Stream<DetectorCase> table() {
        return Stream.of(
                // spec §5 vectors
                found("Passport No: «123456789»", 0.75, 0.75).pattern("UK_PASSPORT_9DIGIT (no checksum)"),
                found("passport «A123456»", 0.7, 0.7).pattern("UK_PASSPORT_LEGACY (no checksum)"),
                found("passport «123456A»", 0.7, 0.7),
                found("«" + SPECIMEN + "»", 0.85, 0.85).testValue(true)
                        .pattern("MRZ_TD3_LINE2 (other nationality, 5 check digits)"),
                none("L898902C<4UTO6908061F9406236ZE184226B<<<<<14"),
                none("Passport 1234567890"),
                none("AB1234567"),
                // MRZ: UK nationality, context, line 1 above, empty optional data, each check digit altered
                found("«" + SPECIMEN_GBR + "»", 0.9, 0.9).testValue(true)
                        .pattern("MRZ_TD3_LINE2 (UK nationality, 5 check digits)"),
                found("MRZ: «" + SPECIMEN + "»", 1.0, 1.0),
                found("P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\n«" + SPECIMEN + "»\n", 0.85, 0.85),
                found("PASSPORT «" + SPECIMEN + "» END", 1.0, 1.0),
                found("«L898902C<3UTO6908061F9406236<<<<<<<<<<<<<<<2»", 0.85, 0.85),
                found("«L898902C<3UTO6908061F9406236<<<<<<<<<<<<<<02»", 0.85, 0.85),
                none("L898902C<3UTO6908062F9406236ZE184226B<<<<<14"),
                none("L898902C<3UTO6908061F9406237ZE184226B<<<<<14"),
                none("L898902C<3UTO6908061F9406236ZE184226B<<<<<24"),
                none("L898902C<3UTO6908061F9406236ZE184226B<<<<<15"),
                none("L898902C<3UTO6908061F9406236<<<<<<<<<<<<<<<3"),
                // one field check digit altered, composite re-computed: only that field check fails
                none("L898902C<4UTO6908061F9406236ZE184226B<<<<<11"),
                none("L898902C<3UTO6908062F9406236ZE184226B<<<<<17"),
                none("L898902C<3UTO6908061F9406237ZE184226B<<<<<15"),
                none("L898902C<3UTO6908061F9406236ZE184226B<<<<<25"),
                none("L898902C<3UTO6908061F9406236ZE184226B<<<<<<3"),
                none("L898902C<3UTO6908061Q9406236ZE184226B<<<<<14"),
                none("L898902C<3U1O6908061F9406236ZE184226B<<<<<14"),
                // MRZ boundaries
                none("X" + SPECIMEN),
                none("<" + SPECIMEN),
                none(SPECIMEN + "<"),
                none(SPECIMEN + "7"),
                none(SPECIMEN.substring(1)),
                none(SPECIMEN.toLowerCase()),
                // context-only forms
                none("123456789"),
                none("A123456"),
                none("order 123456A"),
                found("passport number «AB1234567»", 0.65, 0.65).pattern("UK_PASSPORT_2L7D_UNVERIFIED (weak)"),
                // Presidio UkPassportRecognizer vectors (Presidio reports the 2L7D ones at 0.1 without context)
                found("My passport number is «CD7654321» and it expires soon", 0.65, 0.65),
                found("Passports: «AB1234567» and «XY9876543»", 0.65, 0.65),
                none("XY9876543"),
                none("passport ab1234567"),
                none("passport A12345678"),
                none("passport ABC123456"),
                none("passport AB123456"),
                none("passport AB12345678"),
                none("passport AB 1234567"),
                none("passport 1234567AB"),
                none("passport XYZAB1234567QRS"),
                // shapes and boundaries of the printed forms
                none("passport a123456"),
                none("passport A1234567"),
                none("passport 12345678"),
                none("passport 12 123456789"),
                none("passport 123456789 12"),
                none("passport 123-456789"),
                found("HM Passport Office: «123456789», issued", 0.75, 0.75),
                found("British passport «A123456» (old)", 0.7, 0.7));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void table(DetectorCase row) {
        row.check(ENGINE, EntityType.UK_PASSPORT);
    }

    @Test
    void mrzNoteNamesTheNationalityAndTheSpecimen() {
        Finding f = ENGINE.detect(SPECIMEN_GBR).get(0);
        assertThat(f.explanation().note()).isEqualTo("MRZ GBR (ICAO 9303 specimen)");
        assertThat(f.explanation().contextEffects()).isEmpty();
        assertThat(ENGINE.detect(SPECIMEN).get(0).explanation().note()).isEqualTo("MRZ UTO (ICAO 9303 specimen)");
    }

    @Test
    void nonSpecimenMrzIsNotATestValue() {
        // the specimen with document number, its check digit and the composite changed (all re-computed)
        Finding f = ENGINE.detect("Z123456789GBR6908061F9406236ZE184226B<<<<<12").get(0);
        assertThat(f.testValue()).isFalse();
        assertThat(f.explanation().note()).isEqualTo("MRZ GBR");
        assertThat(f.score()).isEqualTo(0.9);
    }
}
