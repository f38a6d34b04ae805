package org.piiscanner.scanner.cli;

import java.util.List;
import org.piiscanner.scanner.detect.LocatedFinding;

/** Writes the findings of one document to standard output in one output format. Not thread-safe. */
interface FindingPrinter {

    /** Prints {@code findings} of the document shown as {@code file} (called in document order). */
    void print(String file, List<LocatedFinding> findings);
}
