package org.piiscanner.classifiers.detectors;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The given and family name lists ({@code org/piiscanner/classifiers/names/first.txt} and {@code last.txt}: US
 * Social Security given names and US Census 1990 surnames, public domain) minus the words that are more often
 * English words or places ({@code name-anchor-stop-given.txt}, {@code name-anchor-stop-family.txt}), as a compact
 * hash table looked up without allocation.
 *
 * <p>Words are keyed by a 64-bit hash of their lower-cased ASCII letters (a false hit needs a 64-bit collision).
 * Loaded once, on first use; immutable and thread-safe.
 */
final class NameDirectory {

    private static final byte GIVEN = 1;
    private static final byte FAMILY = 2;
    private static final byte COMMON_GIVEN = 4;
    private static final byte COMMON_FAMILY = 8;
    private static final int MAX_LENGTH = 24;

    private final long[] keys;
    private final byte[] flags;
    private final int mask;

    private NameDirectory(int capacity) {
        int size = Integer.highestOneBit(Math.max(16, capacity * 2 - 1)) << 1;
        this.keys = new long[size];
        this.flags = new byte[size];
        this.mask = size - 1;
    }

    /** The shared directory (loads the lists on first call). */
    static NameDirectory get() {
        return Holder.INSTANCE;
    }

    private static final class Holder {
        static final NameDirectory INSTANCE = load();
    }

    private static NameDirectory load() {
        NameDirectory d = new NameDirectory(11_483 + 88_799 + 3_000);
        d.read("/org/piiscanner/classifiers/names/first.txt", GIVEN);
        d.read("/org/piiscanner/classifiers/names/last.txt", FAMILY);
        d.read("/org/piiscanner/classifiers/detectors/name-anchor-stop-given.txt", COMMON_GIVEN);
        d.read("/org/piiscanner/classifiers/detectors/name-anchor-stop-family.txt", COMMON_FAMILY);
        return d;
    }

    private void read(String resource, byte flag) {
        try (InputStream in = NameDirectory.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                String w = line.strip();
                if (w.isEmpty() || w.startsWith("#")) {
                    continue;
                }
                char[] c = w.toCharArray();
                long h = hash(c, 0, c.length);
                if (h != 0) {
                    int slot = slot(h);
                    keys[slot] = h;
                    flags[slot] |= flag;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    /** The slot holding {@code h}, or the empty slot where it belongs (linear probing; the table is half empty). */
    private int slot(long h) {
        int i = (int) (h ^ (h >>> 32)) & mask;
        while (keys[i] != 0 && keys[i] != h) {
            i = (i + 1) & mask;
        }
        return i;
    }

    private byte flagsOf(char[] t, int start, int end) {
        long h = hash(t, start, end);
        if (h == 0) {
            return 0;
        }
        int i = slot(h);
        return keys[i] == h ? flags[i] : 0;
    }

    /** True if {@code t[start, end)} is a given name that is not also a common word. */
    boolean isGivenName(char[] t, int start, int end) {
        return (flagsOf(t, start, end) & (GIVEN | COMMON_GIVEN)) == GIVEN;
    }

    /** True if {@code t[start, end)} is on the given-name list at all (common words included). */
    boolean isListedGivenName(char[] t, int start, int end) {
        return (flagsOf(t, start, end) & GIVEN) != 0;
    }

    /** True if {@code t[start, end)} is a family name that is not also a common word. */
    boolean isFamilyName(char[] t, int start, int end) {
        return (flagsOf(t, start, end) & (FAMILY | COMMON_FAMILY)) == FAMILY;
    }

    /** FNV-1a over the lower-cased ASCII letters; 0 for words that are too long or hold other characters. */
    private static long hash(char[] t, int start, int end) {
        if (end - start > MAX_LENGTH || end <= start) {
            return 0;
        }
        long h = 0xcbf29ce484222325L;
        for (int i = start; i < end; i++) {
            char c = t[i];
            if (c >= 'A' && c <= 'Z') {
                c += 32;
            } else if (c < 'a' || c > 'z') {
                return 0;
            }
            h = (h ^ c) * 0x100000001b3L;
        }
        return h == 0 ? 1 : h;
    }
}
