package org.piiscanner.classifiers.detectors;

import org.piiscanner.classifiers.Candidate;

/**
 * The spec's digit-group boundaries read from the raw text, exactly as the regular expressions state them:
 * {@code (?<![0-9][ -])} before a match and {@code (?![ -][0-9])} after it (identifiers spec §0.3).
 *
 * <p>{@link Candidate#continuesDigitGroup} asks whether the previous <em>word</em> is all digits; the spec only
 * asks whether the character before the separator is a digit ({@code AB12 943 476 5919} is refused too), so the
 * digit-identifier detectors use these instead. Stateless.
 */
final class Boundaries {

    private Boundaries() {
    }

    /** True if the text before {@code start} is a digit followed by a space or hyphen. */
    static boolean digitGroupBefore(Candidate c, int start) {
        char p = c.charAt(start - 1);
        return (p == ' ' || p == '-') && Candidate.isDigit(c.charAt(start - 2));
    }

    /** True if the text from {@code end} is a space or hyphen followed by a digit. */
    static boolean digitGroupAfter(Candidate c, int end) {
        char n = c.charAt(end);
        return (n == ' ' || n == '-') && Candidate.isDigit(c.charAt(end + 1));
    }

    /** True if words {@code w .. w+2} are digits of lengths {@code a, b, d} joined by one same space or hyphen. */
    static boolean threeGroups(Candidate c, int w, int a, int b, int d) {
        if (w + 2 >= c.wordCount() || c.wordLength(w) != a || c.wordLength(w + 1) != b
                || c.wordLength(w + 2) != d || !c.isDigits(w) || !c.isDigits(w + 1) || !c.isDigits(w + 2)) {
            return false;
        }
        char j = c.joinerAfter(w);
        return (j == ' ' || j == '-') && c.joinerAfter(w + 1) == j;
    }
}
