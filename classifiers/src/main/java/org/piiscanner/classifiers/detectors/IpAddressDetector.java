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
 * IPv4 and IPv6 addresses (identifiers spec §15): dotted quads without leading zeros and with an optional
 * {@code /0-32} prefix; IPv6 in full, compressed ({@code ::} once), IPv4-embedded, zone ({@code %eth0}) and prefix
 * ({@code /0-128}) forms, read by a bounded hand-written parser from the raw text.
 *
 * <p>Boundaries follow the spec regexes: an IPv4 address never starts after a {@code .} and never ends before
 * {@code .digit} (so {@code 1.2.3.4.5} and OIDs yield nothing); an IPv6 address never touches another {@code :},
 * {@code _} or word character (so {@code std::string}, {@code 2001:db8:::1} and MAC addresses yield nothing).
 * An IPv6 address must also contain a decimal digit, which keeps hex-letter scope operators ({@code a::b}) out.
 *
 * <p>Addresses are graded by range: documentation ranges are test values; private and unique-local addresses score
 * lower than public ones; loopback, unspecified, broadcast, link-local and multicast addresses score below the
 * default threshold and are reported only with context. IPv6 addresses that carry an IPv4 address (IPv4-mapped,
 * -translated, -compatible, NAT64 {@code 64:ff9b::/96}) are graded by that IPv4 address, under the IPv4 patterns.
 * Version-number words are negative context.
 *
 * <p>Immutable and thread-safe.
 */
public final class IpAddressDetector extends DeclaredDetector {

    private static final CompoundFilter FILTER = new CompoundFilter(1, CompoundFilter.DIGIT, CompoundFilter.DOT | CompoundFilter.COLON);

    static final ScoredPattern V4_PUBLIC = ScoredPattern.of("IPv4 (public)", 0.6);
    static final ScoredPattern V4_PRIVATE = ScoredPattern.of("IPv4 (private range)", 0.45);
    static final ScoredPattern V4_RESERVED = ScoredPattern.of("IPv4 (loopback/link-local/reserved, weak)", 0.3);
    static final ScoredPattern V4_DOCUMENTATION = ScoredPattern.of("IPv4 (documentation range)", 0.6);
    static final ScoredPattern V6_PUBLIC = ScoredPattern.of("IPv6 (global)", 0.6);
    static final ScoredPattern V6_PRIVATE = ScoredPattern.of("IPv6 (unique local)", 0.45);
    static final ScoredPattern V6_RESERVED = ScoredPattern.of("IPv6 (loopback/link-local/reserved, weak)", 0.3);
    static final ScoredPattern V6_DOCUMENTATION = ScoredPattern.of("IPv6 (documentation range)", 0.6);

    private static final ContextWords CONTEXT = new ContextWords(List.of(
            "ip", "ip address", "ipv4", "ipv6", "client ip", "client", "remote address", "remote_addr", "source ip",
            "x-forwarded-for", "src", "dst", "host", "logged in from", "connected from"),
            List.of("version", "ver", "v", "release", "build", "rev", "firmware", "sdk", "package", "oid", "snmp",
                    "mib"));

    /** Range classes, in the order of the pattern arrays below. */
    private static final int PUBLIC = 0;
    private static final int PRIVATE = 1;
    private static final int RESERVED = 2;
    private static final int DOCUMENTATION = 3;

    private static final ScoredPattern[] V4 = {V4_PUBLIC, V4_PRIVATE, V4_RESERVED, V4_DOCUMENTATION};
    private static final ScoredPattern[] V6 = {V6_PUBLIC, V6_PRIVATE, V6_RESERVED, V6_DOCUMENTATION};








    public IpAddressDetector() {
        super("ip_address", Set.of(EntityType.IP_ADDRESS), List.of(V4_PUBLIC, V4_PRIVATE, V4_RESERVED,
                V4_DOCUMENTATION, V6_PUBLIC, V6_PRIVATE, V6_RESERVED,
                V6_DOCUMENTATION), CONTEXT, Set.of(Trigger.COMPOUND), FILTER);
    }

    @Override
    public void scan(Candidate c, MatchCollector out) {
        int[] groups = null;
        int skipUntil = -1;
        for (int w = 0; w < c.wordCount(); w++) {
            int ws = c.wordStart(w);
            if (ws < skipUntil) {
                continue;
            }
            int v6Start = ipv6Start(c, w);
            if (v6Start >= 0) {
                if (groups == null) {
                    groups = new int[8];
                }
                int end = reportIpv6(c, v6Start, groups, out);
                if (end > 0) {
                    skipUntil = end;
                    continue;
                }
            }
            if (c.isDigits(w) && c.wordLength(w) <= 3 && c.charAt(c.wordEnd(w)) == '.' && c.charAt(ws - 1) != '.') {
                int end = reportIpv4(c, ws, out);
                if (end > 0) {
                    skipUntil = end;
                }
            }
        }
    }

