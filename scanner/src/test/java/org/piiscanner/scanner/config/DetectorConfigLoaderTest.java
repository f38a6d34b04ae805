package org.piiscanner.scanner.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.piiscanner.classifiers.DataCategory;
import org.piiscanner.classifiers.config.ContextSettings;
import org.piiscanner.classifiers.config.ContextWordSettings;
import org.piiscanner.classifiers.config.CustomDetectorSettings;
import org.piiscanner.classifiers.config.CustomPattern;
import org.piiscanner.classifiers.config.DenyListSettings;
import org.piiscanner.classifiers.config.DetectionSettings;
import org.piiscanner.classifiers.config.DetectorSettings;
import org.piiscanner.classifiers.config.TestValuePolicy;

class DetectorConfigLoaderTest {

    @TempDir
    Path dir;

    private Path write(String yaml) throws IOException {
        Path file = dir.resolve("detectors.yml");
        Files.writeString(file, yaml, StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void bindsEverySetting() throws Exception {
        Path file = write("""
                min-score: 0.5
                test-values: suppress
                context:
                  window-before: 80
                  window-after: 40
                  similarity-factor: 0.3
                  min-score-with-context: 0.45
                  negative-factor: 0.25
                  stop-at-paragraph: false
                detectors:
                  uk_nino:
                    enabled: false
                  credit_card:
                    min-score: 0.7
                    context:
                      en:
                        positive: [card on file, "on"]
                        negative: [order number]
                      de:
                        positive: [Kreditkarte]
                        replace-defaults: true
                    options:
                      brands: [visa, amex]
                      strict: true
                custom-detectors:
                  - id: employee_number
                    entity-type: EMPLOYEE_NUMBER
                    category: identity
                    patterns:
                      - name: EMP number
                        regex: "EMP[0-9]{6}"
                        score: 0.6
                      - name: bare number
                        regex: "[0-9]{6}"
                        score: 0.2
                        context-required: true
                    context:
                      en:
                        positive: [employee]
                deny-lists:
                  - id: codenames
                    entity-type: PROJECT_CODENAME
                    category: MARKETING_AND_COMMUNICATIONS
                    values: [Bluebird, 007]
                  - id: aliases
                    entity-type: ALIAS
                    category: profile
                    values: [Kestrel]
                    score: 0.8
                allow-list: ["0300 123 3333", yes]
                allow-patterns: ["4111.*"]
                """);

        DetectionSettings settings = DetectorConfigLoader.load(file);

        assertThat(settings).isEqualTo(new DetectionSettings(0.5,
                new ContextSettings(80, 40, 0.3, 0.45, 0.25, 30, 15, false),
                Map.of("uk_nino", new DetectorSettings(false, null, Map.of(), Map.of()),
                        "credit_card", new DetectorSettings(true, 0.7, Map.of(
                                "en", new ContextWordSettings(List.of("card on file", "on"), List.of("order number"),
                                        false),
                                "de", new ContextWordSettings(List.of("Kreditkarte"), List.of(), true)),
                                Map.of("brands", "visa,amex", "strict", "true"))),
                List.of(new CustomDetectorSettings("employee_number", "EMPLOYEE_NUMBER", DataCategory.IDENTITY,
                        List.of(new CustomPattern("EMP number", "EMP[0-9]{6}", 0.6, false),
                                new CustomPattern("bare number", "[0-9]{6}", 0.2, true)),
                        Map.of("en", new ContextWordSettings(List.of("employee"), List.of(), false)))),
                List.of(new DenyListSettings("codenames", "PROJECT_CODENAME",
                                DataCategory.MARKETING_AND_COMMUNICATIONS, List.of("Bluebird", "007"), 1.0),
                        new DenyListSettings("aliases", "ALIAS", DataCategory.PROFILE, List.of("Kestrel"), 0.8)),
                List.of("0300 123 3333", "yes"),
                List.of("4111.*"),
                TestValuePolicy.SUPPRESS));
    }

    @Test
    void anEmptyFileIsTheDefaults() throws Exception {
        assertThat(DetectorConfigLoader.load(write(""))).isEqualTo(DetectionSettings.defaults());
        assertThat(DetectorConfigLoader.load(write("# nothing but a comment\n")))
                .isEqualTo(DetectionSettings.defaults());
    }

    @Test
    void absentAndEmptyKeysTakeTheirDefaults() throws Exception {
        DetectionSettings settings = DetectorConfigLoader.load(write("""
                min-score:
                context:
                  window-after: 70
                detectors:
                  uk_nino:
                custom-detectors:
                allow-list: []
                """));

        assertThat(settings.minScore()).isEqualTo(0.4);
        assertThat(settings.context()).isEqualTo(new ContextSettings(100, 70, 0.35, 0.4, 0.3, 30, 15, true));
        assertThat(settings.detectors()).isEqualTo(Map.of("uk_nino", DetectorSettings.DEFAULTS));
        assertThat(settings.customDetectors()).isEmpty();
        assertThat(settings.allowList()).isEmpty();
    }

    static Stream<Arguments> invalidFiles() {
        return Stream.of(
                // unknown keys, with and without a close match
                Arguments.of("detectors:\n  uk_nino:\n    contxt: {}\n",
                        "detectors.uk_nino.contxt: unknown key (did you mean 'context'?)"),
                Arguments.of("min_score: 0.5\n", "min_score: unknown key (did you mean 'min-score'?)"),
                Arguments.of("colour: blue\n", "colour: unknown key (expected one of: min-score, test-values, "
                        + "context, detectors, custom-detectors, deny-lists, allow-list, allow-patterns)"),
                Arguments.of("context:\n  window-befor: 10\n",
                        "context.window-befor: unknown key (did you mean 'window-before'?)"),
                Arguments.of("detectors:\n  uk_nino:\n    context:\n      en:\n        postive: [x]\n",
                        "detectors.uk_nino.context.en.postive: unknown key (did you mean 'positive'?)"),
                Arguments.of("custom-detectors:\n  - id: x1\n    entity-type: X1\n    category: IDENTITY\n"
                                + "    patterns:\n      - {name: a, regex: a, score: 0.5, contextrequired: true}\n",
                        "custom-detectors[0].patterns[0].contextrequired: unknown key "
                                + "(did you mean 'context-required'?)"),
                Arguments.of("detectors:\n  uk_nino:\n    enabled: true\n    enabled: false\n",
                        "detectors.uk_nino.enabled: duplicate key"),
                // wrong types
                Arguments.of("min-score: high\n", "min-score: expected a number, got 'high'"),
                Arguments.of("min-score: \"0.5\"\n", "min-score: expected a number, got '0.5'"),
                Arguments.of("context:\n  window-before: 10.5\n",
                        "context.window-before: expected a whole number, got '10.5'"),
                Arguments.of("context:\n  stop-at-paragraph: maybe\n",
                        "context.stop-at-paragraph: expected true or false, got 'maybe'"),
                Arguments.of("detectors:\n  uk_nino:\n    enabled: yes\n",
                        "detectors.uk_nino.enabled: expected true or false, got 'yes'"),
                Arguments.of("detectors: [uk_nino]\n", "detectors: expected a mapping, got a list"),
                Arguments.of("allow-list: 0300 123 3333\n", "allow-list: expected a list, got '0300 123 3333'"),
                Arguments.of("allow-list:\n  - {value: x}\n", "allow-list[0]: expected a text value, got a mapping"),
                Arguments.of("test-values: hide\n", "test-values: expected one of report, suppress; got 'hide'"),
                Arguments.of("deny-lists:\n  - id: d1\n    entity-type: D1\n    category: PERSONAL\n"
                                + "    values: [x]\n",
                        "deny-lists[0].category: expected one of IDENTITY, CONTACT, FINANCIAL, TRANSACTION, "
                                + "TECHNICAL, PROFILE, USAGE, MARKETING_AND_COMMUNICATIONS, SPECIAL_CATEGORY, "
                                + "CRIMINAL_OFFENCE; got 'PERSONAL'"),
                Arguments.of("- min-score: 0.5\n", "expected a mapping, got a list"),
                // out of range
                Arguments.of("min-score: 1.5\n", "min-score: must be between 0 and 1, got 1.5"),
                Arguments.of("context:\n  similarity-factor: -0.1\n",
                        "context.similarity-factor: must be between 0 and 1, got -0.1"),
                Arguments.of("context:\n  window-before: 20000\n",
                        "context.window-before: must be between 0 and 10000, got 20000"),
                Arguments.of("detectors:\n  credit_card:\n    min-score: 2\n",
                        "detectors.credit_card.min-score: must be between 0 and 1, got 2"),
                // missing, empty and malformed values
                Arguments.of("custom-detectors:\n  - id: x1\n    entity-type: X1\n    category: IDENTITY\n"
                                + "    patterns:\n      - {name: a, score: 0.5}\n",
                        "custom-detectors[0].patterns[0]: missing key 'regex'"),
                Arguments.of("custom-detectors:\n  - id: x1\n    entity-type: X1\n    category: IDENTITY\n"
                                + "    patterns: []\n",
                        "custom-detectors[0].patterns: must list at least one pattern"),
                Arguments.of("custom-detectors:\n  - id: x1\n    entity-type: X1\n    category: IDENTITY\n"
                                + "    patterns:\n      - {name: a, regex: \"(unclosed\", score: 0.5}\n",
                        "custom-detectors[0].patterns[0].regex: invalid regular expression: Unclosed group "
                                + "near index 9"),
                Arguments.of("custom-detectors:\n  - id: Employee\n    entity-type: X1\n    category: IDENTITY\n"
                                + "    patterns:\n      - {name: a, regex: a, score: 0.5}\n",
                        "custom-detectors[0].id: expected lower-case letters, digits and '_' (2-64 characters, "
                                + "starting with a letter), got 'Employee'"),
                Arguments.of("custom-detectors:\n  - id: x1\n    entity-type: UK_NINO\n    category: IDENTITY\n"
                                + "    patterns:\n      - {name: a, regex: a, score: 0.5}\n",
                        "custom-detectors[0].entity-type: 'UK_NINO' is a built-in entity type; choose another "
                                + "name"),
                Arguments.of("deny-lists:\n  - id: d1\n    entity-type: secret\n    category: PROFILE\n"
                                + "    values: [x]\n",
                        "deny-lists[0].entity-type: entity type name must be upper-case letters, digits and '_' "
                                + "(2-64 chars), got 'secret'"),
                Arguments.of("deny-lists:\n  - id: d1\n    entity-type: D1\n    category: PROFILE\n    values: []\n",
                        "deny-lists[0].values: must list at least one value"),
                Arguments.of("deny-lists:\n  - id: d1\n    entity-type: D1\n    category: PROFILE\n",
                        "deny-lists[0]: missing key 'values'"),
                Arguments.of("allow-patterns: [\"[a-\"]\n",
                        "allow-patterns[0]: invalid regular expression: Illegal character range near index 3"),
                Arguments.of("detectors:\n  uk_nino:\n    context:\n      English:\n        positive: [x]\n",
                        "detectors.uk_nino.context.English: expected a lower-case ISO 639 language code such as "
                                + "'en'"),
                Arguments.of("detectors:\n  uk_nino:\n    context:\n      en:\n        positive: [\" \"]\n",
                        "detectors.uk_nino.context.en.positive[0]: must not be blank"),
                // not YAML at all
                Arguments.of("detectors:\n  uk_nino: enabled: true\n",
                        "invalid YAML at line 2, column 19: mapping values are not allowed here"),
                Arguments.of("detectors:\n  uk_nino: [\n",
                        "invalid YAML at line 3, column 1: expected the node content, but found '<stream end>'"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("invalidFiles")
    void rejectsWithTheFileTheKeyPathAndTheProblem(String yaml, String message) throws IOException {
        Path file = write(yaml);

        assertThatThrownBy(() -> DetectorConfigLoader.load(file))
                .isInstanceOf(ConfigFileException.class)
                .hasMessage(file + ": " + message);
    }

    @Test
    void aMissingFileOrADirectoryIsNamed() {
        Path missing = dir.resolve("nope.yml");
        assertThatThrownBy(() -> DetectorConfigLoader.load(missing)).hasMessage(missing + ": no such file");
        assertThatThrownBy(() -> DetectorConfigLoader.load(dir))
                .hasMessage(dir + ": is a directory, not a configuration file");
    }

    @Test
    void aFileThatIsNotUtf8IsRejected() throws IOException {
        Path file = dir.resolve("latin1.yml");
        Files.write(file, new byte[] {'a', ':', ' ', (byte) 0xE9, '\n'});

        assertThatThrownBy(() -> DetectorConfigLoader.load(file)).hasMessage(file + ": not UTF-8 text");
    }
}
