package org.piiscanner.scanner.subject;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.piiscanner.scanner.protect.NameQuery;
import org.piiscanner.scanner.protect.Protector;

/**
 * Turns the identifiers a DPO typed into a {@link HashedSubject} through the scanners' own {@link Protector}, so
 * that a phone number typed as {@code +44 20 7946 0018} finds the {@code 020 7946 0018} a file scan hashed, and a
 * name typed {@code Smith, Jane} finds {@code Jane Smith}. The raw values are not kept. Thread-safe.
 */
final class QueryHasher {

    private final Protector protector;

    QueryHasher(Protector protector) {
        this.protector = Objects.requireNonNull(protector, "protector");
    }

    /**
     * The hashed form of {@code identifiers}.
     *
     * @throws IllegalArgumentException if there are none, or a name has no letters or digits
     */
    HashedSubject hash(List<SubjectIdentifier> identifiers) {
        List<HashedIdentifier> hashed = new ArrayList<>(identifiers.size());
        int number = 1;
        for (SubjectIdentifier id : identifiers) {
            if (IdentifierTypes.PERSON.equals(id.type())) {
                NameQuery name = protector.nameQuery(id.value());
                if (name == null) {
                    throw new IllegalArgumentException("name " + number + " has no letters or digits");
                }
                hashed.add(new HashedIdentifier(number++, id.type(), null, null, name));
            } else {
                IdentifierTypes.strength(id.type()); // rejects types that are not identifiers
                hashed.add(new HashedIdentifier(number++, id.type(), protector.valueTerm(id.type(), id.value()),
                        protector.identifierWordTerm(id.type(), id.value()).orElse(null), null));
            }
        }
        return new HashedSubject(hashed);
    }
}
