package org.piiscanner.scanner.index;

import java.util.Set;
import org.piiscanner.classifiers.DataCategory;
import org.piiscanner.scanner.protect.HashedTerm;

/**
 * A location matching a search, with the query terms it holds (the evidence, for ranking and for saying which
 * identifiers matched).
 *
 * @param locationId the store's location id
 * @param sourceId its source
 * @param path the displayed path
 * @param categories data categories found there
 * @param entityTypes entity types found there
 * @param matched the query terms this location holds
 * @param score the sum of the weights of {@code matched}
 * @param wordTokens whether the document has word tokens (false: only detected identifiers and names can match)
 */
public record IndexHit(long locationId, long sourceId, String path, Set<DataCategory> categories,
        Set<String> entityTypes, Set<HashedTerm> matched, float score, boolean wordTokens) {
}
