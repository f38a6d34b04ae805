package org.piiscanner.classifiers.config;

import java.util.List;

/**
 * Context words configured for one detector and one language.
 *
 * @param positive words that raise the score
 * @param negative words that lower the score
 * @param replaceDefaults when true these lists replace the detector's built-in words for the language; otherwise
 *     they are added to them
 */
public record ContextWordSettings(List<String> positive, List<String> negative, boolean replaceDefaults) {

    public ContextWordSettings {
        positive = List.copyOf(positive);
        negative = List.copyOf(negative);
    }
}
