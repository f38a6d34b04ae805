package org.piiscanner.classifiers.checksum;

/**
 * ISO 7064 MOD 97-10, computed incrementally over digits and letters ({@code A}/{@code a} = 10 ... {@code Z}/{@code z}
 * = 35, each letter standing for its two decimal digits): the check of IBANs (ISO 13616), of Dutch sole-trader VAT
 * numbers and, on plain digits, of Belgian and French VAT numbers.
 *
 * <p>Stateless; never allocates on the validation path; no big integers.
 */
public final class Mod97 {

    private Mod97() {
    }

    /**
     * The remainder after appending character {@code c} to a number whose remainder mod 97 is {@code r}.
     *
     * @return the new remainder in [0, 96], or -1 if {@code c} is not an ASCII letter or digit (or {@code r < 0})
     */
    public static int update(int r, char c) {
        if (r < 0) {
            return -1;
        }
        if (c >= '0' && c <= '9') {
            return (r * 10 + (c - '0')) % 97;
        }
        char u = (char) (c & ~32);
        if (u >= 'A' && u <= 'Z') {
            return (r * 100 + (u - 'A' + 10)) % 97;
        }
        return -1;
    }

    /** As {@link #update(int, char)} for every character of {@code s[from, to)}. */
    public static int update(int r, char[] s, int from, int to) {
        for (int i = from; i < to && r >= 0; i++) {
            r = update(r, s[i]);
        }
        return r;
    }

    /** The value of {@code s[from, to)} mod 97 (letters as 10..35); -1 if it holds any other character. */
    public static int remainder(char[] s, int from, int to) {
        return update(0, s, from, to);
    }

    /** As {@link #remainder(char[], int, int)} for a string. */
    public static int remainder(CharSequence s) {
        int r = 0;
        for (int i = 0; i < s.length() && r >= 0; i++) {
            r = update(r, s.charAt(i));
        }
        return r;
    }

    /**
     * True if the IBAN (country code, two check digits, BBAN; compact, either case) in {@code s[from, to)} passes
     * MOD 97-10: the first four characters moved to the end, the value mod 97 is 1. Neither the country nor the
     * length is checked here, and neither are the check digits 00, 01 and 99, which never occur in a valid IBAN
     * but can satisfy this equation.
     */
    public static boolean isValidIban(char[] s, int from, int to) {
        if (to - from < 5) {
            return false;
        }
        return update(update(0, s, from + 4, to), s, from, from + 4) == 1;
    }

    /** As {@link #isValidIban(char[], int, int)} for a string. */
    public static boolean isValidIban(String iban) {
        return isValidIban(iban.toCharArray(), 0, iban.length());
    }

    /**
     * The two IBAN check digits for a country code and a BBAN: {@code 98 - (BBAN + country + "00") mod 97}.
     *
     * @throws IllegalArgumentException if either holds a character other than an ASCII letter or digit
     */
    public static String ibanCheckDigits(String countryCode, String bban) {
        int r = update(update(remainder(bban), countryCode.toCharArray(), 0, countryCode.length()),
                "00".toCharArray(), 0, 2);
        if (r < 0) {
            throw new IllegalArgumentException("IBAN parts must be ASCII letters and digits");
        }
        int check = 98 - r;
        return check < 10 ? "0" + check : Integer.toString(check);
    }
}
