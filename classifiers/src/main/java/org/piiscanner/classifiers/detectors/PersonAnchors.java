package org.piiscanner.classifiers.detectors;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.piiscanner.classifiers.text.PhraseMatcher;

/**
 * Finds what the special-category rules need around a phrase (identifiers spec §21.1): the phrase's scope (its
 * sentence or record, found by a scan for boundaries), and in a region made of such scopes the person anchors and
 * identification-purpose words. Scans each region once, then answers questions about any scope inside it in
 * logarithmic time.
 *
 * <p>Person anchors, strongest first ({@link Kind}): an identifier-shaped token (an e-mail address, a number of six
 * or more digits, possibly in groups joined by single spaces or hyphens but not a hyphenated date, or a word holding
 * six digits in a row such as {@code AB123456C}); a name (a capitalised given name from the name lists that is not
 * a common word, a listed given name followed by a listed family name, the same in capitals, or a title such as
 * {@code Mr}, {@code Dr} followed by a capitalised word); a role noun ({@code patient}, {@code employee},
 * {@code service user}...); a pronoun ({@code he}, {@code she}, {@code they}, {@code his}, {@code her},
 * {@code their}, {@code him}, {@code them}, the first person {@code I}, {@code me}, {@code my}...).
 *
 * <p>A sentence ends at {@code . ! ?} followed by white space (not after a title, an initial, or before a
 * lower-case word) and at a line break, except a line break followed by a lower-case word (wrapped prose) or one
 * between two "Label: value" lines (a form or header block is one record). A blank line always ends one.
 *
 * <p>One instance per scan; not thread-safe.
 */
final class PersonAnchors {

    /** Kinds of person anchor, strongest first. */
    enum Kind {
        IDENTIFIER("identifier"),
        NAME("name"),
        ROLE_NOUN("role noun"),
        PRONOUN("pronoun");

        final String label;

        Kind(String label) {
            this.label = label;
        }
    }

    /** How far a scope reaches on each side of a phrase when no sentence boundary comes first. */
    static final int REACH = 250;
    /** How far an e-mail address may reach on each side of its {@code @}. */
    private static final int EDGE = 64;

    static final List<String> PRONOUNS = List.of("he", "she", "they", "his", "her", "hers", "their", "theirs", "him",
            "them", "himself", "herself", "themselves", "themself", "me", "my", "myself");
    static final List<String> ROLE_NOUNS = List.of("patient", "employee", "applicant", "candidate", "customer",
            "member", "pupil", "tenant", "claimant", "resident", "service user", "client", "staff member", "worker",
            "student", "colleague", "defendant", "offender", "suspect", "learner", "volunteer", "data subject",
            "jobseeker", "policyholder", "beneficiary", "next of kin");
    private static final String[] TITLES = {"mr", "mrs", "ms", "miss", "mx", "dr", "prof", "sir", "dame"};

    private static final int ROLE_BASE = PRONOUNS.size();
    private static final int PURPOSE_BASE = ROLE_BASE + ROLE_NOUNS.size();
    private static final PhraseMatcher WORDS;

    static {
        List<String> all = new ArrayList<>(PRONOUNS);
        all.addAll(ROLE_NOUNS);
        all.addAll(SpecialCategoryLexicon.PURPOSES);
        WORDS = PhraseMatcher.inflected(all);
    }

    private final char[] t;
    private final int n;
    private final NameDirectory names;

    private int from;
    private int to;
    private int[] anchorStart = new int[16];
    private int[] anchorEnd = new int[16];
    private Kind[] anchorKind = new Kind[16];
    private int anchorCount;
    private int[] purposeStart = new int[8];
    private int purposeCount;
    /** Marks the characters of phrase matches: an anchor may not be part of one ("member" in "union member"). */
    private boolean[] covered = new boolean[64];

    PersonAnchors(char[] text, int length) {
        this.t = text;
        this.n = length;
        this.names = NameDirectory.get();
    }

    /**
     * Start of the scope (sentence or record) of a phrase starting at {@code start}: just after the last boundary
     * before it, at most {@link #REACH} characters back (then at a word start).
     */
    int scopeStart(int start) {
        int limit = Math.max(0, start - REACH);
        for (int i = start - 1; i >= limit; i--) {
            char c = t[i];
            if (((c == '.' || c == '!' || c == '?') && sentenceEnd(i)) || (c == '\n' && lineBreakEnds(i))) {
                return i + 1;
            }
        }
        int lo = limit;
        while (lo > 0 && lo < start && isAlnum(t[lo - 1]) && isAlnum(t[lo])) {
            lo++;
        }
        return lo;
    }

