package org.piiscanner.classifiers.detectors;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.piiscanner.classifiers.Candidate;
import org.piiscanner.classifiers.CompoundFilter;
import org.piiscanner.classifiers.ContextWords;
import org.piiscanner.classifiers.Detector;
import org.piiscanner.classifiers.EntityType;
import org.piiscanner.classifiers.MatchCollector;
import org.piiscanner.classifiers.ScoredPattern;
import org.piiscanner.classifiers.Trigger;
import org.piiscanner.classifiers.Validation;

/**
 * Telephone numbers (identifiers spec §9), validated by libphonenumber ({@code parse} + {@code isValidNumber}, not
 * {@code isValidNumberForRegion}: {@code +44 7911 123456} is a Guernsey mobile, {@code 01534 123456} a Jersey line).
 *
 * <p>A candidate is a run of 7-15 digits (6 in three or more groups, as in {@code 33 93 31}, when only a phone word
 * can make it a number) in groups joined by one space, {@code -}, {@code .} or {@code /}, with
 * parentheses around a group ({@code (020) 7946 0018}, {@code +44 (0)20 7219 3000}), an optional {@code +} or
 * {@code 00} international prefix and an optional extension ({@code x123}, {@code ext. 123}). Numbers written
 * internationally ({@code +33 1 23 45 67 89}, {@code 0044 20 7219 3000}) are validated whatever the configured
 * regions; a number in national format is tried in each configured region whose trunk prefix it starts with (GB:
 * {@code 0}). Runs without {@code +}, {@code 00} or a trunk prefix are never handed to libphonenumber, so bare digit
 * identifiers stay cheap to reject (and national US numbers written without the leading {@code 1} are not found).
 * A run that continues a longer digit group, or an alphanumeric code such as an IBAN ({@code GB29 NWBK 6016 ...}),
 * is not a telephone number, nor is a date written with separators.
 *
 * <p>Ofcom's "numbers for drama" (reserved for fiction, never allocated; many are valid to libphonenumber) are not
 * reported by default; with option {@code reportDramaNumbers=true} they are reported as test values. Option
 * {@code regions} lists the ISO 3166 region codes for national-format numbers (default {@code GB}; {@code UK} is
 * not a region code). The explanation notes the number type and region, never the number.
 */
public final class PhoneNumberDetector extends DeclaredDetector {

    /** A run of 7+ digits: a compound of 7+ characters, or a short one a parenthesis or '+' extends. */
    private static final CompoundFilter FILTER = new CompoundFilter(1, CompoundFilter.DIGIT,
            CompoundFilter.LONG | CompoundFilter.AFFIX);

    static final ScoredPattern INTERNATIONAL = ScoredPattern.of("PHONE (international format, libphonenumber valid)",
            0.7);
    static final ScoredPattern NATIONAL = ScoredPattern.of("PHONE (national format, libphonenumber valid)", 0.6);
    /**
     * A phone-shaped run that no configured region validates (a foreign national number, a number in test data):
     * reported only next to a phone word such as "tel", "mobile" or "fax".
     */
    static final ScoredPattern SHAPE = ScoredPattern.needsContext("PHONE (phone-shaped, not validated)", 0.35);

    /** Flag bit in {@link #scanRun}'s result: the run has no {@code +}, {@code 00} or trunk prefix. */
    private static final long SHAPE_ONLY = 1L << 62;

    /** Option: comma-separated region codes for national-format numbers. */
    public static final String REGIONS = "regions";
    /** Option: report Ofcom drama numbers as test values instead of dropping them. */
    public static final String REPORT_DRAMA_NUMBERS = "reportDramaNumbers";

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

    private static final ContextWords CONTEXT = new ContextWords(List.of(
            "tel", "tel.", "telephone", "telephone number", "tel no", "phone", "phone number", "phone no",
            "mobile", "mobile number", "mob", "mob.", "cell", "cellphone", "contact number", "call", "text", "sms",
            "whatsapp", "landline", "fax", "ext", "office", "direct line", "switchboard", "home phone",
            "work phone", "answering", "reach me", "reach you", "reach us", "reached on", "reached at", "dial",
            "ring me", "ring us"), List.of(
            "nhs number", "nhs no", "utr", "isbn", "serial number", "invoice number", "order number", "reference",
            "ref", "ticket", "case number", "account number", "policy number", "customer number"));

