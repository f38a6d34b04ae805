package org.piiscanner.classifiers.detectors;

import org.piiscanner.classifiers.checksum.Luhn;
import org.piiscanner.classifiers.checksum.Mod11_10;
import org.piiscanner.classifiers.checksum.Mod97;
import org.piiscanner.classifiers.checksum.WeightedSum;

/**
 * Length rules and check-digit algorithms of the EU member states' VAT numbers (identifiers spec §18), one per
 * VIES prefix, following the {@code validate()} rules of the python-stdnum modules named in the spec (re-implemented
 * here, not copied). {@code XI} and {@code GB} are not here: UK VAT numbers belong to {@link UkVatDetector}.
 *
 * <p>Stateless; the validators read the national part (the characters after the prefix, compact, upper-case) from
 * a caller's buffer and never allocate.
 */
final class EuVatNumbers {

    /** A VAT prefix with the lengths its national part may have. */
    enum Country {
        AT(9, 9), BE(10, 10), BG(9, 10), CY(9, 9), CZ(8, 10), DE(9, 9), DK(8, 8), EE(9, 9), EL(9, 9), ES(9, 9),
        FI(8, 8), FR(11, 11), HR(11, 11), HU(8, 8), IE(8, 9), IT(11, 11), LT(9, 12), LU(8, 8), LV(11, 11),
        MT(8, 8), NL(12, 12), PL(10, 10), PT(9, 9), RO(2, 10), SE(12, 12), SI(8, 8), SK(10, 10),
        /** Non-Union OSS scheme: {@code EU} + 3-digit member-state code + 6 digits, no check digit. */
        EU(9, 9);

        final int minLength;
        final int maxLength;

        Country(int minLength, int maxLength) {
            this.minLength = minLength;
            this.maxLength = maxLength;
        }
    }

    private static final Country[] BY_CODE = new Country[26 * 26];

    static {
        for (Country c : Country.values()) {
            BY_CODE[code(c.name().charAt(0), c.name().charAt(1))] = c;
        }
    }

    private static final int[] W_CZ = {8, 7, 6, 5, 4, 3, 2};
    private static final int[] W_DK = {2, 7, 6, 5, 4, 3, 2, 1};
    private static final int[] W_EE = {3, 7, 1, 3, 7, 1, 3, 7, 1};
    private static final int[] W_FI = {7, 9, 10, 5, 8, 4, 2, 1};
    private static final int[] W_HU = {9, 7, 3, 1, 9, 7, 3, 1};
    private static final int[] W_LV = {9, 1, 4, 8, 3, 10, 2, 5, 7, 6, 1};
    private static final int[] W_LV_PERSON = {10, 5, 8, 4, 2, 1, 6, 3, 7, 9};
    private static final int[] W_MT = {3, 4, 6, 7, 8, 9, 10, 1};
    private static final int[] W_PL = {6, 5, 7, 2, 3, 4, 5, 6, 7};
    private static final int[] W_PT = {9, 8, 7, 6, 5, 4, 3, 2};
    private static final int[] W_RO = {7, 5, 3, 2, 1, 7, 5, 3, 2};
    private static final int[] W_BG_PERSON = {2, 4, 8, 5, 10, 9, 7, 3, 6};
    private static final int[] W_BG_FOREIGNER = {21, 19, 17, 13, 11, 9, 7, 3, 1};
    private static final int[] W_BG_OTHER = {4, 3, 2, 7, 6, 5, 4, 3, 2};
    private static final int[] W_IE = {8, 7, 6, 5, 4, 3, 2};
    private static final int[] W_NL = {9, 8, 7, 6, 5, 4, 3, 2};

    /** ISO 3166-1 numeric codes of the member states (and 900, Northern Ireland) that start an OSS number. */
    private static final boolean[] OSS_STATES = new boolean[1000];

    static {
        for (int code : new int[] {40, 56, 100, 191, 196, 203, 208, 233, 246, 250, 276, 300, 348, 372, 380, 428, 440,
            442, 470, 528, 616, 620, 642, 703, 705, 724, 752, 900}) {
            OSS_STATES[code] = true;
        }
    }

    private static final String IE_LETTERS = "WABCDEFGHIJKLMNOPQRSTUV";
    private static final String ES_DNI_LETTERS = "TRWAGMYFPDXBNJZSQVHLCKE";
    private static final String FR_ALPHABET = "0123456789ABCDEFGHJKLMNPQRSTUVWXYZ";

