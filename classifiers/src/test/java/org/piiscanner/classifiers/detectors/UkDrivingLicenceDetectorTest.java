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

class UkDrivingLicenceDetectorTest {

    private static final DetectionEngine ENGINE =
            DetectionEngine.forDetectors(List.of(new UkDrivingLicenceDetector()));

    static Stream<DetectorCase> table() {
        return Stream.of(
                // valid (spec §6 vectors)
                found("«MORGA753116SM9IJ»", 0.6, 0.6).pattern("UK_DRIVING_LICENCE (structure)"),
                found("«MORGA753116SM9IJ 35»", 0.65, 0.65).pattern("UK_DRIVING_LICENCE (structure + issue number)"),
                found("«JONES710153J99EF»", 0.6, 0.6),
                found("«SMIT9801015JK2CD»", 0.6, 0.6),
                // context boost
                found("Driving licence: «MORGA753116SM9IJ»", 0.95, 0.95),
                found("DVLA photocard «MORGA753116SM9IJ 35»", 1.0, 1.0),
                // invalid structure (spec §6 vectors)
                none("MORGA713116SM9IJ"),
                none("MORGA763116SM9IJ"),
                none("MORGA750016SM9IJ"),
                none("MO9GA753116SM9IJ"),
                none("MORGA752306SM9IJ"),
                // further structural rules
                none("99999753116SM9IJ"),
                none("9ORGA753116SM9IJ"),
                none("MORGA753326SM9IJ"),
                none("MORGA750116SM9IJ"),
                none("MORGA700116SM9IJ"),
                none("MORGA7531169M9IJ"),
                none("MORGA753116SMXIJ"),
                none("MORGA753116SM9I-"),
                none("SMITH802291AB1CD"),
                found("«SMITH802290AB1CD»", 0.6, 0.6),
                found("«SMITH852290AB1CD»", 0.6, 0.6),
                none("SMITH852291AB1CD"),
                // Presidio UkDrivingLicenceRecognizer vectors (Presidio scores 0.3-0.5)
                found("«MORGA607054SM9IJ»", 0.6, 0.6),
                found("«MORGA657054SM9IJ»", 0.6, 0.6),
                found("«FO999512018AA1AB»", 0.6, 0.6),
                found("«SMITH812310AB1CD»", 0.6, 0.6),
                found("«SMITH851010AB1CD»", 0.6, 0.6),
                found("«SMITH862310AB1CD»", 0.6, 0.6),
                found("Licence: «MORGA607054SM9IJ» ok", 0.95, 0.95),
                // not upper case: context only
                none("morga607054sm9ij"),
                found("driving licence «morga607054sm9ij»", 0.75, 0.75)
                        .pattern("UK_DRIVING_LICENCE (not upper case, weak)"),
                found("licence «Morga607054Sm9Ij»", 0.75, 0.75),
                // issue number forms and boundaries
                found("«MORGA753116SM9IJ35»", 0.65, 0.65),
                found("«MORGA753116SM9IJ» 356", 0.6, 0.6),
                found("«MORGA753116SM9IJ»-35", 0.6, 0.6),
                found("«MORGA753116SM9IJ 35» 6", 0.65, 0.65),
                none("MORGA753116SM9IJ3"),
                none("MORGA753116SM9IJ3A"),
                none("XMORGA753116SM9IJ"),
                none("MORGA753116SM9I"),
                found("licence-«MORGA753116SM9IJ».", 0.95, 0.95));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void table(DetectorCase row) {
        row.check(ENGINE, EntityType.UK_DRIVING_LICENCE);
    }

    @Test
    void explanationSaysTheCheckCharactersAreNotVerified() {
        Finding f = ENGINE.detect("MORGA753116SM9IJ").get(0);
        assertThat(f.explanation().validation()).isEqualTo(Validation.VALID);
        assertThat(f.explanation().note()).isEqualTo("structure only; check characters not public");
    }
}
