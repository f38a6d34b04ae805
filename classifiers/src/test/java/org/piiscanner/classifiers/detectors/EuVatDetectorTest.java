package org.piiscanner.classifiers.detectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.piiscanner.classifiers.DetectorCase.found;
import static org.piiscanner.classifiers.DetectorCase.none;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.piiscanner.classifiers.DetectionEngine;
import org.piiscanner.classifiers.DetectorCase;
import org.piiscanner.classifiers.EntityType;
import org.piiscanner.classifiers.Finding;

class EuVatDetectorTest {

    private static final DetectionEngine ENGINE = DetectionEngine.forDetectors(List.of(new EuVatDetector()));

    private static final String COMPACT = "EU_VAT (prefixed, check digit)";
    private static final String SPACED = "EU_VAT (prefix + space, check digit)";
    private static final String SHORT = "EU_VAT (RO, short number, weak)";
    private static final String OSS = "EU_VAT (EU OSS, no check digit, weak)";
    private static final String GREEK_GR = "EU_VAT (GR prefix, malformed: Greece uses EL)";

    /**
     * Per country and form: a synthetic number whose check digit was computed with this implementation and
     * confirmed with python-stdnum 1.18, and the same number with a wrong check character (also confirmed
     * invalid there). Hand-worked examples:
     * <ul>
     * <li>BE0123456749: 01234567 mod 97 = 48, and 48 + 49 = 97.
     * <li>DE123456788: ISO 7064 MOD 11,10 over 1..8 leaves P = 3; (3 + 8) mod 10 = 1.
     * <li>DK12345674: 2*1 + 7*2 + 6*3 + 5*4 + 4*5 + 3*6 + 2*7 + 1*4 = 110 = 10 * 11.
     * <li>EL123456783: doubling-and-adding 1..8 gives 502; 2 * 502 = 1004 = 91 * 11 + 3.
     * <li>FR11123456782: SIREN 123456782 is Luhn-valid; 12345678212 mod 97 = 11, the key.
     * <li>LU12345613: 123456 mod 89 = 13.
     * <li>PL1234567802: 6*1 + 5*2 + 7*3 + 2*4 + 3*5 + 4*6 + 5*7 + 6*8 + 7*0 = 167 = 15 * 11 + 2.
     * </ul>
     */
    static final List<String[]> COMPUTED = List.of(
            new String[] {"ATU12345675", "ATU12345676"},
            new String[] {"BE0123456749", "BE0123456740"},
            new String[] {"BG123456786", "BG123456787"},
            new String[] {"BG7501010010", "BG7501010011"},
            new String[] {"CY01234567U", "CY01234567V"},
            new String[] {"CZ12345679", "CZ12345670"},
            new String[] {"CZ612345670", "CZ612345671"},
            new String[] {"CZ7103192745", "CZ7103192746"},
            new String[] {"CZ520101123", "CZ521301123"},
            new String[] {"DE123456788", "DE123456789"},
            new String[] {"DK12345674", "DK12345675"},
            new String[] {"EE123456780", "EE123456781"},
            new String[] {"EL123456783", "EL123456784"},
            new String[] {"ES12345678Z", "ES12345678A"},
            new String[] {"ESX1234567L", "ESX1234567M"},
            new String[] {"ESB12345674", "ESB12345675"},
            new String[] {"ESB1234567D", "ESB1234567E"},
            new String[] {"ESK1234567L", "ESK1234567M"},
            new String[] {"FI12345671", "FI12345672"},
            new String[] {"FR11123456782", "FR12123456782"},
            new String[] {"FR0L123456782", "FR0L123456783"},
            new String[] {"FR34000123456", "FR34000123457"},
            new String[] {"HR12345678903", "HR12345678904"},
            new String[] {"HU12345676", "HU12345677"},
            new String[] {"IE1234567T", "IE1234567U"},
            new String[] {"IE1234567FA", "IE1234567FB"},
            new String[] {"IE1A23456W", "IE1A23456X"},
            new String[] {"IT12345670017", "IT12345670018"},
            new String[] {"LT123456715", "LT123456716"},
            new String[] {"LT123456789011", "LT123456789012"},
            new String[] {"LU12345613", "LU12345614"},
            new String[] {"LV41234567891", "LV41234567892"},
            new String[] {"LV16117519997", "LV16117519998"},
            new String[] {"MT12345671", "MT12345672"},
            new String[] {"NL123456782B01", "NL123456783B01"},
            new String[] {"NL123400013B01", "NL123400013B02"},
            new String[] {"PL1234567802", "PL1234567803"},
            new String[] {"PT123456789", "PT123456780"},
            new String[] {"RO12345674", "RO12345675"},
            new String[] {"SE987654321701", "SE987654321801"},
            new String[] {"SI12345679", "SI12345670"},
            new String[] {"SK1234567895", "SK1234567896"});