    private EuVatNumbers() {
    }

    /** The country with this VIES prefix (upper-case ASCII letters), or null ({@code GR}, {@code XI}: null). */
    static Country country(char a, char b) {
        if (a < 'A' || a > 'Z' || b < 'A' || b > 'Z') {
            return null;
        }
        return BY_CODE[code(a, b)];
    }

    private static int code(char a, char b) {
        return (a - 'A') * 26 + (b - 'A');
    }

    /**
     * True if {@code b[0, n)}, the national part after the prefix, has the country's shape and check digit.
     * For {@link Country#EU} (no published check digit) true means "member-state code and length are right".
     */
    static boolean isValid(Country country, char[] b, int n) {
        if (n < country.minLength || n > country.maxLength) {
            return false;
        }
        return switch (country) {
            case AT -> at(b, n);
            case BE -> be(b);
            case BG -> bg(b, n);
            case CY -> cy(b);
            case CZ -> cz(b, n);
            case DE -> digits(b, 0, 9) && b[0] != '0' && Mod11_10.isValid(b, 0, 9);
            case DK -> digits(b, 0, 8) && b[0] != '0' && WeightedSum.of(b, 0, W_DK) % 11 == 0;
            case EE -> digits(b, 0, 9) && WeightedSum.of(b, 0, W_EE) % 10 == 0;
            case EL -> el(b);
            case ES -> es(b);
            case FI -> digits(b, 0, 8) && WeightedSum.of(b, 0, W_FI) % 11 == 0;
            case FR -> fr(b);
            case HR -> digits(b, 0, 11) && Mod11_10.isValid(b, 0, 11);
            case HU -> digits(b, 0, 8) && WeightedSum.of(b, 0, W_HU) % 10 == 0;
            case IE -> ie(b, n);
            case IT -> it(b);
            case LT -> lt(b, n);
            case LU -> digits(b, 0, 8) && Groups.number(b, 0, 6) % 89 == Groups.number(b, 6, 8);
            case LV -> lv(b);
            case MT -> digits(b, 0, 8) && b[0] != '0' && WeightedSum.of(b, 0, W_MT) % 37 == 0;
            case NL -> nl(b);
            case PL -> digits(b, 0, 10) && WeightedSum.of(b, 0, W_PL) % 11 == b[9] - '0';
            case PT -> digits(b, 0, 9) && b[0] != '0' && (11 - WeightedSum.of(b, 0, W_PT) % 11) % 11 % 10 == b[8] - '0';
            case RO -> ro(b, n);
            case SE -> digits(b, 0, 12) && b[10] == '0' && b[11] == '1' && Luhn.isValid(b, 0, 10);
            case SI -> si(b);
            case SK -> sk(b);
            case EU -> digits(b, 0, 9) && OSS_STATES[Groups.number(b, 0, 3)];
        };
    }

    /** Greek VAT number check (prefix {@code EL}; also used for the malformed {@code GR} prefix). */
    static boolean isValidGreek(char[] b, int n) {
        return n == 9 && el(b);
    }

    // ---------------------------------------------------------------- countries

    /** AT (UID): {@code U} + 8 digits; the last digit completes a Luhn-style sum of the 7 before it to 6. */
    private static boolean at(char[] b, int n) {
        if (b[0] != 'U' || !digits(b, 1, 9)) {
            return false;
        }
        return Math.floorMod(6 - luhnSum(b, 1, 8, false), 10) == b[8] - '0';
    }

    /** BE: 10 digits starting 0 or 1; the first eight plus the last two are a multiple of 97. */
    private static boolean be(char[] b) {
        if (!digits(b, 0, 10) || (b[0] != '0' && b[0] != '1')) {
            return false;
        }
        return (Groups.number(b, 0, 8) % 97 + Groups.number(b, 8, 10)) % 97 == 0;
    }

