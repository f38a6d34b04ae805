package org.piiscanner.classifiers.config;

import java.util.Map;

/**
 * Settings of one built-in detector.
 *
 * @param enabled whether the detector runs (built-in detectors are enabled by default)
 * @param minScore the detector's own minimum score, or {@code null} to use the global one
 * @param context context words by language code ({@code en}, {@code de}, ...)
 * @param options detector-specific options; unknown keys are rejected by the detector
 */
public record DetectorSettings(boolean enabled, Double minScore, Map<String, ContextWordSettings> context,
        Map<String, String> options) {

    public static final DetectorSettings DEFAULTS = new DetectorSettings(true, null, Map.of(), Map.of());

    public DetectorSettings {
        if (minScore != null) {
            ContextSettings.checkUnit("min-score", minScore);
        }
        context = Map.copyOf(context);
        options = Map.copyOf(options);
    }
}
