package org.piiscanner.scanner.eval;

/** An evaluation input that cannot be used: a missing or unreadable file, invalid JSON, a malformed record. */
public final class EvalInputException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public EvalInputException(String message) {
        super(message);
    }

    public EvalInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
