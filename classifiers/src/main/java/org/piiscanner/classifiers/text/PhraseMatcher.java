package org.piiscanner.classifiers.text;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;

/**
 * Finds many phrases in one pass (an Aho-Corasick automaton compiled to a transition table).
 *
 * <p>Matching is case-insensitive, treats any run of whitespace as one space and a typographic apostrophe
 * ({@code ’ ‘}) as {@code '}, and reports whole-word matches only: a phrase that starts (ends) with a letter or
 * digit must not be preceded (followed) by one. A trailing plural {@code s} or {@code es} after a phrase is
 * tolerated ({@code "passport"} matches {@code "passports"}). {@link #inflected} matchers also match inflected
 * forms (see {@link Inflections}). Long texts are read by two interleaved runs of the automaton over their two
 * halves (the runs do not wait for each other's table loads). Immutable and thread-safe; {@link #find} allocates
 * nothing but a small buffer for the second half's matches of a long text.
 */
public final class PhraseMatcher {

    /** Receives matches; return {@code false} to stop the search. */
    @FunctionalInterface
    public interface Hit {
        boolean onMatch(int phrase, int start, int end);
    }

    private static final PhraseMatcher EMPTY = new PhraseMatcher(List.of(), List.of(), new int[0]);

    /** The phrases as reported by {@link #phrase}, by id. */
    private final String[] phrases;
    /** The strings the automaton matches (a phrase and its variants), and the phrase id each reports. */
    private final String[] patterns;
    private final int[] owner;
    private final boolean[] alnumStart;
    private final boolean[] alnumEnd;
    /** Pattern length, negative for a pattern with a space (its match may be longer: whitespace runs). */
    private final int[] fixedLength;
    private final int[] asciiSymbol = new int[128];
    /** Non-ASCII characters of the phrases, sorted, and their symbols (a short array: a map would box per char). */
    private final char[] otherChars;
    private final int[] otherSymbols;
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

