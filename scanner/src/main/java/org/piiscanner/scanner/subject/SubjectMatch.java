package org.piiscanner.scanner.subject;

import java.util.List;
import java.util.Set;
import org.piiscanner.classifiers.DataCategory;

/**
 * One location a subject search found: where, which of the person's identifiers it holds and how sure the search
 * is, where in the location they are, and which categories of personal data the location holds. No raw value.
 *
 * @param rank 1 for the best evidence
 * @param location the location
 * @param evidence the identifiers that matched, the score and its confidence band
 * @param occurrences where the matched identifiers are (empty when they matched only as plain words, which the
 *     store does not locate)
 * @param categories every data category found at the location (primary and secondary)
 * @param entityTypes every entity type found at the location
 */
public record SubjectMatch(int rank, SubjectLocation location, Evidence evidence, List<Occurrence> occurrences,
        Set<DataCategory> categories, Set<String> entityTypes) {

    public SubjectMatch {
        occurrences = List.copyOf(occurrences);
        categories = Set.copyOf(categories);
        entityTypes = Set.copyOf(entityTypes);
    }

    /** The columns of a row the identifiers were found in, in order of appearance (empty for files). */
    public List<String> columns() {
        if (location.kind() != LocationKind.ROW) {
            return List.of();
        }
        return occurrences.stream().map(o -> o.position().section()).filter(s -> s != null && !s.isEmpty())
                .distinct().toList();
    }
}
