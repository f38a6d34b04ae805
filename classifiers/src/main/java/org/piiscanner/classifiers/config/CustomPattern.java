package org.piiscanner.classifiers.config;

/**
 * One regular expression of a custom detector.
 *
 * @param name the pattern name shown in explanations
 * @param regex a {@link java.util.regex.Pattern} expression; the whole match is the finding
 * @param score base score in [0, 1]
 * @param contextRequired report only when a positive context word is near
 */
public record CustomPattern(String name, String regex, double score, boolean contextRequired) {

    public CustomPattern {
        ContextSettings.checkUnit("score", score);
    }
}
