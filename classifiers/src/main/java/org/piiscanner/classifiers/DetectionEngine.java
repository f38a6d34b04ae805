package org.piiscanner.classifiers;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.piiscanner.classifiers.config.ConfigurationException;
import org.piiscanner.classifiers.config.ContextSettings;
import org.piiscanner.classifiers.config.CustomDetectorSettings;
import org.piiscanner.classifiers.config.DenyListSettings;
import org.piiscanner.classifiers.config.DetectionSettings;
import org.piiscanner.classifiers.config.DetectorSettings;
import org.piiscanner.classifiers.config.TestValuePolicy;
import org.piiscanner.classifiers.detectors.DenyListDetector;
import org.piiscanner.classifiers.detectors.RegexDetector;
import org.piiscanner.classifiers.text.NormalizedText;
import org.piiscanner.classifiers.text.TextNormalizer;

/**
 * Runs detectors over texts: normalises the text, walks it once to find candidates, lets the subscribed detectors
 * validate them, scores matches with context words, drops weak and allow-listed ones, resolves overlaps and maps
 * offsets back to the original text.
 *
 * <p>Build one engine per configuration and share it: it is immutable and thread-safe (per-thread scratch space is
 * kept in a {@link ThreadLocal}).
 */
public final class DetectionEngine {

    private static final byte[] CHAR_FLAGS = new byte[128];
    private static final byte ALNUM = 16;

    static {
        for (char c = '0'; c <= '9'; c++) {
            CHAR_FLAGS[c] = (byte) (ALNUM | Candidate.DIGIT);
        }
        for (char c = 'A'; c <= 'Z'; c++) {
            CHAR_FLAGS[c] = (byte) (ALNUM | Candidate.UPPER | (c <= 'F' ? 0 : Candidate.NON_HEX));
        }
        for (char c = 'a'; c <= 'z'; c++) {
            CHAR_FLAGS[c] = (byte) (ALNUM | Candidate.LOWER | (c <= 'f' ? 0 : Candidate.NON_HEX));
        }
    }

    private final Slot[] slots;
    private final Slot[] compoundSlots;
    private final Slot[] atSlots;
    private final Slot[] urlSlots;
    private final Slot[] wholeTextSlots;
    private final ContextSettings context;
    private final TestValuePolicy testValues;
    private final Set<String> allowList;
    private final List<Pattern> allowPatterns;
    private final Set<EntityType> reportedTypes;
    /** Context words of all detectors, by language code; "en" is the fallback. */
    private final Map<String, ContextIndex> contextIndexes;
    private final ContextIndex englishIndex;
    private final ThreadLocal<Scratch> scratch = ThreadLocal.withInitial(Scratch::new);

    private DetectionEngine(List<Slot> slots, DetectionSettings settings, Set<EntityType> reportedTypes) {
        this.slots = slots.toArray(Slot[]::new);
        this.compoundSlots = slots.stream().filter(s -> s.detector.triggers().contains(Trigger.COMPOUND))
                .toArray(Slot[]::new);
        this.atSlots = slots.stream().filter(s -> s.detector.triggers().contains(Trigger.AT_SIGN))
                .toArray(Slot[]::new);
        this.urlSlots = slots.stream().filter(s -> s.detector.triggers().contains(Trigger.URL_SCHEME))
                .toArray(Slot[]::new);
        this.wholeTextSlots = slots.stream().filter(s -> s.detector.triggers().contains(Trigger.WHOLE_TEXT))
                .toArray(Slot[]::new);
        this.context = settings.context();
        this.testValues = settings.testValues();
        Set<String> allow = new HashSet<>();
        for (String v : settings.allowList()) {
            allow.add(compactValue(v));
        }
        this.allowList = Set.copyOf(allow);
        this.allowPatterns = settings.allowPatterns().stream().map(p -> compile(p, "allow-patterns")).toList();
        this.reportedTypes = Set.copyOf(reportedTypes);
        Set<String> languages = new java.util.TreeSet<>(List.of("en"));
        slots.forEach(slot -> languages.addAll(slot.words.keySet()));
        Map<String, ContextIndex> indexes = new HashMap<>();
        for (String lang : languages) {
            indexes.put(lang, ContextIndex.of(slots.stream().map(slot -> slot.words(lang)).toList()));
        }
        this.contextIndexes = Map.copyOf(indexes);
        this.englishIndex = indexes.get("en");
    }

