package org.piiscanner.scanner.extraction;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class Utf8Test {

    static Stream<Arguments> samples() {
        return Stream.of(
                Arguments.of("ASCII", "plain ASCII text".getBytes(StandardCharsets.US_ASCII), true),
                Arguments.of("UTF-8", "Zo\u00eb \u00d8ster\u00e5s, \u20ac5, \ud83d\ude00".getBytes(StandardCharsets.UTF_8), true),
                Arguments.of("Latin-1", "Zo\u00eb caf\u00e9".getBytes(StandardCharsets.ISO_8859_1), false),
                Arguments.of("UTF-16 with BOM", "\uFEFFhi".getBytes(StandardCharsets.UTF_16BE), false),
                Arguments.of("UTF-16 without BOM", "hi".getBytes(StandardCharsets.UTF_16LE), false),
                Arguments.of("UTF-8 cut inside a character", new byte[] {'a', (byte) 0xE2, (byte) 0x82}, true),
                Arguments.of("UTF-8, one bad byte, two good characters",
                        new byte[] {(byte) 0xC3, (byte) 0xA9, (byte) 0xC3, (byte) 0xA9, ' ', (byte) 0xE9, ' '}, true),
                Arguments.of("one bad byte, one good character",
                        new byte[] {(byte) 0xC3, (byte) 0xA9, ' ', (byte) 0xE9, ' '}, false),
                Arguments.of("overlong encoding", new byte[] {(byte) 0xC0, (byte) 0xAF}, false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void tellsUtf8FromOtherEncodings(String what, byte[] bytes, boolean utf8) {
        assertThat(Utf8.looksLikeUtf8(bytes, bytes.length)).isEqualTo(utf8);
    }
}