    private PhraseMatcher(List<String> names, List<String> patternList, int[] owner) {
        this.phrases = names.toArray(String[]::new);
        this.patterns = patternList.toArray(String[]::new);
        this.owner = owner;
        this.alnumStart = new boolean[patterns.length];
        this.alnumEnd = new boolean[patterns.length];
        this.fixedLength = new int[patterns.length];
        int sym = 1;
        int max = 0;
        TreeMap<Character, Integer> other = new TreeMap<>();
        for (int p = 0; p < patterns.length; p++) {
            String s = patterns[p];
            max = Math.max(max, s.length());
            alnumStart[p] = Character.isLetterOrDigit(s.charAt(0));
            alnumEnd[p] = Character.isLetterOrDigit(s.charAt(s.length() - 1));
            fixedLength[p] = s.indexOf(' ') >= 0 ? -1 : s.length();
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c < 128) {
                    if (asciiSymbol[c] == 0) {
                        asciiSymbol[c] = sym++;
                    }
                } else if (!other.containsKey(c)) {
                    other.put(c, sym++);
                }
            }
        }
        this.otherChars = new char[other.size()];
        this.otherSymbols = new int[other.size()];
        int k = 0;
        for (var e : other.entrySet()) {
            otherChars[k] = e.getKey();
            otherSymbols[k++] = e.getValue();
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
        for (int p = 0; p < patterns.length; p++) {
            int state = 0;
            for (int i = 0; i < patterns[p].length(); i++) {
                int a = symbol(patterns[p].charAt(i));
                if (go.get(state)[a] < 0) {
                    go.get(state)[a] = go.size();
                    go.add(newRow(sym));
                    out.add(new ArrayList<>());
                    lastChar.add(patterns[p].charAt(i));
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
        if (set.isEmpty()) {
            return EMPTY;
        }
        List<String> list = new ArrayList<>(set);
        int[] owner = new int[list.size()];
        Arrays.setAll(owner, i -> i);
        return new PhraseMatcher(list, list, owner);
    }

    /**
     * A matcher for {@code phrases} and their inflected forms ({@link Inflections#variants}: a word written with a
     * trailing {@code ~} takes its regular verb forms, a last word ending in consonant + {@code y} its {@code -ies}
     * plural). A match reports the phrase's index in {@code phrases}, whichever form matched; {@link #phrase}
     * returns the phrase without its {@code ~} marks. Phrases may repeat (each keeps its own index) but none may be
     * blank.
     *
     * @throws IllegalArgumentException if a phrase is blank or a {@code ~} does not end a word
     */
    public static PhraseMatcher inflected(List<String> phrases) {
        List<String> names = new ArrayList<>(phrases.size());
        List<String> patterns = new ArrayList<>();
        List<Integer> owners = new ArrayList<>();
        for (int id = 0; id < phrases.size(); id++) {
            String n = normalisePhrase(phrases.get(id));
            if (n.isEmpty() || n.equals("~")) {
                throw new IllegalArgumentException("blank phrase at index " + id);
            }
            names.add(n.replace("~", ""));
            for (String v : Inflections.variants(n)) {
                patterns.add(v);
                owners.add(id);
            }
        }
        if (names.isEmpty()) {
            return EMPTY;
        }
        return new PhraseMatcher(names, patterns, owners.stream().mapToInt(Integer::intValue).toArray());
    }

    /**
     * Lower-cases, collapses whitespace and reads typographic apostrophes as {@code '}, the way {@link #find} sees
     * text.
     */
    public static String normalisePhrase(String phrase) {
        return phrase.trim().replaceAll("\\s+", " ").replace('\u2019', '\'').replace('\u2018', '\'')
                .toLowerCase(Locale.ROOT);
    }

    public boolean isEmpty() {
        return phrases.length == 0;
    }

    /** The normalised phrase with this id (the index reported to {@link Hit#onMatch}). */
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
        int i = Arrays.binarySearch(otherChars, lower);
        return i < 0 ? 0 : otherSymbols[i];
    }


    private static char fold(char c) {
        if (c < 128) {
            return c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
        }
        if (c == '\u2019' || c == '\u2018') {
            return '\'';
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
     * Reports every whole-word match inside {@code text[from, to)} in order of its end (matches of several phrases
     * ending at the same character in no particular order). Boundary checks may look
     * before {@code from} (to find where a match starts) and up to three characters after {@code to} (within
     * {@code length}).
     *
     * @return false if {@code hit} asked to stop
     */
    public boolean find(char[] text, int from, int to, int length, Hit hit) {
        if (phrases.length == 0 || from >= to) {
            return true;
        }
        int mid = from + (to - from) / 2;
        int second = to - from >= MIN_SPLIT ? warmUpStart(text, from, mid) : -1;
        if (second < 0) {
            return runFrom(text, from, to, length, hit, 0);
        }
        // Two independent automaton runs, interleaved: each step of one does not wait for the other's table load,
        // so the pair costs little more than one. The second run starts early enough (warmUpStart) to be in the
        // exact state at mid; it keeps its matches ending at or after mid until the first run has reported its own.
        final int[] delta = this.delta;
        final int[] raw = this.rawAscii;
        int a = 0;
        int b = 0;
        int[] pending = null;
        int pendingSize = 0;
        int j = second;
        for (int i = from; i < mid; i++, j++) {
            char ca = text[i];
            char cb = text[j];
            int na = delta[a + (ca < 128 ? raw[ca] : slowSymbol(ca))];
            int nb = delta[b + (cb < 128 ? raw[cb] : slowSymbol(cb))];
            a = na & (OUT_BIT - 1);
            b = nb & (OUT_BIT - 1);
            if (na >= OUT_BIT && !report(text, length, hit, i, output[a / alphabet])) {
                return false;
            }
            if (nb >= OUT_BIT && j >= mid) {
                if (pending == null) {
                    pending = new int[16];
                } else if (pendingSize == pending.length) {
                    pending = Arrays.copyOf(pending, pendingSize * 2);
                }
                pending[pendingSize++] = j;
                pending[pendingSize++] = b;
            }
        }
        for (int k = 0; k < pendingSize; k += 2) {
            if (!report(text, length, hit, pending[k], output[pending[k + 1] / alphabet])) {
                return false;
            }
        }
        return j >= to || runFrom(text, j, to, length, hit, b);
    }

    /** Texts shorter than this are searched by one run. */
    private static final int MIN_SPLIT = 4096;

    /**
     * Where a run must start to be in the automaton's exact state at {@code mid}: far enough back to read
     * {@code maxLength} symbols (a whitespace run reads as one), or -1 if that is before {@code from}.
     */
    private int warmUpStart(char[] text, int from, int mid) {
        int i = mid;
        for (int symbols = 0; symbols < maxLength; symbols++) {
            if (i <= from) {
                return -1;
            }
            i--;
            if (isSpace(text[i])) {
                while (i > from && isSpace(text[i - 1])) {
                    i--;
                }
            }
        }
        return i;
    }

    /** As {@link #find} in a single run, whatever the length (the reference for the two-run search in tests). */
    boolean findInOneRun(char[] text, int from, int to, int length, Hit hit) {
        return phrases.length == 0 || from >= to || runFrom(text, from, to, length, hit, 0);
    }

    /** One automaton run over {@code text[from, to)} from a pre-multiplied {@code state}. */
    private boolean runFrom(char[] text, int from, int to, int length, Hit hit, int state) {
        final int[] delta = this.delta;
        final int[] raw = this.rawAscii;
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
            int start = fixedLength[p] > 0 ? i + 1 - fixedLength[p] : phraseStart(text, i, patterns[p]);
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
            if (!hit.onMatch(owner[p], start, end)) {
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
