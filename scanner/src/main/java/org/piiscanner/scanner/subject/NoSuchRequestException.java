package org.piiscanner.scanner.subject;

/** There is no subject request with the given id. */
public class NoSuchRequestException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    NoSuchRequestException(long id) {
        super("there is no subject request " + id + " (run 'pii-scanner subject list' to see them)");
    }
}
