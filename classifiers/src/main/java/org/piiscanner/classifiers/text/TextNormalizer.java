package org.piiscanner.classifiers.text;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReferenceArray;

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
                byte kind = Table.kind(c);
                if (kind == REPLACE) {
                    buf[i] = Table.replacement(c);
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
                    switch (Table.kind(c)) {
                        case REPLACE -> single = Table.replacement(c);
                        case DROP -> drop = true;
                        case EXPAND -> expansion = Table.expansion(c);
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

    /**
     * Per-character normalisation table for the Basic Multilingual Plane, built lazily one 256-character block at a
     * time (a block is immutable once published, so racing threads at worst build it twice).
     */
    private static final class Table {
        private static final AtomicReferenceArray<Block> BLOCKS = new AtomicReferenceArray<>(256);

        private record Block(byte[] kind, char[] replacement, Map<Character, String> expansions) {
        }

        private static Block block(char c) {
            int b = c >>> 8;
            Block block = BLOCKS.get(b);
            if (block == null) {
                block = build(b);
                BLOCKS.compareAndSet(b, null, block);
            }
            return block;
        }

        static byte kind(char c) {
            return block(c).kind[c & 0xFF];
        }

        static char replacement(char c) {
            return block(c).replacement[c & 0xFF];
        }

        static String expansion(char c) {
            return block(c).expansions.get(c);
        }

        private static Block build(int b) {
            byte[] kind = new byte[256];
            char[] replacement = new char[256];
            Map<Character, String> expansions = new HashMap<>();
            for (int i = 0; i < 256; i++) {
                int c = (b << 8) | i;
                char ch = (char) c;
                if (c < 0x80 || Character.isSurrogate(ch)) {
                    continue;
                }
                if (c == 0x200B || c == 0x200C || c == 0x200D || c == 0x2060 || c == 0xFEFF || c == 0x00AD) {
                    kind[i] = DROP;
                } else if ((c >= 0x2010 && c <= 0x2015) || c == 0x2212 || c == 0xFE58 || c == 0xFE63
                        || c == 0xFF0D) {
                    kind[i] = REPLACE;
                    replacement[i] = '-';
                } else if (Character.getType(ch) == Character.SPACE_SEPARATOR) {
                    kind[i] = REPLACE;
                    replacement[i] = ' ';
                } else {
                    String one = String.valueOf(ch);
                    String norm = Normalizer.normalize(one, Normalizer.Form.NFKC);
                    if (!norm.equals(one)) {
                        if (norm.length() == 1) {
                            kind[i] = REPLACE;
                            replacement[i] = norm.charAt(0);
                        } else if (norm.isEmpty()) {
                            kind[i] = DROP;
                        } else {
                            kind[i] = EXPAND;
                            expansions.put(ch, norm);
                        }
                    }
                }
            }
            return new Block(kind, replacement, Map.copyOf(expansions));
        }
    }
}
