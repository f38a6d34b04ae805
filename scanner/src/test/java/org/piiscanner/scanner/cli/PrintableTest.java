package org.piiscanner.scanner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PrintableTest {

    static Stream<Arguments> texts() {
        return Stream.of(
                Arguments.of("samples/hr-letter.txt", "samples/hr-letter.txt"),
                Arguments.of("café 😀.txt", "café 😀.txt"),
                Arguments.of("a\nb", "a\\nb"),
                Arguments.of("a\tb\rc", "a\\tb\\rc"),
                Arguments.of("\u001b[2Jclear", "\\u001b[2Jclear"),
                Arguments.of("bell\u0007", "bell\\u0007"),
                Arguments.of("c1\u0085", "c1\\u0085"),
                Arguments.of("bidi\u202eevil", "bidi\\u202eevil"));
    }

    @ParameterizedTest
    @MethodSource("texts")
    void escapesWhatWouldActOnATerminal(String raw, String shown) {
        assertThat(Printable.of(raw)).isEqualTo(shown);
    }
}