    /**
     * End (exclusive) of the scope of a phrase ending at {@code end}: the next boundary, at most {@link #REACH}
     * characters on (then at a word end).
     */
    int scopeEnd(int end) {
        int limit = Math.min(n, end + REACH);
        for (int i = end; i < limit; i++) {
            char c = t[i];
            if (((c == '.' || c == '!' || c == '?') && sentenceEnd(i)) || (c == '\n' && lineBreakEnds(i))) {
                return i;
            }
        }
        int hi = limit;
        while (hi < n && hi > end && isAlnum(t[hi - 1]) && isAlnum(t[hi])) {
            hi--;
        }
        return hi;
    }

    /**
     * Scans {@code [regionStart, regionEnd)} (the union of the scopes of phrase matches {@code [starts[i], ends[i])},
     * {@code i} in {@code [first, last]}) for anchors and purpose words; the phrase matches themselves are not
     * anchors.
     */
    void scan(int regionStart, int regionEnd, int[] starts, int[] ends, int first, int last) {
        from = regionStart;
        to = regionEnd;
        anchorCount = 0;
        purposeCount = 0;
        int size = to - from;
        if (covered.length < size) {
            covered = new boolean[Math.max(size, covered.length * 2)];
        } else {
            Arrays.fill(covered, 0, size, false);
        }
        for (int i = first; i <= last; i++) {
            Arrays.fill(covered, Math.max(starts[i], from) - from, Math.min(ends[i], to) - from, true);
        }
        WORDS.find(t, from, to, n, (id, s, e) -> {
            if (id >= PURPOSE_BASE) {
                addPurpose(s);
            } else if (e <= to) {
                addAnchor(s, e, id >= ROLE_BASE ? Kind.ROLE_NOUN : Kind.PRONOUN);
            }
            return true;
        });
        lex();
        sortAnchors();
    }

    /** The strongest anchor inside {@code [lo, hi)} outside phrase matches, or null. */
    Kind anchor(int lo, int hi) {
        Kind best = null;
        for (int a = firstAnchorFrom(lo); a < anchorCount && anchorStart[a] < hi; a++) {
            if (anchorEnd[a] > hi) {
                continue;
            }
            Kind k = anchorKind[a];
            if (best == null || k.ordinal() < best.ordinal()) {
                best = k;
                if (k == Kind.IDENTIFIER) {
                    break;
                }
            }
        }
        return best;
    }

    /** True if an identification-purpose word starts inside {@code [lo, hi)}. */
    boolean purpose(int lo, int hi) {
        int p = Arrays.binarySearch(purposeStart, 0, purposeCount, lo);
        int i = p >= 0 ? p : -p - 1;
        return i < purposeCount && purposeStart[i] < hi;
    }

    // ------------------------------------------------------------------ lexing

    /** One pass over the region: names, titles, "I", identifiers. */
    private void lex() {
        int i = from;
        // digit group state: words of digits joined by single spaces or hyphens
        int groupStart = -1;
        int groupEnd = -1;
        int groupDigits = 0;
        int groupWords = 0;
        boolean groupHyphen = false;
        int[] groupLen = new int[3];
        int prevWordStart = -1;
        int prevWordEnd = -1;
        while (i < to) {
            char c = t[i];
            if (isAlnum(c)) {
                int s = i;
                int letters = 0;
                int digits = 0;
                int run = 0;
                int maxRun = 0;
                while (i < to && isAlnum(t[i])) {
                    if (t[i] <= '9') {
                        digits++;
                        run++;
                        maxRun = Math.max(maxRun, run);
                    } else {
                        letters++;
                        run = 0;
                    }
                    i++;
                }
                int e = i;
                if (letters == 0) {
                    boolean joined = groupEnd >= 0 && s - groupEnd == 1 && (t[groupEnd] == ' ' || t[groupEnd] == '-')
                            && groupEnd == prevWordEnd;
                    if (joined) {
                        groupHyphen |= t[groupEnd] == '-';
                    } else {
                        endGroup(groupStart, groupEnd, groupDigits, groupWords, groupHyphen, groupLen);
                        groupStart = s;
                        groupDigits = 0;
                        groupWords = 0;
                        groupHyphen = false;
                    }
                    if (groupWords < groupLen.length) {
                        groupLen[groupWords] = e - s;
                    }
                    groupWords++;
                    groupDigits += e - s;
                    groupEnd = e;
                } else {
                    if (maxRun >= 6) {
                        addAnchor(s, e, Kind.IDENTIFIER);
                    }
                    if (digits == 0) {
                        word(s, e, prevWordStart, prevWordEnd);
                    }
                }
                prevWordStart = s;
                prevWordEnd = e;
                continue;
            }
            if (c == '@') {
                email(i);
            }
            i++;
        }
        endGroup(groupStart, groupEnd, groupDigits, groupWords, groupHyphen, groupLen);
    }

