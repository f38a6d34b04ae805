package org.piiscanner.scanner.protect;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.piiscanner.classifiers.EntityType;

/**
 * The normalisation table: for every entity type, several spellings of one value and the one canonical string
 * they must all become. A file scan, a database scan and a subject search agree only if this table holds.
 * Values are published test numbers, specimen documents and documentation ranges.
 */
class ValueNormalizerTest {

    /** 2026-06-01: two-digit years up to 26 are 20yy, later ones 19yy. */
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-06-01T00:00:00Z"), ZoneOffset.UTC);
    private static final ValueNormalizer NORMALIZER = new ValueNormalizer(CLOCK);

    record Row(String type, String canonical, List<String> spellings) {
    }

    static final List<Row> TABLE = List.of(
            new Row("EMAIL_ADDRESS", "jane.doe@example.com", List.of("jane.doe@example.com",
                    "Jane.Doe@Example.COM", "  jane.doe@example.com\t", "mailto:Jane.Doe@example.com",
                    "<jane.doe@example.com>")),
            new Row("PHONE_NUMBER", "+442079460018", List.of("020 7946 0018", "+44 20 7946 0018",
                    "+44 (0)20 7946 0018", "0044 20 7946 0018", "(020) 7946-0018", "020.7946.0018",
                    "+44 20 7946 0018 ext. 123", "０２０ ７９４６ ００１８")),
            new Row("PHONE_NUMBER", "+447700900123", List.of("07700 900123", "+44 7700 900 123", "07700-900-123")),
            new Row("PHONE_NUMBER", "+33123456789", List.of("+33 1 23 45 67 89", "0033 1 23 45 67 89")),
            new Row("CREDIT_CARD", "4111111111111111", List.of("4111 1111 1111 1111", "4111-1111-1111-1111",
                    "4111111111111111")),
            new Row("IBAN_CODE", "GB82WEST12345698765432", List.of("GB82 WEST 1234 5698 7654 32",
                    "gb82west12345698765432", "IBAN GB82 WEST 1234 5698 7654 32", "GB82-WEST-1234-5698-7654-32")),
            new Row("BIC", "NWBKGB2L", List.of("NWBKGB2L", "nwbk gb 2l", "NWBKGB2LXXX", "NWBK-GB-2L")),
            new Row("UK_NINO", "QQ123456C", List.of("QQ 12 34 56 C", "qq123456c", "QQ-12-34-56-C", "QQ 123456 C",
                    "QQ.12.34.56.C")),
            new Row("UK_NHS", "9434765919", List.of("943 476 5919", "943-476-5919", "9434765919")),
            new Row("UK_SORT_CODE_ACCOUNT", "200000-12345678", List.of("20-00-00 12345678",
                    "20 00 00 1234 5678", "200000 12345678", "200000-12345678", "20-00-00, acc no 12345678",
                    "account 12345678 sort code 20-00-00", "12345678 / 20 00 00", "a/c 1234 5678, s/c 20-00-00")),
            new Row("UK_POSTCODE", "SW1A1AA", List.of("SW1A 1AA", "sw1a1aa", " SW1A  1AA ", "sw1a-1aa")),
            new Row("UK_PASSPORT", "L898902C", List.of("L898902C", "l898902c", "L898 902C",
                    "L898902C<3UTO7408122F1204159ZE184226B<<<<<10")),
            new Row("UK_PASSPORT", "123456789", List.of("123456789", "123 456 789", "123456789<1GBR8501017M3001019<<<<<<<<<<<<<04")),
            new Row("UK_DRIVING_LICENCE", "MORGA753116SM9IJ", List.of("MORGA753116SM9IJ", "MORGA753116SM9IJ 35",
                    "morga 753116 sm9ij", "MORGA753116SM9IJ35")),
            new Row("UK_VAT", "980780684", List.of("GB 980 7806 84", "GB980780684", "980 7806 84",
                    "XI 980 7806 84", "gb980780684")),
            new Row("UK_UTR", "1234567890", List.of("12345 67890", "1234567890", "1234567890K", "K1234567890",
                    "12345-67890")),
            new Row("EU_VAT", "DE136695976", List.of("DE136695976", "DE 136 695 976", "de136695976")),
            new Row("EU_VAT", "EL094259216", List.of("EL094259216", "GR 094259216", "el 094 259 216")),
            new Row("US_SSN", "078051120", List.of("078-05-1120", "078 05 1120", "078051120")),
            new Row("IP_ADDRESS", "192.0.2.1", List.of("192.0.2.1", "192.000.002.001", " 192.0.2.1 ")),
            new Row("IP_ADDRESS", "2001:db8::1", List.of("2001:db8::1", "2001:0DB8:0000:0000:0000:0000:0000:0001",
                    "[2001:db8::1]", "2001:db8:0:0::1", "2001:db8::1%eth0")),
            new Row("IP_ADDRESS", "2001:db8:0:1::", List.of("2001:db8:0:1:0:0:0:0", "2001:DB8:0:1::")),
            new Row("IP_ADDRESS", "::ffff:c000:201", List.of("::ffff:192.0.2.1", "0:0:0:0:0:ffff:c000:0201")),
            new Row("MAC_ADDRESS", "00:1a:2b:3c:4d:5e", List.of("00:1A:2B:3C:4D:5E", "00-1a-2b-3c-4d-5e",
                    "001a.2b3c.4d5e")),
            new Row("URL", "https://example.com/path?q=1", List.of("https://example.com/path?q=1",
                    "HTTPS://Example.com/Path?q=1", "  https://example.com/path?q=1 ")),
            new Row("DATE_OF_BIRTH", "1985-03-12", List.of("12/03/1985", "12-3-1985", "12.03.1985",
                    "1985-03-12", "12th March 1985", "12 March, 1985", "March 12, 1985", "12-Mar-1985",
                    "12/03/85", "12th of March 1985", "12 MAR 1985", "1985/03/12")),
            new Row("DATE_OF_BIRTH", "1985-03-25", List.of("25/03/1985", "03/25/1985")),
            new Row("DATE_OF_BIRTH", "2001-02-01", List.of("01/02/01", "1 February 2001", "1st Feb 2001")),
            new Row("PERSON", "jane smith", List.of("Jane Smith", "SMITH, Jane", "  jane   smith ", "Ms Jane Smith",
                    "Jâne Smïth", "Smith,Jane", "Mrs. Jane Smith")),
            new Row("PERSON", "jose garcia lopez", List.of("José García-López", "GARCIA-LOPEZ, José",
                    "Jose Garcia Lopez", "José  García López")),
            new Row("PERSON", "sean o brien", List.of("Seán O'Brien", "SEAN O’BRIEN", "O'Brien, Sean")),
            new Row("PERSON", "bjorn strasse", List.of("Bjørn Straße", "BJORN STRASSE")),
            new Row("LOCATION", "north end road", List.of("North End Road", " north  END road")),
            new Row("ORGANIZATION", "acme widgets ltd", List.of("ACME Widgets Ltd", "Acme  Widgets\tLtd")),
            // phrase types of the special-category detector (other branch): the generic rule
            new Row("SPECIAL_CATEGORY_HEALTH", "type 2 diabetes", List.of("Type 2 Diabetes", "type  2\ndiabetes")),
            new Row("SPECIAL_CATEGORY_ETHNIC_ORIGIN", "irish traveller", List.of("Irish Traveller", " irish traveller")),
            new Row("SPECIAL_CATEGORY_POLITICAL_OPINION", "party member", List.of("Party Member", "party\tmember")),
            new Row("SPECIAL_CATEGORY_RELIGIOUS_BELIEF", "attends mass", List.of("Attends Mass", "attends  mass")),
            new Row("SPECIAL_CATEGORY_TRADE_UNION", "union rep", List.of("Union Rep", "UNION REP")),
            new Row("SPECIAL_CATEGORY_GENETIC", "brca1 carrier", List.of("BRCA1 carrier", "brca1  Carrier")),
            new Row("SPECIAL_CATEGORY_BIOMETRIC", "fingerprint template", List.of("Fingerprint Template",
                    "fingerprint template ")),
            new Row("SPECIAL_CATEGORY_SEX_LIFE", "same-sex partner", List.of("Same-sex partner", "same-sex  partner")),
            new Row("CRIMINAL_OFFENCE", "convicted of theft", List.of("Convicted of theft", "convicted  of THEFT")),
            new Row("CUSTOMER_ID", "acme id 42", List.of("ACME ID 42", "  Acme   Id 42 ")));

