package org.piiscanner.classifiers;

/**
 * Receives a detector's matches. Offsets are indexes into {@link Candidate#text()} (the normalised text); the
 * engine maps them back to the original text. Not thread-safe: one per scan.
 */
public interface MatchCollector {

    /**
     * Reports a validated match.
     *
     * @param type the entity type (one of the detector's {@link Detector#entityTypes()})
     * @param start start index, inclusive
     * @param end end index, exclusive
     * @param pattern the scored pattern that matched
     * @param validation the validation outcome; {@link Validation#INVALID} matches are discarded
     * @param testValue whether the value is a documented example, test number or reserved range
     * @param note a short non-sensitive detail for the explanation (never the value itself); may be empty
     */
    void add(EntityType type, int start, int end, ScoredPattern pattern, Validation validation, boolean testValue,
            String note);

    /** Shortcut for a match with no test flag and no note. */
    default void add(EntityType type, int start, int end, ScoredPattern pattern, Validation validation) {
        add(type, start, end, pattern, validation, false, "");
    }
}