    /** BG: 9 digits (legal entities, weights 1..8 then 3..10) or 10 digits (EGN, foreigner's PNF, other). */
    private static boolean bg(char[] b, int n) {
        if (!digits(b, 0, n)) {
            return false;
        }
        int last = b[n - 1] - '0';
        if (n == 9) {
            int s = 0;
            for (int i = 0; i < 8; i++) {
                s += (i + 1) * (b[i] - '0');
            }
            s %= 11;
            if (s == 10) {
                s = 0;
                for (int i = 0; i < 8; i++) {
                    s += (i + 3) * (b[i] - '0');
                }
                s %= 11;
            }
            return s % 10 == last;
        }
        int other = (11 - WeightedSum.of(b, 0, W_BG_OTHER) % 11) % 11;
        return bgPersonal(b) || WeightedSum.of(b, 0, W_BG_FOREIGNER) % 10 == last || other == last;
    }

    /** Bulgarian EGN: YYMMDD (month +20 for 1800s, +40 for 2000s), serial, mod-11 check. */
    private static boolean bgPersonal(char[] b) {
        int year = Groups.number(b, 0, 2);
        int month = Groups.number(b, 2, 4);
        int day = Groups.number(b, 4, 6);
        if (month > 40) {
            year += 2000;
            month -= 40;
        } else if (month > 20) {
            year += 1800;
            month -= 20;
        } else {
            year += 1900;
        }
        return isDate(year, month, day) && WeightedSum.of(b, 0, W_BG_PERSON) % 11 % 10 == b[9] - '0';
    }

    /** CY: 8 digits (not starting 12) + a check letter. */
    private static boolean cy(char[] b) {
        if (!digits(b, 0, 8) || b[8] < 'A' || b[8] > 'Z' || (b[0] == '1' && b[1] == '2')) {
            return false;
        }
        int s = 0;
        for (int i = 0; i < 8; i++) {
            int d = b[i] - '0';
            // even positions (0, 2, ...) are translated, odd positions count at face value
            s += i % 2 == 0 ? CY_EVEN[d] : d;
        }
        return 'A' + s % 26 == b[8];
    }

    private static final int[] CY_EVEN = {1, 0, 5, 7, 9, 13, 15, 17, 19, 21};

    /** CZ: 8 digits (legal entity), 9 digits starting 6 (special), or a 9/10-digit birth number (RČ). */
    private static boolean cz(char[] b, int n) {
        if (!digits(b, 0, n)) {
            return false;
        }
        if (n == 8) {
            if (b[0] == '9') {
                return false;
            }
            int check = Math.floorMod(11 - WeightedSum.of(b, 0, W_CZ), 11);
            return (check == 0 ? 1 : check) % 10 == b[7] - '0';
        }
        if (n == 9 && b[0] == '6') {
            int s = 0;
            for (int i = 1; i < 8; i++) {
                s += (9 - i) * (b[i] - '0');
            }
            s %= 11;
            return Math.floorMod(8 - Math.floorMod(10 - s, 11), 10) == b[8] - '0';
        }
        return czBirthNumber(b, n);
    }

    /** Czech birth number: YYMMDD (month +50 women, +20 overflow) + serial; 10-digit form divisible by 11. */
    private static boolean czBirthNumber(char[] b, int n) {
        int year = 1900 + Groups.number(b, 0, 2);
        int month = Groups.number(b, 2, 4) % 50 % 20;
        int day = Groups.number(b, 4, 6);
        if (n == 9) {
            if (year >= 1980) {
                year -= 100;
            }
            if (year > 1953) {
                return false;
            }
        } else if (year < 1954) {
            year += 100;
        }
        if (!isDate(year, month, day)) {
            return false;
        }
        if (n == 10) {
            int check = (int) (number(b, 0, 9) % 11);
            // before 1985 a remainder of 10 was written as check digit 0
            return (check == 10 && year < 1985 ? 0 : check) == b[9] - '0';
        }
        return true;
    }

    /** EL: 9 digits; the first eight weighted 256, 128, ..., 2, mod 11 mod 10, give the last. */
    private static boolean el(char[] b) {
        if (!digits(b, 0, 9)) {
            return false;
        }
        int s = 0;
        for (int i = 0; i < 8; i++) {
            s = s * 2 + (b[i] - '0');
        }
        return s * 2 % 11 % 10 == b[8] - '0';
    }

