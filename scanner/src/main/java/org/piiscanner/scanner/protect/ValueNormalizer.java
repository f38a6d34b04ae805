package org.piiscanner.scanner.protect;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;
import java.text.Normalizer;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.piiscanner.classifiers.EntityType;

/**
 * Turns a raw value into the one canonical string its keyed hash is computed from, per entity type.
 *
 * <p>The same person's e-mail address, phone number or NINO is written many ways; a file scan, a database scan
 * and a subject search must all arrive at the same string, or the search misses data. Every caller goes through
 * this class (via {@link Protector}); nothing else normalises values. The rules, by type name:
 *
 * <table>
 *   <caption>Canonical forms</caption>
 *   <tr><th>type</th><th>canonical form</th><th>example</th></tr>
 *   <tr><td>{@code EMAIL_ADDRESS}</td><td>trimmed, lower-cased, {@code mailto:} and {@code <>} removed</td>
 *       <td>{@code jane.doe@example.com}</td></tr>
 *   <tr><td>{@code PHONE_NUMBER}</td><td>E.164 by libphonenumber, national numbers read as {@value #PHONE_REGION};
 *       extension dropped; unparseable or impossible: its digits</td><td>{@code +442079460018}</td></tr>
 *   <tr><td>{@code UK_NINO}, {@code IBAN_CODE}, {@code UK_POSTCODE}, {@code UK_NHS}, {@code EU_VAT}</td>
 *       <td>letters and digits only, upper-case ({@code IBAN} prefix dropped; Greek {@code GR} read as
 *       {@code EL})</td><td>{@code QQ123456C}</td></tr>
 *   <tr><td>{@code UK_VAT}</td><td>compact upper-case without the {@code GB}/{@code XI} prefix (a Northern
 *       Ireland {@code XI} number is the same registration as its {@code GB} form)</td>
 *       <td>{@code 242338087}</td></tr>
 *   <tr><td>{@code BIC}</td><td>compact upper-case; the primary-office branch {@code XXX} dropped</td>
 *       <td>{@code NWBKGB2L}</td></tr>
 *   <tr><td>{@code UK_PASSPORT}</td><td>compact upper-case; an MRZ line becomes its document number</td>
 *       <td>{@code 123456789}</td></tr>
 *   <tr><td>{@code UK_DRIVING_LICENCE}</td><td>compact upper-case, the 16-character number without the
 *       photocard's two-digit issue number</td><td>{@code MORGA753116SM9IJ}</td></tr>
 *   <tr><td>{@code UK_UTR}</td><td>digits only (the Self Assessment {@code K} dropped)</td>
 *       <td>{@code 1234567890}</td></tr>
 *   <tr><td>{@code CREDIT_CARD}, {@code US_SSN}</td><td>digits only</td><td>{@code 4111111111111111}</td></tr>
 *   <tr><td>{@code UK_SORT_CODE_ACCOUNT}</td><td>{@code SSSSSS-AAAAAAAA} whatever the order and separators</td>
 *       <td>{@code 200000-12345678}</td></tr>
 *   <tr><td>{@code DATE_OF_BIRTH}</td><td>ISO {@code yyyy-mm-dd} from day-first numeric, ISO and textual dates
 *       (two-digit years: the latest year not after this one)</td><td>{@code 1985-03-12}</td></tr>
 *   <tr><td>{@code IP_ADDRESS}</td><td>IPv4 without leading zeros; IPv6 in RFC 5952 form</td>
 *       <td>{@code 2001:db8::1}</td></tr>
 *   <tr><td>{@code MAC_ADDRESS}</td><td>lower-case {@code xx:xx:xx:xx:xx:xx}, whatever the notation</td>
 *       <td>{@code 00:1a:2b:3c:4d:5e}</td></tr>
 *   <tr><td>{@code PERSON}</td><td>case- and accent-folded, honorifics dropped, punctuation as spaces,
 *       whitespace collapsed, {@code "Surname, Given"} reordered</td><td>{@code jose garcia lopez}</td></tr>
 *   <tr><td>any other type</td><td>trimmed, whitespace collapsed, lower-cased</td><td></td></tr>
 * </table>
 *
 * <p>Every input is first NFKC-normalised (full-width digits, ligatures) and stripped. A value a rule cannot parse
 * falls back to a simpler form of the same family (digits, compact, lower-case), never to an exception: a value
 * found in a document is always hashable. Changing a rule changes hashes: it requires re-indexing, like a key
 * rotation (see the package documentation), and bumps {@link KeyedHasher#NAMESPACE_VERSION}.
 *
 * <p>Immutable and thread-safe. The clock only resolves two-digit years of dates of birth.
 */