    private void endGroup(int start, int end, int digits, int words, boolean hyphen, int[] len) {
        if (start < 0 || digits < 6) {
            return;
        }
        if (hyphen && words == 3 && len[2] <= 4 && (len[0] == 4 || len[2] == 4 || (len[0] <= 2 && len[1] <= 2))) {
            return; // a hyphenated date: 2024-03-12, 12-03-2024, 12-03-24
        }
        char before = start > 0 ? t[start - 1] : ' ';
        if (before == '\u00A3' || before == '$' || before == '\u20AC') {
            return; // an amount
        }
        addAnchor(start, end, Kind.IDENTIFIER);
    }

    /** A letters-only word: "I", a title + capitalised word, a given name, a given + family name. */
    private void word(int s, int e, int prevStart, int prevEnd) {
        int len = e - s;
        char first = t[s];
        if (first < 'A' || first > 'Z') {
            return;
        }
        if (len == 1) {
            if (first == 'I' && firstPerson(e)) {
                addAnchor(s, e, Kind.PRONOUN);
            }
            return;
        }
        boolean capitalised = isLowerTail(s + 1, e);
        boolean allCaps = !capitalised && isUpperTail(s + 1, e);
        if (!capitalised && !allCaps) {
            return;
        }
        // the previous word was a title: "Dr Okafor", "Mrs. Patel"
        if (prevStart >= 0 && isTitle(prevStart, prevEnd) && (s - prevEnd == 1 || (s - prevEnd == 2
                && t[prevEnd] == '.')) && isSpace(t[s - 1])) {
            addAnchor(prevStart, e, Kind.NAME);
            return;
        }
        if (len < 3) {
            return;
        }
        boolean followedByFamily = false;
        int ns = e + 1;
        if (ns < to && t[e] == ' ' && t[ns] >= 'A' && t[ns] <= 'Z') {
            int ne = ns + 1;
            while (ne < to && isLetter(t[ne])) {
                ne++;
            }
            boolean nextShape = capitalised ? isLowerTail(ns + 1, ne) : isUpperTail(ns + 1, ne);
            followedByFamily = ne - ns >= 2 && (ne >= to || !isAlnum(t[ne])) && nextShape
                    && names.isFamilyName(t, ns, ne);
        }
        if (capitalised && names.isGivenName(t, s, e)) {
            addAnchor(s, e, Kind.NAME);
        } else if (followedByFamily && (allCaps ? names.isGivenName(t, s, e) : names.isListedGivenName(t, s, e))) {
            addAnchor(s, e, Kind.NAME);
        }
    }

    /** "I" as a pronoun: followed by a space and a lower-case word, or by an apostrophe (I'm, I've). */
    private boolean firstPerson(int e) {
        char a = e < n ? t[e] : '\0';
        char b = e + 1 < n ? t[e + 1] : '\0';
        return (a == ' ' && b >= 'a' && b <= 'z') || ((a == '\'' || a == '\u2019') && b >= 'a' && b <= 'z');
    }

