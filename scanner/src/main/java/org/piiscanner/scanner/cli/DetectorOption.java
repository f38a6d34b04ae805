package org.piiscanner.scanner.cli;

import java.nio.file.Path;
import org.piiscanner.classifiers.DetectionEngine;
import org.piiscanner.classifiers.config.ConfigurationException;
import org.piiscanner.scanner.config.ConfigFileException;
import org.piiscanner.scanner.config.DetectorConfigLoader;

/** The detection engine of a {@code --config FILE} option of the subject commands. */
final class DetectorOption {

    private DetectorOption() {
    }

    /** The engine of {@code config}; null for no file, or after printing why the file is invalid. */
    static DetectionEngine engine(Path config, StandardStreams streams) {
        if (config == null) {
            return null;
        }
        try {
            return DetectionEngine.builder().settings(DetectorConfigLoader.load(config)).build();
        } catch (ConfigFileException | ConfigurationException e) {
            streams.err().println("pii-scanner: " + (e instanceof ConfigurationException ? config + ": " : "")
                    + e.getMessage());
            return null;
        }
    }
}