    // ---------------------------------------------------------------- IPv4

    /** Parses and reports a dotted quad starting at {@code s}; returns the end of the match or -1. */
    private static int reportIpv4(Candidate c, int s, MatchCollector out) {
        long parsed = parseDottedQuad(c, s);
        if (parsed < 0) {
            return -1;
        }
        int end = (int) (parsed >>> 32);
        if (!ipv4BoundaryAt(c, end)) {
            return -1;
        }
        int prefixEnd = prefixEnd(c, end, 32);
        if (prefixEnd > 0 && ipv4BoundaryAt(c, prefixEnd)) {
            end = prefixEnd;
        }
        int address = (int) parsed;
        int range = classifyIpv4(address);
        out.add(EntityType.IP_ADDRESS, s, end, V4[range], Validation.VALID, range == DOCUMENTATION,
                ipv4Note(address));
        return end;
    }

    /** The spec's {@code (?![0-9A-Za-z]|\.[0-9])}. */
    private static boolean ipv4BoundaryAt(Candidate c, int i) {
        char ch = c.charAt(i);
        return !Candidate.isAlnum(ch) && !(ch == '.' && Candidate.isDigit(c.charAt(i + 1)));
    }

    /**
     * Reads four decimal octets (0-255, no leading zeros) joined by dots from {@code s}.
     *
     * @return {@code end << 32 | address}, or -1
     */
    private static long parseDottedQuad(Candidate c, int s) {
        int i = s;
        int address = 0;
        for (int octet = 0; octet < 4; octet++) {
            if (octet > 0) {
                if (c.charAt(i) != '.') {
                    return -1;
                }
                i++;
            }
            int start = i;
            int value = 0;
            while (i - start < 3 && Candidate.isDigit(c.charAt(i))) {
                value = value * 10 + (c.charAt(i) - '0');
                i++;
            }
            int len = i - start;
            if (len == 0 || Candidate.isDigit(c.charAt(i)) || (len > 1 && c.charAt(start) == '0') || value > 255) {
                return -1;
            }
            address = address << 8 | value;
        }
        return (long) i << 32 | (address & 0xFFFFFFFFL);
    }

    private static int classifyIpv4(int a) {
        int b0 = a >>> 24;
        int b1 = (a >>> 16) & 0xFF;
        int b2 = (a >>> 8) & 0xFF;
        if ((b0 == 192 && b1 == 0 && b2 == 2) || (b0 == 198 && b1 == 51 && b2 == 100)
                || (b0 == 203 && b1 == 0 && b2 == 113)) {
            return DOCUMENTATION;
        }
        if (b0 == 10 || (b0 == 172 && b1 >= 16 && b1 <= 31) || (b0 == 192 && b1 == 168)) {
            return PRIVATE;
        }
        if (b0 == 0 || b0 == 127 || (b0 == 169 && b1 == 254) || b0 >= 224) {
            return RESERVED;
        }
        return PUBLIC;
    }

    private static String ipv4Note(int a) {
        int b0 = a >>> 24;
        int b1 = (a >>> 16) & 0xFF;
        return switch (classifyIpv4(a)) {
            case DOCUMENTATION -> "IPv4 documentation range (RFC 5737)";
            case PRIVATE -> "IPv4 private range (RFC 1918)";
            case RESERVED -> b0 == 0 ? "IPv4 unspecified / this network"
                    : b0 == 127 ? "IPv4 loopback"
                    : b0 == 169 && b1 == 254 ? "IPv4 link-local"
                    : a == -1 ? "IPv4 broadcast"
                    : b0 < 240 ? "IPv4 multicast" : "IPv4 reserved (240/4)";
            default -> "";
        };
    }

    // ---------------------------------------------------------------- IPv6

