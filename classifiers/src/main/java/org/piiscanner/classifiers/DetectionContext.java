package org.piiscanner.classifiers;

import java.util.Objects;

/**
 * Per-call information about the text being scanned.
 *
 * @param language ISO 639-1 code selecting the context-word lists (falls back to English)
 * @param fieldName name of the field, column or JSON key the text came from, used as extra context
 *     (e.g. a column named {@code ni_number}); empty for free text
 */
public record DetectionContext(String language, String fieldName) {

    /** English free text. */
    public static final DetectionContext DEFAULT = new DetectionContext("en", "");

    public DetectionContext {
        Objects.requireNonNull(language, "language");
        fieldName = fieldName == null ? "" : fieldName;
    }

    /** English text from the named field. */
    public static DetectionContext forField(String fieldName) {
        return new DetectionContext("en", fieldName);
    }
}
