package org.piiscanner.classifiers.text;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Finds many phrases in one pass (an Aho-Corasick automaton compiled to a transition table).
 *
 * <p>Matching is case-insensitive, treats any run of whitespace as one space, and reports whole-word matches only:
 * a phrase that starts (ends) with a letter or digit must not be preceded (followed) by one. A trailing plural
 * {@code s} or {@code es} after a phrase is tolerated ({@code "passport"} matches {@code "passports"}). Immutable
 * and thread-safe; {@link #find} allocates nothing.
 */
public final class PhraseMatcher {

    /** Receives matches; return {@code false} to stop the search. */
    @FunctionalInterface
    public interface Hit {
        boolean onMatch(int phrase, int start, int end);
    }

    private static final PhraseMatcher EMPTY = new PhraseMatcher(List.of());

    private final String[] phrases;
    private final int[] phraseLength;
    private final boolean[] alnumStart;
    private final boolean[] alnumEnd;
    private final int[] asciiSymbol = new int[128];
    private final Map<Character, Integer> otherSymbol = new HashMap<>();
    private final int alphabet;
    /**
     * Transitions, pre-multiplied: {@code delta[state * alphabet + symbol]} is the next state times alphabet, with
     * {@link #OUT_BIT} set when that state has outputs.
     */
    private final int[] delta;
    /** Outputs by state index; null when none. */
    private final int[][] output;
    private final int maxLength;
    /** Symbol of each raw ASCII character after case folding; whitespace maps to the space symbol. */
    private final int[] rawAscii = new int[128];
    /** Set on a transition whose target state has outputs. */
    private static final int OUT_BIT = 1 << 29;

    private PhraseMatcher(List<String> normalised) {
        this.phrases = normalised.toArray(String[]::new);
        this.phraseLength = new int[phrases.length];
        this.alnumStart = new boolean[phrases.length];
        this.alnumEnd = new boolean[phrases.length];
        int sym = 1;
        int max = 0;
        for (int p = 0; p < phrases.length; p++) {
            String s = phrases[p];
            phraseLength[p] = s.length();
            max = Math.max(max, s.length());
            alnumStart[p] = Character.isLetterOrDigit(s.charAt(0));
            alnumEnd[p] = Character.isLetterOrDigit(s.charAt(s.length() - 1));
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c < 128) {
                    if (asciiSymbol[c] == 0) {
                        asciiSymbol[c] = sym++;
                    }
                } else if (!otherSymbol.containsKey(c)) {
                    otherSymbol.put(c, sym++);
                }
            }
        }
        this.alphabet = sym;
        this.maxLength = max;

        // Trie.
        List<int[]> go = new ArrayList<>();
        List<List<Integer>> out = new ArrayList<>();
        List<Character> lastChar = new ArrayList<>();
        go.add(newRow(sym));
        out.add(new ArrayList<>());
        lastChar.add('\0');
        for (int p = 0; p < phrases.length; p++) {
            int state = 0;
            for (int i = 0; i < phrases[p].length(); i++) {
                int a = symbol(phrases[p].charAt(i));
                if (go.get(state)[a] < 0) {
                    go.get(state)[a] = go.size();
                    go.add(newRow(sym));
                    out.add(new ArrayList<>());
                    lastChar.add(phrases[p].charAt(i));
                }
                state = go.get(state)[a];
            }
            out.get(state).add(p);
        }
        // Failure links folded into a complete transition table (breadth first).
        int states = go.size();
        int[] fail = new int[states];
        this.delta = new int[states * sym];
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        for (int a = 0; a < sym; a++) {
            int next = go.get(0)[a];
            if (next < 0) {
                delta[a] = 0;
            } else {
                delta[a] = next;
                fail[next] = 0;
                queue.add(next);
            }
        }
        while (!queue.isEmpty()) {
            int s = queue.poll();
            out.get(s).addAll(out.get(fail[s]));
            for (int a = 0; a < sym; a++) {
                int next = go.get(s)[a];
                if (next < 0) {
                    delta[s * sym + a] = delta[fail[s] * sym + a];
                } else {
                    delta[s * sym + a] = next;
                    fail[next] = delta[fail[s] * sym + a];
                    queue.add(next);
                }
            }
        }
        this.output = new int[states][];
        for (int s = 0; s < states; s++) {
            output[s] = out.get(s).isEmpty() ? null : out.get(s).stream().mapToInt(Integer::intValue).toArray();
        }
        if ((long) states * sym >= OUT_BIT) {
            throw new IllegalArgumentException("too many phrases for one matcher");
        }
        // A run of whitespace reads as one space: a state reached by a space stays put on further spaces.
        int space = symbol(' ');
        if (space != 0) {
            for (int st = 0; st < states; st++) {
                if (lastChar.get(st) == ' ') {
                    delta[st * sym + space] = st;
                }
            }
        }
        for (int i = 0; i < delta.length; i++) {
            int next = delta[i];
            delta[i] = next * sym | (output[next] != null ? OUT_BIT : 0);
        }
        for (char c = 0; c < 128; c++) {
            rawAscii[c] = isSpace(c) ? space : symbol(fold(c));
        }
    }

    private static int[] newRow(int size) {
        int[] row = new int[size];
        Arrays.fill(row, -1);
        return row;
    }

    /**
     * A matcher for {@code phrases}. Phrases are lower-cased and their whitespace collapsed; blank phrases and
     * duplicates are ignored.
     */
    public static PhraseMatcher of(Collection<String> phrases) {
        LinkedHashSet<String> set = new LinkedHashSet<>();
        for (String p : phrases) {
            String n = normalisePhrase(p);
            if (!n.isEmpty()) {
                set.add(n);
            }
        }
        return set.isEmpty() ? EMPTY : new PhraseMatcher(new ArrayList<>(set));
    }

    /** Lower-cases and collapses whitespace the way {@link #find} sees text. */
    public static String normalisePhrase(String phrase) {
        return phrase.trim().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    public boolean isEmpty() {
        return phrases.length == 0;
    }

    /** The normalised phrase with this index. */
    public String phrase(int index) {
        return phrases[index];
    }

    public int size() {
        return phrases.length;
    }

    private int symbol(char lower) {
        if (lower < 128) {
            return asciiSymbol[lower];
        }
        Integer s = otherSymbol.get(lower);
        return s == null ? 0 : s;
    }

    private static char fold(char c) {
        if (c < 128) {
            return c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
        }
        return Character.toLowerCase(c);
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\u00A0'
                || (c > 127 && Character.isWhitespace(c));
    }

    private static boolean isWordChar(char c) {
        return c < 128 ? (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                : Character.isLetterOrDigit(c);
    }

    /** As {@link #find(char[], int, int, int, Hit)}; {@code scratch} is unused (kept for callers that pool it). */
    public boolean find(char[] text, int from, int to, int length, Hit hit, int[] scratch) {
        return find(text, from, to, length, hit);
    }

    /**
     * Reports every whole-word match inside {@code text[from, to)} in order of its end. Boundary checks may look
     * before {@code from} (to find where a match starts) and up to three characters after {@code to} (within
     * {@code length}).
     *
     * @return false if {@code hit} asked to stop
     */
    public boolean find(char[] text, int from, int to, int length, Hit hit) {
        if (phrases.length == 0 || from >= to) {
            return true;
        }
        final int[] delta = this.delta;
        final int[] raw = this.rawAscii;
        int state = 0;
        for (int i = from; i < to; i++) {
            char c = text[i];
            int next = delta[state + (c < 128 ? raw[c] : slowSymbol(c))];
            state = next & (OUT_BIT - 1);
            if (next >= OUT_BIT && !report(text, length, hit, i, output[state / alphabet])) {
                return false;
            }
        }
        return true;
    }

    private int slowSymbol(char c) {
        return isSpace(c) ? symbol(' ') : symbol(fold(c));
    }

    private boolean report(char[] text, int length, Hit hit, int i, int[] outs) {
        for (int p : outs) {
            int start = phraseStart(text, i, phrases[p]);
            int end = i + 1;
            if (alnumStart[p] && start > 0 && isWordChar(text[start - 1])) {
                continue;
            }
            if (alnumEnd[p]) {
                end = wordEnd(text, end, length);
                if (end < 0) {
                    continue;
                }
            }
            if (!hit.onMatch(p, start, end)) {
                return false;
            }
        }
        return true;
    }

    /** Where a match of {@code phrase} ending at {@code last} starts, reading each space of it as a whitespace run. */
    private static int phraseStart(char[] text, int last, String phrase) {
        int j = last;
        for (int k = phrase.length() - 1; k > 0; k--) {
            if (phrase.charAt(k) == ' ') {
                while (j > 0 && isSpace(text[j - 1])) {
                    j--;
                }
            }
            j--;
        }
        return j;
    }

    /** Scratch size callers may pass to {@link #find(char[], int, int, int, Hit, int[])}. */
    public int ringSize() {
        return 1;
    }

    /** End of a whole word at {@code end} allowing a plural suffix, or -1 if {@code end} is inside a word. */
    private static int wordEnd(char[] text, int end, int length) {
        if (end >= length || !isWordChar(text[end])) {
            return end;
        }
        char c = fold(text[end]);
        if (c == 's' && (end + 1 >= length || !isWordChar(text[end + 1]))) {
            return end + 1;
        }
        if (c == 'e' && end + 1 < length && fold(text[end + 1]) == 's'
                && (end + 2 >= length || !isWordChar(text[end + 2]))) {
            return end + 2;
        }
        return -1;
    }
}