    static Stream<Arguments> spellings() {
        return TABLE.stream().flatMap(row -> row.spellings().stream()
                .map(spelling -> Arguments.of(row.type(), spelling, row.canonical())));
    }

    @ParameterizedTest(name = "{0}: \"{1}\" -> {2}")
    @MethodSource("spellings")
    void everySpellingBecomesTheCanonicalForm(String type, String spelling, String canonical) {
        assertThat(NORMALIZER.normalize(type, spelling)).isEqualTo(canonical);
    }

    @Test
    void theTableCoversEveryBuiltInTypeAndPersonNames() {
        Set<String> covered = TABLE.stream().map(Row::type).collect(Collectors.toCollection(TreeSet::new));
        Set<String> builtIns = EntityType.builtIns().stream().map(EntityType::name)
                .collect(Collectors.toCollection(TreeSet::new));
        builtIns.removeAll(covered);
        assertThat(builtIns).as("built-in types without a row: decide their canonical form in ValueNormalizer and "
                + "add several spellings here").isEmpty();
        assertThat(covered).contains(ValueNormalizer.PERSON);
        assertThat(TABLE).allSatisfy(row -> assertThat(row.spellings()).hasSizeGreaterThanOrEqualTo(2));
    }

    @Test
    void theEntityTypeOverloadUsesTheTypeName() {
        assertThat(NORMALIZER.normalize(EntityType.UK_NINO, "qq 12 34 56 c")).isEqualTo("QQ123456C");
        assertThat(NORMALIZER.normalize(EntityType.custom("PERSON_REF", org.piiscanner.classifiers.DataCategory.IDENTITY),
                " A  B ")).isEqualTo("a b");
    }

