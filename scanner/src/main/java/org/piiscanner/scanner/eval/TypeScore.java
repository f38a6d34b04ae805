package org.piiscanner.scanner.eval;

import java.util.Objects;

/**
 * Scores of one entity type (or of all scored types together) in both matching modes.
 *
 * @param type our entity type name, or {@link #ALL} for the micro-average over scored types
 * @param strict counts with exact spans
 * @param overlap counts with intersection over union of at least 0.5
 */
public record TypeScore(String type, Counts strict, Counts overlap) {

    /** The type name of the micro-averaged row. */
    public static final String ALL = "ALL";

    public TypeScore {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(strict, "strict");
        Objects.requireNonNull(overlap, "overlap");
    }

    public Counts counts(MatchMode mode) {
        return mode == MatchMode.STRICT ? strict : overlap;
    }
}
