package org.piiscanner.classifiers.config;

import java.util.List;
import java.util.Map;

/**
 * Everything configurable about detection, as plain records: the scanner binds {@code config/detectors.yml} into
 * this, and a library user can build it in code.
 *
 * @param minScore findings scoring below this are dropped (default 0.4); a detector may override it
 * @param context context-scoring knobs
 * @param detectors per-detector settings by detector id; detectors not listed use {@link DetectorSettings#DEFAULTS}
 * @param customDetectors regular-expression detectors defined in configuration
 * @param denyLists terms always reported
 * @param allowList values never reported, compared ignoring case, spaces, hyphens and dots
 *     (e.g. the organisation's own switchboard number)
 * @param allowPatterns regular expressions; a finding whose whole value matches one is not reported
 * @param testValues what to do with documented examples and test numbers
 */
public record DetectionSettings(double minScore, ContextSettings context, Map<String, DetectorSettings> detectors,
        List<CustomDetectorSettings> customDetectors, List<DenyListSettings> denyLists, List<String> allowList,
        List<String> allowPatterns, TestValuePolicy testValues) {

    public static final double DEFAULT_MIN_SCORE = 0.4;

    public DetectionSettings {
        ContextSettings.checkUnit("min-score", minScore);
        detectors = Map.copyOf(detectors);
        customDetectors = List.copyOf(customDetectors);
        denyLists = List.copyOf(denyLists);
        allowList = List.copyOf(allowList);
        allowPatterns = List.copyOf(allowPatterns);
    }

    /** Built-in defaults: every built-in detector on, minimum score 0.4, test values reported and flagged. */
    public static DetectionSettings defaults() {
        return new DetectionSettings(DEFAULT_MIN_SCORE, ContextSettings.DEFAULTS, Map.of(), List.of(), List.of(),
                List.of(), List.of(), TestValuePolicy.REPORT);
    }

    /** A copy with another minimum score. */
    public DetectionSettings withMinScore(double score) {
        return new DetectionSettings(score, context, detectors, customDetectors, denyLists, allowList,
                allowPatterns, testValues);
    }
}
