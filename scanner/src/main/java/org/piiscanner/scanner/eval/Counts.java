package org.piiscanner.scanner.eval;

/**
 * Span counts of one entity type in one matching mode, and the metrics derived from them.
 *
 * <p>Precision is {@code NaN} when nothing was predicted and recall is {@code NaN} when there is no gold span
 * (undefined, not zero). F-scores use the count form {@code (1+b²)·TP / ((1+b²)·TP + b²·FN + FP)}, equal to
 * {@code (1+b²)·P·R / (b²·P + R)} whenever P and R are defined, and 0 when there are gold or predicted spans but no
 * match; {@code NaN} only when there is neither. F2 ({@code b = 2}) weighs recall higher, as presidio-research does.
 *
 * @param gold gold spans
 * @param predicted predicted spans
 * @param truePositives predicted spans matched one-to-one to gold spans
 */
public record Counts(int gold, int predicted, int truePositives) {

    public static final Counts ZERO = new Counts(0, 0, 0);

    public Counts {
        if (gold < 0 || predicted < 0 || truePositives < 0 || truePositives > gold || truePositives > predicted) {
            throw new IllegalArgumentException("inconsistent counts: gold=" + gold + " predicted=" + predicted
                    + " tp=" + truePositives);
        }
    }

    public Counts plus(Counts other) {
        return new Counts(gold + other.gold, predicted + other.predicted, truePositives + other.truePositives);
    }

    public int falsePositives() {
        return predicted - truePositives;
    }

    public int falseNegatives() {
        return gold - truePositives;
    }

    /** TP / predicted, or {@code NaN} when nothing was predicted. */
    public double precision() {
        return predicted == 0 ? Double.NaN : (double) truePositives / predicted;
    }

    /** TP / gold, or {@code NaN} when there is no gold span. */
    public double recall() {
        return gold == 0 ? Double.NaN : (double) truePositives / gold;
    }

    public double f1() {
        return fBeta(1);
    }

    /** The recall-weighted F-score used by presidio-research. */
    public double f2() {
        return fBeta(2);
    }

    /** The F-score with weight {@code beta} on recall. */
    public double fBeta(double beta) {
        if (gold == 0 && predicted == 0) {
            return Double.NaN;
        }
        double b2 = beta * beta;
        double weightedTp = (1 + b2) * truePositives;
        return weightedTp / (weightedTp + b2 * falseNegatives() + falsePositives());
    }
}
