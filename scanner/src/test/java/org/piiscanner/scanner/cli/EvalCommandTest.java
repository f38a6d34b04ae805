package org.piiscanner.scanner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.piiscanner.classifiers.config.ConfigurationException;
import org.piiscanner.classifiers.config.DetectionSettings;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class EvalCommandTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private static String resource(String name) throws URISyntaxException {
        return Path.of(EvalCommandTest.class.getResource("/eval/" + name).toURI()).toString();
    }

    private int run(EvalCommand command, String... args) {
        CommandLine cli = new CommandLine(command);
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        return cli.execute(args);
    }

    @Test
    void printsTablesForCorpusAndVectors() throws Exception {
        int code = run(new EvalCommand(), "--presidio", resource("generated_subset.json"),
                "--vectors", resource("vectors_subset.jsonl"));

        assertThat(code).isZero();
        assertThat(err.toString()).isEmpty();
        String text = out.toString();
        assertThat(text).contains("(60 texts, 129 gold spans)");
        assertThat(text).containsPattern("(?m)^type +gold +pred \\| +TP +P +R +F1 +F2 \\| +TP +P +R +F1 +F2$");
        assertThat(text).containsPattern("(?m)^CREDIT_CARD +9 +\\d+ \\| ");
        assertThat(text).containsPattern("(?m)^all scored types +\\d+ +\\d+ \\| ");
        assertThat(text).contains("Not detected by this build (gold spans not scored):", "ADDRESS 28");
        assertThat(text).containsPattern("(?m)^PERSON +26 +\\d+ \\| ");
        assertThat(text).containsPattern("Detection throughput on the corpus: 60 texts, 0\\.00\\d MB \\(UTF-8\\)");
        assertThat(text).contains("Presidio recognizer test vectors: ", "(39 cases: ", "3 about other entity types)");
        assertThat(text).containsPattern("(?m)^CreditCardRecognizer +CREDIT_CARD +8 ");
        // published test strings are printed only with --verbose
        assertThat(text).doesNotContain("info@presidio.site", "4012888888881881", "Failing cases");
    }

    @Test
    void verboseListsFailingVectorsWithTheirTexts(@TempDir Path dir) throws Exception {
        Path vectors = dir.resolve("v.jsonl");
        Files.writeString(vectors, """
                {"source_file": "t/test_credit_card_recognizer.py", "test_function": "f", "recognizer": null, \
                "entities": ["CREDIT_CARD"], "text": "there is no card here", "expected_len": 1, \
                "expected_res": [[0, 5]]}
                """);
        int code = run(new EvalCommand(), "--presidio", resource("generated_subset.json"), "--vectors",
                vectors.toString(), "--verbose");

        assertThat(code).isZero();
        assertThat(out.toString()).contains("Failing cases (published test strings):",
                "line 1 CreditCardRecognizer: \"there is no card here\" expected 1 at [0,5), found 0");
    }

    @Test
    void jsonCarriesTheSameFigures() throws Exception {
        int code = run(new EvalCommand(), "--presidio", resource("generated_subset.json"),
                "--vectors", resource("vectors_subset.jsonl"), "--json");

        assertThat(code).isZero();
        JsonNode root = JsonMapper.builder().build().readTree(out.toString());
        assertThat(root.get("minScore").doubleValue()).isEqualTo(DetectionSettings.DEFAULT_MIN_SCORE);
        JsonNode corpus = root.get("corpus");
        assertThat(corpus.get("texts").intValue()).isEqualTo(60);
        assertThat(corpus.get("goldSpans").intValue()).isEqualTo(129);
        JsonNode card = null;
        for (JsonNode t : corpus.get("types")) {
            if (t.get("type").stringValue().equals("CREDIT_CARD")) {
                card = t;
            }
        }
        assertThat(card).isNotNull();
        assertThat(card.get("strict").get("gold").intValue()).isEqualTo(9);
        assertThat(card.get("overlap").get("gold").intValue()).isEqualTo(9);
        assertThat(corpus.get("total").get("type").stringValue()).isEqualTo("ALL");
        assertThat(corpus.get("throughput").get("texts").intValue()).isEqualTo(60);
        JsonNode vectors = root.get("vectors");
        assertThat(vectors.get("cases").intValue()).isEqualTo(39);
        assertThat(vectors.get("unrelated").intValue()).isEqualTo(3);
        assertThat(vectors.has("failures")).isFalse();
    }

    @Test
    void missingInputIsExitCode2WithAMessage(@TempDir Path dir) throws Exception {
        Path missing = dir.resolve("missing.json");
        assertThat(run(new EvalCommand(), "--presidio", missing.toString())).isEqualTo(2);
        assertThat(err.toString()).isEqualTo("eval: Presidio dataset not found: " + missing
                + System.lineSeparator());
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void missingVectorFileIsExitCode2(@TempDir Path dir) throws Exception {
        Path missing = dir.resolve("missing.jsonl");
        assertThat(run(new EvalCommand(), "--presidio", resource("generated_subset.json"), "--vectors",
                missing.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("eval: test-vector file not found: " + missing);
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void invalidJsonIsExitCode2(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "[{\"full_text\": ");
        assertThat(run(new EvalCommand(), "--presidio", bad.toString())).isEqualTo(2);
        assertThat(err.toString()).startsWith("eval: invalid JSON in " + bad);
    }

    @Test
    void missingRequiredOptionIsUsageError() {
        assertThat(run(new EvalCommand())).isEqualTo(2);
        assertThat(err.toString()).contains("Missing required option: '--presidio=FILE'");
    }

    @Test
    void configNeedsALoader() throws Exception {
        assertThat(run(new EvalCommand(), "--presidio", resource("generated_subset.json"), "--config", "x.yml"))
                .isEqualTo(2);
        assertThat(err.toString()).contains("--config x.yml: this build of 'eval' has no configuration loader");
    }

    @Test
    void configIsLoadedWithTheInjectedLoader() throws Exception {
        EvalCommand command = new EvalCommand(file -> DetectionSettings.defaults().withMinScore(0.95));
        assertThat(run(command, "--presidio", resource("generated_subset.json"), "--config", "c.yml")).isZero();
        assertThat(out.toString()).contains("(min score 0.95)");
    }

    @Test
    void invalidConfigIsExitCode2() throws Exception {
        EvalCommand bad = new EvalCommand(file -> {
            throw new ConfigurationException("unknown detector id 'uk_ninoo'");
        });
        assertThat(run(bad, "--presidio", resource("generated_subset.json"), "--config", "c.yml")).isEqualTo(2);
        assertThat(err.toString()).contains("eval: unknown detector id 'uk_ninoo'");

        EvalCommand missing = new EvalCommand(file -> {
            throw new NoSuchFileException(file.toString());
        });
        assertThat(run(missing, "--presidio", resource("generated_subset.json"), "--config", "c.yml"))
                .isEqualTo(2);
        assertThat(err.toString()).contains("eval: configuration file not found: c.yml");
    }
}
