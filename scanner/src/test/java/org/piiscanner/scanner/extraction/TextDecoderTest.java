package org.piiscanner.scanner.extraction;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TextDecoderTest {

    private static TextDecoder.Decoded decode(byte[] bytes, Charset charset, int maxChars) throws IOException {
        return TextDecoder.decode(new ByteArrayInputStream(bytes), charset, maxChars, bytes.length);
    }

    @Test
    void decodesUtf8AndLegacyEncodingsCharacterForCharacter() throws IOException {
        String text = "Zo\u00eb \u00d8ster\u00e5s\r\n\ttab, \u20ac5 \ud83d\ude00\n";

        assertThat(decode(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8, 1000))
                .isEqualTo(new TextDecoder.Decoded(text, false, false));
        assertThat(decode("caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.ISO_8859_1, 1000))
                .isEqualTo(new TextDecoder.Decoded("caf\u00e9\n", false, false));
        assertThat(decode("\uFEFFhi".getBytes(StandardCharsets.UTF_16LE), StandardCharsets.UTF_16LE, 1000).text())
                .isEqualTo("hi");
    }

    @Test
    void dropsAByteOrderMark() throws IOException {
        assertThat(decode("\uFEFFhi".getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8, 1000).text())
                .isEqualTo("hi");
    }

    @Test
    void replacesEachMalformedSequenceAndSaysSo() throws IOException {
        byte[] bad = {'a', (byte) 0xC3, 'b', (byte) 0xFF, 'c'};

        assertThat(decode(bad, StandardCharsets.UTF_8, 1000))
                .isEqualTo(new TextDecoder.Decoded("a\uFFFDb\uFFFDc", true, false));
        assertThat(decode("a\uFFFDb".getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8, 1000).malformed())
                .isFalse();
        byte[] unmappable = {'a', (byte) 0x81, 'b'};
        assertThat(decode(unmappable, Charset.forName("windows-1252"), 1000))
                .isEqualTo(new TextDecoder.Decoded("a\uFFFDb", true, false));
    }

    @Test
    void stopsAtTheLimitWithoutSplittingACharacter() throws IOException {
        byte[] euros = "\u20ac\u20ac\u20ac".getBytes(StandardCharsets.UTF_8);

        assertThat(decode(euros, StandardCharsets.UTF_8, 5)).isEqualTo(new TextDecoder.Decoded("\u20ac", false, true));
        assertThat(decode(euros, StandardCharsets.UTF_8, 9)).isEqualTo(new TextDecoder.Decoded("\u20ac\u20ac\u20ac", false, false));
        assertThat(decode("abcdef".getBytes(StandardCharsets.UTF_16BE), StandardCharsets.UTF_16BE, 4))
                .isEqualTo(new TextDecoder.Decoded("abcd", false, true));
        byte[] emoji = "a\ud83d\ude00".getBytes(StandardCharsets.UTF_16BE);
        assertThat(decode(emoji, StandardCharsets.UTF_16BE, 2)).isEqualTo(new TextDecoder.Decoded("a", false, true));
    }
}