    /**
     * Ofcom drama ranges as the first seven digits of a ten-digit UK national significant number (each range is
     * 1000 numbers): 020 7946 0xxx, 01xx 496 0xxx, 0191 498 0xxx, 029 2018 0xxx, 028 9018 0xxx, 028 9649 6xxx,
     * 01632 960xxx, 07700 900xxx, 08081 570xxx, 0909 879 0xxx, 03069 990xxx.
     */
    private static final Set<Long> DRAMA_PREFIXES = Set.of(
            2079460L, 1134960L, 1144960L, 1154960L, 1164960L, 1174960L, 1184960L, 1214960L, 1314960L, 1414960L,
            1514960L, 1614960L, 1914980L, 2920180L, 2890180L, 2896496L, 1632960L, 7700900L, 8081570L, 9098790L,
            3069990L);

    private static final int MIN_DIGITS = 7;
    private static final int MAX_DIGITS = 15;
    private static final int MAX_EXTENSION = 6;
    private static final int MAX_WORD = 34;

    private final String[] regions;
    private final String[] trunkPrefixes;
    private final boolean reportDrama;

    /** GB national numbers, drama numbers not reported. */
    public PhoneNumberDetector() {
        this(new String[] {"GB"}, false);
    }

    private PhoneNumberDetector(String[] regions, boolean reportDrama) {
        super("phone", Set.of(EntityType.PHONE_NUMBER), List.of(INTERNATIONAL, NATIONAL, SHAPE), CONTEXT,
                Set.of(Trigger.COMPOUND), FILTER);
        this.regions = regions;
        this.trunkPrefixes = new String[regions.length];
        for (int i = 0; i < regions.length; i++) {
            String p = UTIL.getNddPrefixForRegion(regions[i], true);
            trunkPrefixes[i] = p == null ? "" : p;
        }
        this.reportDrama = reportDrama;
    }







    @Override
    public Set<String> optionKeys() {
        return Set.of(REGIONS, REPORT_DRAMA_NUMBERS);
    }

    @Override
    public Detector configure(Map<String, String> options) {
        String[] r = regions;
        boolean drama = reportDrama;
        for (Map.Entry<String, String> e : options.entrySet()) {
            String value = e.getValue() == null ? "" : e.getValue().trim();
            switch (e.getKey()) {
                case REGIONS -> r = parseRegions(value);
                case REPORT_DRAMA_NUMBERS -> {
                    if (!value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
                        throw new IllegalArgumentException(
                                "option '" + REPORT_DRAMA_NUMBERS + "' must be true or false, got '" + value + "'");
                    }
                    drama = Boolean.parseBoolean(value);
                }
                default -> throw new IllegalArgumentException("unknown option '" + e.getKey() + "' for detector '"
                        + id() + "'; known options: " + REGIONS + ", " + REPORT_DRAMA_NUMBERS);
            }
        }
        return new PhoneNumberDetector(r, drama);
    }

    private static String[] parseRegions(String value) {
        Set<String> out = new LinkedHashSet<>();
        for (String part : value.split(",", -1)) {
            String code = part.trim().toUpperCase(Locale.ROOT);
            if (code.equals("UK")) {
                throw new IllegalArgumentException("option '" + REGIONS
                        + "': 'UK' is not an ISO 3166 region code, use 'GB'");
            }
            if (!UTIL.getSupportedRegions().contains(code)) {
                throw new IllegalArgumentException("option '" + REGIONS + "': unsupported region code '"
                        + part.trim() + "' (expected ISO 3166 alpha-2 codes such as GB, IE, FR, US)");
            }
            out.add(code);
        }
        return out.toArray(String[]::new);
    }

    /** The configured regions, in the order national-format numbers are tried. */
    List<String> regions() {
        return List.of(regions);
    }

