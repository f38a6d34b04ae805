package org.piiscanner.classifiers.text;

import org.piiscanner.classifiers.EntityType;

/**
 * Builds masked previews: enough of a value to recognise its kind, never enough to recover it.
 *
 * <p>Separators are kept; of the letters and digits, at most a quarter are shown (at most four at each end), the
 * rest become {@code *}. E-mail addresses keep the first character of the mailbox and the top-level domain. IP
 * addresses keep only their leading quarter: their tail could itself read as an address ({@code 8::1}).
 *
 * <p>A preview must never contain a detectable identifier: stored previews are scanned by nobody, but reports and
 * README tables are.
 */
public final class Masking {

    private Masking() {
    }

    /** The masked preview of {@code value}, a value of type {@code type}. */
    public static String preview(EntityType type, String value) {
        if (type == EntityType.EMAIL_ADDRESS) {
            int at = value.lastIndexOf('@');
            int dot = value.lastIndexOf('.');
            if (at > 0 && dot > at) {
                return value.charAt(0) + "***@***" + value.substring(dot);
            }
        }
        if (type == EntityType.IP_ADDRESS) {
            return mask(value, true);
        }
        return maskMiddle(value);
    }

    /** Masks all but the first and last quarter (at most four each) of the letters and digits of {@code value}. */
    public static String maskMiddle(String value) {
        return mask(value, false);
    }

    private static String mask(String value, boolean headOnly) {
        int alnum = 0;
        for (int i = 0; i < value.length(); i++) {
            if (Character.isLetterOrDigit(value.charAt(i))) {
                alnum++;
            }
        }
        int keep = Math.min(4, alnum / 4);
        StringBuilder sb = new StringBuilder(value.length());
        int seen = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                boolean show = seen < keep || (!headOnly && seen >= alnum - keep);
                sb.append(show ? c : '*');
                seen++;
            } else if (Character.isWhitespace(c)) {
                sb.append(' ');
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
