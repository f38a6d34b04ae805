package org.piiscanner.classifiers.detectors;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.piiscanner.classifiers.Candidate;
import org.piiscanner.classifiers.CompoundFilter;
import org.piiscanner.classifiers.ContextWords;
import org.piiscanner.classifiers.EntityType;
import org.piiscanner.classifiers.MatchCollector;
import org.piiscanner.classifiers.ScoredPattern;
import org.piiscanner.classifiers.Trigger;
import org.piiscanner.classifiers.Validation;
import org.piiscanner.classifiers.config.ConfigurationException;
import org.piiscanner.classifiers.config.CustomDetectorSettings;
import org.piiscanner.classifiers.config.CustomPattern;

/**
 * A detector defined in configuration by regular expressions. It runs each expression over the whole text, so it
 * is far slower than the built-in detectors; keep custom patterns few and anchored on literal text.
 *
 * <p>Each expression gets a budget of character reads per text (200 per character plus 10,000): an expression
 * that backtracks catastrophically stops matching on that text instead of hanging the scan. Thread-safe.
 */
public final class RegexDetector extends DeclaredDetector {

    private final EntityType type;
    private final List<ScoredPattern> patterns;
    private final List<Pattern> regexes;

    private RegexDetector(String id, EntityType type, List<ScoredPattern> patterns, List<Pattern> regexes) {
        super(id, Set.of(type), patterns, ContextWords.NONE, Set.of(Trigger.WHOLE_TEXT), CompoundFilter.ANY);
        this.type = type;
        this.patterns = List.copyOf(patterns);
        this.regexes = List.copyOf(regexes);
    }

    /** A detector from configuration; rejects malformed type names and regular expressions. */
    public static RegexDetector from(CustomDetectorSettings settings) {
        EntityType type;
        try {
            type = EntityType.custom(settings.entityType(), settings.category());
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException("custom detector '" + settings.id() + "': " + e.getMessage());
        }
        List<ScoredPattern> scored = new ArrayList<>();
        List<Pattern> compiled = new ArrayList<>();
        for (CustomPattern p : settings.patterns()) {
            try {
                compiled.add(Pattern.compile(p.regex()));
            } catch (PatternSyntaxException e) {
                throw new ConfigurationException("custom detector '" + settings.id() + "', pattern '" + p.name()
                        + "': invalid regular expression: " + e.getDescription());
            }
            scored.add(new ScoredPattern(p.name(), p.score(), p.contextRequired()));
        }
        return new RegexDetector(settings.id(), type, scored, compiled);
    }

    @Override
    public void scan(Candidate candidate, MatchCollector out) {
        for (int p = 0; p < regexes.size(); p++) {
            BoundedText text = new BoundedText(candidate.text(), candidate.length());
            Matcher m = regexes.get(p).matcher(text);
            try {
                while (m.find()) {
                    if (m.end() > m.start()) {
                        out.add(type, m.start(), m.end(), patterns.get(p), Validation.NOT_APPLICABLE);
                    }
                }
            } catch (BudgetExceeded e) {
                // Catastrophic backtracking on this text: keep what was found, skip the rest.
            }
        }
    }

    private static final class BudgetExceeded extends RuntimeException {
        private static final long serialVersionUID = 1L;

        BudgetExceeded() {
            super(null, null, false, false);
        }
    }

    /** A read-only view of the text that stops a runaway match. */
    private static final class BoundedText implements CharSequence {
        private final char[] chars;
        private final int offset;
        private final int length;
        private final long[] budget;

        BoundedText(char[] chars, int length) {
            this(chars, 0, length, new long[] {200L * length + 10_000});
        }

        private BoundedText(char[] chars, int offset, int length, long[] budget) {
            this.chars = chars;
            this.offset = offset;
            this.length = length;
            this.budget = budget;
        }

        @Override
        public int length() {
            return length;
        }

        @Override
        public char charAt(int index) {
            if (--budget[0] < 0) {
                throw new BudgetExceeded();
            }
            return chars[offset + index];
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return new BoundedText(chars, offset + start, end - start, budget);
        }

        @Override
        public String toString() {
            return new String(chars, offset, length);
        }
    }
}
