package org.piiscanner.classifiers.checksum;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class Mod97Test {

    @ParameterizedTest
    @ValueSource(strings = {"GB29NWBK60161331926819", "GB82WEST12345698765432", "DE89370400440532013000",
            "IE29AIBK93115212345678", "FR1420041010050500013M02606", "NL91ABNA0417164300", "BE68539007547034",
            "gb82west12345698765432",
            // passes MOD 97-10 although its BBAN breaks the GB structure (spec §11): the equation alone is not enough
            "GB18NWB060161331926819"})
    void ibanEquationHolds(String iban) {
        assertThat(Mod97.isValidIban(iban)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"GB29NWBK60161331926818", "GB29NWB060161331926819", "AD1210012030200359100100",
            "BE68530907547034", "GB29-NWBK60161331926819", "GB29"})
    void ibanEquationFails(String iban) {
        assertThat(Mod97.isValidIban(iban)).isFalse();
    }

    @ParameterizedTest
    @CsvSource({"GB, NWBK60161331926819, 29", "DE, 370400440532013000, 89", "NL, ABNA0417164300, 91",
            // one-digit results are zero-padded
            "NL, ABNA0417164350, 02", "NL, ABNA0417164393, 05",
            // 97 and 98: the equation then also accepts 00 and 01, which is why detectors reject those
            "NL, ABNA0417000068, 97", "NL, ABNA0417000050, 98"})
    void checkDigits(String country, String bban, String expected) {
        assertThat(Mod97.ibanCheckDigits(country, bban)).isEqualTo(expected);
        assertThat(Mod97.isValidIban(country + expected + bban)).isTrue();
    }

    @Test
    void checkDigitsCongruentMod97PassTheEquationToo() {
        assertThat(Mod97.isValidIban("NL00ABNA0417000068")).isTrue();
        assertThat(Mod97.isValidIban("NL01ABNA0417000050")).isTrue();
        assertThat(Mod97.isValidIban("NL99ABNA0417164350")).isTrue();
    }

    @Test
    void remainderMatchesBigIntegerArithmetic() {
        // 1234567890 = 97 * 12727504 + 2
        assertThat(Mod97.remainder("1234567890")).isEqualTo(2);
        String digits = "3214282912345698765432161182";
        assertThat(Mod97.remainder(digits)).isEqualTo(new BigInteger(digits).mod(BigInteger.valueOf(97)).intValue());
        // letters count as two digits: A = 10, Z = 35 (either case)
        assertThat(Mod97.remainder("WEST")).isEqualTo(new BigInteger("32142829").mod(BigInteger.valueOf(97))
                .intValue());
        assertThat(Mod97.remainder("west")).isEqualTo(Mod97.remainder("WEST"));
    }

    @Test
    void otherCharactersAreRejected() {
        assertThat(Mod97.update(0, '-')).isEqualTo(-1);
        assertThat(Mod97.update(-1, '1')).isEqualTo(-1);
        assertThat(Mod97.remainder("12 3")).isEqualTo(-1);
        assertThat(Mod97.remainder("\u00e9")).isEqualTo(-1);
        assertThatThrownBy(() -> Mod97.ibanCheckDigits("G-", "123")).isInstanceOf(IllegalArgumentException.class);
    }
}
