package org.piiscanner.classifiers;

import java.util.Objects;
import org.piiscanner.classifiers.text.Masking;

/**
 * One piece of personal data found in a text: what it is, where it is, how sure we are and why.
 *
 * <p>Offsets are Java {@code char} indexes into the <em>original</em> text handed to the engine, end exclusive,
 * even when the engine normalised the text internally. The raw value is deliberately not part of
 * {@link #toString()}, {@link #equals} or any getter except {@link #sensitiveValue()}, which exists only for the
 * component that normalises and hashes values. Immutable and thread-safe.
 */
public final class Finding {

    private final EntityType type;
    private final int start;
    private final int end;
    private final double score;
    private final boolean testValue;
    private final Explanation explanation;
    private final String value;

    public Finding(EntityType type, int start, int end, double score, boolean testValue,
            Explanation explanation, String value) {
        this.type = Objects.requireNonNull(type, "type");
        if (start < 0 || end <= start) {
            throw new IllegalArgumentException("bad span [" + start + ", " + end + ")");
        }
        this.start = start;
        this.end = end;
        this.score = score;
        this.testValue = testValue;
        this.explanation = Objects.requireNonNull(explanation, "explanation");
        this.value = Objects.requireNonNull(value, "value");
    }

    public EntityType type() {
        return type;
    }

    /** Shortcut for {@code type().category()}. */
    public DataCategory category() {
        return type.category();
    }

    /** Start offset (inclusive) in the original text. */
    public int start() {
        return start;
    }

    /** End offset (exclusive) in the original text. */
    public int end() {
        return end;
    }

    /** Confidence in [0, 1]. */
    public double score() {
        return score;
    }

    /**
     * True when the value is a documented example, published test number or reserved range (a test card, the NHS
     * 999 range, an RFC 5737 address, an example.com mailbox): not a real person's data, but worth knowing about.
     */
    public boolean testValue() {
        return testValue;
    }

    public Explanation explanation() {
        return explanation;
    }

    /** Id of the detector that reported this finding. */
    public String detector() {
        return explanation.detector();
    }

    /** A masked preview safe to store and show, e.g. {@code GB82 **** **** **** **76 32}. */
    public String maskedPreview() {
        return Masking.preview(type, value);
    }

    /**
     * The matched text exactly as it appears in the original text.
     *
     * <p><strong>For normalising and hashing only.</strong> Never log, print, store or index what this returns:
     * nothing outside the source system may hold a raw personal value. The only other legitimate caller is an
     * explicit, audited "show values" request by the user who owns the source.
     */
    public String sensitiveValue() {
        return value;
    }

    /** A copy with another score and explanation (used when context or configuration re-scores a finding). */
    public Finding rescored(double newScore, Explanation newExplanation) {
        return new Finding(type, start, end, newScore, testValue, newExplanation, value);
    }

    @Override
    public String toString() {
        return type + "[" + start + "," + end + ") score=" + String.format(java.util.Locale.ROOT, "%.2f", score)
                + " detector=" + explanation.detector() + (testValue ? " test-value" : "")
                + " preview=" + maskedPreview();
    }
}
