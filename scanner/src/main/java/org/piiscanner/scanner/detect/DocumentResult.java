package org.piiscanner.scanner.detect;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The outcome of one entry of a {@link ScanPlan}: scanned, skipped, or failed. */
public sealed interface DocumentResult {

    /** The document's name as shown to users (the path as given, {@code dir/relative/path}, or {@code -}). */
    String name();

    /**
     * The document was scanned.
     *
     * @param findings findings in order of their start offsets
     * @param metadata the extractor's metadata about the document
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
     * The document was deliberately not scanned (binary, too large): not an error.
     *
     * @param reason a short phrase for the user
     */
    record Skipped(String name, String reason) implements DocumentResult {
        public Skipped {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(reason, "reason");
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
