package org.piiscanner.classifiers.names;

/** The entity kinds the name pipeline reports; the model's outcome types are the lower-case names. */
public enum NameType {
    PERSON,
    LOCATION,
    ORGANIZATION;

    /** The type for an OpenNLP span type ({@code person}, {@code location}, {@code organization}), or null. */
    static NameType ofModelType(String type) {
        return switch (type) {
            case "person" -> PERSON;
            case "location" -> LOCATION;
            case "organization" -> ORGANIZATION;
            default -> null;
        };
    }
}
