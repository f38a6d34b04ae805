package org.piiscanner.scanner.detect;

import java.util.Objects;
import org.piiscanner.classifiers.Finding;

/**
 * A finding with the human-readable position of its start.
 *
 * @param finding the finding (offsets are Java {@code char} indexes into the decoded text)
 * @param line 1-based line number ({@code \n} ends a line)
 * @param column 1-based column, in Java {@code char}s from the start of the line
 */
public record LocatedFinding(Finding finding, int line, int column) {

    public LocatedFinding {
        Objects.requireNonNull(finding, "finding");
    }
}
