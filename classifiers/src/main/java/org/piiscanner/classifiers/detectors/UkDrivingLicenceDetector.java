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
 * DVLA (Great Britain) driving licence numbers (identifiers spec §6): 16 characters — surname block, date of birth
 * with the female month offset, initials, a digit and two check characters — optionally followed (after a space or
 * directly) by the two-digit issue number printed on the photocard, which is included in the span.
 *
 * <p>Validation is structural: the surname block is letters then only trailing {@code 9}s, the month is 01-12 or
 * 51-62, the day exists in that month (29 February when the two-digit year is a multiple of 4, the century being
 * unknown), the first initial is a letter. The check characters cannot be verified (DVLA does not publish the
 * algorithm). DVLA prints upper case; lower- or mixed-case values are reported only near context words.
 */
public final class UkDrivingLicenceDetector extends DeclaredDetector {

    private static final CompoundFilter FILTER = CompoundFilter.of(16, CompoundFilter.DIGIT | CompoundFilter.LETTER);

    static final ScoredPattern STRUCTURE = ScoredPattern.of("UK_DRIVING_LICENCE (structure)", 0.6);
    static final ScoredPattern WITH_ISSUE = ScoredPattern.of("UK_DRIVING_LICENCE (structure + issue number)", 0.65);
    static final ScoredPattern ANY_CASE = ScoredPattern.needsContext("UK_DRIVING_LICENCE (not upper case, weak)",
            0.4);

    private static final ContextWords CONTEXT = new ContextWords(List.of(
            "driving licence", "driving license", "driving licence number", "driver number", "driver's licence",
            "drivers licence", "driver licence", "driver license", "driverlic", "driver lic", "licence number",
            "licence", "license", "dvla", "dva", "photocard", "licence check code", "counterpart"), List.of());

    private static final String NOTE = "structure only; check characters not public";








    public UkDrivingLicenceDetector() {
        super("uk_driving_licence", Set.of(EntityType.UK_DRIVING_LICENCE), List.of(STRUCTURE, WITH_ISSUE, ANY_CASE),
                CONTEXT, Set.of(Trigger.COMPOUND), FILTER);
    }

    @Override
    public void scan(Candidate c, MatchCollector out) {
        char[] buf = null;
        for (int w = 0; w < c.wordCount(); w++) {
            int len = c.wordLength(w);
            int flags = c.wordFlags(w);
            if ((len != 16 && len != 18) || (flags & Candidate.DIGIT) == 0
                    || (flags & (Candidate.UPPER | Candidate.LOWER)) == 0) {
                continue;
            }
            int start = c.wordStart(w);
            int end = c.wordEnd(w);
            boolean issue = len == 18;
            if (issue && !(Candidate.isDigit(c.charAt(end - 2)) && Candidate.isDigit(c.charAt(end - 1)))) {
                continue;
            }
            if (!issue && c.joinerAfter(w) == ' ' && c.wordLength(w + 1) == 2 && c.isDigits(w + 1)) {
                issue = true;
                end = c.wordEnd(w + 1);
            }
            if (buf == null) {
                buf = new char[16];
            }
            for (int i = 0; i < 16; i++) {
                char ch = c.charAt(start + i);
                buf[i] = ch >= 'a' && ch <= 'z' ? (char) (ch - 32) : ch;
            }
            if (isValid(buf)) {
                ScoredPattern pattern = (flags & Candidate.LOWER) != 0 ? ANY_CASE : issue ? WITH_ISSUE : STRUCTURE;
                out.add(EntityType.UK_DRIVING_LICENCE, start, end, pattern, Validation.VALID, false, NOTE);
            }
        }
    }

    /** Structural rules of spec §6 over 16 upper-case characters. */
    static boolean isValid(char[] d) {
        if (!isLetter(d[0])) {
            return false;
        }
        boolean padding = false;
        for (int i = 1; i < 5; i++) {
            if (d[i] == '9') {
                padding = true;
            } else if (padding || !isLetter(d[i])) {
                return false;
            }
        }
        if (!Groups.allDigits(d, 5, 11) || !isLetter(d[11]) || !(isLetter(d[12]) || d[12] == '9')
                || !Candidate.isDigit(d[13]) || !isLetterOrDigit(d[14]) || !isLetterOrDigit(d[15])) {
            return false;
        }
        int month = Groups.number(d, 6, 8);
        if (month > 50) {
            month -= 50;
        }
        int year = (d[5] - '0') * 10 + (d[10] - '0');
        return Groups.isDayMonth(Groups.number(d, 8, 10), month, year);
    }

    private static boolean isLetter(char ch) {
        return ch >= 'A' && ch <= 'Z';
    }

    private static boolean isLetterOrDigit(char ch) {
        return isLetter(ch) || Candidate.isDigit(ch);
    }
}
