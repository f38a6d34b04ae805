package org.piiscanner.scanner;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

/** The Spring side of start-up: what commands that run jobs get from {@link PiiScannerApplication#start}. */
@ExtendWith(OutputCaptureExtension.class)
class PiiScannerApplicationTests {

    @TempDir
    Path dataDir;

    @Test
    void startsANonWebContextWhoseOptionPropertiesOverrideApplicationYml(CapturedOutput output) {
        try (ConfigurableApplicationContext context = PiiScannerApplication.start(
                Map.of("spring.application.name", "from-an-option", "pii-scanner.probe", 42,
                        "pii.data-dir", dataDir))) {
            assertThat(context.getEnvironment().getProperty("spring.application.name")).isEqualTo("from-an-option");
            assertThat(context.getEnvironment().getProperty("pii-scanner.probe")).isEqualTo("42");
            assertThat(context.getBean(PiiScannerApplication.class)).isNotNull();
            assertThat(context.getClass().getName()).doesNotContainIgnoringCase("web");
            LoggerFactory.getLogger(PiiScannerApplicationTests.class).warn("probe log line");
        }

        assertThat(output.getOut()).as("standard output belongs to command results").isEmpty();
        assertThat(output.getErr()).contains("probe log line");
    }
}
