package org.piiscanner.classifiers.names;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import opennlp.tools.namefind.NameFinderME;
import opennlp.tools.sentdetect.SentenceDetectorME;
import opennlp.tools.tokenize.TokenizerME;
import opennlp.tools.util.Span;

/**
 * Finds person, location and organization names in one text: splits it into lines and sentences, skips sentences in
 * which no name can start, tokenises and tags the rest with the name-finder model, then applies the
 * business-document {@link NameRules}.
 *
 * <p>Not thread-safe: it owns OpenNLP's {@code NameFinderME}, {@code SentenceDetectorME} and {@code TokenizerME},
 * which keep per-call state. Use one per thread over shared {@link NameModels}; adaptive data (names seen earlier in
 * the same document) is cleared at the start of every {@link #find} call.
 */
public final class NameTagger {

    /**
     * Capitalised words that start sentences far more often than names: a sentence whose only capitalised word is
     * one of these, in first position, is not tagged.
     */
    static final Set<String> STARTERS = words("The", "A", "An", "This", "That", "These", "Those", "It",
            "Its", "We", "You", "He", "She", "They", "If", "In", "On", "At", "For", "But", "And", "Or", "So", "As",
            "To", "Of", "With", "When", "What", "Why", "How", "Where", "Who", "Which", "There", "Here", "Please",
            "Thanks", "Thank", "Yes", "No", "Not", "Also", "However", "Our", "My", "Your", "His", "Her", "Their",
            "All", "Any", "Some", "Each", "Every", "Do", "Does", "Did", "Is", "Are", "Was", "Were", "Be", "Have",
            "Has", "Had", "Can", "Could", "Will", "Would", "Should", "May", "Might", "Must", "Let", "Just", "Then",
            "Now", "After", "Before", "Because", "Since", "Although", "While", "From", "By", "About", "Into", "Over",
            "Under", "One", "Once", "Well", "Oh", "Ok", "OK", "Okay", "Hi", "Hello", "Yeah", "Most", "Many", "Much",
            "More", "Even", "Only", "Both", "Other", "Another", "Such", "Very", "Still", "Never", "Always", "Maybe",
            "Perhaps", "Sure", "Great", "Good", "Best", "First", "Also", "Again", "Anyway", "Otherwise", "Unless",
            "Until", "Though", "Whether", "Every", "Nothing", "Everything", "Something", "Anything", "Someone",
            "Everyone", "Anyone", "Nobody", "Don't", "I'm", "I've", "I'll", "I'd", "It's", "That's", "There's",
            "Let's", "Can't", "Didn't", "Doesn't", "Isn't", "Wasn't", "Won't", "Note", "See", "Use", "Make", "Get",
            "Go", "Take", "Keep", "Check", "Call", "Send", "Try", "Ask", "Tell", "Give", "Find", "Look", "Read",
            "Click", "Also", "Overall", "Unfortunately", "Actually", "Basically", "Finally", "Additionally",
            "Furthermore", "Moreover", "Therefore", "Thus", "Hence", "Meanwhile", "During", "Without", "Within",
            "Through", "Between", "Against", "Among", "Upon", "Once", "Where", "Whatever", "Whenever", "Wherever",
            "Welcome", "Like", "Congratulations", "Congrats", "Happy", "Meet", "Visit", "Contact", "Email", "Per",
            "Attached", "Regarding", "Re", "FYI", "Please", "Sorry", "Dear", "Hey", "Greetings", "Cheers");

    private final NameFinderME finder;
    private final SentenceDetectorME sentences;
    private final TokenizerME tokenizer;
    private final NameRules rules;
    private final boolean useRules;
    private final boolean fast;

    /** A tagger over the models, with the business-document rules and the fast tokenizer. */
    public NameTagger(NameModels models) {
        this(models, true, true);
    }

    /** A tagger over the models with the fast tokenizer; {@code useRules = false} gives the bare model. */
    public NameTagger(NameModels models, boolean useRules) {
        this(models, useRules, true);
    }

    /**
     * A tagger over the models. {@code useRules = false} gives the bare model (for evaluation); {@code fast = false}
     * uses OpenNLP's UD English-EWT sentence detector and tokenizer instead of the rule-based {@link FastTokenizer}
     * (slower, no more accurate on our evaluation sets: see docs/ner-experiments.md).
     */
    public NameTagger(NameModels models, boolean useRules, boolean fast) {
        this.fast = fast;
        this.finder = new NameFinderME(models.names());
        this.sentences = new SentenceDetectorME(models.sentences());
        this.tokenizer = new TokenizerME(models.tokens());
        this.rules = new NameRules(NameLists.get());
        this.useRules = useRules;
    }

