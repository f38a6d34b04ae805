package org.piiscanner.classifiers.checksum;

/** The Luhn (ISO/IEC 7812-1 mod 10) check used by payment cards, IMEIs and CHI mod-10 numbers. */
public final class Luhn {

    private Luhn() {
    }

    /** True if the ASCII digits {@code digits[from, to)} pass the Luhn check (the last digit is the check digit). */
    public static boolean isValid(char[] digits, int from, int to) {
        int sum = 0;
        boolean dbl = false;
        for (int i = to - 1; i >= from; i--) {
            int d = digits[i] - '0';
            if (dbl) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            dbl = !dbl;
        }
        return sum % 10 == 0;
    }

    /** As {@link #isValid(char[], int, int)} for a string of digits. */
    public static boolean isValid(String digits) {
        return isValid(digits.toCharArray(), 0, digits.length());
    }
}
