package org.piiscanner.scanner.extraction;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The office documents committed in {@code samples/} are what {@link SampleDocuments} writes, byte for byte, and
 * extract to the same parts. With {@code -Dsamples.regenerate=true} this test rewrites them first.
 */
class SampleDocumentsTest {

    static final Path SAMPLES = Path.of("../samples");

    static Stream<String> documents() {
        return Stream.of("hr/offer-letter.docx", "finance/payroll.xlsx", "letters/reference.pdf",
                "mail/complaint.eml", "archive/2021-hr.zip");
    }

    @TempDir
    static Path fresh;

    @Test
    void writesEveryDocument() throws IOException {
        if (Boolean.getBoolean("samples.regenerate")) {
            SampleDocuments.write(SAMPLES);
        }
        SampleDocuments.write(fresh);
        assertThat(documents().map(fresh::resolve)).allMatch(p -> p.toFile().length() > 0);
    }

    @ParameterizedTest
    @MethodSource("documents")
    void theCommittedDocumentMatchesTheGenerator(String document) throws IOException {
        SampleDocuments.write(fresh);

        assertThat(parts(SAMPLES, document)).isEqualTo(parts(fresh, document));
        assertThat(Files.readAllBytes(SAMPLES.resolve(document))).isEqualTo(Files.readAllBytes(fresh.resolve(document)));
    }

    /** Each part as its path (relative to the document) and text or skip reason. */
    private static List<String> parts(Path root, String document) {
        List<ExtractedPart> parts = TikaTextExtractorTest.extract(new TikaTextExtractor(ExtractionLimits.DEFAULTS),
                DocumentSource.ofFile(document, root.resolve(document)));
        return parts.stream().map(p -> p.path() + " => " + switch (p.extraction()) {
            case Extraction.Text t -> t.text() + " " + t.sections();
            case Extraction.Skipped s -> s.message();
        }).toList();
    }
}