    /** Finds names in {@code text[0, length)}, sorted by start offset, never overlapping. */
    public List<Name> find(char[] text, int length) {
        finder.clearAdaptiveData();
        List<Name> found = new ArrayList<>();
        int lineStart = 0;
        while (lineStart < length) {
            int lineEnd = lineStart;
            int letters = 0;
            while (lineEnd < length && text[lineEnd] != '\n') {
                if (Character.isLetter(text[lineEnd])) {
                    letters++;
                }
                lineEnd++;
            }
            // a line that is mostly digits and symbols (a table row, a log line, a hex dump) is not prose: the
            // rules still see it, the model does not
            if (letters * 10 >= (lineEnd - lineStart) * 4 && worthTagging(text, lineStart, lineEnd)) {
                tagLine(text, lineStart, lineEnd, found);
            }
            lineStart = lineEnd + 1;
        }
        return useRules ? rules.apply(text, length, found) : found;
    }

    /** Finds names in a string (convenience for tests and tools). */
    public List<Name> find(String text) {
        return find(text.toCharArray(), text.length());
    }

    /** Tags pre-tokenised sentences of one document (gold tokens), without rules: for model evaluation. */
    public List<Span[]> tagTokens(List<String[]> sentencesOfDocument) {
        finder.clearAdaptiveData();
        List<Span[]> out = new ArrayList<>();
        for (String[] tokens : sentencesOfDocument) {
            out.add(finder.find(tokens));
        }
        return out;
    }

    private void tagLine(char[] text, int lineStart, int lineEnd, List<Name> found) {
        if (fast) {
            tagLineFast(text, lineStart, lineEnd, found);
            return;
        }
        tagLineUd(text, lineStart, lineEnd, found);
    }

    private int[] tokenStarts = new int[256];
    private int[] tokenEnds = new int[256];

    /** The fast path: rule-based sentences and tokens ({@link FastTokenizer}), then the model. */
    private void tagLineFast(char[] text, int lineStart, int lineEnd, List<Name> found) {
        if (tokenStarts.length < lineEnd - lineStart + 1 && tokenStarts.length < MAX_CHUNK_TOKENS) {
            int size = Math.min(MAX_CHUNK_TOKENS, Integer.highestOneBit(lineEnd - lineStart + 1) << 1);
            tokenStarts = new int[size];
            tokenEnds = new int[size];
        }
        int pos = lineStart;
        while (pos < lineEnd) {
            int count = FastTokenizer.tokenize(text, pos, lineEnd, tokenStarts, tokenEnds);
            if (count == 0) {
                return;
            }
            tagSentences(text, count, found);
            if (count < tokenStarts.length) {
                return;
            }
            pos = tokenEnds[count - 1]; // a very long line: go on after the last token
        }
    }

    /** Tokens per tokenizer call; longer lines are processed in chunks. */
    private static final int MAX_CHUNK_TOKENS = 1 << 16;

    /** Cuts {@code count} tokens into sentences and tags each. */
    private void tagSentences(char[] text, int count, List<Name> found) {
        int s = 0;
        for (int i = 0; i < count; i++) {
            boolean end = i == count - 1;
            if (!end && tokenEnds[i] - tokenStarts[i] == 1) {
                char c = text[tokenStarts[i]];
                if ((c == '.' || c == '!' || c == '?') && i + 1 < count) {
                    char next = text[tokenStarts[i + 1]];
                    end = Character.isUpperCase(next) || next == '"' || next == '(';
                }
            }
            if (end || i - s >= MAX_SENTENCE_TOKENS) {
                tagTokens(text, s, i + 1, found);
                s = i + 1;
            }
        }
    }

    private static final int MAX_SENTENCE_TOKENS = 200;

    /**
     * Tags the sentence {@code tokens[from, to)}: only windows of {@link #WINDOW} tokens around tokens that can
     * start or continue a name (capitalised, not a sentence-initial common word), merged when they touch; the
     * rest of the sentence is lower-case text the model would not tag anyway.
     */
    private void tagTokens(char[] text, int from, int to, List<Name> found) {
        int windowStart = -1;
        int windowEnd = -1;
        for (int i = from; i < to; i++) {
            if (!isCandidate(text, i, i == from)) {
                continue;
            }
            int ws = Math.max(from, i - WINDOW);
            int we = Math.min(to, i + WINDOW + 1);
            if (windowStart >= 0 && ws <= windowEnd + WINDOW) {
                windowEnd = we;
                continue;
            }
            if (windowStart >= 0) {
                tagWindow(text, windowStart, windowEnd, found);
            }
            windowStart = ws;
            windowEnd = we;
        }
        if (windowStart >= 0) {
            tagWindow(text, windowStart, windowEnd, found);
        }
    }

