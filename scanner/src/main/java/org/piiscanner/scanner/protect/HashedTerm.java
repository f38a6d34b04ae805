package org.piiscanner.scanner.protect;

import java.util.Objects;

/**
 * One keyed-hash term: what kind of evidence it is and its hash (unpadded base64url). Carries no plaintext.
 *
 * @param kind the kind of term (the index field it lives in)
 * @param hash the keyed hash, as produced by {@link Protector}
 */
public record HashedTerm(TermKind kind, String hash) {

    public HashedTerm {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(hash, "hash");
    }

    @Override
    public String toString() {
        return kind + ":" + hash;
    }
}
