package org.piiscanner.classifiers.checksum;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class Icao9303Test {

    /** ICAO Doc 9303 Part 3 worked examples and the fields of the TD3 specimen (Anna Maria Eriksson, Utopia). */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "520727, 3",
        "L898902C<, 3",
        "690806, 1",
        "940623, 6",
        "ZE184226B<<<<<, 1",
        "AB2134<<<, 5",
        "<<<<<<<<<<<<<<, 0",
        "D23145890, 7",
    })
    void checkDigits(String field, int expected) {
        assertThat(Icao9303.checkDigit(field)).isEqualTo(expected);
    }

    @Test
    void compositeOfSpecimenLine() {
        char[] line = "L898902C<3UTO6908061F9406236ZE184226B<<<<<14".toCharArray();
        assertThat(Icao9303.checkDigitOfRanges(line, 0, 10, 13, 20, 21, 43)).isEqualTo(4);
    }

    @Test
    void rejectsCharactersOutsideTheMrzAlphabet() {
        assertThat(Icao9303.checkDigit("l898902c<")).isEqualTo(-1);
        assertThat(Icao9303.checkDigit("L898902C ")).isEqualTo(-1);
    }

    @Test
    void fillerCheckCharacterOnlyForAnEmptyOptionalField() {
        char[] empty = "<<<<<<<<<<<<<<".toCharArray();
        char[] used = "ZE184226B<<<<<".toCharArray();
        assertThat(Icao9303.isValid(empty, 0, 14, '<', true)).isTrue();
        assertThat(Icao9303.isValid(empty, 0, 14, '0', true)).isTrue();
        assertThat(Icao9303.isValid(empty, 0, 14, '<', false)).isFalse();
        assertThat(Icao9303.isValid(used, 0, 14, '<', true)).isFalse();
        assertThat(Icao9303.isValid(used, 0, 14, '1', true)).isTrue();
        assertThat(Icao9303.isValid(used, 0, 14, '2', true)).isFalse();
    }
}
