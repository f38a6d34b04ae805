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
 * US Social Security Number (identifiers spec §13): {@code AAA-GG-SSSS}, {@code AAA GG SSSS} (one separator
 * throughout) or nine bare digits, not inside a longer digit group.
 *
 * <p>No check digit exists; the SSA rules are the validation: area not {@code 000}, {@code 666} or {@code 9xx}
 * (ITINs), group not {@code 00}, serial not {@code 0000}. The famous advertising numbers ({@code 078-05-1120},
 * {@code 219-09-9999}, {@code 457-55-5462}) and Presidio's rejections (all digits the same, {@code 123456789},
 * {@code 98765432x}) are invalid. The hyphenated form is the one the SSA prints and is reported alone; the spaced
 * form also occurs in addresses, tables and phone-number fragments, so it needs context, as do bare nine digits.
 */
public final class UsSsnDetector extends DeclaredDetector {

    private static final CompoundFilter FILTER = CompoundFilter.of(9, CompoundFilter.DIGIT);

    static final ScoredPattern DASHED = ScoredPattern.of("US_SSN (AAA-GG-SSSS)", 0.5);
    static final ScoredPattern SPACED = ScoredPattern.needsContext("US_SSN (AAA GG SSSS)", 0.4);
    static final ScoredPattern BARE = ScoredPattern.needsContext("US_SSN (9 digits, weak)", 0.3);

    /**
     * Spec §13 hotwords. Presidio's single words "social", "security" and "ssid" (a Wi-Fi network name) are left
     * out as too common on their own.
     */
    private static final ContextWords CONTEXT = new ContextWords(List.of(
            "ssn", "ssn#", "ss#", "ss #", "social security", "social security number", "social security no",
            "taxpayer identification", "tin", "w-2", "w-4", "i-9"), List.of());

    private static final Set<String> DENY_LIST = Set.of("078051120", "219099999", "457555462", "123456789");








    public UsSsnDetector() {
        super("us_ssn", Set.of(EntityType.US_SSN), List.of(DASHED, SPACED, BARE), CONTEXT, Set.of(Trigger.COMPOUND),
                FILTER);
    }

    @Override
    public void scan(Candidate c, MatchCollector out) {
        char[] digits = null;
        for (int w = 0; w < c.wordCount(); w++) {
            if (!c.isDigits(w)) {
                continue;
            }
            int last;
            ScoredPattern pattern;
            if (c.wordLength(w) == 9) {
                last = w;
                pattern = BARE;
            } else if (c.wordLength(w) == 3 && Groups.threeGroups(c, w, 3, 2, 4)) {
                last = w + 2;
                pattern = c.joinerAfter(w) == '-' ? DASHED : SPACED;
            } else {
                continue;
            }
            int start = c.wordStart(w);
            int end = c.wordEnd(last);
            if (c.digitGroupBefore(start) || c.digitGroupAfter(end)) {
                continue;
            }
            if (digits == null) {
                digits = new char[9];
            }
            c.compact(w, last, digits);
            if (isValid(digits)) {
                out.add(EntityType.US_SSN, start, end, pattern, Validation.VALID);
            }
            w = last;
        }
    }

    /** SSA structure rules and the deny-list, over nine ASCII digits. */
    static boolean isValid(char[] d) {
        int area = Groups.number(d, 0, 3);
        if (area == 0 || area == 666 || area >= 900 || Groups.number(d, 3, 5) == 0
                || Groups.number(d, 5, 9) == 0 || Groups.allSame(d, 0, 9)) {
            return false;
        }
        return !DENY_LIST.contains(new String(d, 0, 9));
    }
}