    /** Tokens of context the model sees on each side of a candidate token. */
    static final int WINDOW = Integer.getInteger("piiscanner.ner.window", 3);

    private boolean isCandidate(char[] text, int token, boolean sentenceStart) {
        int s = tokenStarts[token];
        int e = tokenEnds[token];
        char c = text[s];
        if (!Character.isUpperCase(c)) {
            return false;
        }
        if (e - s == 1) {
            // a single capital is an initial only before a period
            return c != 'I' && c != 'A' && e + 2 < text.length && text[e] == '.' && text[e + 1] == ' '
                    && Character.isUpperCase(text[e + 2]);
        }
        boolean allCaps = true;
        for (int i = s + 1; i < e && allCaps; i++) {
            allCaps = !Character.isLowerCase(text[i]);
        }
        if (allCaps) {
            // an all-capitals token ("INVOICE", "AB") is a candidate only when it is on the name lists
            return e - s <= 20 && NameLists.get().flags(text, s, e) != 0 && !ALL_CAPS_WORDS.contains(
                    new String(text, s, e - s));
        }
        return !sentenceStart || !STARTERS.contains(new String(text, s, e - s));
    }

    private void tagWindow(char[] text, int from, int to, List<Name> found) {
        String[] tokens = new String[to - from];
        for (int i = from; i < to; i++) {
            tokens[i - from] = truecase(new String(text, tokenStarts[i], tokenEnds[i] - tokenStarts[i]));
        }
        Span[] names = finder.find(tokens);
        if (names.length == 0) {
            return;
        }
        double[] probs = finder.probs(names);
        for (int i = 0; i < names.length; i++) {
            NameType type = NameType.ofModelType(names[i].getType());
            if (type != null) {
                found.add(new Name(type, tokenStarts[from + names[i].getStart()],
                        tokenEnds[from + names[i].getEnd() - 1], "model", modelScore(type, probs[i]), ""));
            }
        }
    }

    /** The UD path: OpenNLP's UD English-EWT sentence detector and tokenizer, then the model. */
    private void tagLineUd(char[] text, int lineStart, int lineEnd, List<Name> found) {
        String line = new String(text, lineStart, lineEnd - lineStart);
        Span[] sents = hasSentenceEnd(text, lineStart, lineEnd) ? sentences.sentPosDetect(line)
                : new Span[] {new Span(0, line.length())};
        for (Span s : sents) {
            int ss = lineStart + s.getStart();
            int se = lineStart + s.getEnd();
            if (sents.length > 1 && !worthTagging(text, ss, se)) {
                continue;
            }
            String sentence = line.substring(s.getStart(), s.getEnd());
            Span[] tokenSpans = tokenizer.tokenizePos(sentence);
            if (tokenSpans.length == 0) {
                continue;
            }
            tokenSpans = splitPossessives(sentence, tokenSpans);
            String[] tokens = new String[tokenSpans.length];
            for (int i = 0; i < tokens.length; i++) {
                tokens[i] = truecase(tokenSpans[i].getCoveredText(sentence).toString());
            }
            Span[] names = finder.find(tokens);
            if (names.length == 0) {
                continue;
            }
            double[] probs = finder.probs(names);
            for (int i = 0; i < names.length; i++) {
                NameType type = NameType.ofModelType(names[i].getType());
                if (type == null) {
                    continue;
                }
                int start = ss + tokenSpans[names[i].getStart()].getStart();
                int end = ss + tokenSpans[names[i].getEnd() - 1].getEnd();
                found.add(new Name(type, start, end, "model", modelScore(type, probs[i]), ""));
            }
        }
    }

    /** Splits a trailing {@code 's} off tokens, as in the training data ({@code Lay's} -> {@code Lay 's}). */
    static Span[] splitPossessives(String sentence, Span[] spans) {
        List<Span> out = null;
        for (int i = 0; i < spans.length; i++) {
            Span sp = spans[i];
            int e = sp.getEnd();
            boolean split = sp.length() > 3 && (sentence.charAt(e - 1) == 's' || sentence.charAt(e - 1) == 'S')
                    && (sentence.charAt(e - 2) == '\'' || sentence.charAt(e - 2) == '\u2019')
                    && Character.isLetter(sentence.charAt(e - 3));
            if (split && out == null) {
                out = new ArrayList<>(spans.length + 2);
                for (int k = 0; k < i; k++) {
                    out.add(spans[k]);
                }
            }
            if (split) {
                out.add(new Span(sp.getStart(), e - 2));
                out.add(new Span(e - 2, e));
            } else if (out != null) {
                out.add(sp);
            }
        }
        return out == null ? spans : out.toArray(Span[]::new);
    }

