package org.piiscanner.classifiers.names;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The public-domain given-name and surname lists (US SSA given names with at least 1,000 births, US Census 1990
 * surnames) bundled as resources, looked up by word regardless of case.
 *
 * <p>Used twice: as dictionary features of the name-finder model ({@link NameListFeatureGeneratorFactory}) and by the
 * business-document rules ({@link NameRules}). The lists lean American, so a miss never vetoes a name; a hit is
 * evidence. Immutable and thread-safe; load once with {@link #get()}.
 */
public final class NameLists {

    /** Bit for "is a given name". */
    public static final int GIVEN = 1;
    /** Bit for "is a surname". */
    public static final int SURNAME = 2;
    /** Bit for "is among the 1,000 most frequent given names". */
    public static final int COMMON_GIVEN = 4;
    /** Bit for "is among the 5,000 most frequent surnames". */
    public static final int COMMON_SURNAME = 8;

    private static final String FOLDER = "/org/piiscanner/classifiers/names/";

    private static final class Holder {
        static final NameLists INSTANCE = load();
    }

    private final Map<String, Integer> flags;

    private NameLists(Map<String, Integer> flags) {
        this.flags = flags;
    }

    /** The bundled lists (loaded on first use). */
    public static NameLists get() {
        return Holder.INSTANCE;
    }

    private static NameLists load() {
        Map<String, Integer> flags = new HashMap<>(200_000);
        read("first.txt", GIVEN, COMMON_GIVEN, 1_000, flags);
        read("last.txt", SURNAME, COMMON_SURNAME, 5_000, flags);
        return new NameLists(flags);
    }

    private static void read(String file, int bit, int commonBit, int commonRank, Map<String, Integer> flags) {
        try (InputStream in = NameLists.class.getResourceAsStream(FOLDER + file)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + FOLDER + file);
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            int rank = 0;
            while ((line = r.readLine()) != null) {
                String name = line.trim();
                if (name.isEmpty()) {
                    continue;
                }
                int b = bit | (rank++ < commonRank ? commonBit : 0);
                flags.merge(name.toLowerCase(Locale.ROOT), b, (x, y) -> x | y);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The list bits ({@link #GIVEN}, {@link #SURNAME}, ...) of a word, compared case-insensitively; 0 if none. */
    public int flags(String word) {
        Integer f = flags.get(word.toLowerCase(Locale.ROOT));
        return f == null ? 0 : f;
    }

    /** The list bits of {@code text[start, end)}, compared case-insensitively; 0 if none. */
    public int flags(char[] text, int start, int end) {
        if (end - start < 2 || end - start > 20) {
            return 0;
        }
        char[] lower = new char[end - start];
        for (int i = start; i < end; i++) {
            char c = text[i];
            lower[i - start] = c >= 'A' && c <= 'Z' ? (char) (c + 32) : Character.toLowerCase(c);
        }
        Integer f = flags.get(new String(lower));
        return f == null ? 0 : f;
    }

    /** True if the word is on the given-name list. */
    public boolean isGiven(String word) {
        return (flags(word) & GIVEN) != 0;
    }

    /** True if the word is on the surname list. */
    public boolean isSurname(String word) {
        return (flags(word) & SURNAME) != 0;
    }
}
