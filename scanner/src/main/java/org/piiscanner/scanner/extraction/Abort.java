package org.piiscanner.scanner.extraction;

/**
 * Stops a whole file's parse from inside Tika: a bomb, a stream over the size limit, or the caller abandoning
 * the parse. Once raised it is sticky ({@link ParseJob#checkAbort()} rethrows it at every stream read, SAX event
 * and embedded document), so a parser that catches it cannot get much further. No stack trace: it is control
 * flow, raised often in hostile files.
 */
final class Abort extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The parse was abandoned by the caller (time-out, sink failure, interruption): nothing more is delivered. */
    static final Abort ABANDONED = new Abort(null, "abandoned");

    /** The reason the open parts are skipped with, or {@code null} when the parse was abandoned. */
    final transient SkipReason reason;
    final String detail;

    Abort(SkipReason reason, String detail) {
        super(detail, null, false, false);
        this.reason = reason;
        this.detail = detail;
    }
}
