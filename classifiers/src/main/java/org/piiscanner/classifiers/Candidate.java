package org.piiscanner.classifiers;

/**
 * The piece of text a detector is asked to look at: a compound of words for {@link Trigger#COMPOUND}, a position
 * for {@link Trigger#AT_SIGN} and {@link Trigger#URL_SCHEME}, or the whole text for {@link Trigger#WHOLE_TEXT}.
 *
 * <p>A <em>word</em> is a maximal run of ASCII letters and digits. Words of a compound are separated by exactly one
 * joiner: {@code ' '}, {@code '-'}, {@code '.'}, {@code '/'}, {@code ':'}, {@link #DOUBLE_COLON} or {@code '<'}
 * (a run of {@code <} as in a passport MRZ). The text is the engine's normalised text (NBSP and friends are
 * spaces, dashes are {@code '-'}, full-width digits are ASCII).
 *
 * <p>One instance is reused for every candidate of a scan: detectors must not keep a reference to it. Not
 * thread-safe.
 */
public final class Candidate {

    /** Word flag: the word contains a digit. */
    public static final int DIGIT = 1;
    /** Word flag: the word contains an upper-case ASCII letter. */
    public static final int UPPER = 2;
    /** Word flag: the word contains a lower-case ASCII letter. */
    public static final int LOWER = 4;
    /** Word flag: the word contains a letter outside a-f / A-F (so it is not hexadecimal). */
    public static final int NON_HEX = 8;

    /** Joiner value for the IPv6 zero-compression {@code ::}. */
    public static final char DOUBLE_COLON = '\u2237';
    /** Joiner value meaning "no joiner": the word ends the compound. */
    public static final char NONE = '\0';

    static final int MAX_WORDS = 512;

    char[] text;
    int length;
    Trigger trigger;
    int position;
    int words;
    final int[] wordStart = new int[MAX_WORDS];
    final int[] wordEnd = new int[MAX_WORDS];
    final int[] wordFlags = new int[MAX_WORDS];
    final char[] joiner = new char[MAX_WORDS];
    int compoundFlags;

    Candidate() {
    }

    /** Why the detector is being called. */
    public Trigger trigger() {
        return trigger;
    }

    /**
     * The normalised text of the whole scan. Read-only: detectors must not modify it. Valid indexes are
     * {@code [0, length())}.
     */
    public char[] text() {
        return text;
    }

    /** Length of the normalised text. */
    public int length() {
        return length;
    }

    /** The character at {@code i}, or {@code '\0'} when {@code i} is outside the text (saves bounds checks). */
    public char charAt(int i) {
        return i >= 0 && i < length ? text[i] : NONE;
    }

    /** A copy of the normalised text between two indexes. */
    public String substring(int start, int end) {
        return new String(text, start, end - start);
    }

    /**
     * For {@link Trigger#AT_SIGN} the index of the {@code @}; for {@link Trigger#URL_SCHEME} the index of the
     * {@code :} of {@code ://} or of the first {@code w} of {@code www.}; for compounds the start of the compound.
     */
    public int position() {
        return position;
    }

    /** Number of words in the compound (0 for other triggers). */
    public int wordCount() {
        return words;
    }

    public int wordStart(int word) {
        return wordStart[word];
    }

    public int wordEnd(int word) {
        return wordEnd[word];
    }

    public int wordLength(int word) {
        return wordEnd[word] - wordStart[word];
    }

    /** The word's flags: a combination of {@link #DIGIT}, {@link #UPPER}, {@link #LOWER}, {@link #NON_HEX}. */
    public int wordFlags(int word) {
        return wordFlags[word];
    }

    /** True if the word is all digits. */
    public boolean isDigits(int word) {
        return (wordFlags[word] & (DIGIT | UPPER | LOWER)) == DIGIT;
    }

    /** True if the word is all upper-case letters. */
    public boolean isUpperLetters(int word) {
        return (wordFlags[word] & (DIGIT | UPPER | LOWER)) == UPPER;
    }

    /** True if the word has no lower-case letter (upper-case letters and/or digits). */
    public boolean isUpperOrDigits(int word) {
        return (wordFlags[word] & LOWER) == 0;
    }

    /** True if every character of the word is a hexadecimal digit. */
    public boolean isHex(int word) {
        return (wordFlags[word] & NON_HEX) == 0;
    }

    /**
     * The joiner after {@code word}: one of {@code ' ' - . / : <}, {@link #DOUBLE_COLON}, or {@link #NONE} for the
     * last word of the compound.
     */
    public char joinerAfter(int word) {
        return word + 1 < words ? joiner[word] : NONE;
    }

    /** The joiner before {@code word}, or {@link #NONE} for the first word. */
    public char joinerBefore(int word) {
        return word > 0 ? joiner[word - 1] : NONE;
    }

    /** Start index of the compound (its first word). */
    public int start() {
        return words > 0 ? wordStart[0] : position;
    }

    /** End index (exclusive) of the compound (its last word). */
    public int end() {
        return words > 0 ? wordEnd[words - 1] : position;
    }

    /** True if {@code c} is an ASCII letter or digit. */
    public static boolean isAlnum(char c) {
        return c < 128 && (c >= 'a' ? c <= 'z' : c >= 'A' ? c <= 'Z' : c >= '0' && c <= '9');
    }

    /** True if {@code c} is an ASCII digit. */
    public static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /**
     * True if the text just before {@code start} is a digit followed by a space or hyphen: a match starting at
     * {@code start} would continue a longer digit group (the spec's {@code (?<![0-9][ -])} boundary).
     */
    public boolean digitGroupBefore(int start) {
        char p = charAt(start - 1);
        return (p == ' ' || p == '-') && isDigit(charAt(start - 2));
    }

    /**
     * True if the text from {@code end} is a space or hyphen followed by a digit: a match ending at {@code end}
     * would stop inside a longer digit group (the spec's {@code (?![ -][0-9])} boundary).
     */
    public boolean digitGroupAfter(int end) {
        char n = charAt(end);
        return (n == ' ' || n == '-') && isDigit(charAt(end + 1));
    }

    /** {@link #digitGroupBefore} at the start of {@code word}. */
    public boolean continuesDigitGroup(int word) {
        return digitGroupBefore(wordStart[word]);
    }

    /** {@link #digitGroupAfter} at the end of {@code word}. */
    public boolean followedByDigitGroup(int word) {
        return digitGroupAfter(wordEnd[word]);
    }

    /**
     * Appends the letters and digits of words {@code from..to} (inclusive), without joiners, to {@code out}.
     *
     * @return the number of characters written, or -1 if they do not fit in {@code out}
     */
    public int compact(int from, int to, char[] out) {
        int n = 0;
        for (int w = from; w <= to; w++) {
            int len = wordEnd[w] - wordStart[w];
            if (n + len > out.length) {
                return -1;
            }
            System.arraycopy(text, wordStart[w], out, n, len);
            n += len;
        }
        return n;
    }

    /** Total number of letters and digits in words {@code from..to} (inclusive). */
    public int alnumLength(int from, int to) {
        int n = 0;
        for (int w = from; w <= to; w++) {
            n += wordEnd[w] - wordStart[w];
        }
        return n;
    }
}