    @Override
    public void scan(Candidate c, MatchCollector out) {
        PhoneNumber number = null;
        StringBuilder buf = null;
        int done = -1;
        for (int w = 0; w < c.wordCount(); w++) {
            int p = c.wordStart(w);
            if (p < done || !c.isDigits(w) || continuesRun(c, p)) {
                continue;
            }
            long run = scanRun(c, p);
            if (run < 0) {
                done = (int) -run;
                continue;
            }
            boolean shapeOnly = (run & SHAPE_ONLY) != 0;
            int start = (int) ((run & ~SHAPE_ONLY) >>> 32);
            int stop = (int) run;
            done = stop;
            if (shapeOnly) {
                reportShape(c, out, start, p, stop, false);
                continue;
            }
            // Every cheap check passed: now (and only now) allocate and ask libphonenumber.
            if (number == null) {
                number = new PhoneNumber();
                buf = new StringBuilder(40);
            }
            report(c, out, start, p, stop, number, buf);
        }
    }

    /**
     * Reads the run whose first digit is at {@code p} (with its {@code +} / {@code (} prefix and extension) and
     * applies every cheap check: grammar, boundaries, digit count, international or trunk prefix, dates.
     *
     * @return {@code start << 32 | end} of an acceptable run, or minus the position up to which the text belongs to
     *     a rejected run
     */
    private long scanRun(Candidate c, int p) {
        char[] t = c.text();
        int n = c.length();

        // Prefix: "+", "(", "(+" or "+(" directly before the first digit.
        int plusAt = -1;
        int parenAt = -1;
        if (c.charAt(p - 1) == '+') {
            plusAt = p - 1;
            parenAt = c.charAt(p - 2) == '(' ? p - 2 : -1;
        } else if (c.charAt(p - 1) == '(') {
            parenAt = p - 1;
            plusAt = c.charAt(p - 2) == '+' ? p - 2 : -1;
        }
        int start = Math.min(plusAt < 0 ? p : plusAt, parenAt < 0 ? p : parenAt);

        // Groups of digits joined by separators [')'] [' ' - . /] ['(']; a parenthesis holds one group.
        boolean open = parenAt >= 0;
        boolean prefixOpen = open;
        int inParen = 0;
        int i = p;
        int digits = 0;
        int groups = 0;
        int end;
        int g1 = 0;
        int g2 = 0;
        int g3 = 0;
        int v1 = 0;
        int v2 = 0;
        char s1 = 0;
        char s2 = 0;
        char s3 = 0;
        char pendingSep = 0;
        boolean dotBesideSingleDigit = false;
        while (true) {
            int g = i;
            while (i < n && Candidate.isDigit(t[i])) {
                if (++digits > MAX_DIGITS + 2) {
                    return -skipDigits(t, n, i);
                }
                i++;
            }
            int len = i - g;
            groups++;
            if (groups <= 2 && len <= 2) {
                int v = len == 1 ? t[g] - '0' : (t[g] - '0') * 10 + (t[g + 1] - '0');
                if (groups == 1) {
                    v1 = v;
                } else {
                    v2 = v;
                }
            }
            if (open) {
                inParen++;
            }
            if (groups == 1) {
                g1 = len;
            } else if (groups == 2) {
                g2 = len;
                s1 = pendingSep;
            } else if (groups == 3) {
                g3 = len;
                s2 = pendingSep;
            } else if (groups == 4) {
                s3 = pendingSep;
            }
            if (pendingSep == '.' && len == 1) {
                dotBesideSingleDigit = true;
            }
            end = i;
            int s = i;
            boolean close = false;
            if (i < n && t[i] == ')') {
                if (!open) {
                    break;
                }
                close = true;
                i++;
            }
            char sep = 0;
            if (i < n && (t[i] == ' ' || t[i] == '-' || t[i] == '.' || t[i] == '/')) {
                sep = t[i];
                i++;
            }
            boolean opened = false;
            if (i < n && t[i] == '(' && (!open || close)) {
                opened = true;
                i++;
            }
            boolean more = i > s && i < n && Candidate.isDigit(t[i]);
            if (close && inParen != 1) {
                if (!more && prefixOpen) {
                    break; // "(020 7946 0018)": the parentheses wrap the number; dropped below
                }
                return -end;
            }
            if (more) {
                if (sep == '.' && len == 1) {
                    dotBesideSingleDigit = true;
                }
                pendingSep = sep != 0 ? sep : '(';
                if (close) {
                    open = false;
                    prefixOpen = false;
                    inParen = 0;
                }
                if (opened) {
                    open = true;
                }
                continue;
            }
            if (close) {
                open = false;
                prefixOpen = false;
                end = s + 1;
            }
            break;
        }
        if (open) {
            // Only the parenthesis opened before the number may stay unclosed, as in "(020 7946 0018": drop it.
            if (!prefixOpen || parenAt > plusAt && plusAt >= 0) {
                return -end;
            }
            start = plusAt >= 0 ? plusAt : p;
        }
        char before = c.charAt(start - 1);
        if (Candidate.isAlnum(before) || before == '+') {
            return -end;
        }
        boolean plus = plusAt >= 0;
        if (!plus && groups >= 3 && g1 <= 2 && g2 <= 2 && (g3 == 2 || g3 == 4) && s1 == s2
                && (s1 == '/' || s1 == '.' || s1 == '-') && (groups == 3 || s3 != s1)
                && (v1 >= 1 && v1 <= 31 && v2 >= 1 && v2 <= 12 || v1 >= 1 && v1 <= 12 && v2 >= 1 && v2 <= 31)) {
            return -end; // starts with a date: 31/01/2024, 01.02.24 12:00 (not 25-62-29-72, nor 02.27.96.63.08)
        }
        if (!plus && dotBesideSingleDigit) {
            return -end; // decimals: 0.5 0.25
        }

        int stop = end;
        if (t[end - 1] != ')') {
            int ext = extensionEnd(c, end);
            if (ext > 0) {
                stop = ext;
            }
        }
        if (Candidate.isAlnum(c.charAt(stop)) || partOfCode(c, start, stop)) {
            return -stop;
        }

        int significant = digits;
        boolean shapeOnly = false;
        if (!plus) {
            if (t[p] == '0' && c.charAt(p + 1) == '0') {
                if (c.charAt(p + 2) == '0') {
                    return -stop;
                }
                significant = digits - 2; // "00" international call prefix
            } else if (!hasTrunkPrefix(t, p, stop)) {
                shapeOnly = true;
            }
        }
        if ((significant < MIN_DIGITS || significant > MAX_DIGITS)
                && !(shapeOnly && significant == MIN_DIGITS - 1 && groups >= 3)) {
            return -stop; // six digits only in three or more groups ("33 93 31"), and only next to a phone word
        }
        if (shapeOnly && !(groups >= 2 || parenAt >= 0 || digits >= 8)) {
            return -stop;
        }
        if (!plus && groups >= 3 && g1 == 4 && g2 == 2 && g3 == 2 && s1 == s2 && (s1 == '-' || s1 == '/'
                || s1 == '.')) {
            return -end; // ISO date: 2024-01-31
        }
        if (!plus && groups == 4 && s1 == '.' && s2 == '.' && g1 <= 3 && g2 <= 3 && g3 <= 3) {
            return -end; // dotted quad: an IPv4 address or a version number
        }
        return (shapeOnly ? SHAPE_ONLY : 0L) | ((long) start << 32) | stop;
    }

