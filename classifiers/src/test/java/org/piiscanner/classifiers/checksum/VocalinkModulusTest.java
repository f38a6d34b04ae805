package org.piiscanner.classifiers.checksum;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;
import static org.piiscanner.classifiers.checksum.VocalinkModulus.Result.FOREIGN_CURRENCY;
import static org.piiscanner.classifiers.checksum.VocalinkModulus.Result.INVALID;
import static org.piiscanner.classifiers.checksum.VocalinkModulus.Result.SORT_CODE_NOT_LISTED;
import static org.piiscanner.classifiers.checksum.VocalinkModulus.Result.VALID;

import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.piiscanner.classifiers.checksum.VocalinkModulus.Result;

class VocalinkModulusTest {

    static final Path WEIGHTS = resource("/vocalink/valacdos-excerpt.txt");
    static final Path SUBSTITUTIONS = resource("/vocalink/scsubtab-excerpt.txt");
    private static final VocalinkModulus MODULUS = VocalinkModulus.load(WEIGHTS, SUBSTITUTIONS);

    /**
     * Every vector of identifiers spec §3, then the rest of Vocalink's published test list as reproduced in
     * modcheck-go {@code resolvers/resolver_test.go} (numbered as there), run over the excerpt tables.
     */
    static Stream<Arguments> vectors() {
        return Stream.of(
                // spec §3 vectors
                arguments("089999", "66374958", VALID, "§3 / 1: MOD10 passes"),
                arguments("107999", "88837491", VALID, "§3 / 2: MOD11 passes"),
                arguments("202959", "63748472", VALID, "§3 / 3: MOD11 and DBLAL pass (exception 6 rows)"),
                arguments("871427", "46238510", VALID, "§3 / 4: exceptions 10 & 11, first passes, second fails"),
                arguments("118765", "64371389", VALID, "§3 / 12: exception 1, +27 then DBLAL passes"),
                arguments("938600", "42368003", VALID, "§3 / 15: exception 5 passes with substitution"),
                arguments("180002", "00000190", VALID, "§3 / 34: exception 14, first fails, second passes"),
                arguments("089999", "66374959", INVALID, "§3 / 29: fails MOD10"),
                arguments("107999", "88837493", INVALID, "§3 / 30: fails MOD11"),
                arguments("203099", "66831036", INVALID, "§3 / 27: passes MOD11, fails DBLAL"),
                arguments("203099", "58716970", INVALID, "§3 / 28: fails MOD11, passes DBLAL"),
                arguments("118765", "64371388", INVALID, "§3 / 26: exception 1, fails DBLAL"),
                arguments("938063", "15763217", INVALID, "§3 / 25: exception 5, first remainder 1"),
                arguments("083210", "12001039", SORT_CODE_NOT_LISTED, "§3: HMRC, sort code not in table"),
                // the rest of Vocalink's list
                arguments("872427", "46238510", VALID, "5: exceptions 10 & 11, first fails, second passes"),
                arguments("871427", "09123496", VALID, "6: exception 10, ab=09 and g=9"),
                arguments("871427", "99123496", VALID, "7: exception 10, ab=99 and g=9"),
                arguments("820000", "73688637", VALID, "8: exception 3, c=6 skips the second check"),
                arguments("827999", "73988638", VALID, "9: exception 3, c=9 skips the second check"),
                arguments("827101", "28748352", VALID, "10: exception 3, c is not 6 or 9, both pass"),
                arguments("134020", "63849203", VALID, "11: exception 4, remainder equals gh"),
                arguments("200915", "41011166", FOREIGN_CURRENCY, "13: exception 6, foreign-currency account"),
                arguments("938611", "07806039", VALID, "14: exception 5 passes"),
                arguments("938063", "55065200", VALID, "16: exception 5, both remainders 0"),
                arguments("772798", "99345694", VALID, "17: exception 7 passes (would fail the standard check)"),
                arguments("086090", "06774744", VALID, "18: exception 8 passes"),
                arguments("309070", "02355688", VALID, "19: exceptions 2 & 9, first passes"),
                arguments("309070", "12345668", VALID, "20: exceptions 2 & 9, second passes with 309634"),
                arguments("309070", "12345677", VALID, "21: exceptions 2 & 9, a<>0 and g<>9"),
                arguments("309070", "99345694", VALID, "22: exceptions 2 & 9, a<>0 and g=9"),
                arguments("938063", "15764273", INVALID, "23: exception 5, first check digit right, second wrong"),
                arguments("938063", "15764264", INVALID, "24: exception 5, first check digit wrong, second right"),
                arguments("074456", "12345112", VALID, "31: exceptions 12 & 13, MOD11 passes"),
                arguments("070116", "34012583", VALID, "32: exceptions 12 & 13, MOD11 passes"),
                arguments("074456", "11104102", VALID, "33: exceptions 12 & 13, MOD11 fails, MOD10 passes"),
                arguments("180002", "98093517", VALID, "additional: exception 14, first passes"));
    }

    @ParameterizedTest(name = "{0} {1} -> {2} ({3})")
    @MethodSource("vectors")
    void vocalinkTestCases(String sortCode, String account, Result expected, String description) {
        assertThat(MODULUS.check(sortCode, account)).as(description).isEqualTo(expected);
        char[] digits = ("xx" + sortCode + account).toCharArray();
        assertThat(MODULUS.check(digits, 2)).as("char[] form of " + description).isEqualTo(expected);
    }

