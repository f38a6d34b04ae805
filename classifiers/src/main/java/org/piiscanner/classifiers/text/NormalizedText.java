package org.piiscanner.classifiers.text;

/**
 * A text after {@link TextNormalizer} with the map back to the original: every normalised character knows the
 * original range it came from, so findings point at the original text. Immutable once built.
 */
public final class NormalizedText {

    private final char[] chars;
    private final int length;
    private final int[] sourceStart;
    private final int[] sourceEnd;

    NormalizedText(char[] chars, int length, int[] sourceStart, int[] sourceEnd) {
        this.chars = chars;
        this.length = length;
        this.sourceStart = sourceStart;
        this.sourceEnd = sourceEnd;
    }

    /** The normalised characters; only the first {@link #length()} are valid. Read-only. */
    public char[] chars() {
        return chars;
    }

    public int length() {
        return length;
    }

    /** True when every normalised character sits at the same index as its original. */
    public boolean isIdentityMapped() {
        return sourceStart == null;
    }

    /** The original index of normalised index {@code start}. */
    public int originalStart(int start) {
        if (sourceStart == null) {
            return start;
        }
        return start < length ? sourceStart[start] : sourceEnd[length - 1];
    }

    /** The original end index (exclusive) of a normalised range ending (exclusive) at {@code end > 0}. */
    public int originalEnd(int end) {
        return sourceStart == null ? end : sourceEnd[end - 1];
    }

    @Override
    public String toString() {
        return new String(chars, 0, length);
    }
}