    static Stream<DetectorCase> table() {
        Stream<DetectorCase> spec = Stream.of(
                // spec §18 valid vectors, reported without context
                found("«ATU57194903»", 0.65, 0.65).pattern(COMPACT).testValue(false),
                found("«BE0697449992»", 0.65, 0.65),
                found("«DE136695976»", 0.65, 0.65),
                found("«FR61954506077»", 0.65, 0.65),
                found("«NL004495445B01»", 0.65, 0.65),
                found("«IE6388047V»", 0.65, 0.65),
                found("«IE6433435OA»", 0.65, 0.65),
                found("«ESA28015865»", 0.65, 0.65),
                found("«EL094259216»", 0.65, 0.65),
                found("«SE123456789701»", 0.65, 0.65),
                found("«PL8567346215»", 0.65, 0.65),
                // XI is valid but owned by uk_vat (see xiIsReportedOnceOverall)
                none("XI980780684"),
                // spec §18 invalid vectors
                none("DE136695977"),
                none("FR61954506078"),
                none("DE036695976"),
                none("ATX57194903"),
                // GR: malformed prefix (VIES uses EL): only with context, low score
                none("GR094259216"),
                found("VAT «GR094259216»", 0.65, 0.65).pattern(GREEK_GR),
                none("VAT GR094259217"),
                // prefix + one space
                found("«DE 136695976»", 0.6, 0.6).pattern(SPACED),
                found("«NL 004495445B01»", 0.6, 0.6),
                found("«EL 094259216»", 0.6, 0.6),
                // context boost
                found("USt-IdNr.: «DE136695976»", 1.0, 1.0),
                found("N° TVA intracommunautaire «FR61954506077»", 1.0, 1.0),
                found("BTW-nummer «NL 004495445B01»", 0.95, 0.95),
                found("Reverse charge applies, «ATU57194903»", 1.0, 1.0),
                // Romanian numbers under six digits and OSS numbers: context only
                none("RO1235"),
                found("VAT «RO1235»", 0.75, 0.75).pattern(SHORT),
                found("«RO12345674»", 0.65, 0.65).pattern(COMPACT),
                none("EU372022452"),
                found("VAT ID «EU372022452»", 0.75, 0.75).pattern(OSS),
                found("VAT ID «EU 900123456»", 0.75, 0.75),
                none("VAT ID EU999022452"),
                none("VAT ID EU37202245"),
                // GB is not an EU prefix here
                none("VAT GB980780684"),
                // shapes and boundaries
                none("XDE136695976"),
                none("DE1366959761"),
                none("DE136695976X"),
                none("de136695976"),
                none("De136695976"),
                none("NL004495445b01"),
                none("DE 136 695 976"),
                none("DE-136695976"),
                none("DE  136695976"),
                none("QQ136695976"),
                found("DE «DE136695976»", 0.65, 0.65),
                found("«DE136695976», «ATU57194903»", 0.65, 0.65),
                found("ref/«ESA28015865».", 0.65, 0.65));
        Stream<DetectorCase> computed = COMPUTED.stream().flatMap(pair -> Stream.of(
                found("«" + pair[0] + "»", 0.65, 0.65).pattern(COMPACT),
                none(pair[1])));
        return Stream.concat(spec, computed);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void table(DetectorCase row) {
        row.check(ENGINE, EntityType.EU_VAT);
    }

    @Test
    void everyMemberStateHasAComputedPair() {
        Set<String> covered = COMPUTED.stream().map(p -> p[0].substring(0, 2)).collect(Collectors.toSet());
        Set<String> prefixes = Arrays.stream(EuVatNumbers.Country.values()).map(Enum::name)
                .filter(p -> !p.equals("EU")).collect(Collectors.toCollection(TreeSet::new));
        assertThat(prefixes).hasSize(27);
        assertThat(covered).containsExactlyInAnyOrderElementsOf(prefixes);
    }

    @Test
    void xiIsReportedOnceOverall() {
        DetectionEngine both = DetectionEngine.forDetectors(List.of(new UkVatDetector(), new EuVatDetector()));
        for (String text : List.of("XI980780684", "VAT XI980780684", "VAT: XI 980 7806 84")) {
            List<Finding> findings = both.detect(text);
            assertThat(findings).as(text).hasSize(1);
            assertThat(findings.get(0).type()).isEqualTo(EntityType.UK_VAT);
        }
    }

    @Test
    void explanationNamesCountry() {
        assertThat(ENGINE.detect("DE136695976").get(0).explanation().note()).isEqualTo("DE");
        assertThat(ENGINE.detect("EL094259216").get(0).explanation().note()).isEqualTo("EL");
        Finding greek = ENGINE.detect("VAT number GR094259216").get(0);
        assertThat(greek.explanation().note()).isEqualTo("Greece (GR instead of EL)");
        assertThat(greek.explanation().baseScore()).isEqualTo(0.3);
    }
}
