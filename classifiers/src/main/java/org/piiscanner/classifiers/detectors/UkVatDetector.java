package org.piiscanner.classifiers.detectors;

import java.util.List;
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
 * UK VAT registration numbers (identifiers spec §7): {@code GB} or {@code XI} (Northern Ireland goods trade) + 9
 * digits, compact or grouped {@code 3 4 2} / {@code 3 3 3} by single spaces, optionally + a 3-digit branch
 * ({@code GB242338087388}); government departments {@code GBGD000}-{@code GBGD499} and health authorities
 * {@code GBHA500}-{@code GBHA999}; and the bare 9 digits, reported only with context.
 *
 * <p>Validation is HMRC's {@code VatReferenceChecker}: with S = 8·d1 + 7·d2 + ... + 2·d7 and C = the last two
 * digits, (S + C) mod 97 = 0 (original series) or (S + 55 + C) mod 97 = 0 ("9755" series), for any number
 * (python-stdnum additionally accepts residue 55 and restricts 9755 to numbers from 100 0000 00: spec Appendix B
 * #9). The EU-compatible government form {@code 888 8xxx cc} is also accepted when xxx mod 97 = cc. All-zero
 * numbers are rejected. This detector owns the {@code XI} prefix: {@link EuVatDetector} never reports it.
 *
 * <p>Immutable and thread-safe.
 */
public final class UkVatDetector extends DeclaredDetector {

    private static final CompoundFilter FILTER = CompoundFilter.of(7, CompoundFilter.DIGIT);

    static final ScoredPattern GROUPED = ScoredPattern.of("UK_VAT (prefixed, grouped, mod 97)", 0.65);
    static final ScoredPattern COMPACT = ScoredPattern.of("UK_VAT (prefixed, compact, mod 97)", 0.6);
    static final ScoredPattern GOVERNMENT = ScoredPattern.of("UK_VAT (GD/HA government or health authority)", 0.5);
    static final ScoredPattern BARE = ScoredPattern.needsContext("UK_VAT_BARE (9 digits, mod 97, weak)", 0.4);

    private static final ContextWords CONTEXT = ContextWords.of(List.of(
            "vat", "vat no", "vat number", "vat reg", "vat registration number", "vrn", "vat id", "tax invoice"));

    /** Longest prefixed form: GB + 9 digits + 3-digit branch. */
    private static final int MAX = 14;








    public UkVatDetector() {
        super("uk_vat", Set.of(EntityType.UK_VAT), List.of(GROUPED, COMPACT, GOVERNMENT, BARE), CONTEXT,
                Set.of(Trigger.COMPOUND), FILTER);
    }

    @Override
    public void scan(Candidate c, MatchCollector out) {
        char[] buf = null;
        int[] ends = null;
        for (int w = 0; w < c.wordCount(); w++) {
            int len = c.wordLength(w);
            if (len > MAX) {
                continue;
            }
            int s = c.wordStart(w);
            char a = c.charAt(s);
            boolean prefixed = len >= 2 && (c.wordFlags(w) & Candidate.LOWER) == 0
                    && ((a == 'G' && c.charAt(s + 1) == 'B') || (a == 'X' && c.charAt(s + 1) == 'I'));
            boolean bare = !prefixed && len <= 9 && c.isDigits(w) && !c.continuesDigitGroup(w)
                    && nineDigits(c, w);
            if (!prefixed && !bare) {
                continue;
            }
            if (buf == null) {
                buf = new char[MAX];
                ends = new int[6];
            }
            int last = prefixed ? prefixed(c, w, buf, ends, out) : bare(c, w, buf, ends, out);
            if (last >= 0) {
                w = last;
            }
        }
    }

    /**
     * Matches {@code UK_VAT_PREFIXED} from word {@code w}, reports it if valid.
     *
     * @return the last word of the prefixed shape (valid or not), or -1 if the shape does not match
     */
    private static int prefixed(Candidate c, int w, char[] buf, int[] ends, MatchCollector out) {
        int words = collect(c, w, buf, ends);
        for (int k = words - 1; k >= 0; k--) {
            int n = ends[k];
            if ((n == 11 || n == 14) && Groups.allDigits(buf, 2, n) && splitsAllowed(ends, k, n)) {
                boolean grouped = k > 0 && ends[k - 1] > 2;
                String scheme = scheme(buf, 2);
                if (scheme != null) {
                    StringBuilder note = new StringBuilder(buf[0] == 'X' ? "XI (Northern Ireland), " : "");
                    note.append(scheme);
                    if (n == 14) {
                        note.append(", branch trader");
                    }
                    if (buf[2] == '0' && buf[3] == '0') {
                        note.append(", Isle of Man");
                    }
                    out.add(EntityType.UK_VAT, c.wordStart(w), c.wordEnd(w + k), grouped ? GROUPED : COMPACT,
                            Validation.VALID, false, note.toString());
                }
                return w + k;
            }
            if (n == 7 && isGovernment(buf) && splitsIn(ends, k, 2, 4, -1, -1)) {
                out.add(EntityType.UK_VAT, c.wordStart(w), c.wordEnd(w + k), GOVERNMENT, Validation.VALID, false,
                        buf[2] == 'G' ? "government department" : "health authority");
                return w + k;
            }
        }
        return -1;
    }

    /**
     * Matches {@code UK_VAT_BARE} from digit word {@code w} (9 digits, grouped 3 4 2 or 3 3 3 by spaces, not inside
     * a longer digit group) and reports it if valid.
     *
     * @return the last word of the match, or -1
     */
    private static int bare(Candidate c, int w, char[] buf, int[] ends, MatchCollector out) {
        int words = collect(c, w, buf, ends);
        for (int k = 0; k < words; k++) {
            if (!c.isDigits(w + k) || ends[k] > 9) {
                return -1;
            }
            if (ends[k] == 9) {
                if (!splitsIn(ends, k, 3, 7, -1, -1) && !splitsIn(ends, k, 3, 6, -1, -1)) {
                    return -1;
                }
                if (c.followedByDigitGroup(w + k)) {
                    return -1;
                }
                String scheme = scheme(buf, 0);
                if (scheme != null) {
                    out.add(EntityType.UK_VAT, c.wordStart(w), c.wordEnd(w + k), BARE, Validation.VALID, false,
                            scheme);
                }
                return w + k;
            }
        }
        return -1;
    }

    /** Cheap pre-check for the bare form: digit words joined by spaces from {@code w} add up to exactly 9. */
    private static boolean nineDigits(Candidate c, int w) {
        int n = 0;
        for (int x = w; x < c.wordCount() && c.isDigits(x); x++) {
            n += c.wordLength(x);
            if (n >= 9 || c.joinerAfter(x) != ' ') {
                return n == 9;
            }
        }
        return false;
    }

    /** Concatenates words from {@code w} joined by single spaces while they fit in {@code buf}. */
    private static int collect(Candidate c, int w, char[] buf, int[] ends) {
        int n = 0;
        int k = 0;
        for (int x = w; x < c.wordCount() && k < ends.length; x++) {
            int len = c.wordLength(x);
            if (n + len > buf.length) {
                break;
            }
            System.arraycopy(c.text(), c.wordStart(x), buf, n, len);
            n += len;
            ends[k++] = n;
            if (c.joinerAfter(x) != ' ') {
                break;
            }
        }
        return k;
    }

    /** True if the spaces of a GB/XI + digits shape sit where 3 4 2 (+3) or 3 3 3 (+3) grouping allows. */
    private static boolean splitsAllowed(int[] ends, int k, int n) {
        int branch = n == 14 ? 11 : -1;
        return splitsIn(ends, k, 2, 5, 9, branch) || splitsIn(ends, k, 2, 5, 8, branch);
    }

    /** True if every word boundary before word {@code k} is one of the given positions (-1 = unused). */
    private static boolean splitsIn(int[] ends, int k, int p1, int p2, int p3, int p4) {
        for (int i = 0; i < k; i++) {
            int p = ends[i];
            if (p != p1 && p != p2 && p != p3 && p != p4) {
                return false;
            }
        }
        return true;
    }

    /** GD + 000-499 or HA + 500-999 after the two-letter prefix. */
    private static boolean isGovernment(char[] buf) {
        if (!Groups.allDigits(buf, 4, 7)) {
            return false;
        }
        if (buf[2] == 'G' && buf[3] == 'D') {
            return buf[4] <= '4';
        }
        return buf[2] == 'H' && buf[3] == 'A' && buf[4] >= '5';
    }

    /**
     * The check scheme the 9 digits {@code d[from, from + 9)} satisfy ({@code "mod 97"}, {@code "9755"} or
     * {@code "government (888 8xxx cc)"}), or null if none.
     */
    static String scheme(char[] d, int from) {
        if (Groups.allSame(d, from, from + 9) && d[from] == '0') {
            return null;
        }
        int s = 0;
        for (int i = 0; i < 7; i++) {
            s += (8 - i) * (d[from + i] - '0');
        }
        int check = Groups.number(d, from + 7, from + 9);
        if ((s + check) % 97 == 0) {
            return "mod 97";
        }
        if ((s + 55 + check) % 97 == 0) {
            return "9755";
        }
        if (d[from] == '8' && d[from + 1] == '8' && d[from + 2] == '8' && d[from + 3] == '8'
                && Groups.number(d, from + 4, from + 7) % 97 == check) {
            return "government (888 8xxx cc)";
        }
        return null;
    }

    /** True if the 9 ASCII digits pass HMRC's check (for tests). */
    static boolean isValid(String nineDigits) {
        return nineDigits.length() == 9 && Groups.allDigits(nineDigits.toCharArray(), 0, 9)
                && scheme(nineDigits.toCharArray(), 0) != null;
    }
}
