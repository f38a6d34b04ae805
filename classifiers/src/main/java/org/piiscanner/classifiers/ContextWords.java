package org.piiscanner.classifiers;

import java.util.List;
import java.util.Objects;

/**
 * Context words for one detector and one language.
 *
 * @param positive words or phrases that raise the score when near a match (case-insensitive, whole words, a
 *     trailing plural "s"/"es" is tolerated)
 * @param negative words or phrases that lower it (e.g. "version" near an IPv4-looking string)
 */
public record ContextWords(List<String> positive, List<String> negative) {

    public static final ContextWords NONE = new ContextWords(List.of(), List.of());

    public ContextWords {
        positive = List.copyOf(Objects.requireNonNull(positive, "positive"));
        negative = List.copyOf(Objects.requireNonNull(negative, "negative"));
    }

    public static ContextWords of(List<String> positive) {
        return new ContextWords(positive, List.of());
    }

    /** These words followed by {@code other}'s, without duplicates. */
    public ContextWords plus(ContextWords other) {
        return new ContextWords(
                java.util.stream.Stream.concat(positive.stream(), other.positive.stream()).distinct().toList(),
                java.util.stream.Stream.concat(negative.stream(), other.negative.stream()).distinct().toList());
    }
}
