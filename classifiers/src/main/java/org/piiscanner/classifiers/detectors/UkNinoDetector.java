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
 * UK National Insurance number (identifiers spec §1): two prefix letters, six digits, suffix A-D, written compact
 * ({@code AB123456C}) or grouped by spaces or hyphens ({@code AB 12 34 56 C}); HMRC's temporary {@code TN} numbers
 * (date of birth + sex); the eight-character form without suffix only with context.
 *
 * <p>No checksum exists; the prefix rules of NIM39110 are the validation. HMRC's documented example
 * {@code QQ 12 34 56 A} and the placeholder {@code PP999999P} are reported as test values.
 */
public final class UkNinoDetector extends DeclaredDetector {

    private static final CompoundFilter FILTER = CompoundFilter.of(8, CompoundFilter.DIGIT | CompoundFilter.UPPER);

    static final ScoredPattern COMPACT = ScoredPattern.of("UK_NINO (compact)", 0.5);
    static final ScoredPattern GROUPED = ScoredPattern.of("UK_NINO (grouped)", 0.6);
    static final ScoredPattern TEMPORARY = ScoredPattern.of("UK_NINO_TEMP_TN (temporary number)", 0.5);
    static final ScoredPattern NO_SUFFIX = ScoredPattern.needsContext("UK_NINO (no suffix, weak)", 0.3);
    static final ScoredPattern EXAMPLE = ScoredPattern.of("UK_NINO (documented example)", 0.5);

    private static final ContextWords CONTEXT = new ContextWords(List.of(
            "national insurance", "national insurance number", "national insurance contributions",
            "insurance number", "ni number", "ni no", "ni no.", "nino", "ni contributions", "nic", "p45", "p60",
            "payroll", "hmrc", "dwp", "employee number"), List.of());

    private static final String PROHIBITED_PREFIXES = "BG GB KN NK NT TN ZZ";








    public UkNinoDetector() {
        super("uk_nino", Set.of(EntityType.UK_NINO), List.of(COMPACT, GROUPED, TEMPORARY, NO_SUFFIX, EXAMPLE),
                CONTEXT, Set.of(Trigger.COMPOUND), FILTER);
    }

    @Override
    public void scan(Candidate c, MatchCollector out) {
        char[] buf = new char[9];
        int[] ends = new int[5];
        for (int w = 0; w < c.wordCount(); w++) {
            int len = c.wordLength(w);
            char first = c.charAt(c.wordStart(w));
            if (len > 9 || first < 'A' || first > 'Z' || (c.wordFlags(w) & Candidate.LOWER) != 0) {
                continue;
            }
            int words = Groups.collect(c, w, false, buf, ends);
            if (words == 0) {
                continue;
            }
            int matched = match(buf, ends, words);
            if (matched > 0) {
                int last = w + matched - 1;
                if (report(c, out, buf, ends[matched - 1], c.wordStart(w), c.wordEnd(last), matched > 1)) {
                    w = last;
                }
            }
        }
    }

    /** How many words form a NINO (9 chars, or 8 without suffix), splitting only between pairs; 0 if none. */
    private static int match(char[] buf, int[] ends, int words) {
        int best = 0;
        for (int k = 0; k < words; k++) {
            int n = ends[k];
            if (k + 1 < words && n != 2 && n != 4 && n != 6 && n != 8) {
                return best;
            }
            if (n == 9) {
                return k + 1;
            }
            if (n == 8) {
                best = k + 1;
            }
        }
        return best;
    }

    /** Reports the NINO in {@code buf} if it is one; returns whether it did. */
    private static boolean report(Candidate c, MatchCollector out, char[] buf, int n, int start, int end,
            boolean grouped) {
        if (!Groups.allUpper(buf, 0, 2) || !Groups.allDigits(buf, 2, 8)) {
            return false;
        }
        String prefix = new String(buf, 0, 2);
        if (n == 9 && buf[0] == 'T' && buf[1] == 'N' && (buf[8] == 'M' || buf[8] == 'F')) {
            int day = Groups.number(buf, 2, 4);
            int month = Groups.number(buf, 4, 6);
            if (Groups.isDayMonth(day, month, Groups.number(buf, 6, 8))) {
                out.add(EntityType.UK_NINO, start, end, TEMPORARY, Validation.VALID);
                return true;
            }
            return false;
        }
        if (isDocumentedExample(buf, n)) {
            out.add(EntityType.UK_NINO, start, end, EXAMPLE, Validation.VALID, true, "HMRC example / placeholder");
            return true;
        }
        if (!validPrefix(buf[0], buf[1]) || PROHIBITED_PREFIXES.contains(prefix)) {
            return false;
        }
        if (n == 8) {
            out.add(EntityType.UK_NINO, start, end, NO_SUFFIX, Validation.VALID);
            return true;
        }
        if (buf[8] >= 'A' && buf[8] <= 'D') {
            out.add(EntityType.UK_NINO, start, end, grouped ? GROUPED : COMPACT, Validation.VALID);
            return true;
        }
        return false;
    }

    private static boolean isDocumentedExample(char[] buf, int n) {
        if (n != 9) {
            return false;
        }
        String v = new String(buf, 0, 9);
        return (v.startsWith("QQ123456") && buf[8] >= 'A' && buf[8] <= 'D') || v.equals("PP999999P");
    }

    /** NIM39110: D, F, I, Q, U, V never first or second; O never second. */
    static boolean validPrefix(char a, char b) {
        return "DFIQUV".indexOf(a) < 0 && "DFIQUVO".indexOf(b) < 0;
    }
}