    @Test
    void differentValuesStayDifferent() {
        assertThat(NORMALIZER.normalize("UK_SORT_CODE_ACCOUNT", "20-00-00 12345678"))
                .isNotEqualTo(NORMALIZER.normalize("UK_SORT_CODE_ACCOUNT", "20-00-01 12345678"));
        assertThat(NORMALIZER.normalize("PERSON", "Jane Smith")).isNotEqualTo(NORMALIZER.normalize("PERSON", "John Smith"));
        assertThat(NORMALIZER.normalize("DATE_OF_BIRTH", "01/02/1985")).isEqualTo("1985-02-01");
        assertThat(NORMALIZER.normalize("PHONE_NUMBER", "020 7946 0018"))
                .isNotEqualTo(NORMALIZER.normalize("PHONE_NUMBER", "020 7946 0019"));
    }

    @Test
    void unparseableValuesFallBackWithinTheirFamily() {
        assertThat(NORMALIZER.normalize("PHONE_NUMBER", "tel 12")).isEqualTo("12");
        assertThat(NORMALIZER.normalize("UK_SORT_CODE_ACCOUNT", "20-00-00")).isEqualTo("200000");
        assertThat(NORMALIZER.normalize("DATE_OF_BIRTH", "31/02/1985")).isEqualTo("31/02/1985");
        assertThat(NORMALIZER.normalize("DATE_OF_BIRTH", "sometime in 1985")).isEqualTo("sometime in 1985");
        assertThat(NORMALIZER.normalize("IP_ADDRESS", "999.1.1.1")).isEqualTo("999.1.1.1");
        assertThat(NORMALIZER.normalize("IP_ADDRESS", "1::2::3")).isEqualTo("1::2::3");
        assertThat(NORMALIZER.normalize("MAC_ADDRESS", "00:1A:2B")).isEqualTo("00:1a:2b");
        assertThat(NORMALIZER.normalize("UK_NINO", "   ")).isEmpty();
        assertThat(NORMALIZER.normalize("PERSON", null)).isEmpty();
        assertThat(NORMALIZER.normalize("PERSON", "Dr")).isEqualTo("dr");
    }

    @Test
    void twoDigitYearsTakeTheLatestCenturyNotInTheFuture() {
        assertThat(NORMALIZER.normalize("DATE_OF_BIRTH", "01/02/26")).isEqualTo("2026-02-01");
        assertThat(NORMALIZER.normalize("DATE_OF_BIRTH", "01/02/27")).isEqualTo("1927-02-01");
    }

    @Test
    void theUkNumberShortcutGivesLibphonenumbersAnswer() throws Exception {
        com.google.i18n.phonenumbers.PhoneNumberUtil util = com.google.i18n.phonenumbers.PhoneNumberUtil.getInstance();
        java.util.Random random = new java.util.Random(42);
        String[] separators = {"", " ", "-", ".", "  "};
        int shortcut = 0;
        for (int k = 0; k < 20_000; k++) {
            StringBuilder national = new StringBuilder().append((char) ('1' + random.nextInt(9)));
            for (int i = 0; i < 9; i++) {
                national.append((char) ('0' + random.nextInt(10)));
            }
            String digits = (k % 2 == 0 ? "0" : "+44") + national;
            StringBuilder s = new StringBuilder(k % 7 == 0 ? " " : "");
            for (int i = 0; i < digits.length(); i++) {
                s.append(digits.charAt(i));
                if (i > 0 && i < digits.length() - 1 && random.nextInt(4) == 0) {
                    s.append(separators[random.nextInt(separators.length)]);
                }
            }
            String value = s.toString();
            com.google.i18n.phonenumbers.Phonenumber.PhoneNumber parsed = util.parse(value,
                    ValueNormalizer.PHONE_REGION);
            assertThat(util.isPossibleNumber(parsed)).as(value).isTrue();
            assertThat(ValueNormalizer.ukNumber(value)).as(value)
                    .isEqualTo(util.format(parsed, com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat.E164))
                    .isEqualTo("+44" + national);
            shortcut++;
        }
        assertThat(shortcut).isEqualTo(20_000);
        for (String other : List.of("+44 (0)20 7946 0018", "020 7946 0018 ext 12", "0044 20 7946 0018",
                "+1 212 555 0100", "(020) 7946 0018", "020 7946 001", "+44 020 7946 0018", "00 7946 0018 1",
                "020/7946/0018", "\u0660\u0662\u0660 7946 0018")) {
            assertThat(ValueNormalizer.ukNumber(other)).as(other).isNull();
        }
        assertThat(NORMALIZER.normalize("PHONE_NUMBER", "+44 (0)20 7946 0018")).isEqualTo("+442079460018");
    }
}
