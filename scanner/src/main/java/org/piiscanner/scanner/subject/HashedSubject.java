package org.piiscanner.scanner.subject;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.piiscanner.scanner.protect.HashedTerm;

/**
 * The identifiers of one request, hashed ({@link HashedIdentifier}): the query of a subject search and the
 * yardstick of an erasure verification. Immutable.
 *
 * @param identifiers in request order, numbered from 1
 */
record HashedSubject(List<HashedIdentifier> identifiers) {

    HashedSubject {
        identifiers = List.copyOf(identifiers);
        if (identifiers.isEmpty()) {
            throw new IllegalArgumentException("a subject search needs at least one identifier");
        }
    }

    /** Every term of every identifier, without duplicates. */
    Set<HashedTerm> terms() {
        Set<HashedTerm> terms = new LinkedHashSet<>();
        identifiers.forEach(i -> terms.addAll(i.terms()));
        return terms;
    }

    /** The distinct identifier types, in request order. */
    List<String> types() {
        return identifiers.stream().map(HashedIdentifier::type).distinct().toList();
    }
}
