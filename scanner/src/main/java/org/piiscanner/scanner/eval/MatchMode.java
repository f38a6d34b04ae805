package org.piiscanner.scanner.eval;

/** How a predicted span must agree with a gold span of the same type to count as a true positive. */
public enum MatchMode {
    /** Exactly the same start and end. */
    STRICT,
    /** Intersection over union of at least 0.5 (tolerates a missing bracket or a trailing extension). */
    OVERLAP;

    /** True when {@code predicted} matches {@code gold} in this mode (types are not compared). */
    public boolean matches(Span gold, Span predicted) {
        return this == STRICT
                ? gold.start() == predicted.start() && gold.end() == predicted.end()
                : gold.iouAtLeastHalf(predicted);
    }
}
