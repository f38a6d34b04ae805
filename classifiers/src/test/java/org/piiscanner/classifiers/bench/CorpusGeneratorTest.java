package org.piiscanner.classifiers.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.piiscanner.classifiers.checksum.Luhn;

/**
 * Checks the benchmark corpus itself: deterministic, dense enough, and every planted value valid by an
 * independent check (the spec's regexes, libphonenumber, checksums computed here) so that a recall figure below 1
 * means the engine missed something, not that the generator produced garbage.
 */
class CorpusGeneratorTest {

    private static final CorpusGenerator.Corpus CORPUS = new CorpusGenerator(7).generate(600_000, 64 * 1024);

    /** Spec regexes for the types RegexBaseline does not carry (identifiers spec §5-8, 15, 17-19). */
    private static final Map<String, Pattern> EXTRA = Map.of(
            "UK_VAT", Pattern.compile("(?:GB|XI) ?(?:[0-9]{3} ?(?:[0-9]{4} ?[0-9]{2}|[0-9]{3} ?[0-9]{3})"
                    + "(?: ?[0-9]{3})?|GD ?[0-4][0-9]{2}|HA ?[5-9][0-9]{2})"),
            "UK_DRIVING_LICENCE", Pattern.compile("[A-Z9]{5}[0-9](?:[05][1-9]|[16][0-2])(?:0[1-9]|[12][0-9]|3[01])"
                    + "[0-9][A-Z9]{2}[0-9][A-Z0-9]{2}(?: ?[0-9]{2})?"),
            "UK_UTR", Pattern.compile("[0-9]{10}|[0-9]{5} [0-9]{5}"),
            "EU_VAT", Pattern.compile("DE ?[1-9][0-9]{8}|IT ?[0-9]{11}"),
            "BIC", Pattern.compile("[A-Z]{4}[A-Z]{2}[A-Z0-9]{2}(?:[A-Z0-9]{3})?"),
            "UK_PASSPORT", Pattern.compile("[0-9]{9}"),
            "UK_SORT_CODE_ACCOUNT", Pattern.compile("[0-9]{2}-[0-9]{2}-[0-9]{2},? account(?: number| no\\.)? "
                    + "[0-9]{8}"),
            "URL", Pattern.compile("(?:https?://)?(?:www\\.)?[a-z-]+\\.(?:co\\.uk|com|org)"
                    + "(?:/[a-z]+(?:/[a-z]+|\\?id=[0-9]+))?"),
            "DATE_OF_BIRTH", Pattern.compile("(?:0[1-9]|[12][0-9]|3[01])/(?:0[1-9]|1[0-2])/(?:19|20)[0-9]{2}"
                    + "|(?:19|20)[0-9]{2}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12][0-9]|3[01])"
                    + "|(?:[1-9]|[12][0-9]|3[01]) (?:January|February|March|April|May|June|July|August|September"
                    + "|October|November|December) (?:19|20)[0-9]{2}"));

    private static final Pattern IPV6 = Pattern.compile("(?:(?:[0-9A-Fa-f]{1,4}:){7}[0-9A-Fa-f]{1,4}"
            + "|(?:[0-9A-Fa-f]{1,4}:){1,6}:[0-9A-Fa-f]{1,4})");

    @Test
    void sameSeedSameCorpus() {
        CorpusGenerator.Corpus again = new CorpusGenerator(7).generate(600_000, 64 * 1024);
        assertThat(again.documents()).isEqualTo(CORPUS.documents());
        assertThat(new CorpusGenerator(8).generate(600_000, 64 * 1024).documents().get(0).text())
                .isNotEqualTo(CORPUS.documents().get(0).text());
    }