    /** A builder starting from {@link DetectionSettings#defaults()} and the ServiceLoader registry. */
    public static Builder builder() {
        return new Builder();
    }

    /** An engine with default settings, every registered detector enabled. */
    public static DetectionEngine createDefault() {
        return builder().build();
    }

    /** An engine running exactly these detectors with default settings (for tests and single-detector use). */
    public static DetectionEngine forDetectors(Collection<? extends Detector> detectors) {
        return builder().registry(DetectorRegistry.of(detectors)).build();
    }

    /** Detects personal data in English free text. */
    public List<Finding> detect(CharSequence text) {
        return detect(text, DetectionContext.DEFAULT);
    }

    /**
     * Detects personal data in {@code text}.
     *
     * @return findings sorted by start offset (then end), with offsets into {@code text}
     */
    public List<Finding> detect(CharSequence text, DetectionContext ctx) {
        if (text.isEmpty()) {
            return List.of();
        }
        NormalizedText normalized = TextNormalizer.normalize(text);
        Scratch s = scratch.get();
        try {
            s.begin(normalized);
            ContextIndex index = contextIndexes.get(ctx.language().toLowerCase(Locale.ROOT));
            s.index = index != null ? index : englishIndex;
            lex(s);
            for (Slot slot : wholeTextSlots) {
                s.current = slot;
                s.candidate.trigger = Trigger.WHOLE_TEXT;
                s.candidate.words = 0;
                s.candidate.position = 0;
                slot.detector.scan(s.candidate, s);
            }
            if (s.matches.isEmpty()) {
                return List.of();
            }
            return finish(s, normalized, text, ctx);
        } finally {
            s.end();
        }
    }

    /** The entity types this engine can report. */
    public Set<EntityType> entityTypes() {
        return reportedTypes;
    }

    /** Ids of the detectors this engine runs, in priority order. */
    public List<String> detectorIds() {
        List<String> ids = new ArrayList<>();
        for (Slot s : slots) {
            ids.add(s.detector.id());
        }
        return ids;
    }

    // ---------------------------------------------------------------- candidate pass

    private void lex(Scratch s) {
        Candidate c = s.candidate;
        ContextIndex index = s.index.isEmpty() ? null : s.index;
        char[] t = c.text;
        int n = c.length;
        c.words = 0;
        c.compoundFlags = 0;
        boolean prevStrong = false;
        char pending = Candidate.NONE;
        int i = 0;
        while (i < n) {
            char ch = t[i];
            byte cf = ch < 128 ? CHAR_FLAGS[ch] : 0;
            if (cf != 0) {
                int ws = i;
                int f = 0;
                int h = 0;
                do {
                    f |= cf;
                    h = ContextIndex.hash(h, ch);
                    if (++i >= n) {
                        break;
                    }
                    ch = t[i];
                    cf = ch < 128 ? CHAR_FLAGS[ch] : 0;
                } while (cf != 0);
                f &= 0x0F;
                if (index != null) {
                    index.onWord(t, ws, i, h, s.hits);
                }
                boolean upperOnly = (f & (Candidate.DIGIT | Candidate.UPPER | Candidate.LOWER)) == Candidate.UPPER;
                boolean strong = (f & Candidate.DIGIT) != 0 || upperOnly;
                if (!strong && (pending == Candidate.NONE || pending == ' ')) {
                    // Fast path for ordinary words: a weak word cannot join the open compound across a space; if
                    // no joiner follows it either, it is a compound of its own that no detector wants.
                    char next = i < n ? t[i] : ' ';
                    if (next != '-' && next != '.' && next != '/' && next != ':' && next != '<') {
                        if (c.words > 0) {
                            flush(s);
                        }
                        pending = Candidate.NONE;
                        prevStrong = false;
                        continue;
                    }
                }
                if (c.words > 0) {
                    boolean join = pending != Candidate.NONE && c.words < Candidate.MAX_WORDS
                            && (pending != ' ' || (prevStrong && strong));
                    if (join) {
                        c.joiner[c.words - 1] = pending;
                        if (pending == ':' || pending == Candidate.DOUBLE_COLON) {
                            c.compoundFlags = 1;
                        }
                    } else {
                        flush(s);
                    }
                }
                int w = c.words++;
                c.wordStart[w] = ws;
                c.wordEnd[w] = i;
                c.wordFlags[w] = f;
                c.joiner[w] = Candidate.NONE;
                if ((f & Candidate.DIGIT) != 0 || (upperOnly && i - ws >= 2)) {
                    c.compoundFlags = 1;
                }
                prevStrong = strong;
                pending = Candidate.NONE;
                if (i < n) {
                    char j = t[i];
                    if (j == ' ' || j == '-' || j == '.' || j == '/') {
                        if (i + 1 < n && isAlnum(t[i + 1])) {
                            pending = j;
                            i++;
                            continue;
                        }
                    } else if (j == ':') {
                        if (i + 1 < n && isAlnum(t[i + 1])) {
                            pending = ':';
                            i++;
                            continue;
                        }
                        if (i + 2 < n && t[i + 1] == ':' && isAlnum(t[i + 2])) {
                            pending = Candidate.DOUBLE_COLON;
                            i += 2;
                            continue;
                        }
                    } else if (j == '<') {
                        int k = i;
                        while (k < n && t[k] == '<') {
                            k++;
                        }
                        if (k < n && isAlnum(t[k])) {
                            pending = '<';
                            i = k;
                            continue;
                        }
                    }
                }
                flush(s);
                continue;
            }
            if (ch == '@') {
                dispatch(s, atSlots, Trigger.AT_SIGN, i);
            } else if (ch == ':' && i + 2 < n && t[i + 1] == '/' && t[i + 2] == '/') {
                dispatch(s, urlSlots, Trigger.URL_SCHEME, i);
            } else if (ch == '\n') {
                recordBlankLine(s, t, i);
            }
            i++;
        }
        flush(s);
    }

