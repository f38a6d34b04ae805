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
 * Web and file-transfer URLs: {@code http}, {@code https}, {@code ftp}, {@code ftps}, {@code sftp}, {@code ws} and
 * {@code wss} URLs ({@code scheme://[user@]host[:port][/path][?query][#fragment]}) and URLs written without a scheme
 * from {@code www.}. The host must be a domain name whose top-level domain is in the IANA root zone, an IPv4 or
 * bracketed IPv6 literal, or {@code localhost}.
 *
 * <p>A URL ends at whitespace, a quote, {@code <}, {@code >} or a backquote; trailing {@code . , ; : ! ?} and an
 * unbalanced closing bracket are sentence punctuation, not part of it. URLs longer than 2048 characters are not
 * reported. Hosts reserved for examples and tests ({@code example.com}, {@code *.test}, {@code localhost}...) are
 * reported as test values. Other schemes ({@code mailto:}, {@code file:}, {@code git+ssh:}...) are not reported.
 *
 * <p>Unlike Presidio's {@code UrlRecognizer}, bare domain names ({@code microsoft.com}) are deliberately not
 * reported: without a scheme or {@code www.} they are indistinguishable from file names, package names and
 * sentence fragments, and a domain name alone is rarely personal data.
 *
 * <p>Findings of other detectors inside a URL (an e-mail address in a query, an IP address as host) are reported
 * too ({@link #allowsNestedFindings()}).
 */
public final class UrlDetector extends DeclaredDetector {

    static final ScoredPattern WITH_SCHEME = ScoredPattern.of("URL (scheme://host)", 0.6);
    static final ScoredPattern WWW = ScoredPattern.of("URL (www. host, no scheme)", 0.5);

    static final int MAX_LENGTH = 2048;
    /** Longest authority read: user information (64) + {@code @} + host name (253) + port, rounded up. */
    static final int MAX_AUTHORITY = 330;

    private static final ContextWords CONTEXT = ContextWords.of(List.of(
            "url", "uri", "link", "website", "web site", "web page", "webpage", "homepage", "home page", "href",
            "profile"));

    private static final String[] SCHEMES = {"http", "https", "ftp", "ftps", "sftp", "ws", "wss"};

    private static final int HOST_DOMAIN = 1;
    private static final int HOST_IPV4 = 2;
    private static final int HOST_IPV6 = 3;
    private static final int HOST_LOCALHOST = 4;







    public UrlDetector() {
        super("url", Set.of(EntityType.URL), List.of(WITH_SCHEME, WWW), CONTEXT, Set.of(Trigger.URL_SCHEME),
                CompoundFilter.ANY);
    }

    @Override
    public boolean allowsNestedFindings() {
        return true;
    }

    @Override
    public void scan(Candidate c, MatchCollector out) {
        char[] t = c.text();
        int n = c.length();
        int pos = c.position();
        int start;
        int authority;
        String scheme;
        if (t[pos] == ':') {
            start = pos;
            while (start > 0 && pos - start <= 5 && isAsciiLetter(t[start - 1])) {
                start--;
            }
            scheme = scheme(t, start, pos);
            char before = c.charAt(start - 1);
            if (scheme == null || Candidate.isAlnum(before) || before == '+' || before == '-' || before == '.') {
                return;
            }
            authority = pos + 3;
        } else {
            char before = c.charAt(pos - 1);
            if (before == '/' || before == '@' || before == '.') {
                return; // part of a URL already reported from its scheme, or of an e-mail address
            }
            start = pos;
            authority = pos;
            scheme = null;
        }

        // Authority first (bounded), so that junk after "://" is rejected before the path is read.
        int authorityEnd = authority;
        int authorityLimit = Math.min(n, authority + MAX_AUTHORITY + 1);
        while (authorityEnd < authorityLimit && !isTerminator(t[authorityEnd]) && t[authorityEnd] != '/'
                && t[authorityEnd] != '?' && t[authorityEnd] != '#') {
            authorityEnd++;
        }
        if (authorityEnd - authority > MAX_AUTHORITY) {
            return;
        }
        boolean hasPath = authorityEnd < n && !isTerminator(t[authorityEnd]);
        if (!hasPath) {
            authorityEnd = trimTrailing(t, authority, authorityEnd);
        }
        int hostStart = authority;
        if (scheme != null) {
            for (int i = authorityEnd - 1; i >= authority; i--) {
                if (t[i] == '@') {
                    hostStart = i + 1;
                    break;
                }
            }
        }
        int hostEnd;
        int host;
        if (hostStart < authorityEnd && t[hostStart] == '[') {
            hostEnd = hostStart + 1;
            while (hostEnd < authorityEnd && t[hostEnd] != ']') {
                hostEnd++;
            }
            if (hostEnd == authorityEnd || !isIpv6(t, hostStart + 1, hostEnd)) {
                return;
            }
            hostEnd++;
            host = HOST_IPV6;
        } else {
            hostEnd = hostStart;
            while (hostEnd < authorityEnd && t[hostEnd] != ':') {
                hostEnd++;
            }
            host = 0;
        }
        if (!isPort(t, hostEnd, authorityEnd)) {
            return;
        }
        boolean reserved = false;
        if (host == 0) {
            if (isIpv4(t, hostStart, hostEnd)) {
                host = HOST_IPV4;
            } else if (scheme != null && DomainNames.isLocalhost(t, hostStart, hostEnd)) {
                host = HOST_LOCALHOST;
                reserved = true;
            } else {
                int domain = DomainNames.check(t, hostStart, hostEnd, scheme != null ? 2 : 3);
                if (domain == DomainNames.INVALID) {
                    return;
                }
                host = HOST_DOMAIN;
                reserved = domain == DomainNames.RESERVED;
            }
        }
        int end = authorityEnd;
        if (hasPath) {
            int limit = Math.min(n, start + MAX_LENGTH + 1);
            while (end < limit && !isTerminator(t[end])) {
                end++;
            }
            if (end - start > MAX_LENGTH) {
                return;
            }
            end = trimTrailing(t, authorityEnd, end);
        }
        if (end - start > MAX_LENGTH) {
            return;
        }
        out.add(EntityType.URL, start, end, scheme != null ? WITH_SCHEME : WWW, Validation.VALID, reserved,
                note(scheme, host, reserved));
    }

    private static String note(String scheme, int host, boolean reserved) {
        String kind = switch (host) {
            case HOST_IPV4 -> "IPv4 host";
            case HOST_IPV6 -> "IPv6 host";
            case HOST_LOCALHOST -> "localhost";
            default -> reserved ? "reserved example domain" : "domain host";
        };
        return (scheme != null ? scheme : "www") + ", " + kind;
    }

    /** The allowed scheme spelled by {@code t[from, to)} (any case), or null. */
    private static String scheme(char[] t, int from, int to) {
        for (String s : SCHEMES) {
            if (to - from == s.length() && DomainNames.regionMatches(t, from, s)) {
                return s;
            }
        }
        return null;
    }

    private static boolean isAsciiLetter(char c) {
        return c < 128 && ((c | 32) >= 'a' && (c | 32) <= 'z');
    }

    private static boolean isTerminator(char c) {
        return c <= ' ' || c == '"' || c == '\'' || c == '<' || c == '>' || c == '`' || c == '\u007f'
                || (c >= 0x80 && (Character.isWhitespace(c) || Character.isSpaceChar(c) || isUnicodeQuote(c)));
    }

    private static boolean isUnicodeQuote(char c) {
        return c == '\u00ab' || c == '\u00bb' || (c >= '\u2018' && c <= '\u201f') || c == '\u2039'
                || c == '\u203a';
    }

    /** Drops trailing sentence punctuation and unbalanced closing brackets of {@code t[from, end)}. */
    private static int trimTrailing(char[] t, int from, int end) {
        int parens = 0;
        int brackets = 0;
        for (int i = from; i < end; i++) {
            char ch = t[i];
            if (ch == '(') {
                parens++;
            } else if (ch == ')') {
                parens--;
            } else if (ch == '[') {
                brackets++;
            } else if (ch == ']') {
                brackets--;
            }
        }
        while (end > from) {
            char last = t[end - 1];
            if (last == '.' || last == ',' || last == ';' || last == ':' || last == '!' || last == '?') {
                end--;
            } else if (last == ')' && parens < 0) {
                parens++;
                end--;
            } else if (last == ']' && brackets < 0) {
                brackets++;
                end--;
            } else {
                break;
            }
        }
        return end;
    }

    /** Empty (no port), or {@code :} followed by 1-5 digits with a value of at most 65535. */
    private static boolean isPort(char[] t, int from, int to) {
        if (from == to) {
            return true;
        }
        if (t[from] != ':' || to - from < 2 || to - from > 6) {
            return false;
        }
        int v = 0;
        for (int i = from + 1; i < to; i++) {
            if (!Candidate.isDigit(t[i])) {
                return false;
            }
            v = v * 10 + (t[i] - '0');
        }
        return v <= 65535;
    }

    /** Dotted-quad IPv4: four decimal parts of 1-3 digits, each at most 255. */
    static boolean isIpv4(char[] t, int from, int to) {
        int parts = 0;
        int i = from;
        while (parts < 4) {
            int v = 0;
            int digits = 0;
            while (i < to && Candidate.isDigit(t[i]) && digits < 4) {
                v = v * 10 + (t[i++] - '0');
                digits++;
            }
            if (digits == 0 || digits > 3 || v > 255) {
                return false;
            }
            parts++;
            if (parts < 4) {
                if (i >= to || t[i] != '.') {
                    return false;
                }
                i++;
            }
        }
        return i == to;
    }

    /**
     * An IPv6 address as written inside URL brackets (RFC 4291 text form): eight groups of 1-4 hex digits, or
     * fewer with one {@code ::}, optionally ending in a dotted-quad IPv4 address. Zone identifiers are not accepted.
     */
    static boolean isIpv6(char[] t, int from, int to) {
        if (to - from < 2 || to - from > 45) {
            return false;
        }
        int groups = 0;
        boolean compressed = false;
        int i = from;
        if (t[i] == ':') {
            if (t[i + 1] != ':') {
                return false;
            }
            compressed = true;
            i += 2;
            if (i == to) {
                return true;
            }
        }
        while (i < to) {
            int groupStart = i;
            while (i < to && isHex(t[i]) && i - groupStart < 5) {
                i++;
            }
            if (i < to && t[i] == '.') {
                if (groups > 6 || !isIpv4(t, groupStart, to)) {
                    return false;
                }
                groups += 2;
                i = to;
                break;
            }
            int len = i - groupStart;
            if (len == 0 || len > 4) {
                return false;
            }
            groups++;
            if (i == to) {
                break;
            }
            if (t[i] != ':') {
                return false;
            }
            i++;
            if (i < to && t[i] == ':') {
                if (compressed) {
                    return false;
                }
                compressed = true;
                i++;
                if (i == to) {
                    break;
                }
            } else if (i == to) {
                return false;
            }
        }
        return compressed ? groups < 8 : groups == 8;
    }

    private static boolean isHex(char c) {
        return Candidate.isDigit(c) || ((c | 32) >= 'a' && (c | 32) <= 'f');
    }
}
