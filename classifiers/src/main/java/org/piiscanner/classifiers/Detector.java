package org.piiscanner.classifiers;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds one kind (or a few closely related kinds) of personal data.
 *
 * <p>A detector is mostly declaration: its {@link #patterns() scored patterns}, its {@link #contextWords() context
 * words} and the {@link #triggers() triggers} it wants; its {@link #scan} method validates the candidates the
 * engine hands it (checksums, calendars, reserved ranges) and reports matches. Context scoring, overlap resolution,
 * thresholds and offset mapping are the engine's job.
 *
 * <p>Implementations are found with {@link java.util.ServiceLoader} (register the class in
 * {@code META-INF/services/org.piiscanner.classifiers.Detector}), need a public no-argument constructor, and must be
 * immutable and thread-safe: one instance serves every thread.
 */
public interface Detector {

    /** Stable lower-case id used in configuration and explanations, e.g. {@code uk_nino}. */
    String id();

    /** The entity types this detector reports. */
    Set<EntityType> entityTypes();

    /** The scored patterns this detector reports matches under. */
    List<ScoredPattern> patterns();

    /** Default English context words. */
    ContextWords contextWords();

    /** The triggers on which the engine calls {@link #scan}. */
    Set<Trigger> triggers();

    /**
     * Which compounds are worth a {@link #scan} call (for {@link Trigger#COMPOUND}): the engine skips the others. The
     * default accepts every compound.
     */
    default CompoundFilter compoundFilter() {
        return CompoundFilter.ANY;
    }

    /**
     * Examines one candidate and reports matches to {@code out}. Must run in time linear in the candidate's size
     * (bounded look-around only) and must not keep references to {@code candidate}.
     */
    void scan(Candidate candidate, MatchCollector out);

    /**
     * True if findings of this detector may contain findings of other detectors (a URL may contain an e-mail
     * address or an IP address); otherwise overlapping findings compete and the stronger one wins.
     */
    default boolean allowsNestedFindings() {
        return false;
    }

    /**
     * True if context words strictly inside this detector's matches count (a pair finding such as a sort code and an
     * account number can have its label between the two halves); by default only the text around a match counts,
     * because words inside a value ("ext" in a phone extension, "mail" in a domain) are not context.
     */
    default boolean contextInsideMatches() {
        return false;
    }

    /** The option keys {@link #configure} accepts (for error messages and documentation). */
    default Set<String> optionKeys() {
        return Set.of();
    }

    /**
     * A detector configured with detector-specific options (e.g. phone regions). The default accepts no options.
     *
     * @throws IllegalArgumentException naming the offending key if an option is unknown or its value is invalid
     */
    default Detector configure(Map<String, String> options) {
        if (!options.isEmpty()) {
            throw new IllegalArgumentException("detector '" + id() + "' takes no options, got "
                    + options.keySet());
        }
        return this;
    }

    /**
     * Runs this detector alone over {@code text}, with the default context settings and minimum score: a
     * convenience for tests and one-off use. Production code builds a {@link DetectionEngine} once.
     */
    default List<Finding> detect(CharSequence text, DetectionContext context) {
        return DetectionEngine.forDetectors(List.of(this)).detect(text, context);
    }
}
