package org.piiscanner.classifiers.checksum;

/**
 * ISO 7064 MOD 11,10 (hybrid system, one check digit): the check of German VAT numbers (USt-IdNr.) and Croatian
 * personal identification numbers (OIB).
 *
 * <p>Stateless; never allocates.
 */
public final class Mod11_10 {

    private Mod11_10() {
    }

    /** True if the ASCII digits {@code d[from, to)} (the last one being the check digit) pass MOD 11,10. */
    public static boolean isValid(char[] d, int from, int to) {
        return to > from && checksum(d, from, to) == 1;
    }

    /** As {@link #isValid(char[], int, int)} for a string of digits. */
    public static boolean isValid(String digits) {
        return isValid(digits.toCharArray(), 0, digits.length());
    }

    /**
     * The check digit to append to the ASCII digits {@code d[from, to)}.
     *
     * @throws IllegalArgumentException if a character is not a digit
     */
    public static int checkDigit(char[] d, int from, int to) {
        int p = product(d, from, to);
        if (p < 0) {
            throw new IllegalArgumentException("MOD 11,10 is defined on decimal digits only");
        }
        return (11 - p) % 10;
    }

    /** As {@link #checkDigit(char[], int, int)} for a string of digits. */
    public static int checkDigit(String digits) {
        return checkDigit(digits.toCharArray(), 0, digits.length());
    }

    /** The running value after the last digit: 1 for a valid number (digits outside 0-9 make it invalid). */
    private static int checksum(char[] d, int from, int to) {
        int p = product(d, from, to - 1);
        int c = d[to - 1] - '0';
        if (p < 0 || c < 0 || c > 9) {
            return -1;
        }
        return (p + c) % 10;
    }

    /** The product term 2 * (s or 10) mod 11 carried into the next digit; -1 on a non-digit. */
    private static int product(char[] d, int from, int to) {
        int p = 10;
        for (int i = from; i < to; i++) {
            int v = d[i] - '0';
            if (v < 0 || v > 9) {
                return -1;
            }
            int s = (p + v) % 10;
            p = (s == 0 ? 10 : s) * 2 % 11;
        }
        return p;
    }
}
