package org.piiscanner.scanner.subject;

/** The data directory has no index yet: nothing has been scanned into it. */
public class NoIndexException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    NoIndexException(String message, Throwable cause) {
        super(message, cause);
    }
}
