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
 * Payment card numbers (identifiers spec §12): 13-19 digits, contiguous or grouped by spaces or hyphens (never
 * mixed), Luhn-valid, with an issuer prefix (IIN) and length that a scheme uses. All-same-digit numbers are
 * rejected; published test numbers (Stripe, TabaPay, NMI) are reported as test values.
 */
public final class CreditCardDetector extends DeclaredDetector {

    private static final CompoundFilter FILTER = CompoundFilter.of(13, CompoundFilter.DIGIT);

    static final ScoredPattern GROUPED = ScoredPattern.of("Card (grouped, Luhn + IIN)", 0.9);
    static final ScoredPattern CONTIGUOUS = ScoredPattern.of("Card (contiguous, Luhn + IIN)", 0.8);

    private static final ContextWords CONTEXT = new ContextWords(List.of(
            "card number", "credit card", "debit card", "card no", "card", "pan", "visa", "mastercard", "amex",
            "american express", "maestro", "jcb", "unionpay", "discover", "diners", "expiry", "exp", "valid thru",
            "cvv", "cvc", "csc", "cardholder", "cc"), List.of("imei", "serial", "iccid", "tracking", "order number"));

    private static final Set<String> TEST_NUMBERS = Set.of(
            "4111111111111111", "4242424242424242", "4000056655665556", "4012888888881881", "4222222222222",
            "5555555555554444", "5105105105105100", "5200828282828210", "2223003122003222", "2223000048400011",
            "378282246310005", "371449635398431", "378734493671000", "6011111111111117", "6011000990139424",
            "6011981111111113", "3056930009020004", "36227206271667", "30569309025904", "38520000023237",
            "3566002020360505", "3530111333300000", "6200000000000005", "6205500000000000004",
            "6799990100000000019", "4000000000000002", "4000000000009995", "5454545454545454");








    public CreditCardDetector() {
        super("credit_card", Set.of(EntityType.CREDIT_CARD), List.of(GROUPED, CONTIGUOUS), CONTEXT,
                Set.of(Trigger.COMPOUND), FILTER);
    }

    @Override
    public void scan(Candidate c, MatchCollector out) {
        char[] buf = null;
        int[] ends = null;
        for (int w = 0; w < c.wordCount(); w++) {
            if (!c.isDigits(w) || c.continuesDigitGroup(w) || c.wordLength(w) > 19) {
                continue;
            }
            if (c.wordLength(w) < 13 && !c.followedByDigitGroup(w)) {
                continue;
            }
            if (buf == null) {
                buf = new char[19];
                ends = new int[19];
            }
            int words = Groups.collect(c, w, true, buf, ends);
            int last = w + words - 1;
            int n = ends[words - 1];
            if (c.followedByDigitGroup(last) || n < 13 || buf[0] == '0') {
                w = last;
                continue;
            }
            if (!Groups.allSame(buf, 0, n) && Luhn.isValid(buf, 0, n)) {
                String brand = brand(buf, n);
                if (brand != null) {
                    String digits = new String(buf, 0, n);
                    out.add(EntityType.CREDIT_CARD, c.wordStart(w), c.wordEnd(last),
                            words > 1 ? GROUPED : CONTIGUOUS, Validation.VALID, TEST_NUMBERS.contains(digits),
                            brand);
                }
            }
            w = last;
        }
    }

    /** The scheme whose IIN range and lengths fit, or null (union of commons-validator and Braintree tables). */
    static String brand(char[] d, int n) {
        int p2 = prefix(d, 2);
        int p3 = prefix(d, 3);
        int p4 = prefix(d, 4);
        int p6 = prefix(d, 6);
        if (d[0] == '4') {
            return n == 13 || n == 16 || n == 18 || n == 19 ? "Visa" : n >= 13 ? "Visa Electron/V PAY" : null;
        }
        if (p2 >= 51 && p2 <= 55) {
            return n == 16 ? "Mastercard" : null;
        }
        if (p4 >= 2200 && p4 <= 2204) {
            return n >= 16 ? "Mir" : null;
        }
        if (p6 >= 222100 && p6 <= 272099) {
            return n == 16 ? "Mastercard" : null;
        }
        if (p2 == 34 || p2 == 37) {
            return n == 15 ? "American Express" : null;
        }
        if (p4 == 6011 || (p3 >= 644 && p3 <= 649) || p2 == 65) {
            return n == 16 || n == 19 ? "Discover" : null;
        }
        if ((p3 >= 300 && p3 <= 305) || p4 == 3095 || p2 == 36 || p2 == 38 || p2 == 39) {
            return n == 14 || n == 16 || n == 19 ? "Diners Club" : null;
        }
        if (p4 >= 3528 && p4 <= 3589) {
            return n >= 16 ? "JCB" : null;
        }
        if ((p4 == 2131 || p4 == 1800) && n == 15) {
            return "JCB";
        }
        if (p2 == 62 || (p3 >= 810 && p3 <= 819)) {
            return n >= 14 ? "UnionPay" : null;
        }
        if (p6 == 493698 || (p6 >= 500000 && p6 <= 508999 && p6 != 504175 && (p6 < 506699 || p6 > 506778))
                || (p2 >= 56 && p2 <= 59) || p2 == 63 || p2 == 67 || d[0] == '6') {
            return n >= 12 ? "Maestro" : null;
        }
        return null;
    }

    private static int prefix(char[] d, int len) {
        return Groups.number(d, 0, len);
    }
}