    /** ES (NIF): DNI (8 digits + letter), NIE (X/Y/Z...), K/L/M persons, or CIF (company letter + Luhn). */
    private static boolean es(char[] b) {
        if (!digits(b, 1, 8)) {
            return false;
        }
        char first = b[0];
        char last = b[8];
        if (first >= '0' && first <= '9') {
            return digits(b, 0, 8) && last == ES_DNI_LETTERS.charAt(Groups.number(b, 0, 8) % 23);
        }
        if (first == 'X' || first == 'Y' || first == 'Z') {
            int v = (first - 'X') * 10_000_000 + Groups.number(b, 1, 8);
            return last == ES_DNI_LETTERS.charAt(v % 23);
        }
        if (first == 'K' || first == 'L' || first == 'M') {
            return last == ES_DNI_LETTERS.charAt(Groups.number(b, 1, 8) % 23);
        }
        if ("ABCDEFGHJNPQRSUVW".indexOf(first) < 0) {
            return false;
        }
        int check = (10 - luhnSum(b, 1, 8, true)) % 10;
        return last == (char) ('0' + check) || last == "JABCDEFGHI".charAt(check);
    }

    /** FR: 2 key characters (digits, or letters except I and O) + 9-digit SIREN (Luhn unless 000...). */
    private static boolean fr(char[] b) {
        if (FR_ALPHABET.indexOf(b[0]) < 0 || FR_ALPHABET.indexOf(b[1]) < 0 || !digits(b, 2, 11)) {
            return false;
        }
        if (!(b[2] == '0' && b[3] == '0' && b[4] == '0') && !Luhn.isValid(b, 2, 11)) {
            return false;
        }
        long siren = number(b, 2, 11);
        if (isDigit(b[0]) && isDigit(b[1])) {
            return Groups.number(b, 0, 2) == (siren * 100 + 12) % 97;
        }
        int check = isDigit(b[0])
                ? FR_ALPHABET.indexOf(b[0]) * 24 + FR_ALPHABET.indexOf(b[1]) - 10
                : FR_ALPHABET.indexOf(b[0]) * 34 + FR_ALPHABET.indexOf(b[1]) - 100;
        return (siren + 1 + check / 11) % 11 == check % 11;
    }

    /**
     * IE: 7 digits + check letter (+ a second letter, W or A-I, since 2013), or the old form digit + letter + 5
     * digits + check letter. The old form with {@code +} or {@code *} in second place is not a single word and is
     * not detected.
     */
    private static boolean ie(char[] b, int n) {
        if (!isDigit(b[0]) || !digits(b, 2, 7)) {
            return false;
        }
        boolean oldForm = b[1] >= 'A' && b[1] <= 'Z' || b[1] == '+' || b[1] == '*';
        for (int i = 7; i < n; i++) {
            if (IE_LETTERS.indexOf(b[i]) < 0) {
                return false;
            }
        }
        int s;
        if (isDigit(b[1])) {
            s = WeightedSum.of(b, 0, W_IE) + (n == 9 ? 9 * IE_LETTERS.indexOf(b[8]) : 0);
        } else if (oldForm) {
            if (n != 8) {
                return false;
            }
            // old form: the five digits and the first digit, read as the last six of a 7-digit number
            s = 0;
            for (int i = 2; i < 7; i++) {
                s += (9 - i) * (b[i] - '0');
            }
            s += 2 * (b[0] - '0');
        } else {
            return false;
        }
        return IE_LETTERS.charAt(s % 23) == b[7];
    }

    /** IT (partita IVA): 11 digits, company part not zero, known office code, Luhn. */
    private static boolean it(char[] b) {
        if (!digits(b, 0, 11) || Groups.number(b, 0, 7) == 0) {
            return false;
        }
        int office = Groups.number(b, 7, 10);
        if (!(office >= 1 && office <= 100) && office != 120 && office != 121 && office != 888 && office != 999) {
            return false;
        }
        return Luhn.isValid(b, 0, 11);
    }

    /** LT: 9 digits (8th is 1) or 12 digits (11th is 1); weights 1..9,1.. then 3..9,1.. if the first gives 10. */
    private static boolean lt(char[] b, int n) {
        if ((n != 9 && n != 12) || !digits(b, 0, n) || b[n - 2] != '1') {
            return false;
        }
        int s = 0;
        for (int i = 0; i < n - 1; i++) {
            s += (1 + i % 9) * (b[i] - '0');
        }
        s %= 11;
        if (s == 10) {
            s = 0;
            for (int i = 0; i < n - 1; i++) {
                s += (1 + (i + 2) % 9) * (b[i] - '0');
            }
            s %= 11;
        }
        return s % 10 == b[n - 1] - '0';
    }

