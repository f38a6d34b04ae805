package org.piiscanner.scanner.scan.files;

import org.piiscanner.scanner.store.SkipReason;

/** Maps the extractor's skip reasons to the store's. */
final class Skips {

    private Skips() {
    }

    /** The store's reason for an extraction skip reason. */
    static SkipReason of(org.piiscanner.scanner.extraction.SkipReason reason) {
        return switch (reason) {
            case TOO_LARGE -> SkipReason.TOO_LARGE;
            case ENCRYPTED -> SkipReason.ENCRYPTED;
            case UNSUPPORTED -> SkipReason.UNSUPPORTED_FORMAT;
            case BINARY -> SkipReason.BINARY;
            case NO_TEXT -> SkipReason.NO_TEXT;
            case PARSE_ERROR -> SkipReason.PARSE_ERROR;
            case TIMEOUT -> SkipReason.TIMEOUT;
            case NESTING_TOO_DEEP -> SkipReason.NESTING_TOO_DEEP;
            case ARCHIVE_BOMB -> SkipReason.ZIP_BOMB;
            case PERMISSION_DENIED -> SkipReason.PERMISSION_DENIED;
        };
    }
}
