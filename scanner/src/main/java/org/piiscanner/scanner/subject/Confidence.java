package org.piiscanner.scanner.subject;

/** How sure a subject search is that a location holds the person's data, from its evidence score. */
public enum Confidence {
    /** Score 0.8 or more: a strong identifier, or several identifiers together. */
    HIGH,
    /** Score 0.5 or more: a full name, or weaker identifiers together. */
    MEDIUM,
    /** Below 0.5: a name in parts or spelling variants, a date of birth with part of the name. */
    LOW;

    /** The confidence of an evidence score. */
    static Confidence of(double score) {
        return score >= 0.8 ? HIGH : score >= 0.5 ? MEDIUM : LOW;
    }
}
