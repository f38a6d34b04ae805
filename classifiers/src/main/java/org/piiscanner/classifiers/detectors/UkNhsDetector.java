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
import org.piiscanner.classifiers.checksum.Luhn;

/**
 * NHS numbers (England, Wales, Isle of Man), Scottish CHI numbers and Northern Ireland H&amp;C numbers (identifiers
 * spec §2): ten digits, compact or grouped {@code 3 3 4} by spaces or by hyphens (never mixed), not inside a longer
 * digit group.
 *
 * <p>Validation is the NHS modulus 11 check (a check value of 10 is invalid); a number whose first six digits are a
 * {@code DDMMYY} date is a CHI number and may instead pass the CHI modulus 10 check (exactly Luhn over the ten
 * digits). About one random 10-digit number in eleven passes, so matches are reported only near context words. The
 * explanation note labels the class from the advisory ranges ({@code NHS}, {@code CHI}, {@code H&C},
 * {@code NHS test range}); the reserved {@code 999} range is reported as a test value.
 */
public final class UkNhsDetector extends DeclaredDetector {

    private static final CompoundFilter FILTER = CompoundFilter.of(10, CompoundFilter.DIGIT);

    static final ScoredPattern GROUPED = ScoredPattern.needsContext("UK_NHS (3 3 4)", 0.5);
    static final ScoredPattern COMPACT = ScoredPattern.needsContext("UK_NHS (10 digits)", 0.45);

    /**
     * Spec §2 hotwords plus Presidio's. "date of birth" (listed by the spec as supporting) is left out: it sits next
     * to every phone number on a form and would lift any mod-11-passing number.
     */
    private static final ContextWords CONTEXT = new ContextWords(List.of(
            "nhs", "nhs number", "nhs no", "nhs #", "national health service", "chi", "chi number", "chi no",
            "community health index", "h&c number", "health and care number", "patient", "pds", "gp",
            "hospital number", "health services authority", "health authority"), List.of());








    public UkNhsDetector() {
        super("uk_nhs", Set.of(EntityType.UK_NHS), List.of(GROUPED, COMPACT), CONTEXT, Set.of(Trigger.COMPOUND),
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
            if (c.wordLength(w) == 10) {
                last = w;
            } else if (c.wordLength(w) == 3 && Groups.threeGroups(c, w, 3, 3, 4)) {
                last = w + 2;
            } else {
                continue;
            }
            int start = c.wordStart(w);
            int end = c.wordEnd(last);
            if (c.digitGroupBefore(start) || c.digitGroupAfter(end)) {
                continue;
            }
            if (digits == null) {
                digits = new char[10];
            }
            c.compact(w, last, digits);
            report(out, digits, start, end, last > w ? GROUPED : COMPACT);
            w = last;
        }
    }

    private static void report(MatchCollector out, char[] d, int start, int end, ScoredPattern pattern) {
        boolean mod11 = isMod11Valid(d);
        boolean date = Groups.isDayMonth(Groups.number(d, 0, 2), Groups.number(d, 2, 4), Groups.number(d, 4, 6));
        if (!mod11 && !(date && Luhn.isValid(d, 0, 10))) {
            return;
        }
        int base = Groups.number(d, 0, 9);
        boolean testRange = mod11 && base >= 999_000_000;
        String note = testRange ? "NHS test range"
                : base >= 320_000_001 && base <= 399_999_999 ? "H&C"
                : date ? "CHI"
                : "NHS";
        out.add(EntityType.UK_NHS, start, end, pattern, Validation.VALID, testRange, note);
    }

    /** NHS modulus 11: weights 10..2 over the first nine digits, check = 11 - sum mod 11 (11 -> 0, 10 invalid). */
    static boolean isMod11Valid(char[] d) {
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += (10 - i) * (d[i] - '0');
        }
        int check = 11 - sum % 11;
        if (check == 11) {
            check = 0;
        }
        return check != 10 && check == d[9] - '0';
    }
}