    @Test
    void sizeDensityAndCoverage() {
        assertThat(CORPUS.utf8Bytes()).isBetween(600_000L, 680_000L);
        assertThat(CORPUS.documents()).hasSizeBetween(9, 11);
        for (CorpusGenerator.Document d : CORPUS.documents()) {
            assertThat(d.utf8Bytes()).isEqualTo(d.text().getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
        }
        double bytesPerPlanted = (double) CORPUS.utf8Bytes() / CORPUS.planted();
        double bytesPerDecoy = (double) CORPUS.utf8Bytes() / CORPUS.decoys();
        assertThat(bytesPerPlanted).isBetween(230.0, 330.0);
        assertThat(bytesPerDecoy).isBetween(230.0, 330.0);
        Set<String> planted = new HashSet<>();
        Set<String> decoys = new HashSet<>();
        CORPUS.documents().forEach(d -> d.planted().forEach(i -> planted.add(i.type())));
        CORPUS.documents().forEach(d -> d.decoys().forEach(i -> decoys.add(i.type())));
        assertThat(planted).containsExactlyInAnyOrderElementsOf(new HashSet<>(CorpusGenerator.PLANTED_TYPES));
        assertThat(decoys).containsExactlyInAnyOrderElementsOf(CorpusGenerator.DECOY_KINDS);
    }

    @Test
    void everyPlantedValueIsValid() throws NumberParseException {
        PhoneNumberUtil phones = PhoneNumberUtil.getInstance();
        Map<String, Pattern> spec = new HashMap<>();
        RegexBaseline.PATTERNS.forEach((type, rx) -> spec.put(type, Pattern.compile(rx)));
        spec.putAll(EXTRA);
        int checked = 0;
        for (CorpusGenerator.Document d : CORPUS.documents()) {
            for (CorpusGenerator.Item item : d.planted()) {
                String v = d.text().substring(item.start(), item.end());
                String digits = v.replaceAll("[^0-9]", "");
                String why = item.type() + " '" + v + "'";
                switch (item.type()) {
                    case "PHONE_NUMBER" -> assertThat(phones.isValidNumber(phones.parse(v, "GB"))).as(why).isTrue();
                    case "IP_ADDRESS" -> assertThat(v.contains(":") ? IPV6.matcher(v).matches()
                            : spec.get("IP_ADDRESS").matcher(v).matches()).as(why).isTrue();
                    default -> assertThat(spec.get(item.type()).matcher(v).matches()).as(why).isTrue();
                }
                switch (item.type()) {
                    case "CREDIT_CARD" -> assertThat(Luhn.isValid(digits)).as(why).isTrue();
                    case "IBAN_CODE" -> {
                        String c = v.replace(" ", "");
                        String moved = c.substring(4) + c.substring(0, 4);
                        StringBuilder n = new StringBuilder();
                        moved.chars().forEach(ch -> n.append(Character.digit(ch, 36)));
                        assertThat(new BigInteger(n.toString()).mod(BigInteger.valueOf(97)).intValue()).as(why)
                                .isEqualTo(1);
                    }
                    case "UK_NHS" -> assertThat(weighted(digits, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1) % 11).as(why)
                            .isZero();
                    case "UK_VAT" -> assertThat(weighted(digits, 8, 7, 6, 5, 4, 3, 2, 10, 1) % 97).as(why).isZero();
                    case "UK_UTR" -> assertThat(digits.charAt(0))
                            .as(why).isEqualTo("21987654321".charAt(weighted(digits.substring(1), 6, 7, 8, 9, 10, 5,
                                    4, 3, 2) % 11));
                    case "EU_VAT" -> assertThat(v.startsWith("DE") ? germanVatValid(digits) : Luhn.isValid(digits))
                            .as(why).isTrue();
                    case "MAC_ADDRESS" -> assertThat(Integer.parseInt(digitsHex(v).substring(0, 2), 16) & 3)
                            .as(why + " unicast, globally administered").isZero();
                    default -> {
                    }
                }
                checked++;
            }
        }
        assertThat(checked).isEqualTo(CORPUS.planted());
    }

    @Test
    void decoysAreInvalidWhereTheyLookLikeIdentifiers() {
        for (CorpusGenerator.Document d : CORPUS.documents()) {
            for (CorpusGenerator.Item item : d.decoys()) {
                String v = d.text().substring(item.start(), item.end());
                if (item.type().equals("ORDER_NUMBER")) {
                    assertThat(v.replace(" ", "")).hasSize(16);
                    assertThat(Luhn.isValid(v.replace(" ", ""))).as(v).isFalse();
                }
                if (item.type().equals("VERSION")) {
                    assertThat(d.text().substring(Math.max(0, item.start() - 30), item.start()))
                            .containsAnyOf("version", "release");
                }
            }
        }
    }

    @Test
    void checkDigitHelpersMatchPublishedVectors() {
        // identifiers spec §11 / §18 / §12
        assertThat(98 - CorpusGenerator.mod97("NWBK60161331926819GB00")).isEqualTo(29);
        assertThat(CorpusGenerator.mod1110CheckDigit("13669597")).isEqualTo(6);
        assertThat(CorpusGenerator.luhnCheckDigit("411111111111111")).isEqualTo(1);
        assertThat(germanVatValid("136695976")).isTrue();
        assertThat(germanVatValid("136695977")).isFalse();
    }

    private static int weighted(String digits, int... weights) {
        int sum = 0;
        for (int i = 0; i < weights.length; i++) {
            sum += weights[i] * (digits.charAt(i) - '0');
        }
        return sum;
    }

    /** ISO 7064 MOD 11,10 as python-stdnum's checksum: valid iff it ends at 1. */
    private static boolean germanVatValid(String digits) {
        int check = 5;
        for (int i = 0; i < digits.length(); i++) {
            check = ((check == 0 ? 10 : check) * 2 % 11 + digits.charAt(i) - '0') % 10;
        }
        return check == 1;
    }

    private static String digitsHex(String mac) {
        return mac.replaceAll("[^0-9A-Fa-f]", "");
    }
}
