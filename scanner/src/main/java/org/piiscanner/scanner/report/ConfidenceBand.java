package org.piiscanner.scanner.report;

/**
 * How sure a finding is, in three bands a reader can act on: {@link #HIGH} (score at least 0.85: validated by a
 * checksum or structure, or strong context), {@link #MEDIUM} (at least 0.60) and {@link #LOW} (below 0.60: worth
 * a look, may be a false positive).
 */
public enum ConfidenceBand {
    HIGH(0.85, "High"),
    MEDIUM(0.60, "Medium"),
    LOW(0.0, "Low");

    private final double minScore;
    private final String label;

    ConfidenceBand(double minScore, String label) {
        this.minScore = minScore;
        this.label = label;
    }

    /** The least score in the band. */
    public double minScore() {
        return minScore;
    }

    /** "High", "Medium", "Low". */
    public String label() {
        return label;
    }

    /** The band of {@code score}. */
    public static ConfidenceBand of(double score) {
        if (score >= HIGH.minScore) {
            return HIGH;
        }
        return score >= MEDIUM.minScore ? MEDIUM : LOW;
    }
}
