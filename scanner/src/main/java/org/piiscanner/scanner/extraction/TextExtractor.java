package org.piiscanner.scanner.extraction;

import java.io.IOException;
import java.util.function.Consumer;

/**
 * Extracts the text of a document and of every document embedded in it, one {@link ExtractedPart} at a time.
 *
 * <p>Implementations are thread-safe: one instance serves all worker threads. They read the source at most once
 * and close every stream they open.
 */
public interface TextExtractor {

    /**
     * Extracts {@code source} and hands each part to {@code sink} as soon as it is complete, on the calling thread,
     * without holding earlier parts: memory stays bounded whatever the number of parts. Every source yields at
     * least one part with the source's own name. Documents embedded in a container come before the container's
     * own part (its text is complete only when its last entry has been read), in the order they appear in it; a
     * document's metadata part, if it has one, follows it.
     *
     * <p>Every problem with the content (encrypted, corrupt, too large, too slow, a bomb) is a part whose
     * extraction is {@link Extraction.Skipped}, and the other parts still arrive.
     *
     * @throws IOException only if the source itself cannot be read: missing, permission denied (an
     *     {@link java.nio.file.AccessDeniedException}), not a file. Nothing has been delivered then.
     * @throws ExtractionUnavailableException if the extractor cannot take more work (too many parsers are stuck)
     * @throws RuntimeException whatever {@code sink} throws, after the extraction has been abandoned
     */
    void extract(DocumentSource source, Consumer<? super ExtractedPart> sink) throws IOException;
}
