package org.piiscanner.classifiers.names;

/**
 * A name found in a text.
 *
 * @param type what kind of name
 * @param start start offset in the text, inclusive
 * @param end end offset, exclusive
 * @param rule how it was found, e.g. {@code model} or {@code Surname, Given}: the pattern name is
 *     {@code PERSON (rule)}
 * @param score confidence in [0, 1]
 * @param note a short non-sensitive detail (adjustments made by rules); empty when none
 */
public record Name(NameType type, int start, int end, String rule, double score, String note) {

    /** The pattern name shown in explanations, e.g. {@code PERSON (model)}. */
    public String pattern() {
        return type + " (" + rule + ")";
    }

    Name withSpan(int newStart, int newEnd, String newRule, String addNote) {
        return new Name(type, newStart, newEnd, newRule, score, join(note, addNote));
    }

    Name withScore(double newScore, String addNote) {
        return new Name(type, start, end, rule, newScore, join(note, addNote));
    }

    private static String join(String a, String b) {
        if (b == null || b.isEmpty() || a.contains(b)) {
            return a;
        }
        return a.isEmpty() ? b : a + "; " + b;
    }
}
