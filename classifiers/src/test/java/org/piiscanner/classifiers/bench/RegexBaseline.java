package org.piiscanner.classifiers.bench;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The "plain regex scan" baseline of the performance target: ONE {@code java.util.regex} alternation of the
 * identifiers spec's candidate patterns (email, payment card, IBAN, NINO, IPv4, SSN, UK phone candidate, NHS,
 * postcode, MAC), run with {@code find()} over the whole text. It only finds candidates (no checksum, no
 * libphonenumber), so it is an upper bound on what a regex-first scanner can reach.
 *
 * <p>The performance notes measured such an alternation at about 6.5 MB/s on these machines. Immutable and
 * thread-safe (a {@link Matcher} is created per call).
 */
public final class RegexBaseline {

    /** The spec's candidate patterns by entity type, verbatim (identifiers spec §1, 2, 4, 9, 11-16). */
    public static final Map<String, String> PATTERNS = patterns();

    private final Pattern combined;

    public RegexBaseline() {
        StringBuilder sb = new StringBuilder();
        for (String p : PATTERNS.values()) {
            if (!sb.isEmpty()) {
                sb.append('|');
            }
            sb.append("(?:").append(p).append(')');
        }
        combined = Pattern.compile(sb.toString());
    }

    private static Map<String, String> patterns() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("EMAIL_ADDRESS", "(?<![A-Za-z0-9._%+-])[A-Za-z0-9](?:[A-Za-z0-9._%+-]{0,62}[A-Za-z0-9_%+-])?@"
                + "(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+(?:[A-Za-z]{2,63}|xn--[A-Za-z0-9-]{1,59})"
                + "(?![A-Za-z0-9-])");
        m.put("CREDIT_CARD", "(?<![A-Za-z0-9])(?<![0-9][ -])[1-9][0-9]{3}(?:[ -]?[0-9]){9,15}(?![A-Za-z0-9])"
                + "(?![ -][0-9])");
        m.put("IBAN_CODE", "(?<![A-Za-z0-9])[A-Z]{2}[0-9]{2}(?: ?[A-Z0-9]){11,30}(?![A-Za-z0-9])");
        m.put("UK_NINO", "(?<![A-Za-z0-9])(?!BG|GB|KN|NK|NT|TN|ZZ)[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z][ -]?"
                + "[0-9]{2}[ -]?[0-9]{2}[ -]?[0-9]{2}[ -]?[A-D](?![A-Za-z0-9])");
        m.put("IP_ADDRESS", "(?<![0-9A-Za-z.])(?:(?:25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])\\.){3}"
                + "(?:25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])(?:/(?:3[0-2]|[12]?[0-9]))?"
                + "(?![0-9A-Za-z]|\\.[0-9])");
        m.put("US_SSN", "(?<![A-Za-z0-9])(?<![0-9][ -])(?!000|666|9[0-9]{2})[0-9]{3}"
                + "(?:-(?!00)[0-9]{2}-(?!0000)[0-9]{4}| (?!00)[0-9]{2} (?!0000)[0-9]{4}|(?!00)[0-9]{2}(?!0000)[0-9]{4})"
                + "(?![A-Za-z0-9])(?![ -][0-9])");
        m.put("PHONE_NUMBER", "(?<![0-9A-Za-z+])(?:(?:\\+|00)44[ -]?(?:\\(0\\)[ -]?)?|\\(?0)[1-9]"
                + "(?:(?:[ -]|\\) ?)?[0-9]){6,9}(?![0-9A-Za-z])");
        m.put("UK_NHS", "(?<![A-Za-z0-9])(?<![0-9][ -])(?:[0-9]{10}|[0-9]{3} [0-9]{3} [0-9]{4}"
                + "|[0-9]{3}-[0-9]{3}-[0-9]{4})(?![A-Za-z0-9])(?![ -][0-9])");
        m.put("UK_POSTCODE", "(?<![A-Za-z0-9])(?:GIR ?0AA|(?:[A-PR-UWYZ][0-9][0-9A-HJKPSTUW]?"
                + "|[A-PR-UWYZ][A-HK-Y][0-9][0-9ABEHMNPRVWXY]?) ?[0-9][ABD-HJLNP-UW-Z]{2})(?![A-Za-z0-9])");
        m.put("MAC_ADDRESS", "(?<![0-9A-Fa-f:.-])(?:[0-9A-Fa-f]{2}:){5}[0-9A-Fa-f]{2}(?![0-9A-Fa-f:-])"
                + "|(?<![0-9A-Fa-f:.-])(?:[0-9A-Fa-f]{2}-){5}[0-9A-Fa-f]{2}(?![0-9A-Fa-f:-])"
                + "|(?<![0-9A-Fa-f.])[0-9A-Fa-f]{4}\\.[0-9A-Fa-f]{4}\\.[0-9A-Fa-f]{4}(?![0-9A-Fa-f.])");
        return java.util.Collections.unmodifiableMap(m);
    }

    /** The combined alternation. */
    public Pattern pattern() {
        return combined;
    }

    /** Number of (non-overlapping, leftmost) matches of the alternation in {@code text}. */
    public int count(CharSequence text) {
        Matcher m = combined.matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
