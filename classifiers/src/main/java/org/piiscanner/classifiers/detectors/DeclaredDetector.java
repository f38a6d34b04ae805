package org.piiscanner.classifiers.detectors;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.piiscanner.classifiers.CompoundFilter;
import org.piiscanner.classifiers.ContextWords;
import org.piiscanner.classifiers.Detector;
import org.piiscanner.classifiers.EntityType;
import org.piiscanner.classifiers.ScoredPattern;
import org.piiscanner.classifiers.Trigger;

/**
 * A detector declared by its parts — id, entity types, scored patterns, context words, triggers and compound filter —
 * so that a subclass is its declarations plus {@link #scan}. Immutable; subclasses must be too.
 */
public abstract class DeclaredDetector implements Detector {

    private final String id;
    private final Set<EntityType> entityTypes;
    private final List<ScoredPattern> patterns;
    private final ContextWords contextWords;
    private final Set<Trigger> triggers;
    private final CompoundFilter compoundFilter;

    protected DeclaredDetector(String id, Set<EntityType> entityTypes, List<ScoredPattern> patterns,
            ContextWords contextWords, Set<Trigger> triggers, CompoundFilter compoundFilter) {
        this.id = Objects.requireNonNull(id, "id");
        this.entityTypes = Set.copyOf(entityTypes);
        this.patterns = List.copyOf(patterns);
        this.contextWords = Objects.requireNonNull(contextWords, "contextWords");
        this.triggers = Set.copyOf(triggers);
        this.compoundFilter = Objects.requireNonNull(compoundFilter, "compoundFilter");
    }

    @Override
    public final String id() {
        return id;
    }

    @Override
    public final Set<EntityType> entityTypes() {
        return entityTypes;
    }

    @Override
    public final List<ScoredPattern> patterns() {
        return patterns;
    }

    @Override
    public final ContextWords contextWords() {
        return contextWords;
    }

    @Override
    public final Set<Trigger> triggers() {
        return triggers;
    }

    @Override
    public final CompoundFilter compoundFilter() {
        return compoundFilter;
    }
}
