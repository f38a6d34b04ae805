package org.piiscanner.scanner.subject;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.piiscanner.scanner.protect.HashedTerm;
import org.piiscanner.scanner.protect.NameQuery;

/**
 * One identifier of a request in hashed form: what the index and a re-read location are searched for. A name
 * carries its {@link NameQuery}; any other identifier its value hash and, when its canonical form is one word, its
 * word hash (to find it where no detector fired). Holds no raw value; stored with the request, so a request can
 * be searched again (erasure verification) without the DPO typing the identifiers again.
 *
 * @param number the identifier's position in the request, from 1
 * @param type the entity type name ({@value IdentifierTypes#PERSON} for a name)
 * @param value the value hash ({@code VALUE} term); null for a name
 * @param word the canonical form as a word ({@code WORD} term), or null
 * @param name the name's terms; null unless {@code type} is {@value IdentifierTypes#PERSON}
 */
record HashedIdentifier(int number, String type, HashedTerm value, HashedTerm word, NameQuery name) {

    HashedIdentifier {
        Objects.requireNonNull(type, "type");
        if (isName(type) != (name != null) || isName(type) == (value != null)) {
            throw new IllegalArgumentException("a name has name terms and no value hash; other identifiers the "
                    + "reverse");
        }
    }

    private static boolean isName(String type) {
        return IdentifierTypes.PERSON.equals(type);
    }

    /** True for a person name. */
    boolean isName() {
        return name != null;
    }

    /** Every term of this identifier. */
    List<HashedTerm> terms() {
        List<HashedTerm> terms = new ArrayList<>();
        if (name != null) {
            terms.add(name.full());
            for (NameQuery.Token t : name.tokens()) {
                terms.add(t.token());
                terms.addAll(t.phonetic());
                terms.add(t.word());
            }
        } else {
            terms.add(value);
            if (word != null) {
                terms.add(word);
            }
        }
        return terms;
    }

    /** The hash that identifies this identifier in the audit log: the value hash, or the whole-name hash. */
    String auditHash() {
        return name != null ? name.full().hash() : value.hash();
    }
}
