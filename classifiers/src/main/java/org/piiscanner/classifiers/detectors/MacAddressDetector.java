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
 * MAC addresses (EUI-48, identifiers spec §16): six groups of two hex digits joined throughout by {@code :} or by
 * {@code -}, or Cisco's three groups of four joined by {@code .}.
 *
 * <p>Broadcast ({@code FF:FF:FF:FF:FF:FF}) and all-zero addresses are rejected. Universally administered unicast
 * addresses (a device's burnt-in address) score highest; locally administered (often randomised) addresses lower;
 * multicast addresses, which name no device, below the default threshold (reported only with context). The RFC 7042
 * documentation range {@code 00-00-5E-00-53-xx} is reported as a test value.
 *
 * <p>Boundaries follow the spec regex, except that a Cisco-form address may end a sentence ({@code ...789a.}): only
 * a dot followed by a letter or digit (a fourth group) rejects it.
 *
 * <p>Immutable and thread-safe.
 */
public final class MacAddressDetector extends DeclaredDetector {

    private static final CompoundFilter FILTER = new CompoundFilter(14, 0, CompoundFilter.COLON | CompoundFilter.HYPHEN | CompoundFilter.DOT);

    static final ScoredPattern UNIVERSAL = ScoredPattern.of("MAC (universally administered)", 0.6);
    static final ScoredPattern LOCAL = ScoredPattern.of("MAC (locally administered)", 0.45);
    static final ScoredPattern MULTICAST = ScoredPattern.of("MAC (multicast, weak)", 0.3);
    static final ScoredPattern DOCUMENTATION = ScoredPattern.of("MAC (documentation range)", 0.6);

    private static final ContextWords CONTEXT = ContextWords.of(List.of(
            "mac", "mac address", "hardware address", "physical address", "ethernet", "ether", "hwaddr", "wifi",
            "wi-fi", "bssid", "device id"));








    public MacAddressDetector() {
        super("mac_address", Set.of(EntityType.MAC_ADDRESS), List.of(UNIVERSAL, LOCAL, MULTICAST, DOCUMENTATION),
                CONTEXT, Set.of(Trigger.COMPOUND), FILTER);
    }

    @Override
    public void scan(Candidate c, MatchCollector out) {
        int words = c.wordCount();
        for (int w = 0; w < words; w++) {
            int len = c.wordLength(w);
            if (!c.isHex(w) || (len != 2 && len != 4)) {
                continue;
            }
            char sep = c.joinerAfter(w);
            int last;
            if (len == 2 && (sep == ':' || sep == '-')) {
                last = w + 5;
                if (last >= words || !sameGroups(c, w, last, 2, sep)) {
                    continue;
                }
                char before = c.charAt(c.wordStart(w) - 1);
                char after = c.charAt(c.wordEnd(last));
                if (before == ':' || before == '-' || before == '.' || after == ':' || after == '-') {
                    continue;
                }
            } else if (len == 4 && sep == '.') {
                last = w + 2;
                if (last >= words || !sameGroups(c, w, last, 4, '.')) {
                    continue;
                }
                int end = c.wordEnd(last);
                boolean fourthGroup = c.charAt(end) == '.' && Candidate.isAlnum(c.charAt(end + 1));
                if (c.charAt(c.wordStart(w) - 1) == '.' || fourthGroup) {
                    continue;
                }
            } else {
                continue;
            }
            report(c, w, last, out);
            w = last;
        }
    }

    /** True if words {@code from..to} are all hex of length {@code len} and joined by {@code sep}. */
    private static boolean sameGroups(Candidate c, int from, int to, int len, char sep) {
        for (int w = from; w <= to; w++) {
            if (c.wordLength(w) != len || !c.isHex(w) || (w < to && c.joinerAfter(w) != sep)) {
                return false;
            }
        }
        return true;
    }

    private static void report(Candidate c, int first, int last, MatchCollector out) {
        char[] hex = new char[12];
        c.compact(first, last, hex);
        boolean allZero = true;
        boolean allF = true;
        for (char ch : hex) {
            allZero &= ch == '0';
            allF &= (ch | 0x20) == 'f';
        }
        if (allZero || allF) {
            return;
        }
        int octet0 = Character.digit(hex[0], 16) << 4 | Character.digit(hex[1], 16);
        int start = c.wordStart(first);
        int end = c.wordEnd(last);
        String prefix = new String(hex, 0, 10).toUpperCase(Locale.ROOT);
        if (prefix.equals("00005E0053")) {
            out.add(EntityType.MAC_ADDRESS, start, end, DOCUMENTATION, Validation.VALID, true,
                    "documentation range (RFC 7042)");
        } else if ((octet0 & 1) != 0) {
            out.add(EntityType.MAC_ADDRESS, start, end, MULTICAST, Validation.VALID, false,
                    "multicast group address, not a device");
        } else if ((octet0 & 2) != 0) {
            out.add(EntityType.MAC_ADDRESS, start, end, LOCAL, Validation.VALID, false,
                    "locally administered (possibly randomised)");
        } else {
            out.add(EntityType.MAC_ADDRESS, start, end, UNIVERSAL, Validation.VALID, false,
                    "universally administered (vendor OUI)");
        }
    }
}
