package org.piiscanner.scanner.subject;

import java.util.List;

/**
 * What a location holds of the person, and how sure that makes the search.
 *
 * @param score the combined evidence in [0, 1): {@code 1 - product(1 - strength)} over the matched identifiers,
 *     rounded to three decimals
 * @param confidence the score's band
 * @param matches the identifiers that matched, strongest first
 */
public record Evidence(double score, Confidence confidence, List<IdentifierMatch> matches) {

    /** No evidence at all. */
    public static final Evidence NONE = new Evidence(0, Confidence.LOW, List.of());

    public Evidence {
        matches = List.copyOf(matches);
    }

    /** The distinct types of the matched identifiers (the {@code matched} field of results), strongest first. */
    public List<String> matchedTypes() {
        return matches.stream().map(IdentifierMatch::type).distinct().toList();
    }

    /** True if nothing matched. */
    public boolean isEmpty() {
        return matches.isEmpty();
    }
}
