package org.piiscanner.scanner.subject;

import java.util.Objects;

/**
 * One identifier of a person as the DPO typed it: a type ({@value IdentifierTypes#PERSON} for a name, else an
 * identifier type of {@link IdentifierTypes}) and the raw value. Lives only between the command line and
 * {@link SubjectService#find}, which hashes it at once; {@link #toString()} never shows the value.
 *
 * @param type the entity type name
 * @param value the raw value, as typed
 */
public record SubjectIdentifier(String type, String value) {

    public SubjectIdentifier {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(value, "value");
        if (value.isBlank()) {
            throw new IllegalArgumentException("an empty " + type + " identifier");
        }
    }

    /** A person's name. */
    public static SubjectIdentifier name(String name) {
        return new SubjectIdentifier(IdentifierTypes.PERSON, name);
    }

    /** An identifier of {@code kind} (a type name or an alias, see {@link IdentifierTypes#resolve}). */
    public static SubjectIdentifier of(String kind, String value) {
        return new SubjectIdentifier(IdentifierTypes.resolve(kind), value);
    }

    @Override
    public String toString() {
        return "SubjectIdentifier[" + type + ", value hidden]";
    }
}
