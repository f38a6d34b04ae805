package org.piiscanner.scanner.index;

import java.util.Set;
import org.piiscanner.scanner.protect.HashedTerm;

/**
 * A location matching a search, by id only (no stored field read): for callers that look locations up in the
 * store anyway, such as the subject search. See {@link LocationIndex#match}.
 *
 * @param locationId the store's location id
 * @param matched the query terms this location holds
 * @param score the sum of the weights of the scored terms it holds
 */
public record LocationMatch(long locationId, Set<HashedTerm> matched, float score) {

    public LocationMatch {
        matched = Set.copyOf(matched);
    }
}
