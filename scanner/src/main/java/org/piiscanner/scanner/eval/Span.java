package org.piiscanner.scanner.eval;

import java.util.Comparator;
import java.util.Objects;

/**
 * A typed character range of a text, gold or predicted: {@code [start, end)} in Java {@code char} offsets.
 *
 * @param type an entity type name (ours, e.g. {@code CREDIT_CARD}, or a Presidio label such as {@code PERSON})
 * @param start first character, inclusive
 * @param end last character, exclusive; greater than {@code start}
 */
public record Span(String type, int start, int end) {

    /** Orders spans by start, then end, then type. */
    public static final Comparator<Span> BY_POSITION = Comparator.comparingInt(Span::start)
            .thenComparingInt(Span::end).thenComparing(Span::type);

    public Span {
        Objects.requireNonNull(type, "type");
        if (start < 0 || end <= start) {
            throw new IllegalArgumentException("bad span [" + start + ", " + end + ")");
        }
    }

    public int length() {
        return end - start;
    }

    /** Number of characters both spans cover (0 when they are disjoint). */
    public int intersection(Span other) {
        return Math.max(0, Math.min(end, other.end) - Math.max(start, other.start));
    }

    /** True when the spans share at least one character. */
    public boolean overlaps(Span other) {
        return intersection(other) > 0;
    }

    /** Intersection over union of the two ranges, in [0, 1] (types are ignored). */
    public double iou(Span other) {
        int inter = intersection(other);
        return (double) inter / (length() + other.length() - inter);
    }

    /** True when the intersection over union is at least one half (computed exactly, in integers). */
    public boolean iouAtLeastHalf(Span other) {
        int inter = intersection(other);
        return inter > 0 && 2 * inter >= length() + other.length() - inter;
    }

    @Override
    public String toString() {
        return type + "[" + start + "," + end + ")";
    }
}