    private void report(Candidate c, MatchCollector out, int start, int p, int stop, PhoneNumber number,
            StringBuilder buf) {
        char[] t = c.text();
        boolean plus = t[start] == '+' || (t[start] == '(' && t[start + 1] == '+');
        boolean idd = !plus && t[p] == '0' && t[p + 1] == '0';
        boolean international = plus || idd;
        int firstRegion = 0;
        // Fast path for UK numbers (+44, 0044, or national format when GB is the first region): the country code
        // and national number are known, so build the number directly instead of asking libphonenumber to parse.
        long uk = ukNationalNumber(t, p, stop, international);
        if (uk >= 0 && (international || regions[0].equals("GB"))) {
            int digits = (int) (uk % 100);
            // A UK national significant number has 7, 9 or 10 digits: anything else is invalid without a lookup.
            if (digits == 7 || digits == 9 || digits == 10) {
                number.clear();
                number.setCountryCode(44).setNationalNumber(uk / 100);
                if (reportIfValid(out, start, stop, number, international)) {
                    return;
                }
            }
            if (international) {
                reportShape(c, out, start, p, stop, true);
                return;
            }
            firstRegion = 1;
        }
        buf.setLength(0);
        if (idd) {
            buf.append('+').append(t, p + 2, stop - p - 2);
        } else {
            buf.append(t, start, stop - start);
        }
        for (int r = firstRegion; r < regions.length; r++) {
            if (!international && !startsWithTrunk(t, p, stop, trunkPrefixes[r])) {
                continue;
            }
            number.clear();
            try {
                UTIL.parse(buf, regions[r], number);
            } catch (NumberParseException e) {
                if (international) {
                    break;
                }
                continue;
            }
            if (reportIfValid(out, start, stop, number, international)) {
                return;
            }
            if (international) {
                break;
            }
        }
        reportShape(c, out, start, p, stop, international);
    }

