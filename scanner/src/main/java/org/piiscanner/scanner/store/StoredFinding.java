package org.piiscanner.scanner.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.piiscanner.classifiers.DataCategory;
import org.piiscanner.classifiers.SpecialCategory;
import org.piiscanner.classifiers.Validation;
import org.piiscanner.scanner.protect.FindingPosition;
import org.piiscanner.scanner.protect.HashedTerm;
import org.piiscanner.scanner.protect.TermKind;

/**
 * A finding as stored: a {@link org.piiscanner.scanner.protect.ProtectedFinding} with its id, location and the
 * runs that first and last saw it. Holds no raw value.
 *
 * @param id the finding id (changes when its location is rescanned)
 * @param locationId its location
 * @param ordinal its place among the location's findings, by offset
 * @param entityType the entity type name
 * @param category the primary category
 * @param secondaryCategories further categories
 * @param specialCategories Art. 9 subtypes
 * @param start start offset
 * @param end end offset
 * @param position section, page, line, column as far as known
 * @param score confidence
 * @param detector detector id
 * @param pattern pattern name
 * @param validation validation outcome
 * @param explanationJson the explanation (JSON object)
 * @param maskedPreview masked preview
 * @param valueHash keyed hash of the normalised value
 * @param nameTerms name terms (person names only)
 * @param testValue whether a published test value
 * @param firstSeenRun the first run that found this type and value hash in this location
 * @param lastSeenRun the last run that read the location's content and found it; while the location is
 *     unchanged (or skipped) the finding is still there as of the location's {@code lastSeenRun}
 */
public record StoredFinding(long id, long locationId, int ordinal, String entityType, DataCategory category,
        Set<DataCategory> secondaryCategories, Set<SpecialCategory> specialCategories, int start, int end,
        FindingPosition position, double score, String detector, String pattern, Validation validation,
        String explanationJson, String maskedPreview, String valueHash, List<HashedTerm> nameTerms,
        boolean testValue, long firstSeenRun, long lastSeenRun) {

    /** The index terms of this finding: value hash, then name terms (as {@code ProtectedFinding.indexTerms}). */
    public List<HashedTerm> indexTerms() {
        List<HashedTerm> terms = new ArrayList<>(1 + nameTerms.size());
        terms.add(new HashedTerm(TermKind.VALUE, valueHash));
        terms.addAll(nameTerms);
        return terms;
    }
}