    @Test
    void onlyInvalidFailsToPass() {
        assertThat(VALID.passes()).isTrue();
        assertThat(SORT_CODE_NOT_LISTED.passes()).isTrue();
        assertThat(FOREIGN_CURRENCY.passes()).isTrue();
        assertThat(INVALID.passes()).isFalse();
    }

    @Test
    void exceptionFiveWithoutSubstitutionTableUsesTheOriginalSortCode() {
        VocalinkModulus noSubstitutions = VocalinkModulus.load(WEIGHTS, null);
        assertThat(noSubstitutions.check("938600", "42368003")).isEqualTo(INVALID);
        assertThat(noSubstitutions.check("938611", "07806039")).isEqualTo(VALID);
    }

    @Test
    void shortAccountNumbersAreLeftPaddedWithZeros() {
        assertThat(MODULUS.check("180002", "0000190")).isEqualTo(VALID);
        assertThat(MODULUS.check("180002", "000190")).isEqualTo(VALID);
        assertThat(MODULUS.check("089999", "663749")).isEqualTo(MODULUS.check("089999", "00663749"));
    }

    @Test
    void rejectsInputsThatAreNotDigitStringsOfTheRightLength() {
        assertThatThrownBy(() -> MODULUS.check("08999", "66374958")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MODULUS.check("089999", "123456789")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MODULUS.check("08-999", "66374958")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void countsRowsIgnoringCommentsAndBlankLines() {
        assertThat(MODULUS.rowCount()).isEqualTo(26);
    }

    @Test
    void acceptsCommaSeparatedRowsAndCrLf() {
        VocalinkModulus m = VocalinkModulus.parse(
                List.of("089000,089999,MOD10,0,0,0,0,0,0,7,1,3,7,1,3,7,1\r", ""), "weights.txt", List.of(), "");
        assertThat(m.check("089999", "66374958")).isEqualTo(VALID);
        assertThat(m.check("089999", "66374959")).isEqualTo(INVALID);
        assertThat(m.check("090000", "66374958")).isEqualTo(SORT_CODE_NOT_LISTED);
        assertThat(m.check("088999", "66374958")).isEqualTo(SORT_CODE_NOT_LISTED);
    }

    @Test
    void malformedWeightRowsNameTheFileAndLine() {
        String good = "089000 089999 MOD10 0 0 0 0 0 0 7 1 3 7 1 3 7 1";
        assertParseError(List.of("# header", good, "089000 089999 MOD10 0 0 0"), "weights.txt line 3",
                "expected 17 or 18 fields");
        assertParseError(List.of("089000 089999 MOD12 0 0 0 0 0 0 7 1 3 7 1 3 7 1"), "weights.txt line 1",
                "unknown method 'MOD12'");
        assertParseError(List.of("08900 089999 MOD10 0 0 0 0 0 0 7 1 3 7 1 3 7 1"), "weights.txt line 1",
                "not a 6-digit sorting code");
        assertParseError(List.of("089999 089000 MOD10 0 0 0 0 0 0 7 1 3 7 1 3 7 1"), "weights.txt line 1",
                "reversed");
        assertParseError(List.of("089000 089999 MOD10 0 0 0 0 0 0 7 1 3 7 1 3 7 x"), "weights.txt line 1",
                "weight 'x'");
        assertParseError(List.of(good + " 15"), "weights.txt line 1", "exception must be 1-14");
        assertParseError(List.of(good, good, "089500 089500 MOD11 0 0 0 0 0 0 7 1 3 7 1 3 7 1"),
                "weights.txt line 3", "already covered by lines 1 and 2");
        assertParseError(List.of("# only a comment"), "weights.txt", "no weight table rows");
    }

    @Test
    void malformedSubstitutionRowsNameTheFileAndLine() {
        List<String> weights = List.of("089000 089999 MOD10 0 0 0 0 0 0 7 1 3 7 1 3 7 1");
        assertThatThrownBy(() -> VocalinkModulus.parse(weights, "w", List.of("938600 938611 1"), "subs.txt"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("subs.txt line 1")
                .hasMessageContaining("expected 2 fields");
        assertThatThrownBy(() -> VocalinkModulus.parse(weights, "w", List.of("938600 93861"), "subs.txt"))
                .hasMessageContaining("subs.txt line 1").hasMessageContaining("not a 6-digit sorting code");
        assertThatThrownBy(() -> VocalinkModulus.parse(weights, "w",
                List.of("938600 938611", "938600 938612"), "subs.txt"))
                .hasMessageContaining("subs.txt line 2").hasMessageContaining("listed twice");
    }

    @Test
    void loadReportsMissingAndMalformedFiles(@TempDir Path dir) throws Exception {
        Path missing = dir.resolve("valacdos.txt");
        assertThatThrownBy(() -> VocalinkModulus.load(missing, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("valacdos.txt: file not found: " + missing);
        Path bad = dir.resolve("broken-valacdos.txt");
        Files.writeString(bad, "\uFEFF089000 089999 MOD10 0 0 0 0 0 0 7 1 3 7 1 3 7 1\n089000 oops\n",
                StandardCharsets.UTF_8);
        assertThatThrownBy(() -> VocalinkModulus.load(bad, null))
                .hasMessageStartingWith("broken-valacdos.txt line 2:");
    }

    private static void assertParseError(List<String> lines, String where, String what) {
        assertThatThrownBy(() -> VocalinkModulus.parse(lines, "weights.txt", List.of(), ""))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(where)
                .hasMessageContaining(what);
    }

    static Path resource(String name) {
        try {
            return Path.of(VocalinkModulusTest.class.getResource(name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
