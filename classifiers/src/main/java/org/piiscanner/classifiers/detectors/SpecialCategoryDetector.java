package org.piiscanner.classifiers.detectors;

import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.piiscanner.classifiers.Candidate;
import org.piiscanner.classifiers.ContextWords;
import org.piiscanner.classifiers.Detector;
import org.piiscanner.classifiers.EntityType;
import org.piiscanner.classifiers.MatchCollector;
import org.piiscanner.classifiers.ScoredPattern;
import org.piiscanner.classifiers.Trigger;
import org.piiscanner.classifiers.Validation;
import org.piiscanner.classifiers.detectors.SpecialCategoryLexicon.Entry;
import org.piiscanner.classifiers.detectors.SpecialCategoryLexicon.Strength;

/**
 * Special-category (UK GDPR Art. 9: health, ethnic origin, political opinions, religious beliefs, trade union
 * membership, genetic, biometric, sex life) and criminal-offence (Art. 10) data in free text, with the phrase lists
 * and rules of identifiers spec §21 ({@link SpecialCategoryLexicon}).
 *
 * <p>Phrases first: one automaton pass over the whole text finds every listed phrase and exclusion; a text without
 * a listed phrase costs nothing more. A phrase is reported only if
 * <ol>
 *   <li>its own rule holds (exact case for acronyms, not capitalised mid-sentence for {@code cancer}, {@code gay},
 *       {@code depression}, not after a hyphen for {@code agnostic});</li>
 *   <li>no exclusion overlaps it ({@code health and safety}, {@code European Union}, {@code cardiac arrest},
 *       {@code Church Street}, {@code genetic algorithm}, {@code UNION ALL}, {@code charged with a fee}...) and no
 *       longer listed phrase contains it;</li>
 *   <li>a person anchor ({@link PersonAnchors}: an identifier, a name, a role noun, a pronoun) is in the same
 *       sentence or record, outside the phrase itself;</li>
 *   <li>for biometric captures that do not imply identification ({@code iris scan}, {@code biometric data}), an
 *       identification-purpose word is in the same sentence.</li>
 * </ol>
 * Negation does not suppress: "no criminal record" and "has no disability" are still Art. 10 and Art. 9 data.
 *
 * <p>The finding is the phrase. Its pattern names the type, the evidence and the anchor kind, e.g.
 * {@code SPECIAL_CATEGORY_HEALTH (phrase + pronoun anchor)}; scores: multi-word phrase 0.7, single word (or a
 * phrase with a common other sense) 0.5, weak phrase ({@code civil partner}, {@code maternity leave}) 0.45. The
 * note names the list and the anchor kind, never the anchor's text.
 *
 * <p>Immutable and thread-safe; per-scan state is allocated only when the text holds a listed phrase.
 */
public final class SpecialCategoryDetector implements Detector {

    private static final Map<String, ScoredPattern> PATTERNS;

    static {
        Map<String, ScoredPattern> patterns = new LinkedHashMap<>();
        for (Entry e : SpecialCategoryLexicon.textEntries()) {
            for (PersonAnchors.Kind kind : PersonAnchors.Kind.values()) {
                String name = patternName(e.type(), e.strength(), e.has(SpecialCategoryLexicon.NEEDS_PURPOSE),
                        kind);
                patterns.computeIfAbsent(name, k -> ScoredPattern.of(k, e.strength().score));
            }
        }
        PATTERNS = Map.copyOf(patterns);
    }

    private static final List<ScoredPattern> PATTERN_LIST = PATTERNS.values().stream()
            .sorted(Comparator.comparing(ScoredPattern::name)).toList();

    @Override
    public String id() {
        return "special_category";
    }

    @Override
    public Set<EntityType> entityTypes() {
        return SpecialCategoryLexicon.types();
    }

    @Override
    public List<ScoredPattern> patterns() {
        return PATTERN_LIST;
    }

    @Override
    public ContextWords contextWords() {
        return ContextWords.NONE;
    }

    @Override
    public Set<Trigger> triggers() {
        return Set.of(Trigger.WHOLE_TEXT);
    }

