package org.piiscanner.classifiers;

import java.util.List;
import java.util.Objects;

/**
 * Why a finding was reported: the answer to "why was this flagged?".
 *
 * @param detector id of the detector that matched
 * @param pattern name of the scored pattern, grading the evidence (e.g. {@code "UK_NINO (spaced)"})
 * @param baseScore the pattern's score before context
 * @param validation the checksum or structural validation outcome
 * @param contextEffects context words that moved the score, in the order applied; empty when none
 * @param finalScore the score after context, in [0, 1]
 * @param note a short non-sensitive detail (card brand, phone type, test-range label); empty when none
 */
public record Explanation(
        String detector,
        String pattern,
        double baseScore,
        Validation validation,
        List<ContextEffect> contextEffects,
        double finalScore,
        String note) {

    public Explanation {
        Objects.requireNonNull(detector, "detector");
        Objects.requireNonNull(pattern, "pattern");
        Objects.requireNonNull(validation, "validation");
        contextEffects = List.copyOf(contextEffects);
        note = note == null ? "" : note;
    }
}
