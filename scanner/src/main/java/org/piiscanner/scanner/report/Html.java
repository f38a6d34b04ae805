package org.piiscanner.scanner.report;

/**
 * HTML escaping for text from files and databases, which can hold anything: markup characters are escaped (in
 * text and in attribute values alike), and control and bidirectional-override characters are shown as visible
 * escapes ({@code \u202e}) so that a path cannot disguise itself ({@code gpj.exe} read backwards) or break the
 * layout. Stateless.
 */
final class Html {

    private Html() {
    }

    /** {@code s} safe for HTML text and for double- or single-quoted attribute values; null is "". */
    static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                case '`' -> sb.append("&#96;");
                default -> {
                    boolean control = c < 0x20 || (c >= 0x7F && c <= 0x9F);
                    boolean bidi = (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069')
                            || c == '\u200E' || c == '\u200F' || c == '\u061C';
                    boolean unpaired = Character.isSurrogate(c) && !(Character.isHighSurrogate(c)
                            && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1)));
                    if (control || bidi || unpaired || c == '\u2028' || c == '\u2029') {
                        sb.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
                    } else if (Character.isHighSurrogate(c)) {
                        sb.append(c).append(s.charAt(++i));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.toString();
    }
}
