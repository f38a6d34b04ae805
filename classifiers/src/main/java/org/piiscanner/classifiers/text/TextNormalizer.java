package org.piiscanner.classifiers.text;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.Map;

/**
 * Normalises text before detection (identifiers spec §0.1): NBSP, figure space, narrow NBSP and other space
 * separators become a plain space; U+2010..U+2015, U+2212 and other dashes become {@code -}; zero-width characters
 * (U+200B..U+200D, U+2060, U+FEFF) and the soft hyphen are dropped; every other character is replaced by its NFKC
 * compatibility form (full-width digits and letters become ASCII, ligatures are split).
 *
 * <p>NFKC is applied per code point (compatibility mapping), not across characters: canonical composition of
 * combining sequences does not matter to the detectors and would cost a pass over every text. Tabs are kept:
 * they separate cells in extracted tables, and joining cells would merge two numbers into one.
 *
 * <p>ASCII text is returned without any mapping work. Thread-safe.
 */
public final class TextNormalizer {

    private static final byte SAME = 0;
    private static final byte REPLACE = 1;
    private static final byte DROP = 2;
    private static final byte EXPAND = 3;

    private TextNormalizer() {
    }

    /** Normalises {@code text}. */
    public static NormalizedText normalize(CharSequence text) {
        int n = text.length();
        char[] buf = new char[n];
        if (text instanceof String s) {
            s.getChars(0, n, buf, 0);
        } else if (text instanceof StringBuilder sb) {
            sb.getChars(0, n, buf, 0);
        } else {
            for (int i = 0; i < n; i++) {
                buf[i] = text.charAt(i);
            }
        }
        return normalize(buf, n);
    }

    /** Normalises the first {@code n} characters of {@code buf}, which it may modify and keep. */
    public static NormalizedText normalize(char[] buf, int n) {
        int i = 0;
        while (i < n) {
            char c = buf[i];
            if (c >= 0x80) {
                byte kind = Table.KIND[c];
                if (kind == REPLACE) {
                    buf[i] = Table.REPLACEMENT[c];
                } else if (kind != SAME || Character.isSurrogate(c)) {
                    if (kind == SAME && !surrogatePairChanges(buf, i, n)) {
                        i++;
                        continue;
                    }
                    return remap(buf, n, i);
                }
            }
            i++;
        }
        return new NormalizedText(buf, n, null, null);
    }

    private static boolean surrogatePairChanges(char[] buf, int i, int n) {
        if (!Character.isHighSurrogate(buf[i]) || i + 1 >= n || !Character.isLowSurrogate(buf[i + 1])) {
            return false;
        }
        String pair = new String(buf, i, 2);
        return !Normalizer.isNormalized(pair, Normalizer.Form.NFKC);
    }

    /** Slow path from {@code from}: some characters are dropped or expanded, so offsets need a map. */
    private static NormalizedText remap(char[] src, int n, int from) {
        int cap = n + 16;
        char[] out = new char[cap];
        int[] start = new int[cap];
        int[] end = new int[cap];
        System.arraycopy(src, 0, out, 0, from);
        for (int k = 0; k < from; k++) {
            start[k] = k;
            end[k] = k + 1;
        }
        int o = from;
        int i = from;
        while (i < n) {
            char c = src[i];
            String expansion = null;
            int width = 1;
            char single = c;
            boolean drop = false;
            if (c >= 0x80) {
                if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(src[i + 1])) {
                    width = 2;
                    String pair = new String(src, i, 2);
                    String norm = Normalizer.normalize(pair, Normalizer.Form.NFKC);
                    expansion = norm;
                } else {
                    switch (Table.KIND[c]) {
                        case REPLACE -> single = Table.REPLACEMENT[c];
                        case DROP -> drop = true;
                        case EXPAND -> expansion = Table.EXPANSIONS.get(c);
                        default -> { }
                    }
                }
            }
            if (!drop) {
                int add = expansion == null ? 1 : expansion.length();
                if (o + add > cap) {
                    cap = Math.max(cap * 2, o + add);
                    out = java.util.Arrays.copyOf(out, cap);
                    start = java.util.Arrays.copyOf(start, cap);
                    end = java.util.Arrays.copyOf(end, cap);
                }
                if (expansion == null) {
                    out[o] = single;
                    start[o] = i;
                    end[o] = i + width;
                    o++;
                } else {
                    for (int k = 0; k < expansion.length(); k++) {
                        out[o] = expansion.charAt(k);
                        start[o] = i;
                        end[o] = i + width;
                        o++;
                    }
                }
            }
            i += width;
        }
        return new NormalizedText(out, o, start, end);
    }

    /** Per-character normalisation table for the Basic Multilingual Plane, built on first non-ASCII text. */
    private static final class Table {
        static final byte[] KIND = new byte[65536];
        static final char[] REPLACEMENT = new char[65536];
        static final Map<Character, String> EXPANSIONS = new HashMap<>();

        static {
            for (int c = 0x80; c < 65536; c++) {
                char ch = (char) c;
                if (Character.isSurrogate(ch)) {
                    continue;
                }
                if (c == 0x200B || c == 0x200C || c == 0x200D || c == 0x2060 || c == 0xFEFF || c == 0x00AD) {
                    KIND[c] = DROP;
                } else if ((c >= 0x2010 && c <= 0x2015) || c == 0x2212 || c == 0xFE58 || c == 0xFE63
                        || c == 0xFF0D) {
                    KIND[c] = REPLACE;
                    REPLACEMENT[c] = '-';
                } else if (Character.getType(ch) == Character.SPACE_SEPARATOR) {
                    KIND[c] = REPLACE;
                    REPLACEMENT[c] = ' ';
                } else {
                    String s = String.valueOf(ch);
                    String norm = Normalizer.normalize(s, Normalizer.Form.NFKC);
                    if (!norm.equals(s)) {
                        if (norm.length() == 1) {
                            KIND[c] = REPLACE;
                            REPLACEMENT[c] = norm.charAt(0);
                        } else {
                            KIND[c] = norm.isEmpty() ? DROP : EXPAND;
                            if (!norm.isEmpty()) {
                                EXPANSIONS.put(ch, norm);
                            }
                        }
                    }
                }
            }
        }
    }
}
