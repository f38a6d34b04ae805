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
import org.piiscanner.classifiers.text.PhraseMatcher;
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
                do {
                    f |= cf;
                    if (++i >= n) {
                        break;
                    }
                    ch = t[i];
                    cf = ch < 128 ? CHAR_FLAGS[ch] : 0;
                } while (cf != 0);
                f &= 0x0F;
                boolean upperOnly = (f & (Candidate.DIGIT | Candidate.UPPER | Candidate.LOWER)) == Candidate.UPPER;
                boolean strong = (f & Candidate.DIGIT) != 0 || upperOnly;
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
            }
            i++;
        }
        flush(s);
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
            for (Slot slot : compoundSlots) {
                s.current = slot;
                slot.detector.scan(c, s);
            }
        }
        c.words = 0;
        c.compoundFlags = 0;
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
        String language = ctx.language().toLowerCase(Locale.ROOT);
        char[] field = ctx.fieldName().isEmpty() ? null : fieldContext(ctx.fieldName());
        List<Scored> scored = new ArrayList<>(s.matches.size());
        for (RawMatch m : s.matches) {
            Slot slot = m.slot;
            if (m.testValue && testValues == TestValuePolicy.SUPPRESS) {
                continue;
            }
            if (!reportedTypes.contains(m.type)) {
                continue;
            }
            Slot.Words words = slot.words(language);
            double base = m.pattern.score();
            double score = base;
            List<ContextEffect> effects = new ArrayList<>(2);
            searchContext(words, t, n, m.start, m.end, slot.detector.contextInsideMatches(), field, s);
            String positive = s.positive >= 0 ? words.matcher().phrase(s.positive) : null;
            String negative = null;
            if (s.negative >= 0 && s.negativeDistance < s.positiveDistance) {
                // The nearer word decides: "DOB 01/02/1985 ... created 03/04/2020" boosts only the first date.
                negative = words.matcher().phrase(s.negative);
                positive = null;
            }
            if (positive != null) {
                double boosted = Math.max(Math.min(1.0, score + context.similarityFactor()),
                        context.minScoreWithContext());
                effects.add(new ContextEffect(positive, round(boosted - score)));
                score = boosted;
            } else if (m.pattern.contextRequired()) {
                continue;
            }
            if (negative != null) {
                double reduced = Math.max(0.0, score - context.negativeFactor());
                effects.add(new ContextEffect(negative, round(reduced - score)));
                score = reduced;
            }
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
     * Finds the positive and the negative context word nearest to {@code [start, end)} in one pass before and one
     * after it (inside it too when {@code inside}), each within its own window, falling back to the field name;
     * leaves them and their distances in {@code s}. A field-name word is farther than any word in the text.
     */
    private void searchContext(Slot.Words words, char[] t, int n, int start, int end, boolean inside, char[] field,
            Scratch s) {
        s.startContext(words.negative(), start, end);
        s.positiveBefore = context.windowBefore();
        s.positiveAfter = context.windowAfter();
        s.negativeBefore = context.negativeWindowBefore();
        s.negativeAfter = context.negativeWindowAfter();
        if (words.matcher().isEmpty()) {
            return;
        }
        int[] ring = s.ring(words.matcher().ringSize());
        int before = Math.max(context.windowBefore(), context.negativeWindowBefore());
        int after = Math.max(context.windowAfter(), context.negativeWindowAfter());
        s.side = Scratch.BEFORE;
        words.matcher().find(t, windowStart(t, start, before), inside ? end : start, n, s.contextHit, ring);
        s.side = Scratch.AFTER;
        words.matcher().find(t, end, windowEnd(t, n, end, after), n, s.contextHit, ring);
        if (field != null && (s.positive < 0 || s.negative < 0)) {
            s.side = Scratch.FIELD;
            words.matcher().find(field, 0, field.length, field.length, s.contextHit, ring);
        }
    }

    private int windowStart(char[] t, int start, int before) {
        int from = Math.max(0, start - before);
        if (context.stopAtParagraph()) {
            for (int k = start - 1; k > from; k--) {
                if (t[k] == '\n' && isParagraphBreakBefore(t, k, from)) {
                    return k + 1;
                }
            }
        }
        return from;
    }

    private static boolean isParagraphBreakBefore(char[] t, int newline, int limit) {
        for (int k = newline - 1; k >= limit; k--) {
            char c = t[k];
            if (c == '\n') {
                return true;
            }
            if (c != ' ' && c != '\t' && c != '\r') {
                return false;
            }
        }
        return false;
    }

    private int windowEnd(char[] t, int n, int end, int after) {
        int to = Math.min(n, end + after);
        if (context.stopAtParagraph()) {
            for (int k = end; k < to; k++) {
                if (t[k] == '\n') {
                    for (int j = k + 1; j < to; j++) {
                        char c = t[j];
                        if (c == '\n') {
                            return k;
                        }
                        if (c != ' ' && c != '\t' && c != '\r') {
                            break;
                        }
                    }
                }
            }
        }
        return to;
    }

    private static final Comparator<Finding> BY_POSITION = Comparator.comparingInt(Finding::start)
            .thenComparingInt(Finding::end).thenComparing(f -> f.type().name());

    private static final Comparator<Scored> BY_STRENGTH = Comparator.comparingDouble((Scored x) -> -x.finding.score())
            .thenComparingInt(x -> -(x.finding.end() - x.finding.start()))
            .thenComparingInt(x -> x.slot.order)
            .thenComparingInt(x -> x.finding.start());

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
        int[] ring = new int[64];

        static final int BEFORE = 0;
        static final int AFTER = 1;
        static final int FIELD = 2;
        int side;
        int matchStart;
        int matchEnd;
        boolean[] negativePhrase;
        int positive;
        int positiveDistance;
        int positiveLength;
        int negative;
        int negativeDistance;
        int negativeLength;
        int positiveBefore;
        int positiveAfter;
        int negativeBefore;
        int negativeAfter;

        void startContext(boolean[] negatives, int start, int end) {
            negativePhrase = negatives;
            matchStart = start;
            matchEnd = end;
            positive = -1;
            negative = -1;
            positiveDistance = Integer.MAX_VALUE;
            negativeDistance = Integer.MAX_VALUE;
        }

        /**
         * Keeps the nearest positive and the nearest negative word (the longer one on a tie), each within its
         * window. A word overlapping the match counts only when strictly inside it (a label between two halves of a
         * pair), never when it is part of the value itself ("BFPO 61").
         */
        final PhraseMatcher.Hit contextHit = (phrase, start, end) -> {
            boolean neg = negativePhrase[phrase];
            int distance;
            if (side == BEFORE) {
                if (end > matchStart && (start <= matchStart || end >= matchEnd)) {
                    return true;
                }
                distance = Math.max(0, matchStart - end);
                if (distance > (neg ? negativeBefore : positiveBefore)) {
                    return true;
                }
            } else if (side == AFTER) {
                distance = start - matchEnd;
                if (distance > (neg ? negativeAfter : positiveAfter)) {
                    return true;
                }
            } else {
                if (neg ? negative >= 0 : positive >= 0) {
                    return true;
                }
                distance = Integer.MAX_VALUE - 1;
            }
            int length = end - start;
            if (neg) {
                if (distance < negativeDistance || (distance == negativeDistance && length > negativeLength)) {
                    negative = phrase;
                    negativeDistance = distance;
                    negativeLength = length;
                }
            } else if (distance < positiveDistance
                    || (distance == positiveDistance && length > positiveLength)) {
                positive = phrase;
                positiveDistance = distance;
                positiveLength = length;
            }
            return true;
        };

        void begin(NormalizedText text) {
            candidate.text = text.chars();
            candidate.length = text.length();
            candidate.words = 0;
            matches.clear();
        }

        void end() {
            candidate.text = null;
            matches.clear();
            current = null;
        }

        int[] ring(int size) {
            if (ring.length < size) {
                ring = new int[size];
            }
            return ring;
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
        /** One automaton for a language's positive and negative words; {@code negative[i]} marks phrase i. */
        record Words(PhraseMatcher matcher, boolean[] negative) {
            static Words of(ContextWords w) {
                List<String> all = new ArrayList<>(w.positive());
                all.addAll(w.negative());
                PhraseMatcher m = PhraseMatcher.of(all);
                Set<String> positives = new HashSet<>();
                w.positive().forEach(p -> positives.add(PhraseMatcher.normalisePhrase(p)));
                boolean[] negative = new boolean[m.size()];
                for (int i = 0; i < m.size(); i++) {
                    negative[i] = !positives.contains(m.phrase(i));
                }
                return new Words(m, negative);
            }
        }

        final Detector detector;
        final int order;
        final double minScore;
        final Set<EntityType> types;
        final Map<String, Words> byLanguage;
        final Words english;

        Slot(Detector detector, int order, double minScore, Map<String, ContextWords> words) {
            this.detector = detector;
            this.order = order;
            this.minScore = minScore;
            this.types = Set.copyOf(detector.entityTypes());
            Map<String, Words> compiled = new HashMap<>();
            words.forEach((lang, w) -> compiled.put(lang, Words.of(w)));
            this.byLanguage = Map.copyOf(compiled);
            this.english = compiled.getOrDefault("en", Words.of(ContextWords.NONE));
        }

        Words words(String language) {
            Words w = byLanguage.get(language);
            return w == null ? english : w;
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