    private boolean isTitle(int s, int e) {
        int len = e - s;
        if (len < 2 || len > 4) {
            return false;
        }
        outer:
        for (String title : TITLES) {
            if (title.length() != len) {
                continue;
            }
            for (int k = 0; k < len; k++) {
                char c = t[s + k];
                if ((c | 0x20) != title.charAt(k) || (k > 0 && c < 'a' && !isUpperTail(s + 1, e))) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    /** An e-mail address around the {@code @} at {@code at}: local part before, a dotted domain after. */
    private void email(int at) {
        int s = at;
        int limit = Math.max(0, at - EDGE);
        while (s > limit && (isAlnum(t[s - 1]) || ".%+-_".indexOf(t[s - 1]) >= 0)) {
            s--;
        }
        if (s == at || at + 1 >= n || !isAlnum(t[at + 1])) {
            return;
        }
        int e = at + 1;
        int end = Math.min(n, at + 1 + EDGE);
        boolean dot = false;
        while (e < end && (isAlnum(t[e]) || ((t[e] == '.' || t[e] == '-') && e + 1 < n && isAlnum(t[e + 1])))) {
            dot |= t[e] == '.';
            e++;
        }
        if (dot) {
            addAnchor(s, e, Kind.IDENTIFIER);
        }
    }

    /** True if the {@code . ! ?} at {@code i} ends a sentence. */
    private boolean sentenceEnd(int i) {
        int j = i + 1;
        while (j < n && (t[j] == '"' || t[j] == '\'' || t[j] == ')' || t[j] == '\u201D' || t[j] == '\u2019')) {
            j++;
        }
        if (j < n && !isSpace(t[j])) {
            return false;
        }
        if (t[i] != '.') {
            return true;
        }
        // not before a lower-case word ("approx. five", "e.g. this")
        int k = j;
        while (k < n && (t[k] == ' ' || t[k] == '\t')) {
            k++;
        }
        if (k < n && t[k] >= 'a' && t[k] <= 'z') {
            return false;
        }
        // not after a title or an initial ("Dr. Patel", "J. Smith")
        int ws = i;
        while (ws > 0 && isLetter(t[ws - 1]) && i - ws < 5) {
            ws--;
        }
        if (ws > 0 && isAlnum(t[ws - 1])) {
            return true;
        }
        int len = i - ws;
        return !(len == 1 && t[ws] >= 'A' && t[ws] <= 'Z') && !isTitle(ws, i) && !(len == 2
                && (t[ws] | 0x20) == 's' && (t[ws + 1] | 0x20) == 't') && !(len == 2 && (t[ws] | 0x20) == 'n'
                && (t[ws + 1] | 0x20) == 'o');
    }

    /** True if the line break at {@code i} ends a sentence or record (see the class comment). */
    private boolean lineBreakEnds(int i) {
        int k = i + 1;
        while (k < n && (t[k] == ' ' || t[k] == '\t' || t[k] == '\r')) {
            k++;
        }
        if (k >= n || t[k] == '\n') {
            return true;
        }
        if (t[k] >= 'a' && t[k] <= 'z') {
            return false;
        }
        return !(isFieldLine(k) && isFieldLine(lineStart(i)));
    }

    private int lineStart(int newline) {
        int s = newline;
        int limit = Math.max(0, newline - 200);
        while (s > limit && t[s - 1] != '\n') {
            s--;
        }
        return s > limit || s == 0 ? s : -1;
    }

    /** A "Label: value" line: a colon after a letter and before white space within the first 40 characters. */
    private boolean isFieldLine(int s) {
        if (s < 0) {
            return false;
        }
        int end = Math.min(n, s + 40);
        for (int i = s + 1; i < end && t[i] != '\n'; i++) {
            if (t[i] == ':' && isLetter(t[i - 1]) && (i + 1 >= n || isSpace(t[i + 1]))) {
                return true;
            }
        }
        return false;
    }

    // ------------------------------------------------------------------ storage

    private void addAnchor(int s, int e, Kind kind) {
        for (int i = Math.max(s, from); i < Math.min(e, to); i++) {
            if (covered[i - from]) {
                return;
            }
        }
        if (anchorCount == anchorStart.length) {
            anchorStart = Arrays.copyOf(anchorStart, anchorCount * 2);
            anchorEnd = Arrays.copyOf(anchorEnd, anchorCount * 2);
            anchorKind = Arrays.copyOf(anchorKind, anchorCount * 2);
        }
        anchorStart[anchorCount] = s;
        anchorEnd[anchorCount] = e;
        anchorKind[anchorCount] = kind;
        anchorCount++;
    }

    private void addPurpose(int s) {
        if (purposeCount == purposeStart.length) {
            purposeStart = Arrays.copyOf(purposeStart, purposeCount * 2);
        }
        purposeStart[purposeCount++] = s;
    }

    /** Anchors come from two passes: merge them into start order (insertion sort: they are nearly sorted). */
    private void sortAnchors() {
        for (int i = 1; i < anchorCount; i++) {
            int s = anchorStart[i];
            int e = anchorEnd[i];
            Kind k = anchorKind[i];
            int j = i - 1;
            while (j >= 0 && anchorStart[j] > s) {
                anchorStart[j + 1] = anchorStart[j];
                anchorEnd[j + 1] = anchorEnd[j];
                anchorKind[j + 1] = anchorKind[j];
                j--;
            }
            anchorStart[j + 1] = s;
            anchorEnd[j + 1] = e;
            anchorKind[j + 1] = k;
        }
        Arrays.sort(purposeStart, 0, purposeCount);
    }

    private int firstAnchorFrom(int lo) {
        int a = 0;
        int b = anchorCount;
        while (a < b) {
            int m = (a + b) >>> 1;
            if (anchorStart[m] < lo) {
                a = m + 1;
            } else {
                b = m;
            }
        }
        return a;
    }

    private boolean isLowerTail(int s, int e) {
        for (int i = s; i < e; i++) {
            if (t[i] < 'a' || t[i] > 'z') {
                return false;
            }
        }
        return true;
    }

    private boolean isUpperTail(int s, int e) {
        for (int i = s; i < e; i++) {
            if (t[i] < 'A' || t[i] > 'Z') {
                return false;
            }
        }
        return true;
    }

    private static boolean isAlnum(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }

    private static boolean isLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
    }
}
