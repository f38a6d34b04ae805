package org.piiscanner.scanner.scan.files;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.piiscanner.classifiers.DetectionEngine;
import org.piiscanner.classifiers.config.DetectionSettings;
import org.piiscanner.scanner.config.ConfigFileException;
import org.piiscanner.scanner.config.DetectorConfigLoader;
import org.piiscanner.scanner.extraction.ExtractionLimits;
import org.piiscanner.scanner.extraction.TextExtractor;
import org.piiscanner.scanner.extraction.TikaTextExtractor;

/**
 * The detection engine and extractor of a scan, built once per configuration and shared by its partitions (both
 * are thread-safe). Thread-safe.
 */
final class ScanComponents {

    private final Map<Path, DetectionEngine> engines = new HashMap<>();
    private final Map<ExtractionLimits, TextExtractor> extractors = new HashMap<>();
    private static final Path DEFAULTS = Path.of("");

    /** The engine of a detector configuration file, or of the built-in defaults for null. */
    synchronized DetectionEngine engine(Path config) {
        return engines.computeIfAbsent(config == null ? DEFAULTS : config, c -> {
            try {
                DetectionSettings settings = c == DEFAULTS ? DetectionSettings.defaults()
                        : DetectorConfigLoader.load(c);
                return DetectionEngine.builder().settings(settings).build();
            } catch (ConfigFileException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        });
    }

    /** The extractor of a scan's limits. */
    synchronized TextExtractor extractor(FileScanParameters p) {
        ExtractionLimits limits = ExtractionLimits.DEFAULTS.withMaxFileSize(p.maxFileSize()).withTimeout(p.timeout());
        return extractors.computeIfAbsent(Objects.requireNonNull(limits), TikaTextExtractor::new);
    }
}