public final class ValueNormalizer {

    /** The region national-format phone numbers are read in. */
    public static final String PHONE_REGION = "GB";

    /** The entity type name of person names (defined by the names detector). */
    public static final String PERSON = "PERSON";

    private static final Set<String> HONORIFICS = Set.of("mr", "mrs", "ms", "miss", "mx", "dr", "prof", "sir",
            "dame", "rev", "revd", "fr");

    private static final Map<String, Integer> MONTHS = months();

    private final Clock clock;

    /** A normaliser using the system clock. */
    public ValueNormalizer() {
        this(Clock.systemDefaultZone());
    }

    /** A normaliser resolving two-digit years against {@code clock}. */
    public ValueNormalizer(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The canonical form of {@code raw}, a value of type {@code type}. Never null; empty for blank input. */
    public String normalize(EntityType type, String raw) {
        return normalize(type.name(), raw);
    }

    /**
     * The canonical form of {@code raw} for the entity type named {@code typeName} (for callers that only know the
     * name, such as a search given {@code --id UK_NINO=...}). Unknown names get the generic rule.
     */
    public String normalize(String typeName, String raw) {
        Objects.requireNonNull(typeName, "typeName");
        String s = raw == null ? "" : Normalizer.normalize(raw, Normalizer.Form.NFKC).strip();
        if (s.isEmpty()) {
            return "";
        }
        return switch (typeName) {
            case "EMAIL_ADDRESS" -> email(s);
            case "PHONE_NUMBER" -> phone(s);
            case "UK_NINO", "UK_POSTCODE", "UK_NHS" -> compact(s);
            case "IBAN_CODE" -> iban(s);
            case "EU_VAT" -> euVat(s);
            case "UK_VAT" -> ukVat(s);
            case "BIC" -> bic(s);
            case "UK_PASSPORT" -> passport(s);
            case "UK_DRIVING_LICENCE" -> licence(s);
            case "UK_UTR", "CREDIT_CARD", "US_SSN" -> digits(s);
            case "UK_SORT_CODE_ACCOUNT" -> sortCodeAccount(s);
            case "DATE_OF_BIRTH" -> dateOfBirth(s);
            case "IP_ADDRESS" -> ipAddress(s);
            case "MAC_ADDRESS" -> macAddress(s);
            case PERSON -> personName(s);
            default -> generic(s);
        };
    }

    // ---- families ----

    /** Whitespace collapsed to single spaces, lower-cased. */
    static String generic(String s) {
        return collapseWhitespace(s).toLowerCase(Locale.ROOT);
    }

    /** Letters and digits only, upper-case. */
    static String compact(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                sb.append(c);
            }
        }
        return sb.toString().toUpperCase(Locale.ROOT);
    }

    /** Decimal digits only (any script, as ASCII). */
    static String digits(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isDigit(c)) {
                sb.append((char) ('0' + Character.digit(c, 10)));
            }
        }
        return sb.toString();
    }

    // ---- per type ----

    private static String email(String s) {
        String e = s;
        if (e.regionMatches(true, 0, "mailto:", 0, 7)) {
            e = e.substring(7);
        }
        if (e.length() > 2 && e.charAt(0) == '<' && e.charAt(e.length() - 1) == '>') {
            e = e.substring(1, e.length() - 1);
        }
        return generic(e.strip());
    }

    private static String phone(String s) {
        String fast = ukNumber(s);
        if (fast != null) {
            return fast;
        }
        PhoneNumberUtil util = PhoneNumberUtil.getInstance();
        try {
            Phonenumber.PhoneNumber number = util.parse(s, PHONE_REGION);
            return util.isPossibleNumber(number)
                    ? util.format(number, PhoneNumberUtil.PhoneNumberFormat.E164) : digits(s);
        } catch (NumberParseException e) {
            return digits(s);
        }
    }

    /**
     * The E.164 form of the two commonest shapes of UK number, without libphonenumber (its parse costs several
     * microseconds, most of a database row's hashing): a national number {@code 0} + ten digits not starting with
     * 0, or {@code +44} + those ten digits, grouped by spaces, hyphens or full stops only. Anything else (brackets,
     * {@code (0)}, an extension, another country, fewer digits) returns null and goes through libphonenumber, which
     * gives the same answer for these two shapes (a test compares them).
     */
    static String ukNumber(String s) {
        char[] d = new char[12];
        int n = 0;
        boolean plus = false;
        int i = 0;
        int len = s.length();
        while (i < len && s.charAt(i) == ' ') {
            i++;
        }
        if (i < len && s.charAt(i) == '+') {
            plus = true;
            i++;
        }
        for (; i < len; i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                if (n == d.length) {
                    return null;
                }
                d[n++] = c;
            } else if (c != ' ' && c != '-' && c != '.') {
                return null;
            }
        }
        if (plus && n == 12 && d[0] == '4' && d[1] == '4' && d[2] != '0') {
            return "+" + new String(d, 0, 12);
        }
        if (!plus && n == 11 && d[0] == '0' && d[1] != '0') {
            return "+44" + new String(d, 1, 10);
        }
        return null;
    }

    private static String iban(String s) {
        String c = compact(s);
        if (c.startsWith("IBAN") && c.length() > 8 && Character.isLetter(c.charAt(4))) {
            return c.substring(4);
        }
        return c;
    }

    private static String euVat(String s) {
        String c = compact(s);
        return c.startsWith("GR") ? "EL" + c.substring(2) : c;
    }

    private static String ukVat(String s) {
        String c = compact(s);
        return c.startsWith("GB") || c.startsWith("XI") ? c.substring(2) : c;
    }

    private static String bic(String s) {
        String c = compact(s);
        return c.length() == 11 && c.endsWith("XXX") ? c.substring(0, 8) : c;
    }

    /** ICAO 9303 TD3 line 2: 44 characters; the document number is the first nine, padded with {@code <}. */
    private static String passport(String s) {
        if (s.length() == 44 && s.indexOf('<') >= 0) {
            return s.substring(0, 9).replace("<", "").toUpperCase(Locale.ROOT);
        }
        return compact(s);
    }

    private static String licence(String s) {
        String c = compact(s);
        if (c.length() == 18 && Character.isDigit(c.charAt(16)) && Character.isDigit(c.charAt(17))) {
            return c.substring(0, 16);
        }
        return c;
    }

    /**
     * A sort code (6 digits, or three 2-digit groups joined by single spaces or hyphens) and an account number
     * (8 digits, or two 4-digit groups joined by a single space) in either order, with anything between them.
     * Falls back to the digits.
     */
    static String sortCodeAccount(String s) {
        List<int[]> runs = new ArrayList<>(); // {start, end} of each ASCII/Unicode digit run
        for (int i = 0; i < s.length(); ) {
            if (Character.isDigit(s.charAt(i))) {
                int j = i;
                while (j < s.length() && Character.isDigit(s.charAt(j))) {
                    j++;
                }
                runs.add(new int[] {i, j});
                i = j;
            } else {
                i++;
            }
        }
        String sortCode = null;
        String account = null;
        for (int r = 0; r < runs.size(); ) {
            int len = runs.get(r)[1] - runs.get(r)[0];
            if (sortCode == null && len == 2 && r + 2 < runs.size() && length(runs, r + 1) == 2
                    && length(runs, r + 2) == 2 && singleSeparator(s, runs, r, " -")
                    && singleSeparator(s, runs, r + 1, " -")) {
                sortCode = run(s, runs, r) + run(s, runs, r + 1) + run(s, runs, r + 2);
                r += 3;
            } else if (sortCode == null && len == 6) {
                sortCode = run(s, runs, r);
                r++;
            } else if (account == null && len == 8) {
                account = run(s, runs, r);
                r++;
            } else if (account == null && len == 4 && r + 1 < runs.size() && length(runs, r + 1) == 4
                    && singleSeparator(s, runs, r, " ")) {
                account = run(s, runs, r) + run(s, runs, r + 1);
                r += 2;
            } else {
                r++;
            }
        }
        if (sortCode != null && account != null) {
            return digits(sortCode) + "-" + digits(account);
        }
        return digits(s);
    }

    private static int length(List<int[]> runs, int r) {
        return runs.get(r)[1] - runs.get(r)[0];
    }

    private static String run(String s, List<int[]> runs, int r) {
        return s.substring(runs.get(r)[0], runs.get(r)[1]);
    }

    /** True if run {@code r} and run {@code r + 1} are separated by exactly one of {@code separators}. */
    private static boolean singleSeparator(String s, List<int[]> runs, int r, String separators) {
        int end = runs.get(r)[1];
        return runs.get(r + 1)[0] == end + 1 && separators.indexOf(s.charAt(end)) >= 0;
    }

    /**
     * Day-first numeric ({@code 12/03/1985}, {@code 12-3-85}, {@code 12.03.1985}), ISO ({@code 1985-03-12}) and
     * textual ({@code 12th March 1985}, {@code March 12, 1985}, {@code 12-Mar-1985}) dates; a numeric date that is
     * impossible day-first but possible month-first is read month-first. Anything else: the generic rule.
     */
    String dateOfBirth(String s) {
        List<String> numbers = new ArrayList<>();
        Integer month = null;
        boolean monthFirst = false;
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            int j = i;
            if (Character.isDigit(c)) {
                while (j < s.length() && Character.isDigit(s.charAt(j))) {
                    j++;
                }
                numbers.add(digits(s.substring(i, j)));
                // an ordinal suffix (12th, 1st) belongs to the number
                int k = j;
                while (k < s.length() && Character.isLetter(s.charAt(k))) {
                    k++;
                }
                String suffix = s.substring(j, k).toLowerCase(Locale.ROOT);
                if (Set.of("st", "nd", "rd", "th").contains(suffix)) {
                    j = k;
                }
            } else if (Character.isLetter(c)) {
                while (j < s.length() && Character.isLetter(s.charAt(j))) {
                    j++;
                }
                String word = s.substring(i, j).toLowerCase(Locale.ROOT);
                Integer m = MONTHS.get(word);
                if (m != null && month == null) {
                    month = m;
                    monthFirst = numbers.isEmpty();
                } else if (!word.equals("of")) {
                    return generic(s);
                }
            } else {
                j++;
            }
            i = j;
        }
        LocalDate date = null;
        if (month == null && numbers.size() == 3) {
            String a = numbers.get(0);
            String b = numbers.get(1);
            String c = numbers.get(2);
            if (a.length() == 4) {
                date = date(a, b, c);
            } else if (c.length() == 4 || c.length() == 2) {
                date = date(c, b, a);
                if (date == null) {
                    date = date(c, a, b);
                }
            }
        } else if (month != null && numbers.size() == 2) {
            String a = numbers.get(0);
            String b = numbers.get(1);
            if (a.length() == 4 && b.length() <= 2) {
                date = date(a, String.valueOf(month), b);
            } else if (b.length() == 4 || b.length() == 2) {
                date = date(b, String.valueOf(month), a);
            }
        }
        if (date == null) {
            return generic(s);
        }
        return date.toString();
    }

    /** The date, or null if it does not exist; a two-digit year is the latest such year not after this one. */
    private LocalDate date(String year, String month, String day) {
        if (year.length() != 4 && year.length() != 2 || month.length() > 2 || day.length() > 2) {
            return null;
        }
        int y = Integer.parseInt(year);
        if (year.length() == 2) {
            int thisYear = LocalDate.now(clock).getYear();
            y = thisYear / 100 * 100 + y;
            if (y > thisYear) {
                y -= 100;
            }
        }
        try {
            return LocalDate.of(y, Integer.parseInt(month), Integer.parseInt(day));
        } catch (DateTimeException e) {
            return null;
        }
    }

    static String ipAddress(String s) {
        String v4 = ipv4(s);
        if (v4 != null) {
            return v4;
        }
        String v6 = ipv6(s);
        return v6 != null ? v6 : generic(s);
    }

    /** Dotted-quad IPv4 without leading zeros, or null. */
    private static String ipv4(String s) {
        String[] parts = s.split("\\.", -1);
        if (parts.length != 4) {
            return null;
        }
        StringBuilder sb = new StringBuilder(15);
        for (String p : parts) {
            if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(c -> c >= '0' && c <= '9')) {
                return null;
            }
            int v = Integer.parseInt(p);
            if (v > 255) {
                return null;
            }
            sb.append(sb.isEmpty() ? "" : ".").append(v);
        }
        return sb.toString();
    }

    /** RFC 5952 text form of an IPv6 address (zone id and brackets dropped), or null. */
    private static String ipv6(String s) {
        String a = s;
        if (a.startsWith("[") && a.endsWith("]")) {
            a = a.substring(1, a.length() - 1);
        }
        int zone = a.indexOf('%');
        if (zone >= 0) {
            a = a.substring(0, zone);
        }
        a = a.toLowerCase(Locale.ROOT);
        int[] groups = new int[8];
        int dc = a.indexOf("::");
        if (dc >= 0 && a.indexOf("::", dc + 1) >= 0) {
            return null;
        }
        List<Integer> head = dc >= 0 ? hexGroups(a.substring(0, dc)) : hexGroups(a);
        List<Integer> tail = dc >= 0 ? hexGroups(a.substring(dc + 2)) : List.of();
        if (head == null || tail == null || head.size() + tail.size() > (dc >= 0 ? 7 : 8)
                || dc < 0 && head.size() != 8) {
            return null;
        }
        for (int i = 0; i < head.size(); i++) {
            groups[i] = head.get(i);
        }
        for (int i = 0; i < tail.size(); i++) {
            groups[8 - tail.size() + i] = tail.get(i);
        }
        // the longest run of two or more zero groups becomes "::" (the first one on a tie)
        int bestStart = -1;
        int bestLen = 1;
        for (int i = 0; i < 8; ) {
            if (groups[i] == 0) {
                int j = i;
                while (j < 8 && groups[j] == 0) {
                    j++;
                }
                if (j - i > bestLen) {
                    bestStart = i;
                    bestLen = j - i;
                }
                i = j;
            } else {
                i++;
            }
        }
        StringBuilder sb = new StringBuilder(39);
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                sb.append("::");
                i += bestLen - 1;
                continue;
            }
            if (!sb.isEmpty() && sb.charAt(sb.length() - 1) != ':') {
                sb.append(':');
            }
            sb.append(Integer.toHexString(groups[i]));
        }
        return sb.toString();
    }

    /** Colon-separated hex groups (an IPv4 tail counts as two groups); empty input is no group; null if bad. */
    private static List<Integer> hexGroups(String part) {
        List<Integer> out = new ArrayList<>();
        if (part.isEmpty()) {
            return out;
        }
        String[] items = part.split(":", -1);
        for (int i = 0; i < items.length; i++) {
            String g = items[i];
            if (i == items.length - 1 && g.indexOf('.') >= 0) {
                String v4 = ipv4(g);
                if (v4 == null) {
                    return null;
                }
                String[] o = v4.split("\\.");
                out.add(Integer.parseInt(o[0]) << 8 | Integer.parseInt(o[1]));
                out.add(Integer.parseInt(o[2]) << 8 | Integer.parseInt(o[3]));
                continue;
            }
            if (g.isEmpty() || g.length() > 4) {
                return null;
            }
            for (int k = 0; k < g.length(); k++) {
                if (Character.digit(g.charAt(k), 16) < 0) {
                    return null;
                }
            }
            out.add(Integer.parseInt(g, 16));
        }
        return out;
    }

    private static String macAddress(String s) {
        StringBuilder hex = new StringBuilder(12);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.digit(c, 16) >= 0 && c < 0x80) {
                hex.append(Character.toLowerCase(c));
            } else if (c != ':' && c != '-' && c != '.' && c != ' ') {
                return generic(s);
            }
        }
        if (hex.length() != 12) {
            return generic(s);
        }
        StringBuilder sb = new StringBuilder(17);
        for (int i = 0; i < 12; i += 2) {
            sb.append(i == 0 ? "" : ":").append(hex, i, i + 2);
        }
        return sb.toString();
    }

    /**
     * A person's name: {@code "Surname, Given"} reordered when there is exactly one comma, folded (see
     * {@link TextFolding}), every character that is not a letter or digit treated as a space (so hyphenated and
     * apostrophised names split into tokens), leading honorifics dropped while another token remains.
     */
    static String personName(String s) {
        String name = s;
        int comma = name.indexOf(',');
        if (comma > 0 && comma == name.lastIndexOf(',') && comma < name.length() - 1) {
            name = name.substring(comma + 1) + " " + name.substring(0, comma);
        }
        List<String> tokens = nameTokens(TextFolding.fold(name));
        while (tokens.size() > 1 && HONORIFICS.contains(tokens.getFirst())) {
            tokens.removeFirst();
        }
        return String.join(" ", tokens);
    }

    /** The letter-or-digit runs of an already folded string. */
    static List<String> nameTokens(String folded) {
        List<String> tokens = new ArrayList<>();
        int i = 0;
        while (i < folded.length()) {
            int cp = folded.codePointAt(i);
            if (Character.isLetterOrDigit(cp)) {
                int j = i;
                while (j < folded.length()) {
                    int c = folded.codePointAt(j);
                    if (!Character.isLetterOrDigit(c) && !TextFolding.isMark(c)) {
                        break;
                    }
                    j += Character.charCount(c);
                }
                tokens.add(folded.substring(i, j));
                i = j;
            } else {
                i += Character.charCount(cp);
            }
        }
        return tokens;
    }

    private static String collapseWhitespace(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        boolean space = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                space = !sb.isEmpty();
            } else {
                if (space) {
                    sb.append(' ');
                    space = false;
                }
                sb.append(c);
            }
        }
        return sb.toString();
    }

    private static Map<String, Integer> months() {
        String[][] names = {
            {"january", "jan"}, {"february", "feb"}, {"march", "mar"}, {"april", "apr"}, {"may"},
            {"june", "jun"}, {"july", "jul"}, {"august", "aug"}, {"september", "sep", "sept"},
            {"october", "oct"}, {"november", "nov"}, {"december", "dec"}};
        Map<String, Integer> m = new java.util.HashMap<>();
        for (int i = 0; i < names.length; i++) {
            for (String n : names[i]) {
                m.put(n, i + 1);
            }
        }
        return Map.copyOf(m);
    }
}
