package org.piiscanner.scanner.subject;

/**
 * A row could not be read: the database is unreachable, the credentials are refused, the table is gone or the key
 * cannot be parsed. The message says which, without quoting any value.
 */
public class RowReadException extends Exception {

    private static final long serialVersionUID = 1L;

    public RowReadException(String message) {
        super(message);
    }

    public RowReadException(String message, Throwable cause) {
        super(message, cause);
    }
}
