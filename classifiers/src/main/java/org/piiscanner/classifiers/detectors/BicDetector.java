package org.piiscanner.classifiers.detectors;

import java.util.List;
import java.util.Locale;
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
 * BIC / SWIFT codes (identifiers spec §19, ISO 9362): one upper-case word of 8 or 11 characters, 4-letter
 * institution code, ISO 3166-1 alpha-2 country code (or {@code XK}, Kosovo), 2-character location code, optional
 * 3-character branch code.
 *
 * <p>The shape is too common in upper-case text ({@code DOCUMENT} = DOCU + ME + NT) to report alone: matches need a
 * context word. A BIC identifies a bank, not a person; it mostly serves as supporting evidence near IBANs. A
 * location code ending in {@code 0} marks a test BIC, reported as a test value.
 *
 * <p>Immutable and thread-safe.
 */
public final class BicDetector extends DeclaredDetector {

    private static final CompoundFilter FILTER = CompoundFilter.of(8, CompoundFilter.UPPER);

    static final ScoredPattern BIC = ScoredPattern.needsContext("BIC (country code, weak)", 0.4);

    private static final ContextWords CONTEXT = ContextWords.of(List.of(
            "bic", "swift", "swift code", "swift/bic", "bank identifier code", "iban", "beneficiary bank"));

    private static final boolean[] COUNTRIES = new boolean[26 * 26];

    static {
        for (String cc : Locale.getISOCountries()) {
            COUNTRIES[index(cc.charAt(0), cc.charAt(1))] = true;
        }
        COUNTRIES[index('X', 'K')] = true;
    }








    public BicDetector() {
        super("bic", Set.of(EntityType.BIC), List.of(BIC), CONTEXT, Set.of(Trigger.COMPOUND), FILTER);
    }

    @Override
    public void scan(Candidate c, MatchCollector out) {
        for (int w = 0; w < c.wordCount(); w++) {
            int len = c.wordLength(w);
            if ((len != 8 && len != 11) || (c.wordFlags(w) & Candidate.LOWER) != 0) {
                continue;
            }
            int s = c.wordStart(w);
            if (!letters(c, s, s + 6)) {
                continue;
            }
            char a = c.charAt(s + 4);
            char b = c.charAt(s + 5);
            if (COUNTRIES[index(a, b)]) {
                boolean test = c.charAt(s + 7) == '0';
                out.add(EntityType.BIC, s, s + len, BIC, Validation.VALID, test,
                        test ? "country " + a + b + ", test BIC" : "country " + a + b);
            }
        }
    }

    private static boolean letters(Candidate c, int from, int to) {
        for (int i = from; i < to; i++) {
            char ch = c.charAt(i);
            if (ch < 'A' || ch > 'Z') {
                return false;
            }
        }
        return true;
    }

    private static int index(char a, char b) {
        return (a - 'A') * 26 + (b - 'A');
    }
}
