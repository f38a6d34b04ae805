package org.piiscanner.classifiers;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.piiscanner.classifiers.text.PhraseMatcher;

/**
 * Every context word of every detector for one language, matched word by word while the engine walks the text, so
 * that scoring a match only looks up the hits near it instead of re-reading the text around it.
 *
 * <p>A phrase is a sequence of words (runs of ASCII letters and digits compared case-insensitively, whatever
 * separates them: {@code date of birth}, {@code Date-of-Birth}, {@code date_of_birth}); its last word may carry a
 * plural {@code s} or {@code es}. Characters outside ASCII letters and digits separate words, as in the engine's
 * candidate pass. Immutable and thread-safe; the per-text state lives in the caller's {@link Hits}.
 */
final class ContextIndex {

    /** Polarity of a phrase for a detector slot. */
    static final byte NONE = 0;
    static final byte POSITIVE = 1;
    static final byte NEGATIVE = 2;

    private final String[] phrases;
    private final char[][][] tokens;

    private final byte[] polarity;
    private final int slots;
    private final int[] buckets;
    private final int shift;
    private final int[] entryPhrase;
    private final int[] entryHash;
    private final char[][] entryLast;
    private final int[] entryNext;
    private final int maxWordLength;

    private ContextIndex(List<String> phraseList, byte[] polarity, int slots) {
        this.phrases = phraseList.toArray(String[]::new);
        this.polarity = polarity;
        this.slots = slots;
        this.tokens = new char[phrases.length][][];

        List<Integer> ePhrase = new ArrayList<>();
        List<char[]> eLast = new ArrayList<>();
        int max = 0;
        for (int p = 0; p < phrases.length; p++) {
            List<String> words = words(phrases[p]);
            tokens[p] = words.stream().map(String::toCharArray).toArray(char[][]::new);

            String last = words.get(words.size() - 1);
            LinkedHashSet<String> variants = new LinkedHashSet<>(List.of(last));
            if (Character.isLetter(last.charAt(last.length() - 1))) {
                variants.add(last + "s");
                variants.add(last + "es");
            }
            for (String v : variants) {
                ePhrase.add(p);
                eLast.add(v.toCharArray());
                max = Math.max(max, v.length());
            }
        }
        int size = 64;
        while (size < ePhrase.size() * 4) {
            size <<= 1;
        }
        this.shift = 32 - Integer.numberOfTrailingZeros(size);
        this.buckets = new int[size];
        Arrays.fill(buckets, -1);
        int n = ePhrase.size();
        this.entryPhrase = new int[n];
        this.entryHash = new int[n];
        this.entryLast = new char[n][];
        this.entryNext = new int[n];
        for (int e = 0; e < n; e++) {
            entryPhrase[e] = ePhrase.get(e);
            entryLast[e] = eLast.get(e);
            int h = 0;
            for (char c : entryLast[e]) {
                h = hash(h, c);
            }
            entryHash[e] = h;
            int b = bucket(h);
            entryNext[e] = buckets[b];
            buckets[b] = e;
        }
        this.maxWordLength = max;
    }

    /**
     * An index of the context words of {@code slotWords} (one list per detector slot, in slot order): phrase
     * polarity is kept per slot, a phrase that is positive for a slot is never negative for it.
     */
    static ContextIndex of(List<ContextWords> slotWords) {
        Map<String, Integer> ids = new LinkedHashMap<>();
        List<byte[]> marks = new ArrayList<>();
        int slots = slotWords.size();
        for (int s = 0; s < slots; s++) {
            ContextWords w = slotWords.get(s);
            for (String neg : w.negative()) {
                mark(ids, marks, slots, neg, s, NEGATIVE);
            }
            for (String pos : w.positive()) {
                mark(ids, marks, slots, pos, s, POSITIVE);
            }
        }
        byte[] polarity = new byte[Math.max(1, ids.size() * slots)];
        int p = 0;
        for (byte[] m : marks) {
            System.arraycopy(m, 0, polarity, p * slots, slots);
            p++;
        }
        return new ContextIndex(new ArrayList<>(ids.keySet()), polarity, slots);
    }