    /**
     * An all-capitals token that is on the name lists is given to the model capitalised ({@code GONZALEZ} ->
     * {@code Gonzalez}): the training data has few all-capitals names.
     */
    private String truecase(String token) {
        int n = token.length();
        if (n < 3 || n > 20 || !Character.isUpperCase(token.charAt(0)) || !Character.isUpperCase(token.charAt(n - 1))) {
            return token;
        }
        for (int i = 1; i < n; i++) {
            char c = token.charAt(i);
            if (!Character.isUpperCase(c) && c != '-' && c != '\'') {
                return token;
            }
        }
        if (ALL_CAPS_WORDS.contains(token) || NameLists.get().flags(token) == 0) {
            return token;
        }
        return token.charAt(0) + token.substring(1).toLowerCase(java.util.Locale.ROOT);
    }

    /** All-capitals words that are on the name lists but are usually ordinary words or acronyms. */
    private static final Set<String> ALL_CAPS_WORDS = words("THE", "AND", "FOR", "NOT", "ARE", "BUT", "ALL", "ANY",
            "CAN", "HAS", "HAD", "WAS", "OUR", "YOU", "NEW", "ONE", "TWO", "OFF", "OUT", "NOW", "MAY", "WILL", "SHALL",
            "BANK", "LOAN", "NOTE", "GOOD", "WORK", "KEEP", "HOME", "LOVE", "BEST", "LONG", "SHORT", "EARLY", "LATE",
            "PAGE", "PART", "WHOLE", "LAW", "LAWS", "COST", "COSTS", "CASH", "PAY", "FEE", "FEES", "TERM", "TERMS",
            "BILL", "SHIP", "SOLD", "FROM", "DATE", "NAME", "TITLE", "SIGNED", "BLANK", "HALL", "PARK", "STREET",
            "ROAD", "LANE", "HILL", "WOOD", "WOODS", "FIELD", "HOUSE", "CHURCH", "BROWN", "WHITE", "BLACK", "GREEN",
            "GRAY", "GREY", "YOUNG", "KING", "CASE", "LAND", "WATER", "POWER", "RISK", "STATE", "STATES", "UNITED",
            "USA", "INC", "LLC", "LTD", "CORP", "LLP", "PLC", "NOTICE", "NOTICES", "MARCH", "APRIL", "JUNE", "JULY",
            "AUGUST", "LOVE", "HOPE", "FAITH", "JOY", "GRACE", "FREE", "SAFE", "SALE", "SALES", "PRICE", "RATE");

    /** Model probability to score: persons 0.55-0.85, locations and organizations 0.45-0.7. */
    static double modelScore(NameType type, double probability) {
        double p = Math.max(0, Math.min(1, probability));
        double s = type == NameType.PERSON ? 0.55 + 0.3 * p : 0.45 + 0.25 * p;
        return Math.round(s * 100) / 100.0;
    }

    private static boolean hasSentenceEnd(char[] t, int from, int to) {
        for (int i = from; i + 1 < to; i++) {
            char c = t[i];
            if ((c == '.' || c == '!' || c == '?') && t[i + 1] == ' ') {
                return true;
            }
        }
        return false;
    }

    /**
     * True if a name can start in {@code t[from, to)}: some word starts with an upper-case letter and is not a
     * sentence-initial common word ({@link #STARTERS}) or the pronoun "I".
     */
    static boolean worthTagging(char[] t, int from, int to) {
        boolean initial = true;
        int i = from;
        while (i < to) {
            char c = t[i];
            if (Character.isLetterOrDigit(c)) {
                int ws = i;
                while (i < to && (Character.isLetterOrDigit(t[i]) || t[i] == '\'')) {
                    i++;
                }
                if (Character.isUpperCase(c) && !(i - ws == 1 && (c == 'I' || c == 'A') && (i >= to || t[i] != '.'))) {
                    if (!initial || !STARTERS.contains(new String(t, ws, i - ws))) {
                        return true;
                    }
                }
                initial = false;
                continue;
            }
            if (c == '.' || c == '!' || c == '?' || c == ':' || c == '"' || c == '(' || c == '\t') {
                initial = true;
            }
            i++;
        }
        return false;
    }

    private static Set<String> words(String... words) {
        return Set.copyOf(java.util.Arrays.asList(words));
    }
}
