package org.piiscanner.classifiers.detectors;

import org.piiscanner.classifiers.Candidate;

/**
 * Reads a run of words joined by one consistent separator (space or hyphen) out of a compound: the common first
 * step of detectors for grouped identifiers ({@code AB 12 34 56 C}, {@code 4111-1111-1111-1111}).
 *
 * <p>Stateless helpers; callers pass their own buffers.
 */
public final class Groups {

    private Groups() {
    }

    /**
     * Concatenates words {@code first, first+1, ...} into {@code buf} while they are joined by a space or a hyphen
     * (the same one throughout) and fit in {@code buf}.
     *
     * @param digitsOnly stop before the first word that is not all digits (the first word must be digits)
     * @param ends receives, per word read, the number of characters in {@code buf} after that word
     * @return the number of words read (0 if the first word does not fit or is not digits when required)
     */
    public static int collect(Candidate c, int first, boolean digitsOnly, char[] buf, int[] ends) {
        int n = 0;
        int words = 0;
        char separator = Candidate.NONE;
        for (int w = first; w < c.wordCount() && words < ends.length; w++) {
            if (digitsOnly && !c.isDigits(w)) {
                break;
            }
            int len = c.wordLength(w);
            if (n + len > buf.length) {
                break;
            }
            System.arraycopy(c.text(), c.wordStart(w), buf, n, len);
            n += len;
            ends[words++] = n;
            char j = c.joinerAfter(w);
            if (j != ' ' && j != '-') {
                break;
            }
            if (separator == Candidate.NONE) {
                separator = j;
            } else if (separator != j) {
                break;
            }
        }
        return words;
    }

    /** True if words {@code w .. w+2} are digits of lengths {@code a, b, d} joined by one same space or hyphen. */
    public static boolean threeGroups(Candidate c, int w, int a, int b, int d) {
        if (w + 2 >= c.wordCount() || c.wordLength(w) != a || c.wordLength(w + 1) != b
                || c.wordLength(w + 2) != d || !c.isDigits(w) || !c.isDigits(w + 1) || !c.isDigits(w + 2)) {
            return false;
        }
        char j = c.joinerAfter(w);
        return (j == ' ' || j == '-') && c.joinerAfter(w + 1) == j;
    }

    /** True if {@code buf[from, to)} is all ASCII digits. */
    public static boolean allDigits(char[] buf, int from, int to) {
        for (int i = from; i < to; i++) {
            if (buf[i] < '0' || buf[i] > '9') {
                return false;
            }
        }
        return true;
    }

    /** True if {@code buf[from, to)} is all upper-case ASCII letters. */
    public static boolean allUpper(char[] buf, int from, int to) {
        for (int i = from; i < to; i++) {
            if (buf[i] < 'A' || buf[i] > 'Z') {
                return false;
            }
        }
        return true;
    }

    /** True if all characters of {@code buf[from, to)} are the same. */
    public static boolean allSame(char[] buf, int from, int to) {
        for (int i = from + 1; i < to; i++) {
            if (buf[i] != buf[from]) {
                return false;
            }
        }
        return true;
    }

    /** The number formed by the decimal digits {@code buf[from, to)}. */
    public static int number(char[] buf, int from, int to) {
        int v = 0;
        for (int i = from; i < to; i++) {
            v = v * 10 + (buf[i] - '0');
        }
        return v;
    }

    /** True if day/month form a calendar date in a year with that last two digits (29 Feb allowed if yy % 4 == 0). */
    public static boolean isDayMonth(int day, int month, int twoDigitYear) {
        if (month < 1 || month > 12 || day < 1) {
            return false;
        }
        int max = switch (month) {
            case 2 -> twoDigitYear % 4 == 0 ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
        return day <= max;
    }
}
