package org.piiscanner.classifiers.checksum;

/**
 * The ICAO Doc 9303 "7-3-1" check digit of machine-readable travel documents (passport MRZ): characters
 * {@code 0-9} count 0-9, {@code A-Z} count 10-35, the filler {@code <} counts 0; weights 7, 3, 1 repeat from the
 * left; the check digit is the weighted sum mod 10.
 *
 * <p>Stateless; callers pass the characters.
 */
public final class Icao9303 {

    private static final int[] WEIGHTS = {7, 3, 1};

    private Icao9303() {
    }

    /**
     * The check digit (0-9) of {@code chars[from, to)}, or -1 if a character is not {@code 0-9}, {@code A-Z} or
     * {@code <}.
     */
    public static int checkDigit(char[] chars, int from, int to) {
        return checkDigitOfRanges(chars, from, to);
    }

    /**
     * The check digit of several ranges read as if concatenated (the TD3 composite check): {@code ranges} holds
     * pairs {@code from, to}. Returns -1 on a character outside the MRZ alphabet.
     */
    public static int checkDigitOfRanges(char[] chars, int... ranges) {
        int sum = 0;
        int position = 0;
        for (int r = 0; r + 1 < ranges.length; r += 2) {
            for (int i = ranges[r]; i < ranges[r + 1]; i++) {
                int v = value(chars[i]);
                if (v < 0) {
                    return -1;
                }
                sum += v * WEIGHTS[position];
                position = position == 2 ? 0 : position + 1;
            }
        }
        return sum % 10;
    }

    /**
     * True if {@code check} is the check digit of {@code chars[from, to)}. When {@code fillerIfEmpty} is set, a
     * {@code '<'} check character is also accepted for a field of fillers only (ICAO 9303 allows it for an unused
     * optional-data field).
     */
    public static boolean isValid(char[] chars, int from, int to, char check, boolean fillerIfEmpty) {
        if (check == '<') {
            if (!fillerIfEmpty) {
                return false;
            }
            for (int i = from; i < to; i++) {
                if (chars[i] != '<') {
                    return false;
                }
            }
            return true;
        }
        int d = checkDigit(chars, from, to);
        return d >= 0 && check == (char) ('0' + d);
    }

    /** As {@link #checkDigit(char[], int, int)} for a whole string. */
    public static int checkDigit(String s) {
        return checkDigit(s.toCharArray(), 0, s.length());
    }

    /** The value of one MRZ character, or -1 outside {@code 0-9 A-Z <}. */
    static int value(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'A' && c <= 'Z') {
            return c - 'A' + 10;
        }
        return c == '<' ? 0 : -1;
    }
}
