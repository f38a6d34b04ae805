package org.piiscanner.scanner.scan.files;

/** A file scan could not be started or restarted; the message is one line for users. */
public final class FileScanException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    FileScanException(String message, Throwable cause) {
        super(message, cause);
    }
}
