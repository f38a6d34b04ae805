package org.piiscanner.scanner.detect;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.piiscanner.scanner.extraction.ExtractedPart;
import org.piiscanner.scanner.extraction.SkipReason;

/**
 * The outcome of one part of a plan entry (a file, a document embedded in it, or its metadata): scanned or
 * skipped; or of a whole entry that failed.
 */
public sealed interface DocumentResult {

    /**
     * The part's path as shown to users: the document's name (the path as given, {@code dir/relative/path}, or
     * {@code -}), followed for embedded documents by {@code !/inner/path} and for metadata by {@code #metadata}
     * (see {@link ExtractedPart}).
     */
    String name();

    /**
     * The part was scanned.
     *
     * @param findings findings in order of their start offsets
     * @param metadata the extractor's metadata about the part (truncation, incomplete parse...)
     */
    record Scanned(String name, List<LocatedFinding> findings, Map<String, String> metadata)
            implements DocumentResult {
        public Scanned {
            Objects.requireNonNull(name, "name");
            findings = List.copyOf(findings);
            metadata = Map.copyOf(metadata);
        }
    }

    /**
     * The part was not scanned (binary, too large, encrypted...): not an error.
     *
     * @param reason why
     * @param detail what applies to the part (the limit, the format), possibly empty
     */
    record Skipped(String name, SkipReason reason, String detail) implements DocumentResult {
        public Skipped {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(detail, "detail");
        }

        /** The reason and detail for users, e.g. {@code larger than the size limit (256 MB)}. */
        public String message() {
            return reason.message(detail);
        }
    }

    /**
     * The path is missing or unreadable, or detection failed: an error (exit code 1).
     *
     * @param message a one-line description without personal data
     */
    record Failed(String name, String message) implements DocumentResult {
        public Failed {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(message, "message");
        }
    }
}
