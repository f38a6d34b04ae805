package org.piiscanner.scanner.detect;

import java.util.Objects;
import org.piiscanner.classifiers.Finding;
import org.piiscanner.scanner.extraction.Section;

/**
 * A finding with the human-readable position of its start.
 *
 * @param finding the finding (offsets are Java {@code char} indexes into the decoded text)
 * @param line 1-based line number ({@code \n} ends a line)
 * @param column 1-based column, in Java {@code char}s from the start of the line
 * @param section the page, sheet or slide the finding starts in, or {@code null} when the document has none
 */
public record LocatedFinding(Finding finding, int line, int column, Section section) {

    public LocatedFinding {
        Objects.requireNonNull(finding, "finding");
    }

    /** A finding in a document without pages, sheets or slides. */
    public LocatedFinding(Finding finding, int line, int column) {
        this(finding, line, column, null);
    }
}
