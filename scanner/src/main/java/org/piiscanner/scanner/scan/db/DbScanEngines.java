package org.piiscanner.scanner.scan.db;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.piiscanner.classifiers.DetectionEngine;
import org.piiscanner.classifiers.config.ConfigurationException;
import org.piiscanner.classifiers.config.DetectionSettings;
import org.piiscanner.scanner.config.ConfigFileException;
import org.piiscanner.scanner.config.DetectorConfigLoader;

/**
 * The detection engines of database scans, built once per detector configuration (the defaults, or a file as
 * {@code detect --config} reads it), with their configuration hashes. Thread-safe.
 */
final class DbScanEngines {

    private record Built(DetectionEngine engine, String hash) {
    }

    private final Map<String, Built> built = new ConcurrentHashMap<>();

    /**
     * The engine of {@code config} (null: the defaults).
     *
     * @throws IllegalArgumentException if the file is unreadable or invalid (the message names the file and key)
     */
    DetectionEngine engine(Path config) {
        return get(config).engine();
    }

    /** The configuration hash of a table's rows: the detector configuration and the columns read in full. */
    String configHash(Path config, List<String> scanColumns) {
        return sha256(get(config).hash() + "\n" + String.join("\n", scanColumns));
    }

    /** The detector configuration's hash (the run's). */
    String configHash(Path config) {
        return get(config).hash();
    }

    private Built get(Path config) {
        String key = config == null ? "" : config.toAbsolutePath().normalize().toString();
        return built.computeIfAbsent(key, k -> {
            try {
                DetectionSettings settings = config == null ? DetectionSettings.defaults()
                        : DetectorConfigLoader.load(config);
                return new Built(DetectionEngine.builder().settings(settings).build(),
                        sha256(settings.toString()));
            } catch (ConfigFileException | ConfigurationException e) {
                throw new IllegalArgumentException((config != null && !e.getMessage().contains(config.toString())
                        ? config + ": " : "") + e.getMessage(), e);
            }
        });
    }

    static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
