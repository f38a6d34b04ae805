package org.piiscanner.scanner.protect;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.piiscanner.classifiers.DataCategory;
import org.piiscanner.classifiers.SpecialCategory;
import org.piiscanner.classifiers.Validation;

/**
 * Everything the store and the index keep about one finding, and no raw value: the answer to "what, where, how
 * sure, why" plus keyed hashes. Built only by {@link Protector#protect}.
 *
 * @param entityType the entity type name, e.g. {@code UK_NINO}
 * @param category the primary data category
 * @param secondaryCategories further categories (never the primary one)
 * @param specialCategories the Art. 9 subtypes the value reveals
 * @param start start offset (inclusive) in the extracted text
 * @param end end offset (exclusive) in the extracted text
 * @param position section, page, line and column where known
 * @param score confidence in [0, 1]
 * @param detector the detector id
 * @param pattern the scored pattern's name
 * @param validation the checksum or structure validation outcome
 * @param explanationJson the explanation as a JSON object (detector, pattern, scores, validation, context words,
 *     note: configured words and labels only, never document text)
 * @param maskedPreview a masked preview such as {@code GB82**************5432}
 * @param valueHash HMAC of the normalised value in the value namespace of its type (unpadded base64url)
 * @param testValue whether the value is a published test value or reserved range
 * @param nameTerms for person names: full-name, token and phonetic terms; empty for other types
 */
public record ProtectedFinding(
        String entityType,
        DataCategory category,
        Set<DataCategory> secondaryCategories,
        Set<SpecialCategory> specialCategories,
        int start,
        int end,
        FindingPosition position,
        double score,
        String detector,
        String pattern,
        Validation validation,
        String explanationJson,
        String maskedPreview,
        String valueHash,
        boolean testValue,
        List<HashedTerm> nameTerms) {

    public ProtectedFinding {
        Objects.requireNonNull(entityType, "entityType");
        Objects.requireNonNull(category, "category");
        secondaryCategories = Set.copyOf(secondaryCategories);
        specialCategories = Set.copyOf(specialCategories);
        position = position == null ? FindingPosition.NONE : position;
        Objects.requireNonNull(detector, "detector");
        Objects.requireNonNull(pattern, "pattern");
        Objects.requireNonNull(validation, "validation");
        Objects.requireNonNull(explanationJson, "explanationJson");
        Objects.requireNonNull(maskedPreview, "maskedPreview");
        Objects.requireNonNull(valueHash, "valueHash");
        nameTerms = List.copyOf(nameTerms);
    }

    /** The terms this finding contributes to its location's index document: its value hash, then name terms. */
    public List<HashedTerm> indexTerms() {
        List<HashedTerm> terms = new ArrayList<>(1 + nameTerms.size());
        terms.add(new HashedTerm(TermKind.VALUE, valueHash));
        terms.addAll(nameTerms);
        return terms;
    }
}
