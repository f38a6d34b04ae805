package org.piiscanner.classifiers.checksum;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class Mod11_10Test {

    @ParameterizedTest
    @CsvSource({
        // German USt-IdNr. body (spec §18): worked by hand, P starts at 10; S = (P + d) mod 10 (0 -> 10),
        // P = 2S mod 11: digits 1,3,6,6,9,5,9,7 leave P = 5, and (5 + 6) mod 10 = 1, so check digit 6
        "136695976, true",
        "136695977, false",
        // Croatian OIB (python-stdnum doctest)
        "33392005961, true",
        "33392005962, false",
        // a lone check digit: P = 10 before it, so 1 completes (10 + 1) mod 10 = 1
        "1, true",
        "0, false",
        "12a4, false"})
    void validates(String digits, boolean valid) {
        assertThat(Mod11_10.isValid(digits)).isEqualTo(valid);
    }

    @Test
    void checkDigitCompletesTheNumber() {
        assertThat(Mod11_10.checkDigit("13669597")).isEqualTo(6);
        assertThat(Mod11_10.checkDigit("3339200596")).isEqualTo(1);
        for (int i = 0; i < 1000; i++) {
            String body = String.format("%03d", i);
            assertThat(Mod11_10.isValid(body + Mod11_10.checkDigit(body))).as(body).isTrue();
        }
    }

    @Test
    void checkDigitNeedsDigits() {
        assertThatThrownBy(() -> Mod11_10.checkDigit("12x")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void emptyInputIsInvalid() {
        assertThat(Mod11_10.isValid(new char[0], 0, 0)).isFalse();
    }
}
