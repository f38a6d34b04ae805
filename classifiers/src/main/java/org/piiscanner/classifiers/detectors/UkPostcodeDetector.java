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
 * UK postcodes (identifiers spec §4): an upper-case outward code of one of the six shapes {@code A9 A99 A9A AA9
 * AA99 AA9A} and an inward code {@code 9AA}, with or without the single space, checked against the Royal Mail
 * letter-position rules; the special {@code GIR 0AA}; British Forces {@code BFPO n}; and the overseas territories'
 * UK-format codes ({@code ASCN 1ZZ}, {@code FIQQ 1ZZ}...).
 *
 * <p>A postcode whose area (its leading letters) is on the Horde allow-list (plus {@code BF}, {@code BX},
 * {@code GIR}) is reported without context; a well-shaped postcode in an unknown area only with context. Lower-case
 * and mixed-case postcodes are not matched, nor are outward codes alone.
 *
 * <p>Immutable and thread-safe.
 */
public final class UkPostcodeDetector extends DeclaredDetector {

    private static final CompoundFilter FILTER = CompoundFilter.of(5, CompoundFilter.DIGIT | CompoundFilter.UPPER);

    static final ScoredPattern KNOWN_AREA = ScoredPattern.of("UK_POSTCODE (known area)", 0.5);
    static final ScoredPattern UNKNOWN_AREA = ScoredPattern.needsContext("UK_POSTCODE (unknown area, weak)", 0.3);
    static final ScoredPattern BFPO = ScoredPattern.of("UK_BFPO (British Forces Post Office)", 0.5);
    static final ScoredPattern OVERSEAS = ScoredPattern.of("UK_OVERSEAS_TERRITORY_POSTCODE", 0.5);

    private static final ContextWords CONTEXT = ContextWords.of(List.of(
            "postcode", "post code", "postal code", "address", "addr", "delivery address", "billing address",
            "home address", "correspondence address", "bfpo", "zip", "delivery", "mailing", "shipping",
            "correspondence"));

    /** Horde's postcode-area list [Horde-postcode] plus BF (BFPO) and BX (non-geographic). */
    private static final Set<String> AREAS = Set.of(("AB AL B BA BB BD BF BH BL BN BR BS BT BX CA CB CF CH CM CO CR "
            + "CT CV CW DA DD DE DG DH DL DN DT DY E EC EH EN EX FK FY G GL GU GY HA HD HG HP HR HS HU HX IG IM IP IV "
            + "JE KA KT KW KY L LA LD LE LL LN LS LU M ME MK ML N NE NG NN NP NR NW OL OX PA PE PH PL PO PR RG RH RM S "
            + "SA SE SG SK SL SM SN SO SP SR SS ST SW SY TA TD TF TN TQ TR TS TW UB W WA WC WD WF WN WR WS WV YO ZE")
            .split(" "));

    private static final Set<String> OVERSEAS_AREAS = Set.of(
            "ASCN", "STHL", "TDCU", "BBND", "BIQQ", "FIQQ", "PCRN", "SIQQ", "TKCA");








    public UkPostcodeDetector() {
        super("uk_postcode", Set.of(EntityType.UK_POSTCODE), List.of(KNOWN_AREA, UNKNOWN_AREA, BFPO, OVERSEAS),
                CONTEXT, Set.of(Trigger.COMPOUND), FILTER);
    }

    @Override
    public void scan(Candidate c, MatchCollector out) {
        char[] t = c.text();
        for (int w = 0; w < c.wordCount(); w++) {
            int len = c.wordLength(w);
            int ws = c.wordStart(w);
            char first = t[ws];
            if (len < 2 || len > 8 || first < 'A' || first > 'Z' || !c.isUpperOrDigits(w)) {
                continue;
            }
            // Two words: outward code, one space, inward code.
            if (w + 1 < c.wordCount() && c.joinerAfter(w) == ' ' && len <= 4) {
                int next = w + 1;
                int ns = c.wordStart(next);
                int nlen = c.wordLength(next);
                if (matchOutward(out, t, ws, len, ns, nlen)) {
                    w = next;
                    continue;
                }
            }
            // One word: outward and inward code without the space.
            if (len >= 5) {
                matchCompact(out, t, ws, len);
            }
        }
    }

