package org.piiscanner.scanner.cli;

import java.util.Locale;

/**
 * Makes text from files (names, previews, values) safe to print on a terminal: control characters, escape
 * sequences and bidirectional-override characters are shown as escapes instead of acting on the terminal.
 */
final class Printable {

    private Printable() {
    }

    static String of(String s) {
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            String escape = escape(c);
            if (escape != null && sb == null) {
                sb = new StringBuilder(s.length() + 8).append(s, 0, i);
            }
            if (sb != null) {
                sb.append(escape != null ? escape : String.valueOf(c));
            }
        }
        return sb == null ? s : sb.toString();
    }

    private static String escape(char c) {
        return switch (c) {
            case '\n' -> "\\n";
            case '\r' -> "\\r";
            case '\t' -> "\\t";
            default -> {
                boolean control = c < 0x20 || (c >= 0x7F && c <= 0x9F);
                boolean bidi = (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069');
                yield control || bidi ? String.format(Locale.ROOT, "\\u%04x", (int) c) : null;
            }
        };
    }
}
