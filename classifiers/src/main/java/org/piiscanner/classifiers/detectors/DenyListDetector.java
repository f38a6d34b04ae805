package org.piiscanner.classifiers.detectors;

import java.util.List;
import java.util.Set;
import org.piiscanner.classifiers.Candidate;
import org.piiscanner.classifiers.ContextWords;
import org.piiscanner.classifiers.Detector;
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
public final class DenyListDetector implements Detector {

    private final String id;
    private final EntityType type;
    private final ScoredPattern pattern;
    private final PhraseMatcher terms;

    private DenyListDetector(String id, EntityType type, ScoredPattern pattern, PhraseMatcher terms) {
        this.id = id;
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
    public String id() {
        return id;
    }

    @Override
    public Set<EntityType> entityTypes() {
        return Set.of(type);
    }

    @Override
    public List<ScoredPattern> patterns() {
        return List.of(pattern);
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
        terms.find(candidate.text(), 0, candidate.length(), candidate.length(), (phrase, start, end) -> {
            out.add(type, start, end, pattern, Validation.NOT_APPLICABLE);
            return true;
        });
    }
}
