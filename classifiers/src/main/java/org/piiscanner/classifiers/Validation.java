package org.piiscanner.classifiers;

/** Outcome of a detector's structural or checksum validation of a candidate. */
public enum Validation {
    /** A checksum or structural rule passed: the score is the pattern's validated score. */
    VALID,
    /** A rule failed: the candidate is dropped (kept only in detector unit tests that ask for it). */
    INVALID,
    /** The identifier has no checksum: the pattern's base score stands and context decides. */
    NOT_APPLICABLE
}