    private static void mark(Map<String, Integer> ids, List<byte[]> marks, int slots, String phrase, int slot,
            byte value) {
        String n = PhraseMatcher.normalisePhrase(phrase);
        if (words(n).isEmpty()) {
            return;
        }
        Integer id = ids.get(n);
        if (id == null) {
            id = ids.size();
            ids.put(n, id);
            marks.add(new byte[slots]);
        }
        marks.get(id)[slot] = value;
    }

    /** The words of a phrase: runs of ASCII letters and digits, lower-cased. */
    static List<String> words(String phrase) {
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < phrase.length()) {
            while (i < phrase.length() && !Candidate.isAlnum(phrase.charAt(i))) {
                i++;
            }
            int s = i;
            while (i < phrase.length() && Candidate.isAlnum(phrase.charAt(i))) {
                i++;
            }
            if (i > s) {
                out.add(phrase.substring(s, i).toLowerCase(Locale.ROOT));
            }
        }
        return out;
    }

    /** The running word hash the engine's lexer computes, one character at a time. */
    static int hash(int h, char c) {
        return Integer.rotateLeft(h, 5) ^ (c | 0x20);
    }

    private int bucket(int h) {
        return (h * 0x9E3779B9) >>> shift;
    }

    boolean isEmpty() {
        return phrases.length == 0;
    }

    String phrase(int id) {
        return phrases[id];
    }

    /** The polarity of a phrase for a detector slot. */
    byte polarity(int phrase, int slot) {
        return polarity[phrase * slots + slot];
    }

    /** Called for each word {@code [start, end)} of the text with its {@link #hash}: records phrase hits. */
    void onWord(char[] t, int start, int end, int h, Hits hits) {
        int len = end - start;
        if (len > maxWordLength) {
            return;
        }
        for (int e = buckets[bucket(h)]; e >= 0; e = entryNext[e]) {
            if (entryHash[e] != h || entryLast[e].length != len || !sameWord(t, start, entryLast[e])) {
                continue;
            }
            int p = entryPhrase[e];
            int first = earlierWords(t, start, tokens[p]);
            if (first >= 0) {
                hits.add(p, first, end);
            }
        }
    }

    /**
     * Checks the words before the word at {@code start} against all but the last word of a phrase, walking back over
     * the text; returns where the phrase starts, or -1.
     */
    private static int earlierWords(char[] t, int start, char[][] words) {
        int pos = start;
        for (int k = words.length - 2; k >= 0; k--) {
            int e = pos - 1;
            while (e >= 0 && !Candidate.isAlnum(t[e])) {
                e--;
            }
            int s = e;
            while (s >= 0 && Candidate.isAlnum(t[s])) {
                s--;
            }
            s++;
            if (e < 0 || e + 1 - s != words[k].length || !sameWord(t, s, words[k])) {
                return -1;
            }
            pos = s;
        }
        return pos;
    }

    private static boolean sameWord(char[] t, int start, char[] lower) {
        for (int i = 0; i < lower.length; i++) {
            if ((t[start + i] | 0x20) != lower[i]) {
                return false;
            }
        }
        return true;
    }

    /** Feeds every word of {@code text} to {@link #onWord} (for texts outside the engine's pass: field names). */
    void scan(char[] text, Hits hits) {
        int i = 0;
        int n = text.length;
        while (i < n) {
            if (!Candidate.isAlnum(text[i])) {
                i++;
                continue;
            }
            int s = i;
            int h = 0;
            while (i < n && Candidate.isAlnum(text[i])) {
                h = hash(h, text[i]);
                i++;
            }
            onWord(text, s, i, h, hits);
        }
    }

    /** Phrase hits of one text, in order of their end. */
    static final class Hits {
        int[] phrase = new int[64];
        int[] start = new int[64];
        int[] end = new int[64];
        int size;

        void reset() {
            size = 0;
        }

        void add(int p, int s, int e) {
            if (size == phrase.length) {
                phrase = Arrays.copyOf(phrase, size * 2);
                start = Arrays.copyOf(start, size * 2);
                end = Arrays.copyOf(end, size * 2);
            }
            phrase[size] = p;
            start[size] = s;
            end[size] = e;
            size++;
        }

        /** Index of the first hit ending after {@code position}. */
        int firstEndingAfter(int position) {
            int lo = 0;
            int hi = size;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (end[mid] <= position) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            return lo;
        }
    }
}
