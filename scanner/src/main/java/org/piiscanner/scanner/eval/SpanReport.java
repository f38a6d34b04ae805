package org.piiscanner.scanner.eval;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The result of a {@link SpanEvaluation}: scores per scored type, what could not be scored and why, and how fast
 * the predictor ran. Immutable.
 *
 * @param texts texts evaluated
 * @param goldSpans gold spans of every label
 * @param types one row per scored type (a gold label mapped to a type the predictor can predict), by name
 * @param total micro-average over the scored types
 * @param notDetected gold labels that were not scored, most frequent first
 * @param unscored predictions of types the corpus has no gold label for, by type
 * @param throughput the predictor's speed
 */
public record SpanReport(int texts, int goldSpans, List<TypeScore> types, TypeScore total,
        List<NotDetected> notDetected, List<Unscored> unscored, Throughput throughput) {

    public SpanReport {
        types = List.copyOf(types);
        Objects.requireNonNull(total, "total");
        notDetected = List.copyOf(notDetected);
        unscored = List.copyOf(unscored);
        Objects.requireNonNull(throughput, "throughput");
    }

    /**
     * A gold label that was not scored.
     *
     * @param label the corpus label, e.g. {@code PERSON}
     * @param gold its number of gold spans
     * @param mappedType our type for the label when it has one but the predictor cannot predict it (no detector
     *     for it in this build); null when we have no such type at all
     */
    public record NotDetected(String label, int gold, String mappedType) {
    }

    /**
     * Predictions of a type for which the corpus has no gold label: neither true nor false positives.
     *
     * @param type our type, e.g. {@code UK_POSTCODE}
     * @param predicted how many were predicted
     * @param insideGold how many overlapped a gold span, by that span's label (e.g. {@code ADDRESS}; the label of
     *     the most-overlapped span), sorted by label
     * @param outsideGold how many overlapped no gold span
     */
    public record Unscored(String type, int predicted, Map<String, Integer> insideGold, int outsideGold) {

        public Unscored {
            insideGold = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(insideGold));
        }
    }
}
