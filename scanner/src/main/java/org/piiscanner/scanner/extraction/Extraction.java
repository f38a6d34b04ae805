package org.piiscanner.scanner.extraction;

import java.util.Map;
import java.util.Objects;

/**
 * What a {@link TextExtractor} made of a document: its text, or the reason it was skipped.
 *
 * <p>Metadata keys follow Tika's names where one exists ({@value #CONTENT_TYPE}), so the Tika extractor can pass
 * its metadata through unchanged.
 */
public sealed interface Extraction {

    /** Media type of the document, e.g. {@code text/plain; charset=UTF-8}. */
    String CONTENT_TYPE = "Content-Type";

    /** Set to {@code true} when bytes that are not valid in the document's encoding were replaced by U+FFFD. */
    String MALFORMED_INPUT_REPLACED = "X-PII-Scanner-Malformed-Input-Replaced";

    /** Metadata about the document (never personal data values). */
    Map<String, String> metadata();

    /**
     * The document's text.
     *
     * @param text the decoded text; finding offsets are Java {@code char} indexes into it
     * @param metadata see {@link Extraction}
     */
    record Text(String text, Map<String, String> metadata) implements Extraction {
        public Text {
            Objects.requireNonNull(text, "text");
            metadata = Map.copyOf(metadata);
        }
    }

    /**
     * The document was not scanned, for a reason that is not an error (binary content, over the size limit).
     *
     * @param reason a short lower-case phrase shown to the user, e.g. {@code binary file}
     * @param metadata see {@link Extraction}
     */
    record Skipped(String reason, Map<String, String> metadata) implements Extraction {
        public Skipped {
            Objects.requireNonNull(reason, "reason");
            metadata = Map.copyOf(metadata);
        }
    }
}
