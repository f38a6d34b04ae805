package org.piiscanner.scanner.extraction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlainTextExtractorTest {

    @TempDir
    Path dir;

    private final PlainTextExtractor extractor = new PlainTextExtractor(1024 * 1024);

    private Extraction extractFile(String name, byte[] content) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, content);
        return extractor.read(DocumentSource.ofFile(name, file));
    }

    @Test
    void readsUtf8Text() throws IOException {
        Extraction e = extractFile("a.txt", "Café 😀 AB123456C\n".getBytes(StandardCharsets.UTF_8));

        assertThat(e).isEqualTo(new Extraction.Text("Café 😀 AB123456C\n",
                Map.of(Extraction.CONTENT_TYPE, "text/plain; charset=UTF-8")));
    }

    @Test
    void keepsAByteOrderMarkAsACharacter() throws IOException {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'h', 'i'};

        assertThat(((Extraction.Text) extractFile("bom.txt", bom)).text()).isEqualTo("\uFEFFhi");
    }

    @Test
    void replacesMalformedBytesAndSaysSo() throws IOException {
        Extraction e = extractFile("latin1.txt", new byte[] {'C', 'a', 'f', (byte) 0xE9, '!'});

        assertThat(e).isEqualTo(new Extraction.Text("Caf\uFFFD!", Map.of(
                Extraction.CONTENT_TYPE, "text/plain; charset=UTF-8", Extraction.MALFORMED_INPUT_REPLACED, "true")));
    }

    @Test
    void aGenuineReplacementCharacterIsNotMalformedInput() throws IOException {
        Extraction e = extractFile("fffd.txt", "a\uFFFDb".getBytes(StandardCharsets.UTF_8));

        assertThat(e.metadata()).doesNotContainKey(Extraction.MALFORMED_INPUT_REPLACED);
    }

    @Test
    void skipsANulByteInTheFirst8KbAsBinary() throws IOException {
        byte[] early = "text".getBytes(StandardCharsets.UTF_8);
        early[2] = 0;
        assertThat(extractFile("bin", early))
                .isEqualTo(new Extraction.Skipped(SkipReason.BINARY, "NUL byte in the first 8 KB", Map.of()));

        byte[] atLimit = new byte[PlainTextExtractor.SNIFF_BYTES];
        Arrays.fill(atLimit, (byte) 'x');
        atLimit[PlainTextExtractor.SNIFF_BYTES - 1] = 0;
        assertThat(extractFile("bin2", atLimit)).isInstanceOf(Extraction.Skipped.class);

        byte[] late = new byte[PlainTextExtractor.SNIFF_BYTES + 1];
        Arrays.fill(late, (byte) 'x');
        late[PlainTextExtractor.SNIFF_BYTES] = 0;
        assertThat(extractFile("late", late)).isInstanceOf(Extraction.Text.class);
    }

    @Test
    void skipsFilesAndStreamsOverTheLimit() throws IOException {
        PlainTextExtractor small = new PlainTextExtractor(10_000);
        byte[] big = new byte[10_001];
        Arrays.fill(big, (byte) 'x');
        Path file = dir.resolve("big.txt");
        Files.write(file, big);
        Extraction.Skipped tooLarge = new Extraction.Skipped(SkipReason.TOO_LARGE, "9.8 KB", Map.of());
        assertThat(tooLarge.message()).isEqualTo("larger than the size limit (9.8 KB)");

        assertThat(small.read(DocumentSource.ofFile("big.txt", file))).isEqualTo(tooLarge);
        assertThat(small.read(DocumentSource.ofStream("-", new ByteArrayInputStream(big)))).isEqualTo(tooLarge);
        assertThat(small.read(DocumentSource.ofStream("-", new ByteArrayInputStream(big, 0, 10_000))))
                .isInstanceOf(Extraction.Text.class);
    }

    @Test
    void aMissingFileIsAnIoException() {
        Path missing = dir.resolve("missing.txt");

        assertThatThrownBy(() -> extractor.read(DocumentSource.ofFile("missing.txt", missing)))
                .isInstanceOf(NoSuchFileException.class);
    }

    @Test
    void deliversOnePartNamedAsTheSource() throws IOException {
        Path file = dir.resolve("a.txt");
        Files.writeString(file, "hello\n");
        List<ExtractedPart> parts = new ArrayList<>();

        extractor.extract(DocumentSource.ofFile("docs/a.txt", file), parts::add);

        assertThat(parts).containsExactly(new ExtractedPart("docs/a.txt", new Extraction.Text("hello\n",
                Map.of(Extraction.CONTENT_TYPE, "text/plain; charset=UTF-8"))));
    }

    @Test
    void formatsSizesInBinaryUnits() {
        assertThat(PlainTextExtractor.formatSize(900)).isEqualTo("900 bytes");
        assertThat(PlainTextExtractor.formatSize(1536)).isEqualTo("1.5 KB");
        assertThat(PlainTextExtractor.formatSize(256L << 20)).isEqualTo("256 MB");
        assertThat(PlainTextExtractor.formatSize(3L << 30)).isEqualTo("3 GB");
    }
}