    /**
     * Reports {@code number} if libphonenumber holds it valid (a region and a known number type: exactly what
     * {@code isValidNumber} checks, with one metadata lookup fewer). Drama numbers are dropped unless configured.
     *
     * @return true if the number was valid (reported or deliberately dropped)
     */
    private boolean reportIfValid(MatchCollector out, int start, int stop, PhoneNumber number,
            boolean international) {
        String region = UTIL.getRegionCodeForNumber(number);
        if (region == null) {
            return false;
        }
        PhoneNumberUtil.PhoneNumberType type = UTIL.getNumberType(number);
        if (type == PhoneNumberUtil.PhoneNumberType.UNKNOWN) {
            return false;
        }
        boolean drama = isDrama(number);
        if (drama && !reportDrama) {
            return true;
        }
        String note = type + ", region " + region + (drama ? ", Ofcom drama range" : "");
        out.add(EntityType.PHONE_NUMBER, start, stop, international ? INTERNATIONAL : NATIONAL, Validation.VALID,
                drama, note);
        return true;
    }

    /**
     * The run read as a UK number: its national significant number times 100 plus its digit count, or -1 when it is
     * not written as a UK number ({@code +44}/{@code 0044} then the number, an optional trunk {@code 0} written as
     * {@code (0)}; or the trunk {@code 0} then the number). Stops at an extension.
     */
    static long ukNationalNumber(char[] t, int p, int stop, boolean international) {
        int i = p;
        if (international) {
            if (t[i] == '0' && i + 1 < stop && t[i + 1] == '0') {
                i += 2;
            }
            for (int k = 0; k < 2; k++) {
                i = nextDigit(t, i, stop);
                if (i >= stop || t[i] != '4') {
                    return -1;
                }
                i++;
            }
        }
        i = nextDigit(t, i, stop);
        if (i < stop && t[i] == '0') {
            i++; // trunk prefix, or "(0)" after +44
        } else if (!international) {
            return -1;
        }
        long v = 0;
        int count = 0;
        for (; i < stop; i++) {
            char ch = t[i];
            if (ch == 'x' || ch == 'X' || ch == 'e' || ch == 'E') {
                break;
            }
            if (Candidate.isDigit(ch)) {
                if (++count > 15) {
                    return -1;
                }
                v = v * 10 + (ch - '0');
            }
        }
        return count == 0 ? -1 : v * 100 + count;
    }

    private static int nextDigit(char[] t, int i, int stop) {
        while (i < stop && !Candidate.isDigit(t[i])) {
            i++;
        }
        return i;
    }

