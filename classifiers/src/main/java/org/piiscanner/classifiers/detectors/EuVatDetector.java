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
 * EU VAT identification numbers (identifiers spec §18): a VIES prefix of the 27 member states ({@code EL} for
 * Greece), optionally one space, then the national number as one word ({@code DE136695976},
 * {@code NL 004495445B01}); each country's length rule and check-digit algorithm is in {@link EuVatNumbers}.
 *
 * <p>Checksum-valid numbers are reported without context. Exceptions, reported only with context:
 * Romanian numbers under six digits (a 2-5 digit number passes its check one time in ten), non-Union OSS numbers
 * ({@code EU} + member-state code + 6 digits, no public check digit), and the malformed Greek prefix {@code GR}
 * (VIES uses {@code EL}; python-stdnum accepts {@code GR} as an alias), reported at a low score as "malformed
 * prefix" when the Greek check digit holds. {@code GB} and {@code XI} are not EU prefixes here: UK VAT numbers,
 * including the Northern Ireland {@code XI} form, are owned by {@link UkVatDetector}.
 *
 * <p>Immutable and thread-safe.
 */
public final class EuVatDetector extends DeclaredDetector {

    private static final CompoundFilter FILTER = CompoundFilter.of(4, CompoundFilter.DIGIT | CompoundFilter.UPPER);

    static final ScoredPattern COMPACT = ScoredPattern.of("EU_VAT (prefixed, check digit)", 0.65);
    static final ScoredPattern SPACED = ScoredPattern.of("EU_VAT (prefix + space, check digit)", 0.6);
    static final ScoredPattern SHORT = ScoredPattern.needsContext("EU_VAT (RO, short number, weak)", 0.4);
    static final ScoredPattern OSS = ScoredPattern.needsContext("EU_VAT (EU OSS, no check digit, weak)", 0.4);
    static final ScoredPattern GREEK_GR = ScoredPattern.needsContext(
            "EU_VAT (GR prefix, malformed: Greece uses EL)", 0.3);

    private static final ContextWords CONTEXT = ContextWords.of(List.of(
            "vat", "vat id", "vat number", "ust-idnr", "tva", "btw", "iva", "nif", "cif", "moms", "alv", "dič",
            "pvm", "ddv", "intra-community", "reverse charge"));

    /** Longest national part (SE, NL, LT: 12 characters). */
    private static final int MAX = 12;








    public EuVatDetector() {
        super("eu_vat", Set.of(EntityType.EU_VAT), List.of(COMPACT, SPACED, SHORT, OSS, GREEK_GR), CONTEXT,
                Set.of(Trigger.COMPOUND), FILTER);
    }

    @Override
    public void scan(Candidate c, MatchCollector out) {
        char[] buf = null;
        for (int w = 0; w < c.wordCount(); w++) {
            int len = c.wordLength(w);
            if (len < 2 || len > MAX + 2 || (c.wordFlags(w) & Candidate.LOWER) != 0) {
                continue;
            }
            int s = c.wordStart(w);
            char a = c.charAt(s);
            char b = c.charAt(s + 1);
            boolean greek = a == 'G' && b == 'R';
            EuVatNumbers.Country country = greek ? null : EuVatNumbers.country(a, b);
            if (country == null && !greek) {
                continue;
            }
            boolean spaced = len == 2;
            int bodyWord = w;
            int bodyStart = s + 2;
            if (spaced) {
                if (c.joinerAfter(w) != ' ' || (c.wordFlags(w + 1) & Candidate.LOWER) != 0) {
                    continue;
                }
                bodyWord = w + 1;
                bodyStart = c.wordStart(bodyWord);
            }
            int end = c.wordEnd(bodyWord);
            int n = end - bodyStart;
            if (n < 2 || n > MAX) {
                continue;
            }
            if (buf == null) {
                buf = new char[MAX];
            }
            System.arraycopy(c.text(), bodyStart, buf, 0, n);
            ScoredPattern pattern;
            if (greek) {
                pattern = EuVatNumbers.isValidGreek(buf, n) ? GREEK_GR : null;
            } else if (!EuVatNumbers.isValid(country, buf, n)) {
                pattern = null;
            } else if (country == EuVatNumbers.Country.EU) {
                pattern = OSS;
            } else if (country == EuVatNumbers.Country.RO && n < 6) {
                pattern = SHORT;
            } else {
                pattern = spaced ? SPACED : COMPACT;
            }
            if (pattern != null) {
                out.add(EntityType.EU_VAT, s, end, pattern, Validation.VALID, false,
                        greek ? "Greece (GR instead of EL)" : country.name());
                w = bodyWord;
            }
        }
    }
}
