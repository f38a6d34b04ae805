package org.piiscanner.scanner.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PresidioDatasetReaderTest {

    static Path resource(String name) throws URISyntaxException {
        return Path.of(PresidioDatasetReaderTest.class.getResource("/eval/" + name).toURI());
    }

    @Test
    void readsTheSubsetWithEveryLabel() throws Exception {
        List<LabelledText> corpus = PresidioDatasetReader.read(resource("generated_subset.json"));
        assertThat(corpus).hasSize(60);
        Map<String, Integer> labels = new TreeMap<>();
        corpus.forEach(t -> t.gold().forEach(s -> labels.merge(s.type(), 1, Integer::sum)));
        assertThat(labels).containsExactlyEntriesOf(new TreeMap<>(Map.ofEntries(
                Map.entry("ADDRESS", 28), Map.entry("CREDIT_CARD", 9), Map.entry("DATE_TIME", 2),
                Map.entry("DOMAIN_NAME", 2), Map.entry("EMAIL_ADDRESS", 7), Map.entry("IBAN_CODE", 7),
                Map.entry("IP_ADDRESS", 7), Map.entry("LOCATION", 11), Map.entry("ORGANIZATION", 5),
                Map.entry("PERSON", 26), Map.entry("PHONE_NUMBER", 12), Map.entry("PREFIX", 2),
                Map.entry("TITLE", 2), Map.entry("US_DRIVER_LICENSE", 2), Map.entry("US_SSN", 7))));
    }

    @Test
    void spansPointAtTheirValues() {
        List<LabelledText> corpus = PresidioDatasetReader.parse("""
                [{"full_text": "Card 4111111111111111 ok", "masked": "Card {{cc}} ok", "template_id": 3,
                  "spans": [{"entity_type": "CREDIT_CARD", "entity_value": "4111111111111111",
                             "start_position": 5, "end_position": 21}]},
                 {"full_text": "nothing", "spans": []}]
                """, "inline");
        assertThat(corpus).containsExactly(
                new LabelledText("Card 4111111111111111 ok", List.of(new Span("CREDIT_CARD", 5, 21))),
                new LabelledText("nothing", List.of()));
    }

    static Stream<Arguments> malformed() {
        return Stream.of(
                Arguments.of("{\"full_text\": \"x\"}", "inline: expected a JSON list"),
                Arguments.of("[{\"full_text\": \"x\",", "invalid JSON in inline at line 1"),
                Arguments.of("[{\"spans\": []}]", "inline: record 0: missing 'full_text'"),
                Arguments.of("[{\"full_text\": \"x\"}]", "inline: record 0: missing 'spans'"),
                Arguments.of("[{\"full_text\": 5, \"spans\": []}]", "'full_text' must be a string"),
                Arguments.of("[{\"full_text\": \"abc\", \"spans\": [{\"entity_type\": \"X\", \"start_position\": 1,"
                        + " \"end_position\": 4}]}]", "record 0, span 0: bad offsets [1, 4) for a text of 3"),
                Arguments.of("[{\"full_text\": \"abc\", \"spans\": [{\"entity_type\": \"X\", \"start_position\": 2,"
                        + " \"end_position\": 2}]}]", "bad offsets [2, 2)"),
                Arguments.of("[{\"full_text\": \"abc\", \"spans\": [{\"entity_type\": \"X\", \"start_position\": 0,"
                        + " \"end_position\": 2, \"entity_value\": \"bc\"}]}]",
                        "'entity_value' does not match the text at [0, 2)"),
                Arguments.of("[{\"full_text\": \"abc\", \"spans\": [{\"entity_type\": \"X\", \"start_position\": "
                        + "\"0\", \"end_position\": 2}]}]", "'start_position' must be an integer"),
                Arguments.of("[{\"full_text\": \"abc\", \"spans\": [{\"start_position\": 0, \"end_position\": 2}]}]",
                        "span 0: missing 'entity_type'"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("malformed")
    void rejectsMalformedInputNamingTheRecord(String json, String message) {
        assertThatThrownBy(() -> PresidioDatasetReader.parse(json, "inline"))
                .isInstanceOf(EvalInputException.class)
                .hasMessageContaining(message);
    }

    @Test
    void missingFileIsAClearError(@TempDir Path dir) {
        Path missing = dir.resolve("nope.json");
        assertThatThrownBy(() -> PresidioDatasetReader.read(missing))
                .isInstanceOf(EvalInputException.class)
                .hasMessage("Presidio dataset not found: " + missing);
        assertThatThrownBy(() -> PresidioDatasetReader.read(dir))
                .isInstanceOf(EvalInputException.class)
                .hasMessage("Presidio dataset is a directory, not a file: " + dir);
    }

    @Test
    void invalidJsonFileNamesTheFileAndLine(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "[\n{\"full_text\": \"x\", \"spans\": []},\n{oops}\n]");
        assertThatThrownBy(() -> PresidioDatasetReader.read(bad))
                .isInstanceOf(EvalInputException.class)
                .hasMessageStartingWith("invalid JSON in " + bad + " at line 3");
    }
}
