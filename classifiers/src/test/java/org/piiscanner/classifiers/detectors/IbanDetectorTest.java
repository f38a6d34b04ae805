package org.piiscanner.classifiers.detectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.piiscanner.classifiers.DetectorCase.found;
import static org.piiscanner.classifiers.DetectorCase.none;

import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.piiscanner.classifiers.DetectionEngine;
import org.piiscanner.classifiers.DetectorCase;
import org.piiscanner.classifiers.EntityType;
import org.piiscanner.classifiers.Finding;

class IbanDetectorTest {

    private static final DetectionEngine ENGINE = DetectionEngine.forDetectors(List.of(new IbanDetector()));

    private static final String GROUPED = "IBAN (paper format, mod 97)";
    private static final String COMPACT = "IBAN (compact, mod 97)";
    private static final String IRREGULAR = "IBAN (irregular spacing, mod 97)";
    private static final String LOWER = "IBAN (lower case, mod 97)";

    /**
     * Builds an IBAN from a country code and BBAN, computing the check digits here with BigInteger arithmetic
     * (independently of {@link org.piiscanner.classifiers.checksum.Mod97}): 98 - (BBAN + country + 00) mod 97.
     */
    static String iban(String country, String bban) {
        StringBuilder digits = new StringBuilder();
        for (char ch : (bban + country + "00").toUpperCase(Locale.ROOT).toCharArray()) {
            digits.append(Character.isDigit(ch) ? String.valueOf(ch) : String.valueOf(ch - 'A' + 10));
        }
        int check = 98 - new BigInteger(digits.toString()).mod(BigInteger.valueOf(97)).intValue();
        return country + String.format(Locale.ROOT, "%02d", check) + bban;
    }