    /**
     * Where an IPv6 address starting with word {@code w} would begin (the word, or a {@code ::} just before the
     * compound), or -1 if the word cannot start one: the spec's {@code (?<![0-9A-Za-z_:.])} boundary plus a cheap
     * shape check (a hex word of at most four digits with a colon before or after it).
     */
    private static int ipv6Start(Candidate c, int w) {
        if (!c.isHex(w) || c.wordLength(w) > 4) {
            return -1;
        }
        int ws = c.wordStart(w);
        char before = c.charAt(ws - 1);
        if (before == ':') {
            if (c.charAt(ws - 2) != ':' || !ipv6FreeBefore(c.charAt(ws - 3))) {
                return -1;
            }
            return ws - 2;
        }
        if (!ipv6FreeBefore(before) || c.charAt(c.wordEnd(w)) != ':') {
            return -1;
        }
        return ws;
    }

    private static boolean ipv6FreeBefore(char ch) {
        return !Candidate.isAlnum(ch) && ch != '_' && ch != ':' && ch != '.';
    }

    /** The spec's {@code (?![0-9A-Za-z_:]|\.[0-9])}. */
    private static boolean ipv6BoundaryAt(Candidate c, int i) {
        char ch = c.charAt(i);
        return !Candidate.isAlnum(ch) && ch != '_' && ch != ':' && !(ch == '.' && Candidate.isDigit(c.charAt(i + 1)));
    }

    /** Parses and reports an IPv6 address starting at {@code s}; returns the end of the match or -1. */
    private static int reportIpv6(Candidate c, int s, int[] groups, MatchCollector out) {
        int addressEnd = parseIpv6(c, s, groups);
        if (addressEnd < 0 || !containsDigit(c, s, addressEnd)) {
            return -1;
        }
        int end = -1;
        if (c.charAt(addressEnd) == '%') {
            int k = addressEnd + 1;
            while (k - addressEnd <= 16 && Candidate.isAlnum(c.charAt(k))) {
                k++;
            }
            int zoneLength = k - addressEnd - 1;
            if (zoneLength >= 1 && zoneLength <= 15) {
                end = ipv6End(c, k);
            }
        }
        if (end < 0) {
            end = ipv6End(c, addressEnd);
        }
        if (end < 0) {
            return -1;
        }
        if (embedsIpv4(groups)) {
            int v4 = groups[6] << 16 | groups[7];
            int range = classifyIpv4(v4);
            String note = ipv4Note(v4);
            out.add(EntityType.IP_ADDRESS, s, end, V4[range], Validation.VALID, range == DOCUMENTATION,
                    note.isEmpty() ? "IPv4 in IPv6 notation" : "IPv4 in IPv6 notation; " + note);
        } else {
            int range = classifyIpv6(groups);
            out.add(EntityType.IP_ADDRESS, s, end, V6[range], Validation.VALID, range == DOCUMENTATION,
                    ipv6Note(groups, range));
        }
        return end;
    }

    /** The end of an address ending at {@code i}, with its {@code /prefix} if it has a valid one; -1 if none. */
    private static int ipv6End(Candidate c, int i) {
        int prefixEnd = prefixEnd(c, i, 128);
        if (prefixEnd > 0 && ipv6BoundaryAt(c, prefixEnd)) {
            return prefixEnd;
        }
        return ipv6BoundaryAt(c, i) ? i : -1;
    }

    /**
     * Parses the address proper (no zone, no prefix) starting at {@code s} into eight 16-bit groups.
     *
     * @return the end index, or -1 if the text there is not a valid IPv6 address (more than one {@code ::},
     *     {@code :::}, a group over four hex digits, a wrong number of groups, a bad embedded IPv4)
     */
    private static int parseIpv6(Candidate c, int s, int[] groups) {
        int i = s;
        int n = 0;
        int gap = -1;
        int gapEnd = -1;
        if (c.charAt(i) == ':') {
            if (c.charAt(i + 1) != ':' || c.charAt(i + 2) == ':') {
                return -1;
            }
            gap = 0;
            i += 2;
            gapEnd = i;
        }
        while (true) {
            int j = i;
            int value = 0;
            int digit;
            while (j - i < 5 && (digit = hexValue(c.charAt(j))) >= 0) {
                value = value << 4 | digit;
                j++;
            }
            int len = j - i;
            if (len == 0) {
                if (i == gapEnd) {
                    break;
                }
                return -1;
            }
            if (len > 4) {
                return -1;
            }
            char next = c.charAt(j);
            if (next == '.' && Candidate.isDigit(c.charAt(j + 1))) {
                if (n > 6) {
                    return -1;
                }
                long v4 = parseDottedQuad(c, i);
                if (v4 < 0) {
                    return -1;
                }
                groups[n++] = (int) (v4 >>> 16) & 0xFFFF;
                groups[n++] = (int) v4 & 0xFFFF;
                i = (int) (v4 >>> 32);
                break;
            }
            if (n == 8) {
                return -1;
            }
            groups[n++] = value;
            i = j;
            if (next != ':') {
                break;
            }
            if (c.charAt(i + 1) == ':') {
                if (gap >= 0 || c.charAt(i + 2) == ':') {
                    return -1;
                }
                gap = n;
                i += 2;
                gapEnd = i;
            } else {
                i++;
            }
        }
        if (gap < 0 ? n != 8 : n > 7) {
            return -1;
        }
        if (gap >= 0) {
            int tail = n - gap;
            System.arraycopy(groups, gap, groups, 8 - tail, tail);
            for (int k = gap; k < 8 - tail; k++) {
                groups[k] = 0;
            }
        }
        return i;
    }

