package org.piiscanner.scanner.report;

import java.util.List;
import org.piiscanner.scanner.store.ScanRun;
import org.piiscanner.scanner.store.Source;

/**
 * Adds coverage notes to reports for what a scanner knows beyond the store's per-location outcomes, such as the
 * columns a database scan sampled instead of reading every row. A Spring bean of this type is picked up by the
 * report command; the notes appear in the coverage section of every format, after the skipped locations.
 *
 * <p>Implementations read the store (or their own tables in it) only, and must return no source values.
 */
public interface CoverageContributor {

    /** Notes for {@code source} as covered by {@code run}, in the order to show them; empty when none. */
    List<CoverageNote> notes(Source source, ScanRun run);
}