    @Override
    public void scan(Candidate candidate, MatchCollector out) {
        char[] t = candidate.text();
        int n = candidate.length();
        Hits hits = new Hits();
        int entries = SpecialCategoryLexicon.textEntryCount();
        SpecialCategoryLexicon.textMatcher().find(t, 0, n, n, (id, start, end) -> {
            if (id < entries) {
                hits.add(id, start, end);
            } else {
                hits.exclude(start, end);
            }
            return true;
        });
        if (hits.size == 0) {
            return;
        }
        hits.filter(t, n);
        if (hits.size == 0) {
            return;
        }
        PersonAnchors anchors = new PersonAnchors(t, n);
        int[] lo = new int[hits.size];
        int[] hi = new int[hits.size];
        for (int h = 0; h < hits.size; h++) {
            lo[h] = anchors.scopeStart(hits.start[h]);
            hi[h] = anchors.scopeEnd(hits.end[h]);
        }
        int first = 0;
        while (first < hits.size) {
            // hits whose scopes overlap (usually: the same sentence) share one region scan
            int last = first;
            int regionEnd = hi[first];
            while (last + 1 < hits.size && lo[last + 1] < regionEnd) {
                last++;
                regionEnd = Math.max(regionEnd, hi[last]);
            }
            anchors.scan(lo[first], regionEnd, hits.start, hits.end, first, last);
            for (int h = first; h <= last; h++) {
                report(hits.entry[h], hits.start[h], hits.end[h], lo[h], hi[h], anchors, out);
            }
            first = last + 1;
        }
    }

    private static void report(int id, int start, int end, int lo, int hi, PersonAnchors anchors,
            MatchCollector out) {
        Entry e = SpecialCategoryLexicon.textEntry(id);
        boolean needsPurpose = e.has(SpecialCategoryLexicon.NEEDS_PURPOSE);
        if (needsPurpose && !anchors.purpose(lo, hi)) {
            return;
        }
        PersonAnchors.Kind kind = anchors.anchor(lo, hi);
        if (kind == null) {
            return;
        }
        ScoredPattern pattern = PATTERNS.get(patternName(e.type(), e.strength(), needsPurpose, kind));
        String note = e.section() + " list; " + kind.label + " anchor"
                + (needsPurpose ? " and identification purpose" : "") + " in the same sentence or record";
        out.add(e.type(), start, end, pattern, Validation.NOT_APPLICABLE, false, note);
    }

    private static String patternName(EntityType type, Strength strength, boolean purpose, PersonAnchors.Kind kind) {
        return type.name() + " (" + strength.label + (purpose ? " + identification purpose" : "") + " + "
                + kind.label + " anchor)";
    }

    /** Phrase matches and exclusion matches of one text (arrays allocated at the first match). */
    private static final class Hits {
        private static final int[] NONE = new int[0];

        int[] entry = NONE;
        int[] start = NONE;
        int[] end = NONE;
        int size;
        int[] exStart = NONE;
        int[] exEnd = NONE;
        int exSize;

        void add(int id, int s, int e) {
            if (size == entry.length) {
                entry = Arrays.copyOf(entry, Math.max(8, size * 2));
                start = Arrays.copyOf(start, Math.max(8, size * 2));
                end = Arrays.copyOf(end, Math.max(8, size * 2));
            }
            entry[size] = id;
            start[size] = s;
            end[size] = e;
            size++;
        }

        void exclude(int s, int e) {
            if (exSize == exStart.length) {
                exStart = Arrays.copyOf(exStart, Math.max(8, exSize * 2));
                exEnd = Arrays.copyOf(exEnd, Math.max(8, exSize * 2));
            }
            exStart[exSize] = s;
            exEnd[exSize] = e;
            exSize++;
        }

        /**
         * Sorts the matches by start (longest first), then keeps those whose rule holds, that no exclusion overlaps
         * and that no kept longer match contains.
         */
        void filter(char[] t, int n) {
            sort();
            int[] exOrder = exclusionOrder();
            int kept = 0;
            int maxEnd = -1;
            for (int i = 0; i < size; i++) {
                int s = start[i];
                int e = end[i];
                Entry en = SpecialCategoryLexicon.textEntry(entry[i]);
                if (!ruleHolds(en, t, n, s, e) || excluded(exOrder, s, e) || e <= maxEnd) {
                    continue;
                }
                maxEnd = e;
                entry[kept] = entry[i];
                start[kept] = s;
                end[kept] = e;
                kept++;
            }
            size = kept;
        }

