package org.piiscanner.scanner.extraction;

import java.io.IOException;

/**
 * Extracts the text of one document.
 *
 * <p>Implementations are thread-safe: one instance serves all worker threads. They read the source at most once
 * and close every stream they open.
 */
public interface TextExtractor {

    /**
     * Extracts the text of {@code source}.
     *
     * @return the text and metadata, or {@link Extraction.Skipped} with a reason (binary content, over the size
     *     limit, unsupported format); never {@code null}
     * @throws IOException if the document cannot be read (missing, permission denied, I/O error)
     */
    Extraction extract(DocumentSource source) throws IOException;
}
