package org.piiscanner.scanner.extraction;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a {@link TextExtractor} made of one document or embedded document: its text, or the reason it was skipped.
 *
 * <p>Metadata keys follow Tika's names where one exists ({@value #CONTENT_TYPE}); the scanner's own keys start
 * with {@code X-PII-Scanner-}. Metadata holds no personal data: authors and e-mail addresses are delivered as text
 * in a separate metadata part (see {@link ExtractedPart}), where detectors scan them.
 */
public sealed interface Extraction {

    /** Media type of the document, e.g. {@code text/plain; charset=UTF-8}. */
    String CONTENT_TYPE = "Content-Type";

    /** Set to {@code true} when bytes that are not valid in the document's encoding were replaced by U+FFFD. */
    String MALFORMED_INPUT_REPLACED = "X-PII-Scanner-Malformed-Input-Replaced";

    /**
     * Set when the text was cut at the character limit; the value is the limit. Text after it was not scanned.
     */
    String TRUNCATED = "X-PII-Scanner-Truncated";

    /**
     * Set when the parser failed after producing some text, which is delivered; the value is the
     * {@link SkipReason} and detail, e.g. {@code PARSE_ERROR: EOFException}. Text after the failure was not scanned.
     */
    String INCOMPLETE = "X-PII-Scanner-Incomplete";

    /** Metadata about the document (never personal data values). */
    Map<String, String> metadata();

    /**
     * The document's text.
     *
     * @param text the decoded text; finding offsets are Java {@code char} indexes into it
     * @param metadata see {@link Extraction}
     * @param sections pages, sheets or slides in order of their start, where the format has them; empty otherwise
     */
    record Text(String text, Map<String, String> metadata, List<Section> sections) implements Extraction {
        public Text {
            Objects.requireNonNull(text, "text");
            metadata = Map.copyOf(metadata);
            sections = List.copyOf(sections);
            int previous = 0;
            for (Section s : sections) {
                if (s.start() < previous || s.start() > text.length()) {
                    throw new IllegalArgumentException("section out of order or past the text: " + s);
                }
                previous = s.start();
            }
        }

        /** Text without sections. */
        public Text(String text, Map<String, String> metadata) {
            this(text, metadata, List.of());
        }
    }

    /**
     * The document was not scanned.
     *
     * @param reason why
     * @param detail what applies to this document, e.g. the limit or the format; never document content. May be
     *     empty.
     * @param metadata see {@link Extraction}
     */
    record Skipped(SkipReason reason, String detail, Map<String, String> metadata) implements Extraction {
        public Skipped {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(detail, "detail");
            metadata = Map.copyOf(metadata);
        }

        /** The reason and detail as one phrase for users, e.g. {@code encrypted (PDF document)}. */
        public String message() {
            return reason.message(detail);
        }
    }
}