    /** LV: legal entity (first digit above 3, weighted sum mod 11 = 3) or personal code (DDMMYY C NNNN check). */
    private static boolean lv(char[] b) {
        if (!digits(b, 0, 11)) {
            return false;
        }
        if (b[0] > '3') {
            return WeightedSum.of(b, 0, W_LV) % 11 == 3;
        }
        // natural person: DDMMYY, then the century digit (0 = 1800s, 1 = 1900s, 2 = 2000s); the newer codes
        // starting 32 carry no birth date and are rejected, as python-stdnum does
        int year = 1800 + 100 * (b[6] - '0') + Groups.number(b, 4, 6);
        if (!isDate(year, Groups.number(b, 2, 4), Groups.number(b, 0, 2))) {
            return false;
        }
        return (1 + WeightedSum.of(b, 0, W_LV_PERSON)) % 11 % 10 == b[10] - '0';
    }

    /** NL: 9 digits + {@code B} + 2 digits (not 00); the 9 digits pass the BSN "11 test", or the whole MOD 97-10. */
    private static boolean nl(char[] b) {
        if (!digits(b, 0, 9) || b[9] != 'B' || !digits(b, 10, 12) || (b[10] == '0' && b[11] == '0')) {
            return false;
        }
        int bsn = WeightedSum.of(b, 0, W_NL) - (b[8] - '0');
        if (bsn % 11 == 0) {
            return true;
        }
        int r = Mod97.update(Mod97.update(0, 'N'), 'L');
        return Mod97.update(r, b, 0, 12) == 1;
    }

    /** RO (CUI): 2-10 digits, not starting 0; weights 7,5,3,2,1,7,5,3,2 aligned to the right. */
    private static boolean ro(char[] b, int n) {
        if (!digits(b, 0, n) || b[0] == '0') {
            return false;
        }
        int s = 0;
        int offset = 9 - (n - 1);
        for (int i = 0; i < n - 1; i++) {
            s += W_RO[offset + i] * (b[i] - '0');
        }
        return s * 10 % 11 % 10 == b[n - 1] - '0';
    }

    /** SI: 8 digits, not starting 0; 11 - (weights 8..2 mod 11), 10 meaning 0 and 11 impossible. */
    private static boolean si(char[] b) {
        if (!digits(b, 0, 8) || b[0] == '0') {
            return false;
        }
        int check = 11 - WeightedSum.of(b, 0, W_CZ) % 11;
        if (check == 11) {
            return false;
        }
        return (check == 10 ? 0 : check) == b[7] - '0';
    }

    /**
     * SK: 10 digits, not starting 0, third digit 2, 3, 4, 7, 8 or 9, the number divisible by 11; python-stdnum also
     * accepts a (Czechoslovak) birth number, so this does too.
     */
    private static boolean sk(char[] b) {
        if (!digits(b, 0, 10)) {
            return false;
        }
        if (b[0] != '0' && "234789".indexOf(b[2]) >= 0 && number(b, 0, 10) % 11 == 0) {
            return true;
        }
        return czBirthNumber(b, 10);
    }

    // ---------------------------------------------------------------- helpers

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean digits(char[] b, int from, int to) {
        return Groups.allDigits(b, from, to);
    }

    private static long number(char[] b, int from, int to) {
        long v = 0;
        for (int i = from; i < to; i++) {
            v = v * 10 + (b[i] - '0');
        }
        return v;
    }

    /**
     * The Luhn sum of the digits {@code b[from, to)} mod 10: every second digit from the right doubled (digit sum),
     * starting with the rightmost one if {@code doubleRightmost} (the sum a check digit appended later must
     * complete), else with the one before it (the checksum of a complete number, 0 when Luhn-valid).
     */
    private static int luhnSum(char[] b, int from, int to, boolean doubleRightmost) {
        int s = 0;
        boolean dbl = doubleRightmost;
        for (int i = to - 1; i >= from; i--) {
            int d = b[i] - '0';
            if (dbl) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            s += d;
            dbl = !dbl;
        }
        return s % 10;
    }

    /** True if year-month-day is a date of the proleptic Gregorian calendar. */
    static boolean isDate(int year, int month, int day) {
        if (month < 1 || month > 12 || day < 1) {
            return false;
        }
        boolean leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
        int max = switch (month) {
            case 2 -> leap ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
        return day <= max;
    }
}