    /** Records a paragraph break if the newline at {@code i} ends a blank line (only spaces, tabs, CRs since the last). */
    private static void recordBlankLine(Scratch s, char[] t, int i) {
        int k = i - 1;
        while (k >= 0 && (t[k] == ' ' || t[k] == '\t' || t[k] == '\r')) {
            k--;
        }
        if (k >= 0 && t[k] == '\n') {
            s.addBreak(k, i);
        }
    }

    private static boolean isAlnum(char c) {
        return c < 128 && CHAR_FLAGS[c] != 0;
    }

    /** Dispatches the current compound (if interesting) and starts a new one. */
    private void flush(Scratch s) {
        Candidate c = s.candidate;
        if (c.words == 0) {
            return;
        }
        if (c.words > 1 && c.joiner[0] == '.' && c.wordLength(0) == 3 && isWww(c.text, c.wordStart[0])) {
            int words = c.words;
            c.words = 0;
            dispatch(s, urlSlots, Trigger.URL_SCHEME, c.wordStart[0]);
            c.words = words;
        }
        if (c.compoundFlags != 0) {
            c.trigger = Trigger.COMPOUND;
            c.position = c.wordStart[0];
            int features = features(c);
            int length = c.end() - c.start();
            for (Slot slot : compoundSlots) {
                if (slot.filter.accepts(length, features)) {
                    s.current = slot;
                    slot.detector.scan(c, s);
                }
            }
        }
        c.words = 0;
        c.compoundFlags = 0;
    }

    /** The {@link CompoundFilter} features of the current compound. */
    private static int features(Candidate c) {
        int features = 0;
        for (int w = 0; w < c.words; w++) {
            int f = c.wordFlags[w];
            if ((f & Candidate.DIGIT) != 0) {
                features |= CompoundFilter.DIGIT;
                if ((f & (Candidate.UPPER | Candidate.LOWER)) != 0) {
                    features |= CompoundFilter.MIXED;
                }
            }
            if ((f & Candidate.UPPER) != 0) {
                features |= CompoundFilter.UPPER | CompoundFilter.LETTER;
            } else if ((f & Candidate.LOWER) != 0) {
                features |= CompoundFilter.LETTER;
            }
            char j = c.joiner[w];
            if (w + 1 < c.words) {
                if (j == ':' || j == Candidate.DOUBLE_COLON) {
                    features |= CompoundFilter.COLON;
                } else if (j == '.') {
                    features |= CompoundFilter.DOT;
                } else if (j == '-') {
                    features |= CompoundFilter.HYPHEN;
                } else if (j == '/') {
                    features |= CompoundFilter.SLASH;
                } else if (j == ' ') {
                    features |= CompoundFilter.SPACE;
                }
            }
        }
        int start = c.wordStart[0];
        int end = c.wordEnd[c.words - 1];
        char before = c.charAt(start - 1);
        char after = c.charAt(end);
        if (before == ':' || after == ':') {
            features |= CompoundFilter.COLON;
        }
        if (end - start >= 7) {
            features |= CompoundFilter.LONG;
        }
        if (before == '+' || before == '(' || after == '(' || after == ')') {
            features |= CompoundFilter.AFFIX;
        }
        if ((after == ' ' || after == '-') && isLetter(c.charAt(end + 1))) {
            features |= CompoundFilter.WORD_AFTER;
        }
        return features;
    }

