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
 * UK Unique Taxpayer Reference (identifiers spec §8): ten digits, compact or {@code 12345 67890}, optionally with
 * one leading or trailing {@code K} (Self Assessment payment reference), not inside a longer digit group.
 *
 * <p>Validation is HMRC's reference check (the first digit is a mod-11 check over the other nine). About one random
 * 10-digit number in eleven passes, so matches are reported only near context words; a number that also passes the
 * NHS check is told apart by which detector's context words are near.
 */
public final class UkUtrDetector extends DeclaredDetector {

    private static final CompoundFilter FILTER = CompoundFilter.of(10, CompoundFilter.DIGIT);

    static final ScoredPattern COMPACT = ScoredPattern.needsContext("UK_UTR (10 digits)", 0.45);
    static final ScoredPattern GROUPED = ScoredPattern.needsContext("UK_UTR (5 5)", 0.5);
    static final ScoredPattern PAYMENT = ScoredPattern.needsContext("UK_UTR (K payment reference)", 0.5);

    private static final ContextWords CONTEXT = new ContextWords(List.of(
            "utr", "unique taxpayer reference", "unique tax reference", "taxpayer reference", "self assessment",
            "self-assessment", "sa reference", "tax reference", "corporation tax reference", "ct utr", "hmrc"),
            List.of());

    private static final String CHECK = "21987654321";
    private static final int[] WEIGHTS = {0, 6, 7, 8, 9, 10, 5, 4, 3, 2};








    public UkUtrDetector() {
        super("uk_utr", Set.of(EntityType.UK_UTR), List.of(COMPACT, GROUPED, PAYMENT), CONTEXT,
                Set.of(Trigger.COMPOUND), FILTER);
    }

    @Override
    public void scan(Candidate c, MatchCollector out) {
        char[] digits = null;
        for (int w = 0; w < c.wordCount(); w++) {
            int len = c.wordLength(w);
            if (len < 5 || len > 11 || (len > 6 && len < 10) || (c.wordFlags(w) & Candidate.DIGIT) == 0) {
                continue;
            }
            int start = c.wordStart(w);
            int last = w;
            boolean leadingK = isK(c.charAt(start));
            boolean trailingK;
            if (len >= 10) {
                trailingK = isK(c.charAt(c.wordEnd(w) - 1));
                int kCount = (leadingK ? 1 : 0) + (trailingK ? 1 : 0);
                if (len - kCount != 10 || !digitsBetween(c, start + (leadingK ? 1 : 0), start + len
                        - (trailingK ? 1 : 0))) {
                    continue;
                }
            } else {
                if (len - (leadingK ? 1 : 0) != 5 || !digitsBetween(c, start + (leadingK ? 1 : 0), start + len)
                        || c.joinerAfter(w) != ' ') {
                    continue;
                }
                int s2 = c.wordStart(w + 1);
                int len2 = c.wordLength(w + 1);
                trailingK = len2 == 6 && isK(c.charAt(s2 + 5));
                if (len2 - (trailingK ? 1 : 0) != 5 || (leadingK && trailingK) || !digitsBetween(c, s2, s2 + 5)) {
                    continue;
                }
                last = w + 1;
            }
            int end = c.wordEnd(last);
            if (c.digitGroupBefore(start) || c.digitGroupAfter(end)) {
                continue;
            }
            if (digits == null) {
                digits = new char[12];
            }
            c.compact(w, last, digits);
            int from = leadingK ? 1 : 0;
            if (isValid(digits, from)) {
                ScoredPattern pattern = leadingK || trailingK ? PAYMENT : last > w ? GROUPED : COMPACT;
                out.add(EntityType.UK_UTR, start, end, pattern, Validation.VALID, false,
                        leadingK ? "leading K" : trailingK ? "trailing K" : "");
            }
            w = last;
        }
    }

    /** HMRC: S = 6.d2 + 7.d3 + 8.d4 + 9.d5 + 10.d6 + 5.d7 + 4.d8 + 3.d9 + 2.d10; d1 must be "21987654321"[S mod 11]. */
    static boolean isValid(char[] d, int from) {
        int sum = 0;
        for (int i = 1; i < 10; i++) {
            sum += WEIGHTS[i] * (d[from + i] - '0');
        }
        return d[from] == CHECK.charAt(sum % 11);
    }

    private static boolean isK(char ch) {
        return ch == 'K' || ch == 'k';
    }

    private static boolean digitsBetween(Candidate c, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!Candidate.isDigit(c.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
