package org.piiscanner.scanner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.piiscanner.classifiers.DetectionEngine;
import org.piiscanner.classifiers.EntityType;
import org.piiscanner.classifiers.text.Masking;
import org.piiscanner.scanner.extraction.DocumentSource;
import org.piiscanner.scanner.extraction.ExtractedPart;
import org.piiscanner.scanner.extraction.Extraction;
import org.piiscanner.scanner.extraction.ExtractionLimits;
import org.piiscanner.scanner.extraction.TikaTextExtractor;
import tools.jackson.databind.json.JsonMapper;

/**
 * The demo documents in {@code samples/}: every identifier {@code samples/README.md} says is planted is at the
 * line and column it names (its masked value matches the document there) and is found by {@code detect samples/}
 * once a detector for its type is registered; no decoy is reported as the type it imitates; the README itself,
 * which shows only masked values, yields no finding. For office documents, e-mails and archives the line and
 * column are in the extracted text of the part the row names ({@code archive.zip!/inner.csv},
 * {@code mail.eml#metadata}).
 */
class SamplesTest {

    static final Path SAMPLES = Path.of("../samples");

    /** One row of a README table: {@code decoy} rows must not be reported as {@code type}. */
    record Row(String file, int line, int column, String type, String masked, boolean decoy) {
        @Override
        public String toString() {
            return (decoy ? "decoy " : "") + file + ":" + line + ":" + column + " " + type + " " + masked;
        }
    }

    /** A finding from {@code detect --json}. */
    record Found(String file, String type, int start, int end) {
    }

    static List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        Boolean decoys = null;
        for (String line : read(SAMPLES.resolve("README.md")).split("\n")) {
            if (line.startsWith("## ")) {
                decoys = line.startsWith("## Decoys") ? Boolean.TRUE
                        : line.startsWith("## Planted") ? Boolean.FALSE : null;
                continue;
            }
            if (decoys == null || !line.startsWith("| ") || line.startsWith("| File") || line.startsWith("|---")) {
                continue;
            }
            String[] cells = line.split("\\|");
            rows.add(new Row(cells[1].trim(), Integer.parseInt(cells[2].trim()), Integer.parseInt(cells[3].trim()),
                    cells[4].trim(), cells[5].trim().replaceAll("^`|`$", ""), decoys));
        }
        return rows;
    }

    private static final List<Found> FINDINGS = detectSamples();

    @SuppressWarnings("unchecked")
    private static List<Found> detectSamples() {
        CliRunner.Result result = CliRunner.run("detect", "--json", SAMPLES.toString());
        assertThat(result.exitCode()).isZero();
        JsonMapper json = JsonMapper.builder().build();
        return result.outLines().stream().map(l -> json.readValue(l, LinkedHashMap.class))
                .map(m -> new Found((String) m.get("file"), (String) m.get("type"), (Integer) m.get("start"),
                        (Integer) m.get("end")))
                .toList();
    }

    private static final Set<String> DETECTABLE = DetectionEngine.createDefault().entityTypes().stream()
            .map(EntityType::name).collect(Collectors.toSet());

    @Test
    void everyBuiltInTypeIsPlantedAndTheDecoysAreListed() {
        List<Row> rows = rows();
        Set<String> planted = rows.stream().filter(r -> !r.decoy()).map(Row::type).collect(Collectors.toSet());

        assertThat(planted).containsExactlyInAnyOrderElementsOf(
                EntityType.builtIns().stream().map(EntityType::name).toList());
        assertThat(rows).filteredOn(Row::decoy).isNotEmpty();
    }

    @Test
    void theReadmeHoldsNoIdentifier() {
        // Names in the README's prose (the Luhn check, HMRC, the ICAO specimen holder) are not identifiers: the name
        // types are checked on the documents only.
        Set<String> names = Set.of("PERSON", "LOCATION", "ORGANIZATION");
        assertThat(FINDINGS).filteredOn(f -> f.file().endsWith("README.md") && !names.contains(f.type()))
                .as("samples/README.md shows masked values only; a finding there is a false positive").isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void theRowIsRightAndTheDetectorsAgree(Row row) {
        EntityType type = EntityType.builtIn(row.type()).orElseThrow(() -> new AssertionError("type " + row.type()));
        String text = textOf(row.file());
        int start = lineStart(text, row.line()) + row.column() - 1;
        Matcher m = maskedValue(type, row.masked()).matcher(text).region(start, text.length());
        assertThat(m.lookingAt()).as("%s at %s:%d:%d", row.masked(), row.file(), row.line(), row.column()).isTrue();
        int end = m.end();
        assertThat(Masking.preview(type, text.substring(start, end))).isEqualTo(row.masked());

        List<Found> here = FINDINGS.stream()
                .filter(f -> f.file().equals(SAMPLES + "/" + row.file()) && f.type().equals(row.type())
                        && f.start() < end && f.end() > start)
                .toList();
        if (row.decoy()) {
            assertThat(here).as("decoy reported").isEmpty();
        } else if (DETECTABLE.contains(row.type())) {
            assertThat(here).as("planted value not found").isNotEmpty();
        }
    }

    /**
     * The text a row's line and column refer to: a plain-text file's content, or the extracted text of the part
     * the row names (the document itself, {@code document!/embedded/path} or {@code document#metadata}).
     */
    static String textOf(String file) {
        int cut = file.length();
        for (String marker : List.of(ExtractedPart.EMBEDDED_SEPARATOR, ExtractedPart.METADATA_SUFFIX)) {
            int at = file.indexOf(marker);
            if (at >= 0) {
                cut = Math.min(cut, at);
            }
        }
        String document = file.substring(0, cut);
        if (cut == file.length() && document.matches(".*\\.(txt|csv|log|md)")) {
            return read(SAMPLES.resolve(file));
        }
        String text = EXTRACTED.computeIfAbsent(document, SamplesTest::extractAll).get(file);
        if (text == null) {
            throw new AssertionError("no part " + file + " in " + document);
        }
        return text;
    }

    private static final Map<String, Map<String, String>> EXTRACTED = new ConcurrentHashMap<>();

    /** The text of every text part of a sample document, by part path. */
    private static Map<String, String> extractAll(String document) {
        Map<String, String> texts = new HashMap<>();
        try {
            new TikaTextExtractor(ExtractionLimits.DEFAULTS).extract(
                    DocumentSource.ofFile(document, SAMPLES.resolve(document)), part -> {
                        if (part.extraction() instanceof Extraction.Text t) {
                            texts.put(part.path(), t.text());
                        }
                    });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return texts;
    }

    /** A pattern matching the values that mask to {@code masked} ({@code *} hides a letter or digit). */
    static Pattern maskedValue(EntityType type, String masked) {
        Matcher email = Pattern.compile("(.)\\*\\*\\*@\\*\\*\\*(\\.[^.]+)").matcher(masked);
        if (type == EntityType.EMAIL_ADDRESS && email.matches()) {
            return Pattern.compile(
                    Pattern.quote(email.group(1)) + "[^\\s@]*@[^\\s@]*?" + Pattern.quote(email.group(2)));
        }
        StringBuilder regex = new StringBuilder();
        for (char c : masked.toCharArray()) {
            regex.append(c == '*' ? "[\\p{L}\\p{N}]" : c == ' ' ? "\\s" : Pattern.quote(String.valueOf(c)));
        }
        return Pattern.compile(regex.toString());
    }

    private static int lineStart(String text, int line) {
        int pos = 0;
        for (int i = 1; i < line; i++) {
            pos = text.indexOf('\n', pos) + 1;
            assertThat(pos).as("line %d exists", line).isPositive();
        }
        return pos;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