    private static boolean isLetter(char ch) {
        return ch < 128 && (CHAR_FLAGS[ch] & (Candidate.UPPER | Candidate.LOWER)) != 0;
    }

    private static boolean isWww(char[] t, int i) {
        return (t[i] | 32) == 'w' && (t[i + 1] | 32) == 'w' && (t[i + 2] | 32) == 'w';
    }

    private static void dispatch(Scratch s, Slot[] targets, Trigger trigger, int position) {
        if (targets.length == 0) {
            return;
        }
        Candidate c = s.candidate;
        int words = c.words;
        int flags = c.compoundFlags;
        c.words = 0;
        c.trigger = trigger;
        c.position = position;
        for (Slot slot : targets) {
            s.current = slot;
            slot.detector.scan(c, s);
        }
        c.words = words;
        c.compoundFlags = flags;
    }

    // ---------------------------------------------------------------- scoring, filtering, overlaps

    private List<Finding> finish(Scratch s, NormalizedText normalized, CharSequence original,
            DetectionContext ctx) {
        char[] t = normalized.chars();
        int n = normalized.length();
        ContextIndex index = s.index;
        ContextIndex.Hits fieldHits = null;
        if (!ctx.fieldName().isEmpty() && !index.isEmpty()) {
            fieldHits = s.fieldHits;
            fieldHits.reset();
            index.scan(fieldContext(ctx.fieldName()), fieldHits);
        }
        List<Scored> scored = new ArrayList<>(s.matches.size());
        for (RawMatch m : s.matches) {
            Slot slot = m.slot;
            if (m.testValue && testValues == TestValuePolicy.SUPPRESS) {
                continue;
            }
            if (!reportedTypes.contains(m.type)) {
                continue;
            }
            double base = m.pattern.score();
            searchContext(index, slot, n, m.start, m.end, fieldHits, s);
            boolean negativeWins = s.negative >= 0 && s.negativeDistance < s.positiveDistance;
            // The nearer word decides: "DOB 01/02/1985 ... created 03/04/2020" boosts only the first date.
            int positive = negativeWins ? -1 : s.positive;
            int negative = negativeWins ? s.negative : -1;
            if (positive < 0 && m.pattern.contextRequired()) {
                continue;
            }
            double boosted = positive < 0 ? base
                    : Math.max(Math.min(1.0, base + context.similarityFactor()), context.minScoreWithContext());
            double score = negative < 0 ? boosted : Math.max(0.0, boosted - context.negativeFactor());
            score = round(score);
            if (score < slot.minScore || score <= 0) {
                continue;
            }
            int os = normalized.originalStart(m.start);
            int oe = normalized.originalEnd(m.end);
            String value = original.subSequence(os, oe).toString();
            if (isAllowListed(value)) {
                continue;
            }
            List<ContextEffect> effects = positive < 0 && negative < 0 ? List.of()
                    : positive >= 0 ? List.of(new ContextEffect(index.phrase(positive), round(boosted - base)))
                    : List.of(new ContextEffect(index.phrase(negative), round(score - boosted)));
            Explanation why = new Explanation(slot.detector.id(), m.pattern.name(), base, m.validation, effects,
                    score, m.note);
            scored.add(new Scored(new Finding(m.type, os, oe, score, m.testValue, why, value), slot));
        }
        return resolveOverlaps(scored);
    }

    private static double round(double v) {
        return Math.round(v * 1000.0) / 1000.0;
    }

    private boolean isAllowListed(String value) {
        if (!allowList.isEmpty() && allowList.contains(compactValue(value))) {
            return true;
        }
        for (Pattern p : allowPatterns) {
            if (p.matcher(value).matches()) {
                return true;
            }
        }
        return false;
    }

