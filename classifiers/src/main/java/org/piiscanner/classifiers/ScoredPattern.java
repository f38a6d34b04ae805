package org.piiscanner.classifiers;

import java.util.Objects;

/**
 * A named, scored shape a detector recognises. The name grades the evidence, in the style of Presidio's
 * patterns ("SSN (weak)", "All Credit Cards (medium)").
 *
 * @param name the name shown in explanations
 * @param score the base score of a match of this shape (after validation, before context)
 * @param contextRequired when true the match is dropped unless a positive context word is near it
 */
public record ScoredPattern(String name, double score, boolean contextRequired) {

    public ScoredPattern {
        Objects.requireNonNull(name, "name");
        if (score < 0 || score > 1) {
            throw new IllegalArgumentException("score must be in [0, 1]: " + score);
        }
    }

    /** A pattern that may be reported without context. */
    public static ScoredPattern of(String name, double score) {
        return new ScoredPattern(name, score, false);
    }

    /** A pattern that is reported only when a positive context word is near it. */
    public static ScoredPattern needsContext(String name, double score) {
        return new ScoredPattern(name, score, true);
    }
}
