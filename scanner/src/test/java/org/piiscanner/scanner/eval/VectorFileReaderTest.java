package org.piiscanner.scanner.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class VectorFileReaderTest {

    @Test
    void readsTheSubset() throws Exception {
        List<VectorCase> cases = VectorFileReader.read(PresidioDatasetReaderTest.resource("vectors_subset.jsonl"));
        assertThat(cases).hasSize(39);
        assertThat(cases).extracting(VectorCase::line).startsWith(1, 2, 3).endsWith(39);

        // expected_res (credit card tests) is read like expected_positions
        VectorCase cards = cases.get(2);
        assertThat(cards.recognizer()).isNull();
        assertThat(cards.group()).isEqualTo("CreditCardRecognizer");
        assertThat(cards.entities()).containsExactly("CREDIT_CARD");
        assertThat(cards.text()).isEqualTo("4012888888881881 4012-8888-8888-1881 4012 8888 8888 1881");
        assertThat(cards.expectedCount()).isEqualTo(3);
        assertThat(cards.expectedOffsets()).containsExactly(new VectorCase.Offsets(0, 16),
                new VectorCase.Offsets(17, 36), new VectorCase.Offsets(37, 56));
        assertThat(cards.expectedMaxScore()).isNaN();

        // a phone case names no entity, only its recognizer
        VectorCase phone = cases.stream().filter(c -> "PhoneRecognizer".equals(c.recognizer())).findFirst()
                .orElseThrow();
        assertThat(phone.entities()).isEmpty();
        assertThat(LabelMapping.presidio().types(phone)).containsExactly("PHONE_NUMBER");

        // a sanitiser test records no expectation
        VectorCase gstin = cases.stream().filter(c -> c.testFunction().equals("test_sanitize_value")).findFirst()
                .orElseThrow();
        assertThat(gstin.hasExpectation()).isFalse();
        assertThat(gstin.expectedCount()).isEqualTo(VectorCase.NO_EXPECTATION);

        VectorCase nino = cases.stream().filter(c -> c.text().equals("AA 12 34 56 B")).findFirst().orElseThrow();
        assertThat(nino.group()).isEqualTo("UkNinoRecognizer");
        assertThat(nino.expectedMaxScore()).isEqualTo(0.5);
    }

    @Test
    void scoreBoundMaxMeansOne() {
        VectorCase c = VectorFileReader.parse("""
                {"source_file": "t/test_mac_recognizer.py", "test_function": "f", \
                "recognizer": "MacAddressRecognizer", "entities": ["MAC_ADDRESS"], \
                "text": "mac: 00:1A:2B:3C:4D:5E", "expected_len": 1, "expected_positions": [[5, 22]], \
                "expected_score_ranges": [[0.6, "max"]]}

                """, "inline").get(0);
        assertThat(c.expectedMaxScore()).isEqualTo(1.0);
        assertThat(c.expectedOffsets()).containsExactly(new VectorCase.Offsets(5, 22));
    }

    @Test
    void countDefaultsToTheNumberOfOffsets() {
        VectorCase c = VectorFileReader.parse("""
                {"source_file": "t/test_x_recognizer.py", "test_function": "f", "recognizer": null, \
                "entities": ["DE_VAT_ID"], "text": "DE 136 695 976", "expected_positions": [[0, 14]]}
                """, "inline").get(0);
        assertThat(c.expectedCount()).isEqualTo(1);
        assertThat(c.group()).isEqualTo("XRecognizer");
    }

    static Stream<Arguments> malformed() {
        String ok = "\"source_file\": \"s\", \"test_function\": \"f\", \"entities\": [\"X\"], ";
        return Stream.of(
                Arguments.of("[1, 2]", "inline:1: expected a JSON object per line"),
                Arguments.of("{\"source_file\": ", "invalid JSON in inline:1"),
                Arguments.of("{" + ok + "\"expected_len\": 0}", "inline:1: missing 'text'"),
                Arguments.of("{" + ok + "\"text\": \"abc\", \"expected_len\": \"1\"}", "'expected_len' must be an "
                        + "integer"),
                Arguments.of("{" + ok + "\"text\": \"abc\", \"expected_len\": -2}", "must not be negative"),
                Arguments.of("{" + ok + "\"text\": \"abc\", \"expected_positions\": [[0, 9]]}",
                        "bad offsets [0, 9) for a text of 3"),
                Arguments.of("{" + ok + "\"text\": \"abc\", \"expected_positions\": [[0]]}",
                        "entries must be [start, end]"),
                Arguments.of("{" + ok + "\"text\": \"abc\", \"expected_len\": 1, \"expected_score_ranges\": "
                        + "[[0.1, \"min\"]]}", "score bound must be a number or \"max\""),
                Arguments.of("{\"source_file\": \"s\", \"test_function\": \"f\", \"entities\": \"X\", \"text\": \"a\"}",
                        "'entities' must be a list"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("malformed")
    void rejectsMalformedLinesNamingTheLine(String line, String message) {
        assertThatThrownBy(() -> VectorFileReader.parse("\n" + line, "inline").get(0))
                .isInstanceOf(EvalInputException.class)
                .hasMessageContaining(message.replace("inline:1", "inline:2"));
    }

    @Test
    void missingFileIsAClearError(@TempDir Path dir) {
        Path missing = dir.resolve("v.jsonl");
        assertThatThrownBy(() -> VectorFileReader.read(missing))
                .isInstanceOf(EvalInputException.class)
                .hasMessage("test-vector file not found: " + missing);
    }
}
