package org.piiscanner.scanner.extraction;

/**
 * Why a document (or an embedded document) was not scanned. Each reason has a short lower-case description for
 * users; {@link Extraction.Skipped#detail()} adds what applies to the document (the limit, the format).
 *
 * <p>The extractor itself reports every reason except {@link #PERMISSION_DENIED}: a source it cannot open is an
 * {@link java.io.IOException} from {@link TextExtractor#extract}, which callers that record an outcome per file
 * (the file-scan job) turn into that reason.
 */
public enum SkipReason {

    /** Over the file-size limit (not opened), or an embedded document declaring a size over it. */
    TOO_LARGE("larger than the size limit"),

    /** Password-protected or rights-managed: the content cannot be read without a key. */
    ENCRYPTED("encrypted"),

    /** A recognised format no parser reads text from (a database file, a font, an executable). */
    UNSUPPORTED("unsupported format"),

    /** Content of no known format that is not text either. */
    BINARY("binary file"),

    /**
     * Parsed, but a format that holds no text here: an image (no OCR), audio or video. Personal data may still be
     * in it (a scanned passport), so it is reported rather than counted as scanned.
     */
    NO_TEXT("no extractable text"),

    /** Corrupt, truncated or otherwise unreadable by its parser. */
    PARSE_ERROR("parse error"),

    /** The parser ran past the per-file time limit and was abandoned. */
    TIMEOUT("timed out"),

    /** Embedded deeper than the nesting limit (not opened). */
    NESTING_TOO_DEEP("nested too deeply"),

    /**
     * A decompression bomb: an archive expanding past the size or ratio limits, holding too many entries, or
     * containing itself. The whole file is skipped.
     */
    ARCHIVE_BOMB("suspected archive bomb"),

    /** The file could not be opened for lack of permission (reported by callers, see above). */
    PERMISSION_DENIED("permission denied");

    private final String description;

    SkipReason(String description) {
        this.description = description;
    }

    /** A short lower-case phrase, e.g. {@code encrypted}. */
    public String description() {
        return description;
    }

    /** The description followed by {@code detail} in parentheses when there is one, e.g. {@code encrypted (PDF)}. */
    public String message(String detail) {
        return detail == null || detail.isEmpty() ? description : description + " (" + detail + ")";
    }
}
