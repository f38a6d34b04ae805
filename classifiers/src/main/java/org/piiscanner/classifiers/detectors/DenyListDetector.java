package org.piiscanner.classifiers.detectors;

import java.util.List;
import java.util.Set;
import org.piiscanner.classifiers.Candidate;
import org.piiscanner.classifiers.CompoundFilter;
import org.piiscanner.classifiers.ContextWords;
import org.piiscanner.classifiers.EntityType;
import org.piiscanner.classifiers.MatchCollector;
import org.piiscanner.classifiers.ScoredPattern;
import org.piiscanner.classifiers.Trigger;
import org.piiscanner.classifiers.Validation;
import org.piiscanner.classifiers.config.ConfigurationException;
import org.piiscanner.classifiers.config.DenyListSettings;
import org.piiscanner.classifiers.text.PhraseMatcher;

/**
 * Reports every occurrence of configured terms (whole words, case-insensitive) in one pass. Thread-safe.
 */
public final class DenyListDetector extends DeclaredDetector {

    private final EntityType type;
    private final ScoredPattern pattern;
    private final PhraseMatcher terms;

    private DenyListDetector(String id, EntityType type, ScoredPattern pattern, PhraseMatcher terms) {
        super(id, Set.of(type), List.of(pattern), ContextWords.NONE, Set.of(Trigger.WHOLE_TEXT), CompoundFilter.ANY);
        this.type = type;
        this.pattern = pattern;
        this.terms = terms;
    }

    /** A deny-list detector from configuration. */
    public static DenyListDetector from(DenyListSettings settings) {
        EntityType type;
        try {
            type = EntityType.custom(settings.entityType(), settings.category());
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException("deny-list '" + settings.id() + "': " + e.getMessage());
        }
        return new DenyListDetector(settings.id(), type,
                ScoredPattern.of("deny-list " + settings.id(), settings.score()), PhraseMatcher.of(settings.values()));
    }

    @Override
    public void scan(Candidate candidate, MatchCollector out) {
        terms.find(candidate.text(), 0, candidate.length(), candidate.length(), (phrase, start, end) -> {
            out.add(type, start, end, pattern, Validation.NOT_APPLICABLE);
            return true;
        });
    }
}
