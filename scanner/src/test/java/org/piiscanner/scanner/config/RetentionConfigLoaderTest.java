package org.piiscanner.scanner.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.piiscanner.classifiers.DataCategory;
import org.piiscanner.scanner.config.RetentionSettings.AgeBasis;
import org.piiscanner.scanner.config.RetentionSettings.MaxAge;

class RetentionConfigLoaderTest {

    /** Tests run in the module directory; the example policy is at the repository root. */
    static final Path REPOSITORY_FILE = Path.of("../config/retention.yml");

    @TempDir
    Path dir;

    private Path write(String yaml) throws IOException {
        Path file = dir.resolve("retention.yml");
        Files.writeString(file, yaml, StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void bindsEveryKey() throws Exception {
        RetentionSettings s = RetentionConfigLoader.load(write("""
                rules:
                  - name: Backups
                    description: IT policy 4.2
                    sources: ["/srv/**"]
                    paths: ["backups/**", "**/*.bak"]
                    max-age: 35d
                  - name: Money
                    categories: [financial, Transaction, marketing-and-communications]
                    entity-types: [UK_NINO]
                    max-age: 7Y
                    from: first-seen
                  - name: Weeks
                    max-age: 6 w
                    from: LAST_MODIFIED
                  - name: Months
                    max-age: 18m
                """));

        assertThat(s.rules()).extracting(RetentionSettings.Rule::name).containsExactly("Backups", "Money", "Weeks",
                "Months");
        RetentionSettings.Rule backups = s.rules().get(0);
        assertThat(backups.description()).isEqualTo("IT policy 4.2");
        assertThat(backups.sources()).containsExactly(PathGlob.of("/srv/**"));
        assertThat(backups.paths()).containsExactly(PathGlob.of("backups/**"), PathGlob.of("**/*.bak"));
        assertThat(backups.maxAge()).isEqualTo(new MaxAge(35, ChronoUnit.DAYS));
        assertThat(backups.from()).isEqualTo(AgeBasis.LAST_MODIFIED);
        assertThat(backups.coversAllTypes()).isTrue();
        RetentionSettings.Rule money = s.rules().get(1);
        assertThat(money.categories()).isEqualTo(Set.of(DataCategory.FINANCIAL, DataCategory.TRANSACTION,
                DataCategory.MARKETING_AND_COMMUNICATIONS));
        assertThat(money.entityTypes()).containsExactly("UK_NINO");
        assertThat(money.maxAge()).isEqualTo(new MaxAge(7, ChronoUnit.YEARS));
        assertThat(money.from()).isEqualTo(AgeBasis.FIRST_SEEN);
        assertThat(money.description()).isNull();
        assertThat(s.rules().get(2).maxAge().text()).isEqualTo("6w");
        assertThat(s.rules().get(3).maxAge().words()).isEqualTo("18 months");
    }

    @Test
    void anEmptyFileHasNoRules() throws Exception {
        assertThat(RetentionConfigLoader.load(write("")).rules()).isEmpty();
        assertThat(RetentionConfigLoader.load(write("rules:\n")).rules()).isEmpty();
    }

    @Test
    void maximumAgesCountOnTheCalendarInUtc() {
        Instant t = Instant.parse("2024-02-29T10:00:00Z");
        assertThat(new MaxAge(1, ChronoUnit.YEARS).deadline(t)).isEqualTo(Instant.parse("2025-02-28T10:00:00Z"));
        assertThat(new MaxAge(1, ChronoUnit.MONTHS).deadline(t)).isEqualTo(Instant.parse("2024-03-29T10:00:00Z"));
        assertThat(new MaxAge(2, ChronoUnit.WEEKS).deadline(t)).isEqualTo(Instant.parse("2024-03-14T10:00:00Z"));
        assertThat(new MaxAge(35, ChronoUnit.DAYS).deadline(t)).isEqualTo(Instant.parse("2024-04-04T10:00:00Z"));
        assertThat(new MaxAge(1, ChronoUnit.DAYS).words()).isEqualTo("1 day");
        assertThatThrownBy(() -> new MaxAge(0, ChronoUnit.DAYS)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new MaxAge(1, ChronoUnit.HOURS)).isInstanceOf(IllegalArgumentException.class);
    }

    static Stream<Arguments> invalidFiles() {
        return Stream.of(
                Arguments.of("rule:\n  - name: x\n", "rule: unknown key (did you mean 'rules'?)"),
                Arguments.of("rules:\n  - name: x\n    max-age: 1y\n    path: [a]\n",
                        "rules[0].path: unknown key (did you mean 'paths'?)"),
                Arguments.of("rules:\n  - name: x\n    max-age: 1y\n    retain: 2y\n",
                        "rules[0].retain: unknown key (expected one of: name, description, categories, entity-types, "
                                + "sources, paths, max-age, from)"),
                Arguments.of("rules:\n  - max-age: 1y\n", "rules[0]: missing key 'name'"),
                Arguments.of("rules:\n  - name: x\n", "rules[0]: missing key 'max-age'"),
                Arguments.of("rules:\n  - name: x\n    max-age: 7 years\n",
                        "rules[0].max-age: expected a number and a unit (d, w, m or y) such as 7y or 35d, got "
                                + "'7 years'"),
                Arguments.of("rules:\n  - name: x\n    max-age: 0d\n",
                        "rules[0].max-age: expected a number and a unit (d, w, m or y) such as 7y or 35d, got '0d'"),
                Arguments.of("rules:\n  - name: x\n    max-age: 35\n",
                        "rules[0].max-age: expected a number and a unit (d, w, m or y) such as 7y or 35d, got '35'"),
                Arguments.of("rules:\n  - name: x\n    max-age: 1y\n    categories: [FINANCE]\n",
                        "rules[0].categories[0]: expected one of IDENTITY, CONTACT, FINANCIAL, TRANSACTION, "
                                + "TECHNICAL, PROFILE, USAGE, MARKETING_AND_COMMUNICATIONS, SPECIAL_CATEGORY, "
                                + "CRIMINAL_OFFENCE; got 'FINANCE'"),
                Arguments.of("rules:\n  - name: x\n    max-age: 1y\n    categories: FINANCIAL\n",
                        "rules[0].categories: expected a list, got 'FINANCIAL'"),
                Arguments.of("rules:\n  - name: x\n    max-age: 1y\n    entity-types: [UK_NIN0]\n",
                        "rules[0].entity-types[0]: unknown entity type 'UK_NIN0' (did you mean 'UK_NINO'?); custom "
                                + "types are covered by a rule for their category"),
                Arguments.of("rules:\n  - name: x\n    max-age: 1y\n    paths: [\"\"]\n",
                        "rules[0].paths[0]: must not be blank"),
                Arguments.of("rules:\n  - name: x\n    max-age: 1y\n    paths: [\"a/***\"]\n",
                        "rules[0].paths[0]: '***' is not a pattern: use '**' for any folders, '*' within one"),
                Arguments.of("rules:\n  - name: x\n    max-age: 1y\n    from: modified\n",
                        "rules[0].from: expected one of last-modified, first-seen; got 'modified'"),
                Arguments.of("rules:\n  - name: Backups\n    max-age: 1y\n  - name: backups\n    max-age: 2y\n",
                        "rules[1]: another rule is already named 'backups': names identify rules in reports"),
                Arguments.of("rules:\n  - name: x\n    max-age: 1y\n    max-age: 2y\n",
                        "rules[0].max-age: duplicate key"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("invalidFiles")
    void rejectsWithTheFileTheKeyPathAndTheProblem(String yaml, String message) throws IOException {
        Path file = write(yaml);

        assertThatThrownBy(() -> RetentionConfigLoader.load(file))
                .isInstanceOf(ConfigFileException.class)
                .hasMessage(file + ": " + message);
    }

    @Test
    void theRepositoryExampleLoadsAndDocumentsEveryKey() throws Exception {
        RetentionSettings s = RetentionConfigLoader.load(REPOSITORY_FILE);
        assertThat(s.rules()).extracting(RetentionSettings.Rule::name).containsExactly("Backups",
                "Special category and criminal offence data", "Right-to-work copies", "Financial records",
                "Contact details", "Other personal data");
        String text = Files.readString(REPOSITORY_FILE, StandardCharsets.UTF_8);
        for (String key : RetentionConfigLoader.RULE_KEYS) {
            assertThat(text).as("config/retention.yml documents %s", key)
                    .containsPattern("(?m)^#\\s+(- )?" + key + ":\\s");
        }
        for (DataCategory c : DataCategory.values()) {
            assertThat(text).as("config/retention.yml lists %s", c).contains(c.name());
        }
        assertThat(List.of(AgeBasis.values())).allSatisfy(b -> assertThat(text)
                .contains(b.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-')));
    }
}