    /**
     * Reports a run no configured region validates as {@link #SHAPE} (context required), unless its digits fall in
     * an Ofcom drama range.
     */
    private void reportShape(Candidate c, MatchCollector out, int start, int p, int stop, boolean international) {
        if (gluedToCode(c, start, stop)) {
            return; // "INV-2019-970991", "REF/2024/123456": a reference, not a telephone number
        }
        long nsn = ukSignificantNumber(c.text(), p, stop, international);
        boolean drama = nsn >= 1_000_000_000L && DRAMA_PREFIXES.contains(nsn / 1000);
        if (drama && !reportDrama) {
            return;
        }
        out.add(EntityType.PHONE_NUMBER, start, stop, SHAPE, Validation.NOT_APPLICABLE, drama,
                "not valid for region " + String.join(",", regions) + (drama ? ", Ofcom drama range" : ""));
    }

    /**
     * True if a hyphen or slash joins the run to a code word: one with a digit or all upper-case ({@code INV-},
     * {@code REF/}, {@code -A7}). A label word ({@code 06-10446904-Office}) does not make a code.
     */
    private static boolean gluedToCode(Candidate c, int start, int stop) {
        char before = c.charAt(start - 1);
        char after = c.charAt(stop);
        return ((before == '-' || before == '/') && isCodeWord(c, start - 2, -1))
                || ((after == '-' || after == '/') && isCodeWord(c, stop + 1, 1));
    }

    /** True if the word touching {@code from} (read in {@code direction}) holds a digit or no lower-case letter. */
    private static boolean isCodeWord(Candidate c, int from, int direction) {
        if (!Candidate.isAlnum(c.charAt(from))) {
            return false;
        }
        boolean lower = false;
        boolean digit = false;
        for (int i = from, n = 0; Candidate.isAlnum(c.charAt(i)) && n < MAX_WORD; i += direction, n++) {
            char ch = c.charAt(i);
            digit |= Candidate.isDigit(ch);
            lower |= ch >= 'a' && ch <= 'z';
        }
        return digit || !lower;
    }

    /**
     * The digits of a run read as a UK national significant number (without {@code 44} or the trunk {@code 0}),
     * or -1 if it cannot be one; stops at an extension.
     */
    private static long ukSignificantNumber(char[] t, int p, int stop, boolean international) {
        long v = 0;
        int count = 0;
        int skip = 0;
        for (int i = p; i < stop; i++) {
            char ch = t[i];
            if ((ch | 32) == 'x' || (ch | 32) == 'e') {
                break;
            }
            if (!Candidate.isDigit(ch)) {
                continue;
            }
            if (count == 0 && skip == 0) {
                if (international) {
                    if (ch == '0' && i + 1 < stop && t[i + 1] == '0') {
                        i++; // "00" prefix
                        continue;
                    }
                    skip = 2; // "44"
                } else if (ch == '0') {
                    skip = -1;
                    continue;
                }
            }
            if (skip > 0) {
                if ((skip == 2 && ch != '4') || (skip == 1 && ch != '4')) {
                    return -1;
                }
                skip--;
                if (skip == 0) {
                    skip = -1;
                }
                continue;
            }
            if (++count > 10) {
                return -1;
            }
            v = v * 10 + (ch - '0');
        }
        return count == 10 ? v : -1;
    }

    private boolean hasTrunkPrefix(char[] t, int p, int stop) {
        for (String prefix : trunkPrefixes) {
            if (startsWithTrunk(t, p, stop, prefix)) {
                return true;
            }
        }
        return false;
    }

    /** True if the digits from {@code p} start with the (non-empty) trunk prefix. */
    private static boolean startsWithTrunk(char[] t, int p, int stop, String prefix) {
        if (prefix.isEmpty()) {
            return false;
        }
        int k = 0;
        for (int i = p; i < stop && k < prefix.length(); i++) {
            if (Candidate.isDigit(t[i])) {
                if (t[i] != prefix.charAt(k++)) {
                    return false;
                }
            }
        }
        return k == prefix.length();
    }

    private static boolean isDrama(PhoneNumber number) {
        long nsn = number.getNationalNumber();
        return number.getCountryCode() == 44 && nsn >= 1_000_000_000L && nsn <= 9_999_999_999L
                && DRAMA_PREFIXES.contains(nsn / 1000);
    }

