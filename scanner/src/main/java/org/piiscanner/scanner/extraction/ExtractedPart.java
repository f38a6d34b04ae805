package org.piiscanner.scanner.extraction;

import java.util.Objects;

/**
 * One unit of extracted content: a document, a document embedded in it (an archive entry, an attachment, an
 * embedded object), or the personal metadata of either.
 *
 * <p>Paths: the source's name for the document itself; {@code name!/inner/path} for an embedded document, nested
 * as deep as the documents are ({@code hr/2021.zip!/letters/offer.docx!/image1.emf}); and a document's path
 * followed by {@value #METADATA_SUFFIX} for its metadata part, whose text is {@code Field: value} lines of
 * its authors and e-mail addresses ({@code Author}, {@code Last-Modified-By}, {@code From}, {@code To}...).
 * Inner names are the archive entry or attachment names; messages of mailboxes are numbered
 * ({@code inbox.mbox!/message-12.eml}) rather than named after their subject. An unnamed embedded document is
 * {@code embedded-N} (its position among its siblings), and a name repeated among siblings gets {@code [N]}.
 *
 * @param path where the content is, as above
 * @param extraction its text or why it was skipped
 */
public record ExtractedPart(String path, Extraction extraction) {

    /** Separates a container's path from the name of a document embedded in it. */
    public static final String EMBEDDED_SEPARATOR = "!/";

    /** Ends the path of a metadata part. */
    public static final String METADATA_SUFFIX = "#metadata";

    public ExtractedPart {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(extraction, "extraction");
    }

    /** True for a metadata part (authors, e-mail addresses), false for a document's own content. */
    public boolean isMetadata() {
        return path.endsWith(METADATA_SUFFIX);
    }

    /** True for a document inside another one (an archive entry, an attachment). */
    public boolean isEmbedded() {
        return path.contains(EMBEDDED_SEPARATOR);
    }
}
