package org.piiscanner.classifiers.detectors;

import java.util.Locale;
import org.apache.commons.validator.routines.DomainValidator;
import org.piiscanner.classifiers.Candidate;

/**
 * Checks DNS host names for the e-mail and URL detectors: label syntax (1-63 letters, digits and hyphens, no hyphen
 * at either end), a top-level domain in the IANA root zone (Apache commons-validator's {@link DomainValidator}),
 * and the names reserved for documentation and testing (RFC 2606 / RFC 6761).
 *
 * <p>Stateless and thread-safe. Cheap syntax checks run first; the TLD lookup (which allocates a string) only for
 * names that pass them.
 */
final class DomainNames {

    /** The name is not a host name with a known TLD. */
    static final int INVALID = 0;
    /** A host name under an IANA top-level domain. */
    static final int VALID = 1;
    /** A name reserved for examples or tests: {@code example.com}, {@code *.test}, {@code *.invalid}... */
    static final int RESERVED = 2;

    /** Longest host name (RFC 1035: 255 octets on the wire, 253 characters written). */
    static final int MAX_LENGTH = 253;

    private static final DomainValidator TLDS = DomainValidator.getInstance();

    private DomainNames() {
    }

    /** True if {@code c} may occur in a host name label. */
    static boolean isLabelChar(char c) {
        return Candidate.isAlnum(c) || c == '-';
    }

    /**
     * Classifies {@code t[from, to)} as a host name of at least {@code minLabels} labels whose last label is a
     * top-level domain: letters only (2-63) or an IDN {@code xn--} label.
     *
     * @return {@link #INVALID}, {@link #VALID} or {@link #RESERVED}
     */
    static int check(char[] t, int from, int to, int minLabels) {
        if (to - from > MAX_LENGTH || to <= from) {
            return INVALID;
        }
        int labels = 0;
        int labelStart = from;
        int lastStart = from;
        int previousStart = -1;
        int secondPreviousStart = -1;
        for (int i = from; i <= to; i++) {
            if (i == to || t[i] == '.') {
                int len = i - labelStart;
                if (len < 1 || len > 63 || t[labelStart] == '-' || t[i - 1] == '-') {
                    return INVALID;
                }
                labels++;
                secondPreviousStart = previousStart;
                previousStart = lastStart;
                lastStart = labelStart;
                labelStart = i + 1;
            } else if (!isLabelChar(t[i])) {
                return INVALID;
            }
        }
        if (labels < minLabels || !isTldShape(t, lastStart, to)) {
            return INVALID;
        }
        String tld = new String(t, lastStart, to - lastStart).toLowerCase(Locale.ROOT);
        if (isReservedTld(tld)) {
            return RESERVED;
        }
        if (!TLDS.isValidTld(tld)) {
            return INVALID;
        }
        if (labels >= 2 && isExampleName(t, previousStart, lastStart - 1, secondPreviousStart, to - lastStart)) {
            return RESERVED;
        }
        return VALID;
    }

    /** True if {@code t[from, to)} is {@code localhost} (any case). */
    static boolean isLocalhost(char[] t, int from, int to) {
        return to - from == 9 && regionMatches(t, from, "localhost");
    }

    /** Letters only (2-63), or {@code xn--} followed by letters, digits and hyphens. */
    private static boolean isTldShape(char[] t, int from, int to) {
        int len = to - from;
        if (len >= 5 && regionMatches(t, from, "xn--")) {
            return true;
        }
        if (len < 2 || len > 63) {
            return false;
        }
        for (int i = from; i < to; i++) {
            char c = (char) (t[i] | 32);
            if (c < 'a' || c > 'z') {
                return false;
            }
        }
        return true;
    }

    /** RFC 2606 / RFC 6761 reserved top-level domains. */
    private static boolean isReservedTld(String tld) {
        return tld.equals("example") || tld.equals("test") || tld.equals("invalid") || tld.equals("localhost");
    }

    /**
     * {@code example} as the registrable name: {@code example.com/.net/.org} (RFC 2606) and the same name under
     * other TLDs or a short country second level ({@code example.co.uk}, which the spec treats as an example).
     */
    private static boolean isExampleName(char[] t, int prevStart, int prevEnd, int secondStart, int tldLength) {
        if (prevEnd - prevStart == 7 && regionMatches(t, prevStart, "example")) {
            return true;
        }
        return tldLength == 2 && secondStart >= 0 && prevEnd - prevStart <= 3
                && prevStart - 1 - secondStart == 7 && regionMatches(t, secondStart, "example");
    }

    /** Case-insensitive comparison of {@code t} at {@code from} with the lower-case ASCII {@code s}. */
    static boolean regionMatches(char[] t, int from, String s) {
        if (from < 0 || from + s.length() > t.length) {
            return false;
        }
        for (int k = 0; k < s.length(); k++) {
            char c = t[from + k];
            if (c < 128 && c >= 'A' && c <= 'Z') {
                c = (char) (c | 32);
            }
            if (c != s.charAt(k)) {
                return false;
            }
        }
        return true;
    }
}
