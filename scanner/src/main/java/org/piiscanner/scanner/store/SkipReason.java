package org.piiscanner.scanner.store;

/**
 * Why a location was not scanned. Stored by name (at most 32 characters): add values freely, never rename.
 * The free-text detail that goes with it must not contain document content.
 */
public enum SkipReason {
    TOO_LARGE,
    ENCRYPTED,
    UNSUPPORTED_FORMAT,
    PARSE_ERROR,
    TIMEOUT,
    PERMISSION_DENIED,
    IO_ERROR,
    NESTING_TOO_DEEP,
    ZIP_BOMB,
    SELF_CONTAINING_ARCHIVE,
    OTHER,
    /** Content of no known format that is not text either. */
    BINARY,
    /** An image (no OCR), audio or video: parsed, but no text to scan. */
    NO_TEXT
}
