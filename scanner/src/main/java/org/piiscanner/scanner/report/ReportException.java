package org.piiscanner.scanner.report;

/** A report cannot be made: no such run, no completed run, an output file that cannot be written. The message is
 * meant for the user as is. */
public final class ReportException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ReportException(String message) {
        super(message);
    }

    public ReportException(String message, Throwable cause) {
        super(message, cause);
    }
}