    /** The paper format: groups of four separated by single spaces. */
    static String paper(String iban) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < iban.length(); i += 4) {
            if (i > 0) {
                sb.append(' ');
            }
            sb.append(iban, i, Math.min(iban.length(), i + 4));
        }
        return sb.toString();
    }

    // Presidio-style positives built with computed check digits (synthetic BBANs of the registry structure)
    static final String DE = iban("DE", "500105175407324931");
    static final String FR = iban("FR", "30006000011234567890189");
    static final String NL = iban("NL", "RABO0300065264");
    static final String BE = iban("BE", "310180567821");
    static final String IE = iban("IE", "BOFI90001712345678");
    static final String ES = iban("ES", "21000813610123456789");
    static final String IT = iban("IT", "X0542811101000000654321");
    static final String PL = iban("PL", "109010140000071219812999");
    static final String CH = iban("CH", "04835012345678009");
    static final String NO = iban("NO", "15032080119");
    static final String MT = iban("MT", "ABCD12345000000123456789ABC");
    static final String GB = iban("GB", "BARC20000055779911");

    static Stream<DetectorCase> table() {
        return Stream.of(
                // spec §11 valid vectors: registry / textbook examples, hence test values
                found("«GB29NWBK60161331926819»", 0.85, 0.85).pattern(COMPACT).testValue(true),
                found("«GB29 NWBK 6016 1331 9268 19»", 0.9, 0.9).pattern(GROUPED).testValue(true),
                found("«GB82WEST12345698765432»", 0.85, 0.85).testValue(true),
                found("«DE89370400440532013000»", 0.85, 0.85).testValue(true),
                found("«IE29AIBK93115212345678»", 0.85, 0.85).testValue(true),
                found("«FR1420041010050500013M02606»", 0.85, 0.85).testValue(true),
                found("«NL91ABNA0417164300»", 0.85, 0.85).testValue(true),
                found("«BE68539007547034»", 0.85, 0.85).testValue(true),
                // spec §11 invalid vectors
                none("GB29NWBK60161331926818"),
                none("GB29NWBK6016133192681"),
                none("GB29NWB060161331926819"),
                none("GB18NWB060161331926819"),
                none("AD1210012030200359100100"),
                none("BE68530907547034"),
                none("XX431234567890123"),
                // computed positives, compact and paper format, several countries (not test values)
                found("«" + DE + "»", 0.85, 0.85).pattern(COMPACT).testValue(false),
                found("«" + paper(DE) + "»", 0.9, 0.9).pattern(GROUPED).testValue(false),
                found("«" + FR + "»", 0.85, 0.85),
                found("«" + paper(FR) + "»", 0.9, 0.9),
                found("«" + NL + "»", 0.85, 0.85),
                found("«" + BE + "»", 0.85, 0.85),
                found("«" + paper(BE) + "»", 0.9, 0.9),
                found("«" + IE + "»", 0.85, 0.85),
                found("«" + ES + "»", 0.85, 0.85),
                found("«" + paper(ES) + "»", 0.9, 0.9),
                found("«" + IT + "»", 0.85, 0.85),
                found("«" + PL + "»", 0.85, 0.85),
                found("«" + paper(PL) + "»", 0.9, 0.9),
                found("«" + CH + "»", 0.85, 0.85),
                found("«" + NO + "»", 0.85, 0.85),
                found("«" + paper(NO) + "»", 0.9, 0.9),
                found("«" + MT + "»", 0.85, 0.85),
                found("«" + paper(MT) + "»", 0.9, 0.9),
                found("«" + GB + "»", 0.85, 0.85),
                // irregular spacing (the spec's pattern allows a single space anywhere)
                found("«GB29NWBK 60161331926819»", 0.75, 0.75).pattern(IRREGULAR),
                found("«GB29 NWBK60161331926819»", 0.75, 0.75).pattern(IRREGULAR),
                // lower case (as in Presidio's data): lower score; mixed case is not reported
                found("«gb82west12345698765432»", 0.7, 0.7).pattern(LOWER).testValue(true),
                found("«" + DE.toLowerCase(Locale.ROOT) + "»", 0.7, 0.7).testValue(false),
                found("«" + paper(NL.toLowerCase(Locale.ROOT)) + "»", 0.7, 0.7).pattern(LOWER),
                none("Gb82West12345698765432"),
                none("gb82WEST12345698765432"),
                // context boost
                found("IBAN: «GB29 NWBK 6016 1331 9268 19»", 1.0, 1.0),
                found("IBAN:«" + DE + "»", 1.0, 1.0),
                found("Please pay the beneficiary, account «" + ES + "»", 1.0, 1.0),
                found("wire transfer to «" + DE.toLowerCase(Locale.ROOT) + "»", 1.0, 1.0),
                // the generic candidate over-runs into a following upper-case token: cut at the registry length
                found("«GB29 NWBK 6016 1331 9268 19» ABC", 0.9, 0.9),
                found("«" + paper(NO) + "» ABCD 1234", 0.9, 0.9),
                found("«" + DE + "» 1234", 0.85, 0.85),
                found("ref:«" + CH + "».", 0.85, 0.85),
                found("«" + DE + "» and «" + GB + "»", 0.85, 0.85),
                // ... but the cut must fall at a word end
                none("GB29 NWBK 6016 1331 9268 19ABC"),
                none(DE + "12"),
                none(paper(DE) + "1"),
                // check digits 00, 01, 99 never valid even when the MOD 97 equation holds (97 = 00, 98 = 01, 02 = 99)
                found("«NL97ABNA0417000068»", 0.85, 0.85),
                none("NL00ABNA0417000068"),
                found("«NL98ABNA0417000050»", 0.85, 0.85),
                none("NL01ABNA0417000050"),
                found("«NL02ABNA0417164350»", 0.85, 0.85),
                none("NL99ABNA0417164350"),
                // structure: PL is all digits, NL has four letters
                none(iban("PL", "10901014000007121981287A")),
                none(iban("NL", "RAB10300065264")),
                // lengths: too short, too long, wrong country length
                none(NO.substring(0, 14)),
                none(iban("NO", "150320801190")),
                none(iban("DE", "5001051754073249312")),
                // boundaries and separators
                none("X" + DE),
                none("1" + DE),
                none("GB29  NWBK 6016 1331 9268 19"),
                none("GB29 NWBK 6016\n1331 9268 19"),
                none("GB29\tNWBK\t6016\t1331\t9268\t19"),
                none("GB29-NWBK-6016-1331-9268-19"),
                none("GB2 9NWBK60161331926819"),
                none("ABCD1234"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void table(DetectorCase row) {
        row.check(ENGINE, EntityType.IBAN_CODE);
    }

    @Test
    void registryHasEightyNineCountriesAndEverySampleIsAValidTestValue() {
        Map<String, String> examples = IbanDetector.registryExamples();
        assertThat(examples).hasSize(89);
        examples.forEach((country, example) -> {
            assertThat(example).startsWith(country).hasSize(IbanDetector.registryLength(country));
            assertThat(IbanDetector.isValid(example)).as(example).isTrue();
            List<Finding> findings = ENGINE.detect("IBAN " + paper(example));
            assertThat(findings).as(example).hasSize(1);
            assertThat(findings.get(0).testValue()).isTrue();
            assertThat(findings.get(0).explanation().note()).isEqualTo("country " + country);
        });
    }

    @Test
    void registryLengthsOfAppendixA() {
        assertThat(IbanDetector.registryLength("GB")).isEqualTo(22);
        assertThat(IbanDetector.registryLength("NO")).isEqualTo(15);
        assertThat(IbanDetector.registryLength("RU")).isEqualTo(33);
        assertThat(IbanDetector.registryLength("LC")).isEqualTo(32);
        assertThat(IbanDetector.registryLength("FR")).isEqualTo(27);
        assertThat(IbanDetector.registryLength("BE")).isEqualTo(16);
        assertThat(IbanDetector.registryLength("XK")).isEqualTo(20);
        assertThat(IbanDetector.registryLength("US")).isZero();
        assertThat(IbanDetector.registryLength("XX")).isZero();
    }

    @Test
    void explanationNamesCountryNotValue() {
        Finding f = ENGINE.detect("IBAN " + paper(DE)).get(0);
        assertThat(f.explanation().detector()).isEqualTo("iban");
        assertThat(f.explanation().note()).isEqualTo("country DE");
        assertThat(f.explanation().contextEffects()).extracting(e -> e.word()).containsExactly("iban");
        assertThat(f.toString()).doesNotContain(DE.substring(4, 12));
    }

    @Test
    void adversarialInputIsLinear() {
        String groups = "GB29 ".repeat(40_000);
        String compact = "AB12".repeat(50_000);
        String mixed = "DE89 3704 0044 0532 0130 0".repeat(8_000);
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            assertThat(ENGINE.detect(groups)).isEmpty();
            assertThat(ENGINE.detect(compact)).isEmpty();
            assertThat(ENGINE.detect(mixed)).isEmpty();
        });
    }
}