    /**
     * True if the digit at {@code p} continues a run to its left (a digit, then one separator of the run grammar):
     * that run was, or will be, handled from its own first digit. A {@code )} separates only when it closes a
     * parenthesised group ({@code (020) 7946}), not after a list number ({@code 1) 020 7946 0018}).
     */
    private static boolean continuesRun(Candidate c, int p) {
        for (int k = 1; k <= 3; k++) {
            int s = p - k;
            if (Candidate.isDigit(c.charAt(s - 1)) && separatorLength(c, s) == k) {
                return c.charAt(s) != ')' || closesGroup(c, s);
            }
        }
        return false;
    }

    /** True if the {@code )} at {@code close} ends a group opened by {@code (} or {@code (+}. */
    private static boolean closesGroup(Candidate c, int close) {
        int i = close - 1;
        while (Candidate.isDigit(c.charAt(i)) && close - i <= MAX_DIGITS + 2) {
            i--;
        }
        return c.charAt(i) == '(' || (c.charAt(i) == '+' && c.charAt(i - 1) == '(');
    }

    /** Length of the separator {@code [')'] [' ' - . /] ['(']} at {@code i}, ignoring parenthesis balance. */
    private static int separatorLength(Candidate c, int i) {
        int j = i;
        if (c.charAt(j) == ')') {
            j++;
        }
        char s = c.charAt(j);
        if (s == ' ' || s == '-' || s == '.' || s == '/') {
            j++;
        }
        if (c.charAt(j) == '(') {
            j++;
        }
        return j - i;
    }

    /** End of an extension after a number ending at {@code end}, or -1. */
    private static int extensionEnd(Candidate c, int end) {
        int i = end;
        if (c.charAt(i) == ' ') {
            i++;
        }
        char x = (char) (c.charAt(i) | 32);
        if (x == 'x' && Candidate.isDigit(c.charAt(i + 1))) {
            i++;
        } else if (x == 'e' && (c.charAt(i + 1) | 32) == 'x' && (c.charAt(i + 2) | 32) == 't') {
            i += 3;
            if (c.charAt(i) == '.') {
                i++;
            }
            if (c.charAt(i) == ' ') {
                i++;
            }
        } else {
            return -1;
        }
        int d = i;
        while (Candidate.isDigit(c.charAt(i)) && i - d <= MAX_EXTENSION) {
            i++;
        }
        int len = i - d;
        return len >= 1 && len <= MAX_EXTENSION && !Candidate.isAlnum(c.charAt(i)) ? i : -1;
    }

    /**
     * True if the run is glued to an alphanumeric code by a single space or hyphen: the word after it holds a
     * digit, or one of the two words before it mixes letters and digits ({@code GB29 NWBK 6016 ...}).
     */
    private static boolean partOfCode(Candidate c, int start, int stop) {
        char after = c.charAt(stop);
        if ((after == ' ' || after == '-') && Candidate.isAlnum(c.charAt(stop + 1))) {
            for (int i = stop + 1; i < stop + 1 + MAX_WORD && Candidate.isAlnum(c.charAt(i)); i++) {
                if (Candidate.isDigit(c.charAt(i))) {
                    return true;
                }
            }
        }
        int i = start;
        for (int k = 0; k < 2; k++) {
            char sep = c.charAt(i - 1);
            if ((sep != ' ' && sep != '-') || !Candidate.isAlnum(c.charAt(i - 2))) {
                return false;
            }
            boolean digit = false;
            boolean letter = false;
            int j = i - 2;
            while (j >= 0 && i - 2 - j < MAX_WORD && Candidate.isAlnum(c.charAt(j))) {
                if (Candidate.isDigit(c.charAt(j))) {
                    digit = true;
                } else {
                    letter = true;
                }
                j--;
            }
            if (digit && letter) {
                return true;
            }
            if (digit) {
                return false;
            }
            i = j + 1;
        }
        return false;
    }

    private static int skipDigits(char[] t, int n, int i) {
        int limit = Math.min(n, i + 64);
        while (i < limit && Candidate.isDigit(t[i])) {
            i++;
        }
        return i;
    }
}