        /** Exclusion indexes sorted by start. */
        private int[] exclusionOrder() {
            Integer[] order = new Integer[exSize];
            for (int i = 0; i < exSize; i++) {
                order[i] = i;
            }
            Arrays.sort(order, (a, b) -> Integer.compare(exStart[a], exStart[b]));
            int[] sortedStart = new int[exSize];
            int[] sortedEnd = new int[exSize];
            for (int i = 0; i < exSize; i++) {
                sortedStart[i] = exStart[order[i]];
                sortedEnd[i] = exEnd[order[i]];
            }
            exStart = sortedStart;
            exEnd = sortedEnd;
            return sortedStart;
        }

        /** True if an exclusion overlaps {@code [s, e)}; exclusions are short, so only a bounded range is read. */
        private boolean excluded(int[] sortedStart, int s, int e) {
            int i = Arrays.binarySearch(sortedStart, 0, exSize, s - MAX_EXCLUSION);
            i = i >= 0 ? i : -i - 1;
            while (i > 0 && sortedStart[i - 1] >= s - MAX_EXCLUSION) {
                i--;
            }
            for (; i < exSize && exStart[i] < e; i++) {
                if (exEnd[i] > s) {
                    return true;
                }
            }
            return false;
        }

        private void sort() {
            Integer[] order = new Integer[size];
            for (int i = 0; i < size; i++) {
                order[i] = i;
            }
            Arrays.sort(order, (a, b) -> start[a] != start[b] ? Integer.compare(start[a], start[b])
                    : Integer.compare(end[b], end[a]));
            int[] en = new int[size];
            int[] st = new int[size];
            int[] nd = new int[size];
            for (int i = 0; i < size; i++) {
                en[i] = entry[order[i]];
                st[i] = start[order[i]];
                nd[i] = end[order[i]];
            }
            entry = en;
            start = st;
            end = nd;
        }
    }

    /** Upper bound of an exclusion's length in the text (the longest listed is under 40 characters). */
    private static final int MAX_EXCLUSION = 80;

    /** The phrase's own rule ({@link SpecialCategoryLexicon#EXACT_CASE}...). */
    static boolean ruleHolds(Entry e, char[] t, int n, int s, int end) {
        if (e.flags() == 0) {
            return true;
        }
        if (e.has(SpecialCategoryLexicon.EXACT_CASE) && !sameCapitals(e.form(), t, s, end)) {
            return false;
        }
        if (e.has(SpecialCategoryLexicon.NOT_AFTER_HYPHEN) && s > 0 && t[s - 1] == '-') {
            return false;
        }
        if (e.has(SpecialCategoryLexicon.NOT_CAPITALISED) && t[s] >= 'A' && t[s] <= 'Z' && !allCapitals(t, s, end)
                && !sentenceInitial(t, s)) {
            return false;
        }
        return true;
    }

    /** True if every letter that is a capital in {@code form} is a capital in the text (spaces match space runs). */
    private static boolean sameCapitals(String form, char[] t, int s, int end) {
        int i = s;
        for (int k = 0; k < form.length() && i < end; k++) {
            char f = form.charAt(k);
            if (f == ' ') {
                while (i < end && Character.isWhitespace(t[i])) {
                    i++;
                }
                continue;
            }
            if (Character.isUpperCase(f) && !Character.isUpperCase(t[i])) {
                return false;
            }
            i++;
        }
        return true;
    }

    private static boolean allCapitals(char[] t, int s, int e) {
        for (int i = s; i < e; i++) {
            if (Character.isLowerCase(t[i])) {
                return false;
            }
        }
        return true;
    }

    /** True if only spaces, quotes or brackets separate {@code s} from a sentence end, a colon or the text start. */
    private static boolean sentenceInitial(char[] t, int s) {
        int i = s - 1;
        int limit = Math.max(-1, s - 8);
        while (i > limit && (t[i] == ' ' || t[i] == '\t' || t[i] == '"' || t[i] == '(' || t[i] == '\''
                || t[i] == '\u201C' || t[i] == '\u2018' || t[i] == '-' || t[i] == '*')) {
            i--;
        }
        return i < 0 || t[i] == '.' || t[i] == '!' || t[i] == '?' || t[i] == ':' || t[i] == '\n' || t[i] == '\r';
    }
}
