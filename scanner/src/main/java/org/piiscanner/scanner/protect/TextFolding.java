package org.piiscanner.scanner.protect;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Case and accent folding shared by name normalisation and word tokens, so that a name typed in a search and the
 * same name inside a document fold to the same string. Stateless and thread-safe.
 *
 * <p>Folding is NFKD (canonical and compatibility decomposition: accents split off, ligatures and full-width forms
 * expanded), combining marks removed, a few letters that have no decomposition mapped by hand ({@code ø -> o},
 * {@code ł -> l}, {@code æ -> ae}, {@code œ -> oe}, {@code đ, ð -> d}, {@code þ -> th}, {@code ı -> i}), then full
 * case folding ({@code ß -> ss}) by upper- then lower-casing in the root locale.
 */
final class TextFolding {

    private TextFolding() {
    }

    /** The folded form of {@code s}; ASCII input only has its letters lower-cased. */
    static String fold(String s) {
        if (isAscii(s)) {
            return s.toLowerCase(Locale.ROOT);
        }
        String decomposed = Normalizer.normalize(s, Normalizer.Form.NFKD);
        StringBuilder sb = new StringBuilder(decomposed.length());
        for (int i = 0; i < decomposed.length(); ) {
            int cp = decomposed.codePointAt(i);
            i += Character.charCount(cp);
            if (isMark(cp)) {
                continue;
            }
            switch (cp) {
                case 'ø', 'Ø' -> sb.append('o');
                case 'ł', 'Ł' -> sb.append('l');
                case 'æ', 'Æ' -> sb.append("ae");
                case 'œ', 'Œ' -> sb.append("oe");
                case 'đ', 'Đ', 'ð', 'Ð' -> sb.append('d');
                case 'þ', 'Þ' -> sb.append("th");
                case 'ı' -> sb.append('i');
                default -> sb.appendCodePoint(cp);
            }
        }
        String folded = sb.toString();
        return isAscii(folded) ? folded.toLowerCase(Locale.ROOT)
                : folded.toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
    }

    /** True for combining marks (non-spacing, spacing and enclosing): they belong to the letter before them. */
    static boolean isMark(int cp) {
        int type = Character.getType(cp);
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK;
    }

    static boolean isAscii(CharSequence s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }
}
