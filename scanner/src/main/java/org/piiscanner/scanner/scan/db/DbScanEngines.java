package org.piiscanner.scanner.scan.db;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.piiscanner.classifiers.ColumnValueDetector;
import org.piiscanner.classifiers.DetectionContext;
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

    private record Built(DetectionEngine engine, String hash, DetectionSettings settings) {
    }

    private final Map<String, Built> built = new ConcurrentHashMap<>();
    private final Map<String, DetectionEngine> typed = new ConcurrentHashMap<>();

    /** The types the name model reports: a column holding one of them needs the name detector. */
    static final Set<String> NAME_TYPES = Set.of("PERSON", "LOCATION", "ORGANIZATION");

    /**
     * The engine of {@code config} (null: the defaults).
     *
     * @throws IllegalArgumentException if the file is unreadable or invalid (the message names the file and key)
     */
    DetectionEngine engine(Path config) {
        return get(config).engine();
    }

    /**
     * How the values of a column read in full are detected, from its verdict: a name column's name-shaped values
     * are names, a typed column's values are tried against its own types first, free text and anything else runs
     * the full engine (see {@link ColumnValueDetector}).
     *
     * @param verdict {@code PERSONAL}, {@code FREE_TEXT} or {@code NONE}
     * @param types the verdict's entity type names, most confident first
     */
    ColumnValueDetector columnDetector(Path config, String column, String verdict, List<String> types) {
        DetectionEngine full = engine(config);
        DetectionContext context = DetectionContext.forField(column);
        if (!"PERSONAL".equals(verdict) || types.isEmpty()) {
            return ColumnValueDetector.fullText(full, context);
        }
        List<String> structured = types.stream().filter(t -> !NAME_TYPES.contains(t)).sorted().toList();
        DetectionEngine restricted = structured.isEmpty() ? null : typedEngine(config, structured);
        if (types.getFirst().equals("PERSON")) {
            return ColumnValueDetector.nameColumn(full, restricted, context);
        }
        if (restricted == null || structured.size() < types.size()) {
            return ColumnValueDetector.fullText(full, context); // locations and organisations need the name model
        }
        return ColumnValueDetector.typedColumn(full, restricted, context);
    }

    private DetectionEngine typedEngine(Path config, List<String> types) {
        String key = key(config) + "\n" + types;
        DetectionSettings settings = get(config).settings();
        return typed.computeIfAbsent(key, k -> DetectionEngine.builder().settings(settings).onlyTypes(types)
                .build());
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
        return built.computeIfAbsent(key(config), k -> {
            try {
                DetectionSettings settings = config == null ? DetectionSettings.defaults()
                        : DetectorConfigLoader.load(config);
                return new Built(DetectionEngine.builder().settings(settings).build(),
                        sha256(settings.toString()), settings);
            } catch (ConfigFileException | ConfigurationException e) {
                throw new IllegalArgumentException((config != null && !e.getMessage().contains(config.toString())
                        ? config + ": " : "") + e.getMessage(), e);
            }
        });
    }

    private static String key(Path config) {
        return config == null ? "" : config.toAbsolutePath().normalize().toString();
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
