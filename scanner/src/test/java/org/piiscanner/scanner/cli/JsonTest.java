package org.piiscanner.scanner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class JsonTest {

    static Stream<Arguments> strings() {
        return Stream.of(
                Arguments.of("plain/path.txt", "\"plain/path.txt\""),
                Arguments.of("a\"b", "\"a\\\"b\""),
                Arguments.of("a\\b", "\"a\\\\b\""),
                Arguments.of("a\nb\rc\td", "\"a\\nb\\rc\\td\""),
                Arguments.of("\b\f", "\"\\b\\f\""),
                Arguments.of("\u0000\u0001\u001f\u007f", "\"\\u0000\\u0001\\u001f\\u007f\""),
                Arguments.of("line\u2028sep\u2029", "\"line\\u2028sep\\u2029\""),
                Arguments.of("café 😀", "\"café 😀\""),
                Arguments.of("lone \ud83d high", "\"lone \\ud83d high\""),
                Arguments.of("lone \ude00 low", "\"lone \\ude00 low\""),
                Arguments.of("", "\"\""));
    }

    @ParameterizedTest
    @MethodSource("strings")
    void escapesStrings(String value, String json) {
        assertThat(Json.string(new StringBuilder(), value).toString()).isEqualTo(json);
    }

    static Stream<Arguments> numbers() {
        return Stream.of(
                Arguments.of(0.95, "0.95"),
                Arguments.of(1.0, "1.0"),
                Arguments.of(0.0, "0.0"),
                Arguments.of(-0.3, "-0.3"),
                Arguments.of(0.001, "0.001"),
                Arguments.of(0.0001, "0.00010"),
                Arguments.of(Double.NaN, "null"));
    }

    @ParameterizedTest
    @MethodSource("numbers")
    void writesNumbersWithoutExponents(double value, String json) {
        assertThat(Json.number(value)).isEqualTo(json);
    }
}
