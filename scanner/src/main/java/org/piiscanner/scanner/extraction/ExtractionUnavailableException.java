package org.piiscanner.scanner.extraction;

/**
 * The extractor refuses work because too many of its parser threads are stuck in parsers that ignored the time
 * limit ({@link ExtractionLimits#maxStuckParsers()}). Not the current document's fault: a job should stop and be
 * restarted in a new process, which resumes where it stopped.
 */
public final class ExtractionUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    ExtractionUnavailableException(String message) {
        super(message);
    }
}