    private static int hexValue(char ch) {
        if (ch >= '0' && ch <= '9') {
            return ch - '0';
        }
        char lower = (char) (ch | 0x20);
        return lower >= 'a' && lower <= 'f' ? lower - 'a' + 10 : -1;
    }

    private static boolean containsDigit(Candidate c, int from, int to) {
        for (int i = from; i < to; i++) {
            if (Candidate.isDigit(c.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /**
     * IPv4-mapped ({@code ::ffff:0:0/96}), IPv4-translated ({@code ::ffff:0:0:0/96}), IPv4-compatible
     * ({@code ::/96} except {@code ::} and {@code ::1}) or NAT64 ({@code 64:ff9b::/96}).
     */
    private static boolean embedsIpv4(int[] g) {
        if (g[0] == 0 && g[1] == 0 && g[2] == 0 && g[3] == 0 && g[4] == 0xFFFF && g[5] == 0) {
            return true;
        }
        boolean zero80 = g[0] == 0 && g[1] == 0 && g[2] == 0 && g[3] == 0 && g[4] == 0;
        if (zero80 && g[5] == 0xFFFF) {
            return true;
        }
        if (zero80 && g[5] == 0) {
            return g[6] != 0 || g[7] > 1;
        }
        return g[0] == 0x64 && g[1] == 0xFF9B && g[2] == 0 && g[3] == 0 && g[4] == 0 && g[5] == 0;
    }

    private static int classifyIpv6(int[] g) {
        if ((g[0] == 0x2001 && g[1] == 0x0DB8) || (g[0] == 0x3FFF && g[1] < 0x1000)) {
            return DOCUMENTATION;
        }
        if ((g[0] & 0xFE00) == 0xFC00) {
            return PRIVATE;
        }
        if ((g[0] & 0xFFC0) == 0xFE80 || (g[0] & 0xFF00) == 0xFF00 || isZeroUpTo7(g)) {
            return RESERVED;
        }
        return PUBLIC;
    }

    /** {@code ::} or {@code ::1}. */
    private static boolean isZeroUpTo7(int[] g) {
        for (int k = 0; k < 7; k++) {
            if (g[k] != 0) {
                return false;
            }
        }
        return g[7] <= 1;
    }

    private static String ipv6Note(int[] g, int range) {
        return switch (range) {
            case DOCUMENTATION -> g[0] == 0x2001 ? "IPv6 documentation prefix (RFC 3849)"
                    : "IPv6 documentation prefix (RFC 9637)";
            case PRIVATE -> "IPv6 unique local address (fc00::/7)";
            case RESERVED -> (g[0] & 0xFFC0) == 0xFE80 ? "IPv6 link-local"
                    : (g[0] & 0xFF00) == 0xFF00 ? "IPv6 multicast"
                    : g[7] == 1 ? "IPv6 loopback" : "IPv6 unspecified";
            default -> "";
        };
    }

    // ---------------------------------------------------------------- shared

    /**
     * The end of a {@code /n} prefix length at {@code i} (0 &lt;= n &lt;= max, no leading zeros), or -1. The caller
     * checks the boundary after it.
     */
    private static int prefixEnd(Candidate c, int i, int max) {
        if (c.charAt(i) != '/') {
            return -1;
        }
        int start = i + 1;
        int k = start;
        int value = 0;
        while (k - start < 3 && Candidate.isDigit(c.charAt(k))) {
            value = value * 10 + (c.charAt(k) - '0');
            k++;
        }
        int len = k - start;
        if (len == 0 || Candidate.isDigit(c.charAt(k)) || (len > 1 && c.charAt(start) == '0') || value > max) {
            return -1;
        }
        return k;
    }
}