    /** Upper-case letters and digits of a value, for allow-list comparison. */
    static String compactValue(String v) {
        StringBuilder sb = new StringBuilder(v.length());
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c != ' ' && c != '-' && c != '.' && c != '\u00A0' && c != '\t') {
                sb.append(Character.toUpperCase(c));
            }
        }
        return sb.toString();
    }

    /** A field or column name as context text: separators become spaces, camelCase is split. */
    private static char[] fieldContext(String name) {
        StringBuilder sb = new StringBuilder(name.length() + 8);
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '_' || c == '-' || c == '.') {
                sb.append(' ');
            } else {
                if (Character.isUpperCase(c) && i > 0 && Character.isLowerCase(name.charAt(i - 1))) {
                    sb.append(' ');
                }
                sb.append(c);
            }
        }
        return sb.toString().toCharArray();
    }

    /**
     * Finds the positive and the negative context word nearest to {@code [start, end)} among the text's phrase hits,
     * each within its own window (inside the match too when the detector asks for it), falling back to the field
     * name; leaves them and their distances in {@code s}. A field-name word is farther than any word in the text.
     */
    private void searchContext(ContextIndex index, Slot slot, int n, int start, int end, ContextIndex.Hits fieldHits,
            Scratch s) {
        s.positive = -1;
        s.negative = -1;
        s.positiveDistance = Integer.MAX_VALUE;
        s.negativeDistance = Integer.MAX_VALUE;
        ContextIndex.Hits hits = s.hits;
        if (hits.size > 0) {
            boolean inside = slot.detector.contextInsideMatches();
            int from = windowStart(s, start, Math.max(context.windowBefore(), context.negativeWindowBefore()));
            int to = windowEnd(s, n, end, Math.max(context.windowAfter(), context.negativeWindowAfter()));
            for (int i = hits.firstEndingAfter(from); i < hits.size; i++) {
                int hs = hits.start[i];
                int he = hits.end[i];
                if (hs >= to) {
                    if (he >= to + MAX_PHRASE_SPAN) {
                        break;
                    }
                    continue;
                }
                if (hs < from) {
                    continue;
                }
                byte polarity = index.polarity(hits.phrase[i], slot.order);
                if (polarity == ContextIndex.NONE) {
                    continue;
                }
                boolean negative = polarity == ContextIndex.NEGATIVE;
                int distance;
                if (he <= start) {
                    distance = start - he;
                    if (distance > (negative ? context.negativeWindowBefore() : context.windowBefore())) {
                        continue;
                    }
                } else if (hs >= end) {
                    distance = hs - end;
                    if (distance > (negative ? context.negativeWindowAfter() : context.windowAfter())) {
                        continue;
                    }
                } else if (inside && hs > start && he < end) {
                    distance = 0;
                } else {
                    continue; // part of the value itself ("BFPO 61", "ext" of an extension)
                }
                s.consider(hits.phrase[i], negative, distance, he - hs);
            }
        }
        if (fieldHits != null && (s.positive < 0 || s.negative < 0)) {
            for (int i = 0; i < fieldHits.size; i++) {
                byte polarity = index.polarity(fieldHits.phrase[i], slot.order);
                boolean negative = polarity == ContextIndex.NEGATIVE;
                if (polarity != ContextIndex.NONE && (negative ? s.negative < 0 : s.positive < 0)) {
                    s.consider(fieldHits.phrase[i], negative, Integer.MAX_VALUE - 1, 0);
                }
            }
        }
    }

    /** Upper bound of a phrase's length in the text, to stop scanning hits sorted by end. */
    private static final int MAX_PHRASE_SPAN = 128;

    /** Start of the context window before {@code start}: {@code before} characters, not crossing a blank line. */
    private int windowStart(Scratch s, int start, int before) {
        int from = Math.max(0, start - before);
        if (context.stopAtParagraph() && s.breaks > 0) {
            // the last blank line ending before start
            int lo = 0;
            int hi = s.breaks - 1;
            int found = -1;
            while (lo <= hi) {
                int mid = (lo + hi) >>> 1;
                if (s.breakSecond[mid] < start) {
                    found = mid;
                    lo = mid + 1;
                } else {
                    hi = mid - 1;
                }
            }
            if (found >= 0 && s.breakSecond[found] + 1 > from) {
                from = s.breakSecond[found] + 1;
            }
        }
        return from;
    }

    /** End of the context window after {@code end}: {@code after} characters, not crossing a blank line. */
    private int windowEnd(Scratch s, int n, int end, int after) {
        int to = Math.min(n, end + after);
        if (context.stopAtParagraph() && s.breaks > 0) {
            // the first blank line starting at or after end
            int lo = 0;
            int hi = s.breaks - 1;
            int found = -1;
            while (lo <= hi) {
                int mid = (lo + hi) >>> 1;
                if (s.breakFirst[mid] >= end) {
                    found = mid;
                    hi = mid - 1;
                } else {
                    lo = mid + 1;
                }
            }
            if (found >= 0 && s.breakFirst[found] < to) {
                to = s.breakFirst[found];
            }
        }
        return to;
    }

    /** Start, then end, then type name. */
    private static final Comparator<Finding> BY_POSITION = (a, b) -> {
        if (a.start() != b.start()) {
            return Integer.compare(a.start(), b.start());
        }
        if (a.end() != b.end()) {
            return Integer.compare(a.end(), b.end());
        }
        return a.type().name().compareTo(b.type().name());
    };

    /** Higher score, then longer span, then detector priority, then position. */
    private static final Comparator<Scored> BY_STRENGTH = (x, y) -> {
        Finding a = x.finding;
        Finding b = y.finding;
        if (a.score() != b.score()) {
            return Double.compare(b.score(), a.score());
        }
        int la = a.end() - a.start();
        int lb = b.end() - b.start();
        if (la != lb) {
            return Integer.compare(lb, la);
        }
        if (x.slot.order != y.slot.order) {
            return Integer.compare(x.slot.order, y.slot.order);
        }
        return Integer.compare(a.start(), b.start());
    };

    private static List<Finding> resolveOverlaps(List<Scored> scored) {
        if (scored.size() == 1) {
            return List.of(scored.get(0).finding);
        }
        // Matches arrive almost in text order and rarely overlap: check that first (linear on sorted input).
        List<Finding> inOrder = new ArrayList<>(scored.size());
        for (Scored x : scored) {
            inOrder.add(x.finding);
        }
        inOrder.sort(BY_POSITION);
        int maxEnd = -1;
        boolean overlap = false;
        for (Finding f : inOrder) {
            if (f.start() < maxEnd) {
                overlap = true;
                break;
            }
            maxEnd = f.end();
        }
        if (!overlap) {
            return inOrder;
        }
        scored.sort(BY_STRENGTH);
        TreeMap<Integer, List<Scored>> kept = new TreeMap<>();
        int maxLength = 0;
        List<Finding> out = new ArrayList<>(scored.size());
        for (Scored candidate : scored) {
            Finding f = candidate.finding;
            boolean conflict = false;
            for (List<Scored> bucket : kept.subMap(f.start() - maxLength, true, f.end(), false).values()) {
                for (Scored k : bucket) {
                    if (k.finding.end() > f.start() && k.finding.start() < f.end() && !nestingAllowed(k, candidate)) {
                        conflict = true;
                        break;
                    }
                }
                if (conflict) {
                    break;
                }
            }
            if (!conflict) {
                kept.computeIfAbsent(f.start(), k -> new ArrayList<>(1)).add(candidate);
                maxLength = Math.max(maxLength, f.end() - f.start());
                out.add(f);
            }
        }
        out.sort(BY_POSITION);
        return out;
    }

    private static boolean nestingAllowed(Scored a, Scored b) {
        if (a.finding.type().equals(b.finding.type())) {
            return false;
        }
        Finding fa = a.finding;
        Finding fb = b.finding;
        if (fa.start() <= fb.start() && fa.end() >= fb.end() && a.slot.detector.allowsNestedFindings()) {
            return true;
        }
        return fb.start() <= fa.start() && fb.end() >= fa.end() && b.slot.detector.allowsNestedFindings();
    }

    private static Pattern compile(String regex, String where) {
        try {
            return Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw new ConfigurationException(where + ": invalid regular expression '" + regex + "': "
                    + e.getDescription());
        }
    }

    // ---------------------------------------------------------------- internals

    private record Scored(Finding finding, Slot slot) {
    }

    private static final class RawMatch {
        final Slot slot;
        final EntityType type;
        final int start;
        final int end;
        final ScoredPattern pattern;
        final Validation validation;
        final boolean testValue;
        final String note;

        RawMatch(Slot slot, EntityType type, int start, int end, ScoredPattern pattern, Validation validation,
                boolean testValue, String note) {
            this.slot = slot;
            this.type = type;
            this.start = start;
            this.end = end;
            this.pattern = pattern;
            this.validation = validation;
            this.testValue = testValue;
            this.note = note;
        }
    }

    /** Per-thread working memory of one {@link #detect} call. */
    private static final class Scratch implements MatchCollector {
        final Candidate candidate = new Candidate();
        final List<RawMatch> matches = new ArrayList<>();
        Slot current;
        ContextIndex index;
        final ContextIndex.Hits hits = new ContextIndex.Hits();
        final ContextIndex.Hits fieldHits = new ContextIndex.Hits();
        int positive;
        int positiveDistance;
        int positiveLength;
        int negative;
        int negativeDistance;
        int negativeLength;

        /** Keeps the nearest positive and the nearest negative phrase (the longer one on a tie). */
        void consider(int phrase, boolean neg, int distance, int length) {
            if (neg) {
                if (distance < negativeDistance || (distance == negativeDistance && length > negativeLength)) {
                    negative = phrase;
                    negativeDistance = distance;
                    negativeLength = length;
                }
            } else if (distance < positiveDistance || (distance == positiveDistance && length > positiveLength)) {
                positive = phrase;
                positiveDistance = distance;
                positiveLength = length;
            }
        }

        /** Blank lines of the text: newline positions opening and closing each, in text order. */
        int[] breakFirst = new int[16];
        int[] breakSecond = new int[16];
        int breaks;

        void addBreak(int first, int second) {
            if (breaks == breakFirst.length) {
                breakFirst = java.util.Arrays.copyOf(breakFirst, breaks * 2);
                breakSecond = java.util.Arrays.copyOf(breakSecond, breaks * 2);
            }
            breakFirst[breaks] = first;
            breakSecond[breaks] = second;
            breaks++;
        }

        void begin(NormalizedText text) {
            candidate.text = text.chars();
            candidate.length = text.length();
            candidate.words = 0;
            matches.clear();
            breaks = 0;
            hits.reset();
        }

        void end() {
            candidate.text = null;
            matches.clear();
            current = null;
        }


        @Override
        public void add(EntityType type, int start, int end, ScoredPattern pattern, Validation validation,
                boolean testValue, String note) {
            if (validation == Validation.INVALID || start < 0 || end <= start || end > candidate.length) {
                return;
            }
            if (!current.types.contains(type)) {
                throw new IllegalStateException("detector '" + current.detector.id() + "' reported " + type
                        + " which it does not declare");
            }
            matches.add(new RawMatch(current, type, start, end, pattern, validation, testValue,
                    note == null ? "" : note));
        }
    }

    /** A configured detector with its compiled context words. */
    private static final class Slot {
        final Detector detector;
        final CompoundFilter filter;
        final int order;
        final double minScore;
        final Set<EntityType> types;
        final Map<String, ContextWords> words;

        Slot(Detector detector, int order, double minScore, Map<String, ContextWords> words) {
            this.detector = detector;
            this.filter = detector.compoundFilter();
            this.order = order;
            this.minScore = minScore;
            this.types = Set.copyOf(detector.entityTypes());
            this.words = Map.copyOf(words);
        }

        /** Context words for a language, the English ones when the language has none configured. */
        ContextWords words(String language) {
            ContextWords w = words.get(language);
            return w != null ? w : words.getOrDefault("en", ContextWords.NONE);
        }
    }

    /** Builds engines; validates configuration loudly. Not thread-safe. */
    public static final class Builder {
        private DetectionSettings settings = DetectionSettings.defaults();
        private DetectorRegistry registry;
        private Set<String> only = Set.of();
        private Set<String> skip = Set.of();

        private Builder() {
        }

        public Builder settings(DetectionSettings settings) {
            this.settings = settings;
            return this;
        }

        public Builder registry(DetectorRegistry registry) {
            this.registry = registry;
            return this;
        }

        /** Report only these entity type names (empty = all). */
        public Builder onlyTypes(Collection<String> names) {
            this.only = Set.copyOf(names);
            return this;
        }

        /** Never report these entity type names. */
        public Builder skipTypes(Collection<String> names) {
            this.skip = Set.copyOf(names);
            return this;
        }

        /**
         * Builds the engine.
         *
         * @throws ConfigurationException naming the problem: an unknown detector id or type name, a bad option,
         *     an invalid regular expression, a duplicate id
         */
        public DetectionEngine build() {
            DetectorRegistry reg = registry != null ? registry : DetectorRegistry.load();
            for (String id : settings.detectors().keySet()) {
                if (reg.find(id).isEmpty()) {
                    throw new ConfigurationException("unknown detector id '" + id + "' under 'detectors'"
                            + DetectorRegistry.closest(id, reg.ids()).map(s -> " (did you mean '" + s + "'?)")
                                    .orElse("")
                            + "; known detectors: " + String.join(", ", new TreeSet<>(reg.ids())));
                }
            }
            List<Detector> all = new ArrayList<>();
            Map<String, DetectorSettings> perDetector = new LinkedHashMap<>();
            for (Detector d : reg.detectors()) {
                DetectorSettings ds = settings.detectors().getOrDefault(d.id(), DetectorSettings.DEFAULTS);
                if (!ds.enabled()) {
                    continue;
                }
                Detector configured;
                try {
                    configured = d.configure(ds.options());
                } catch (IllegalArgumentException e) {
                    throw new ConfigurationException("detector '" + d.id() + "': " + e.getMessage()
                            + (d.optionKeys().isEmpty() ? "" : " (options: " + String.join(", ", d.optionKeys())
                                    + ")"), e);
                }
                all.add(configured);
                perDetector.put(d.id(), ds);
            }
            Set<String> ids = new HashSet<>(reg.ids());
            for (CustomDetectorSettings custom : settings.customDetectors()) {
                DetectorRegistry.checkId(custom.id());
                if (!ids.add(custom.id())) {
                    throw new ConfigurationException("custom detector id '" + custom.id() + "' is already used");
                }
                all.add(RegexDetector.from(custom));
                perDetector.put(custom.id(), new DetectorSettings(true, null, custom.context(), Map.of()));
            }
            for (DenyListSettings deny : settings.denyLists()) {
                DetectorRegistry.checkId(deny.id());
                if (!ids.add(deny.id())) {
                    throw new ConfigurationException("deny-list id '" + deny.id() + "' is already used");
                }
                all.add(DenyListDetector.from(deny));
                perDetector.put(deny.id(), DetectorSettings.DEFAULTS);
            }

            Set<EntityType> available = new LinkedHashSet<>();
            all.forEach(d -> available.addAll(d.entityTypes()));
            Set<String> availableNames = new TreeSet<>();
            available.forEach(t -> availableNames.add(t.name()));
            for (String name : concat(only, skip)) {
                if (!availableNames.contains(name)) {
                    throw new ConfigurationException("unknown entity type '" + name + "'"
                            + DetectorRegistry.closest(name, availableNames).map(s -> " (did you mean '" + s + "'?)")
                                    .orElse("")
                            + "; known types: " + String.join(", ", availableNames));
                }
            }
            Set<EntityType> reported = new LinkedHashSet<>();
            for (EntityType t : available) {
                if ((only.isEmpty() || only.contains(t.name())) && !skip.contains(t.name())) {
                    reported.add(t);
                }
            }

            List<Slot> slots = new ArrayList<>();
            int order = 0;
            for (Detector d : all) {
                if (d.entityTypes().stream().noneMatch(reported::contains)) {
                    continue;
                }
                DetectorSettings ds = perDetector.get(d.id());
                double min = ds.minScore() != null ? ds.minScore() : settings.minScore();
                slots.add(new Slot(d, order++, min, contextWords(d, ds)));
            }
            return new DetectionEngine(slots, settings, reported);
        }

        private static List<String> concat(Set<String> a, Set<String> b) {
            List<String> l = new ArrayList<>(a);
            l.addAll(b);
            return l;
        }

        /**
         * Context words per language: the detector's built-in words (mostly language-neutral hotwords such as
         * IBAN, NHS, VAT) apply to every language; configuration adds to them or, with replace-defaults, replaces
         * them for one language.
         */
        private static Map<String, ContextWords> contextWords(Detector d, DetectorSettings ds) {
            Map<String, ContextWords> words = new HashMap<>();
            words.put("en", d.contextWords());
            ds.context().forEach((lang, cfg) -> {
                String key = lang.toLowerCase(Locale.ROOT);
                ContextWords configured = new ContextWords(cfg.positive(), cfg.negative());
                ContextWords base = words.getOrDefault(key, d.contextWords());
                words.put(key, cfg.replaceDefaults() ? configured : base.plus(configured));
            });
            return words;
        }
    }
}
