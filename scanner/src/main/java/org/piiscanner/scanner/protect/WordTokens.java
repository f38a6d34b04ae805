package org.piiscanner.scanner.protect;

import java.util.HashSet;
import java.util.Set;

/**
 * Splits a text into its distinct folded word tokens: maximal runs of letters and digits (combining marks stay
 * with their letter), folded like names ({@link TextFolding}). Every other character, apostrophes and hyphens
 * included, separates tokens, exactly as {@link ValueNormalizer#personName} splits names, so a name token and the
 * same word in a text fold alike. Tokens longer than {@value #MAX_TOKEN_LENGTH} characters (base64 blobs, hashes)
 * are dropped. Stateless and thread-safe.
 */
final class WordTokens {

    /** Longer letter-digit runs are not words anyone searches for. */
    static final int MAX_TOKEN_LENGTH = 64;

    private WordTokens() {
    }

    /** The distinct folded tokens of {@code text}. */
    static Set<String> distinct(CharSequence text) {
        Set<String> tokens = new HashSet<>();
        char[] buf = new char[MAX_TOKEN_LENGTH];
        int n = text.length();
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            if (c < 0x80) {
                if (!isAsciiWordChar(c)) {
                    i++;
                    continue;
                }
            } else if (!isWordCodePoint(Character.codePointAt(text, i))) {
                i += Character.charCount(Character.codePointAt(text, i));
                continue;
            }
            // a token starts at i: copy ASCII lower-cased; on the first non-ASCII character fall back to folding
            int start = i;
            int len = 0;
            boolean ascii = true;
            while (i < n) {
                char d = text.charAt(i);
                if (d < 0x80) {
                    if (!isAsciiWordChar(d)) {
                        break;
                    }
                    if (len < MAX_TOKEN_LENGTH) {
                        buf[len] = d >= 'A' && d <= 'Z' ? (char) (d + 32) : d;
                    }
                    len++;
                    i++;
                } else {
                    int cp = Character.codePointAt(text, i);
                    if (!isWordCodePoint(cp)) {
                        break;
                    }
                    ascii = false;
                    len += Character.charCount(cp);
                    i += Character.charCount(cp);
                }
            }
            if (ascii) {
                if (len <= MAX_TOKEN_LENGTH) {
                    tokens.add(new String(buf, 0, len));
                }
            } else if (i - start <= MAX_TOKEN_LENGTH * 2) {
                String folded = TextFolding.fold(text.subSequence(start, i).toString());
                // folding can introduce separators (compatibility forms): split again
                for (String t : ValueNormalizer.nameTokens(folded)) {
                    if (t.length() <= MAX_TOKEN_LENGTH) {
                        tokens.add(t);
                    }
                }
            }
        }
        return tokens;
    }

    private static boolean isAsciiWordChar(char c) {
        return c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c >= 'A' && c <= 'Z';
    }

    private static boolean isWordCodePoint(int cp) {
        return Character.isLetterOrDigit(cp) || TextFolding.isMark(cp);
    }
}
