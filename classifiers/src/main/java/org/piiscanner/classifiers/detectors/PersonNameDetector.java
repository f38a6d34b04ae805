package org.piiscanner.classifiers.detectors;

import java.util.ArrayList;
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
import org.piiscanner.classifiers.names.Name;
import org.piiscanner.classifiers.names.NameModels;
import org.piiscanner.classifiers.names.NameTagger;
import org.piiscanner.classifiers.names.NameType;

/**
 * Person, location and organisation names in free text (issue 3): our OpenNLP name-finder model (trained on UNER
 * English-EWT, wikigold, WNUT-17 and the Broad Twitter Corpus with name-list features) plus rules for business
 * documents (e-mail headers, labelled and all-capitals fields, "Surname, Given", salutations, sign-offs, initials,
 * hyphenated given names, e-mail local parts; labels and contract defined terms are dropped). See
 * {@link org.piiscanner.classifiers.names}.
 *
 * <p>The pattern of a finding names the rule that found it, e.g. {@code PERSON (model)}, {@code PERSON (e-mail
 * header)}, {@code PERSON (Surname, Given)}; the note records adjustments ("initials joined"). Scores: model persons
 * 0.55-0.85 by the model's probability, locations and organisations 0.45-0.7, rules 0.6-0.85.
 *
 * <p>Runs once per text ({@link Trigger#WHOLE_TEXT}). Thread-safe: each thread tags with its own {@link NameTagger}
 * over the shared models (loaded on first use, about 0.5 s).
 */
public final class PersonNameDetector implements Detector {

    private static final String[] RULES = {"model", "e-mail header", "labelled field", "all-caps label line",
        "all-caps line", "Surname, Given", "salutation", "sign-off", "initials", "hyphenated given name",
        "e-mail local part", "given name alone on a line"};
    private static final List<ScoredPattern> PATTERNS;

    static {
        List<ScoredPattern> p = new ArrayList<>();
        for (String rule : RULES) {
            p.add(ScoredPattern.of("PERSON (" + rule + ")", 0.55));
        }
        p.add(ScoredPattern.of("LOCATION (model)", 0.45));
        p.add(ScoredPattern.of("ORGANIZATION (model)", 0.45));
        p.add(ScoredPattern.of("ORGANIZATION (company suffix)", 0.6));
        PATTERNS = List.copyOf(p);
    }

    private final ThreadLocal<NameTagger> taggers = ThreadLocal.withInitial(
            () -> new NameTagger(NameModels.bundled()));

    @Override
    public String id() {
        return "person_name";
    }

    @Override
    public Set<EntityType> entityTypes() {
        return Set.of(EntityType.PERSON, EntityType.LOCATION, EntityType.ORGANIZATION);
    }

    @Override
    public List<ScoredPattern> patterns() {
        return PATTERNS;
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
        for (Name n : taggers.get().find(candidate.text(), candidate.length())) {
            EntityType type = typeOf(n.type());
            ScoredPattern pattern = ScoredPattern.of(n.pattern(), n.score());
            out.add(type, n.start(), n.end(), pattern, Validation.NOT_APPLICABLE, false, n.note());
        }
    }

    /** The rule names that can appear in patterns (for documentation and tests). */
    static List<String> rules() {
        return List.of(RULES);
    }

    /** Entity type of a name type (kept here so the names package does not depend on the taxonomy). */
    static EntityType typeOf(NameType t) {
        return switch (t) {
            case PERSON -> EntityType.PERSON;
            case LOCATION -> EntityType.LOCATION;
            case ORGANIZATION -> EntityType.ORGANIZATION;
        };
    }
}
