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
import org.piiscanner.classifiers.checksum.Icao9303;

/**
 * UK passport numbers (identifiers spec §5): the machine-readable zone (TD3 line 2, 44 characters, all five ICAO
 * 9303 check digits verified) is reported on its own; the printed number — nine digits, or the old one letter + six
 * digits / six digits + one letter — has no check digit and is reported only near passport context words, as is
 * the unverified "two letters + seven digits" form (Presidio), at a lower score.
 *
 * <p>An MRZ of any nationality is reported (the explanation note names it, e.g. {@code MRZ GBR}); UK nationality
 * codes score higher. The ICAO specimen document number {@code L898902C} is a test value.
 */
public final class UkPassportDetector extends DeclaredDetector {

    private static final CompoundFilter FILTER = CompoundFilter.of(7, CompoundFilter.DIGIT);

    static final ScoredPattern MRZ_UK = ScoredPattern.of("MRZ_TD3_LINE2 (UK nationality, 5 check digits)", 0.9);
    static final ScoredPattern MRZ_OTHER = ScoredPattern.of("MRZ_TD3_LINE2 (other nationality, 5 check digits)",
            0.85);
    static final ScoredPattern NINE_DIGITS = ScoredPattern.needsContext("UK_PASSPORT_9DIGIT (no checksum)", 0.4);
    static final ScoredPattern LEGACY = ScoredPattern.needsContext("UK_PASSPORT_LEGACY (no checksum)", 0.35);
    static final ScoredPattern TWO_LETTERS = ScoredPattern.needsContext("UK_PASSPORT_2L7D_UNVERIFIED (weak)", 0.3);

    private static final ContextWords CONTEXT = new ContextWords(List.of(
            "passport", "passport no", "passport number", "travel document", "hm passport office", "hmpo",
            "british passport", "uk passport", "nationality", "date of issue", "date of expiry", "place of birth",
            "mrz", "her majesty", "his majesty"), List.of());

    private static final int MRZ_LENGTH = 44;
    private static final Set<String> UK_NATIONALITIES = Set.of("GBR", "GBD", "GBN", "GBO", "GBP", "GBS");
    private static final String ICAO_SPECIMEN = "L898902C<";








    public UkPassportDetector() {
        super("uk_passport", Set.of(EntityType.UK_PASSPORT), List.of(MRZ_UK, MRZ_OTHER, NINE_DIGITS, LEGACY,
                TWO_LETTERS), CONTEXT, Set.of(Trigger.COMPOUND), FILTER);
    }

    @Override
    public void scan(Candidate c, MatchCollector out) {
        for (int w = 0; w < c.wordCount(); w++) {
            if ((c.wordFlags(w) & Candidate.LOWER) != 0) {
                continue;
            }
            int start = c.wordStart(w);
            if (c.wordLength(w) <= MRZ_LENGTH && scanMrz(c, start, out)) {
                while (w + 1 < c.wordCount() && c.wordStart(w + 1) < start + MRZ_LENGTH) {
                    w++;
                }
                continue;
            }
            int len = c.wordLength(w);
            if (len == 9 && c.isDigits(w)) {
                if (!c.digitGroupBefore(start) && !c.digitGroupAfter(c.wordEnd(w))) {
                    out.add(EntityType.UK_PASSPORT, start, c.wordEnd(w), NINE_DIGITS, Validation.NOT_APPLICABLE);
                }
            } else if (len == 9 && isUpper(c.charAt(start)) && isUpper(c.charAt(start + 1))
                    && digits(c, start + 2, start + 9)) {
                out.add(EntityType.UK_PASSPORT, start, c.wordEnd(w), TWO_LETTERS, Validation.NOT_APPLICABLE);
            } else if (len == 7 && ((isUpper(c.charAt(start)) && digits(c, start + 1, start + 7))
                    || (digits(c, start, start + 6) && isUpper(c.charAt(start + 6))))) {
                out.add(EntityType.UK_PASSPORT, start, c.wordEnd(w), LEGACY, Validation.NOT_APPLICABLE);
            }
        }
    }

    /** Reports a TD3 line 2 starting at {@code s} (the spec's {@code MRZ_TD3_LINE2}); true if one was reported. */
    private static boolean scanMrz(Candidate c, int s, MatchCollector out) {
        int e = s + MRZ_LENGTH;
        if (isMrzChar(c.charAt(s - 1)) || isMrzChar(c.charAt(e)) || !Candidate.isDigit(c.charAt(s + 9))
                || !Candidate.isDigit(c.charAt(s + 19)) || !Candidate.isDigit(c.charAt(e - 1))) {
            return false;
        }
        char[] m = new char[MRZ_LENGTH];
        for (int i = 0; i < MRZ_LENGTH; i++) {
            m[i] = c.charAt(s + i);
        }
        if (!hasTd3Shape(m)
                || !Icao9303.isValid(m, 0, 9, m[9], false)
                || !Icao9303.isValid(m, 13, 19, m[19], false)
                || !Icao9303.isValid(m, 21, 27, m[27], false)
                || !Icao9303.isValid(m, 28, 42, m[42], true)
                || Icao9303.checkDigitOfRanges(m, 0, 10, 13, 20, 21, 43) != m[43] - '0') {
            return false;
        }
        String nationality = new String(m, 10, 3);
        boolean specimen = new String(m, 0, 9).equals(ICAO_SPECIMEN);
        out.add(EntityType.UK_PASSPORT, s, e, UK_NATIONALITIES.contains(nationality) ? MRZ_UK : MRZ_OTHER,
                Validation.VALID, specimen, "MRZ " + nationality + (specimen ? " (ICAO 9303 specimen)" : ""));
        return true;
    }

    /**
     * {@code [A-Z0-9<]{9}[0-9][A-Z<]{3}[0-9]{6}[0-9][MFX<][0-9]{6}[0-9][A-Z0-9<]{14}[0-9<][0-9]}.
     */
    private static boolean hasTd3Shape(char[] m) {
        for (int i = 0; i < MRZ_LENGTH; i++) {
            char ch = m[i];
            boolean ok = switch (i) {
                case 9, 13, 14, 15, 16, 17, 18, 19, 21, 22, 23, 24, 25, 26, 27, 43 -> Candidate.isDigit(ch);
                case 10, 11, 12 -> isUpper(ch) || ch == '<';
                case 20 -> ch == 'M' || ch == 'F' || ch == 'X' || ch == '<';
                case 42 -> Candidate.isDigit(ch) || ch == '<';
                default -> isMrzChar(ch);
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private static boolean isMrzChar(char ch) {
        return isUpper(ch) || Candidate.isDigit(ch) || ch == '<';
    }

    private static boolean isUpper(char ch) {
        return ch >= 'A' && ch <= 'Z';
    }

    private static boolean digits(Candidate c, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!Candidate.isDigit(c.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
