package org.piiscanner.scanner.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.piiscanner.classifiers.DetectionEngine;
import org.piiscanner.classifiers.DetectorRegistry;
import org.piiscanner.classifiers.Finding;
import org.piiscanner.classifiers.config.DetectionSettings;
import org.piiscanner.classifiers.config.DetectorSettings;

/**
 * {@code config/detectors.yml} at the repository root documents every setting with its default: loading it must
 * give the built-in defaults, it must list every registered detector, and its commented-out examples must work
 * when uncommented.
 */
class RepositoryConfigFileTest {

    /** Tests run in the module directory; the file is at the repository root. */
    static final Path FILE = Path.of("../config/detectors.yml");

    @Test
    void statesTheBuiltInDefaults() throws Exception {
        DetectionSettings settings = DetectorConfigLoader.load(FILE);
        DetectionSettings defaults = DetectionSettings.defaults();

        assertThat(settings.minScore()).isEqualTo(defaults.minScore());
        assertThat(settings.testValues()).isEqualTo(defaults.testValues());
        assertThat(settings.context()).isEqualTo(defaults.context());
        assertThat(settings.detectors().values()).allSatisfy(d -> assertThat(d).isEqualTo(DetectorSettings.DEFAULTS));
        assertThat(settings.customDetectors()).isEqualTo(defaults.customDetectors());
        assertThat(settings.denyLists()).isEqualTo(defaults.denyLists());
        assertThat(settings.allowList()).isEqualTo(defaults.allowList());
        assertThat(settings.allowPatterns()).isEqualTo(defaults.allowPatterns());
        assertThat(DetectionEngine.builder().settings(settings).build().detectorIds())
                .isEqualTo(DetectionEngine.createDefault().detectorIds());
    }

    @Test
    void listsEveryRegisteredDetector() throws Exception {
        assertThat(DetectorConfigLoader.load(FILE).detectors().keySet())
                .as("config/detectors.yml documents every built-in detector: add the new one")
                .containsExactlyInAnyOrderElementsOf(DetectorRegistry.load().ids());
    }

    @Test
    void itsExamplesWorkWhenUncommented(@TempDir Path dir) throws Exception {
        List<String> lines = Files.readAllLines(FILE, StandardCharsets.UTF_8);
        List<String> uncommented = lines.stream().map(l -> l.startsWith("#  ") ? l.substring(1) : l).toList();
        assertThat(uncommented).isNotEqualTo(lines);
        Path file = dir.resolve("detectors.yml");
        Files.write(file, uncommented, StandardCharsets.UTF_8);

        DetectionSettings settings = DetectorConfigLoader.load(file);
        DetectionEngine engine = DetectionEngine.builder().settings(settings).build();
        List<Finding> findings = engine.detect(
                "Employee EMP123456 works on Bluebird; test card 4111 1111 1111 1111; call 0300 123 3333.");

        assertThat(settings.detectors().get("uk_nino").context()).containsKey("en");
        assertThat(findings).extracting(f -> f.type().name() + "@" + f.start())
                .containsExactly("EMPLOYEE_NUMBER@9", "PROJECT_CODENAME@28");
    }
}