    /** Tries {@code outward inward} (both words given); true if it reported a match. */
    private static boolean matchOutward(MatchCollector out, char[] t, int os, int olen, int is, int ilen) {
        int end = is + ilen;
        if (olen == 4 && is(t, os, "BFPO")) {
            if (ilen <= 4 && Groups.allDigits(t, is, end)) {
                out.add(EntityType.UK_POSTCODE, os, end, BFPO, Validation.VALID, false, "BFPO number");
                return true;
            }
            return false;
        }
        if (ilen != 3) {
            return false;
        }
        return report(out, t, os, olen, is, end);
    }

    private static void matchCompact(MatchCollector out, char[] t, int ws, int len) {
        int end = ws + len;
        if (is(t, ws, "BFPO")) {
            if (len <= 8 && Groups.allDigits(t, ws + 4, end)) {
                out.add(EntityType.UK_POSTCODE, ws, end, BFPO, Validation.VALID, false, "BFPO number");
            }
            return;
        }
        if (len <= 7) {
            report(out, t, ws, len - 3, end - 3, end);
        }
    }

    /** Validates outward {@code [os, os+olen)} and inward {@code [is, end)} (3 chars) and reports; true if valid. */
    private static boolean report(MatchCollector out, char[] t, int os, int olen, int is, int end) {
        if (!validInward(t, is)) {
            return false;
        }
        if (olen == 3 && is(t, os, "GIR") && is(t, is, "0AA")) {
            out.add(EntityType.UK_POSTCODE, os, end, KNOWN_AREA, Validation.VALID, false, "GIR 0AA (Girobank)");
            return true;
        }
        if (olen == 4 && OVERSEAS_AREAS.contains(new String(t, os, 4))) {
            if (!is(t, is, "1ZZ")) {
                return false;
            }
            out.add(EntityType.UK_POSTCODE, os, end, OVERSEAS, Validation.VALID, false, "overseas territory");
            return true;
        }
        int areaLength = outwardAreaLength(t, os, olen);
        if (areaLength == 0) {
            return false;
        }
        String area = new String(t, os, areaLength);
        if (AREAS.contains(area)) {
            out.add(EntityType.UK_POSTCODE, os, end, KNOWN_AREA, Validation.VALID, false,
                    area.equals("BF") ? "BFPO postcode area" : area.equals("BX") ? "non-geographic area" : "");
        } else {
            out.add(EntityType.UK_POSTCODE, os, end, UNKNOWN_AREA, Validation.VALID, false,
                    "area not on the postcode-area list");
        }
        return true;
    }

    /**
     * The length of the area letters (1 or 2) if {@code [os, os+len)} is an outward code of one of the six shapes
     * obeying the letter-position rules, else 0.
     */
    private static int outwardAreaLength(char[] t, int os, int len) {
        if (len < 2 || len > 4 || !isLetter(t[os]) || "QVX".indexOf(t[os]) >= 0) {
            return 0;
        }
        char second = t[os + 1];
        if (Candidate.isDigit(second)) {
            // A9, A99, A9A
            if (len == 2) {
                return 1;
            }
            if (len == 3) {
                char third = t[os + 2];
                return Candidate.isDigit(third) || "ABCDEFGHJKPSTUW".indexOf(third) >= 0 ? 1 : 0;
            }
            return 0;
        }
        // AA9, AA99, AA9A
        if (!isLetter(second) || "IJZ".indexOf(second) >= 0 || len < 3 || !Candidate.isDigit(t[os + 2])) {
            return 0;
        }
        if (len == 4) {
            char fourth = t[os + 3];
            return Candidate.isDigit(fourth) || "ABEHMNPRVWXY".indexOf(fourth) >= 0 ? 2 : 0;
        }
        return 2;
    }

    /** Digit then two letters, none of C I K M O V. */
    private static boolean validInward(char[] t, int is) {
        return Candidate.isDigit(t[is]) && inwardLetter(t[is + 1]) && inwardLetter(t[is + 2]);
    }

    private static boolean inwardLetter(char ch) {
        return isLetter(ch) && "CIKMOV".indexOf(ch) < 0;
    }

    private static boolean isLetter(char ch) {
        return ch >= 'A' && ch <= 'Z';
    }

    private static boolean is(char[] t, int at, String s) {
        for (int i = 0; i < s.length(); i++) {
            if (t[at + i] != s.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
