package org.piiscanner.scanner.scan.db;

import java.util.List;
import java.util.Set;
import org.piiscanner.scanner.protect.ProtectedFinding;
import org.piiscanner.scanner.store.Fingerprint;
import org.piiscanner.scanner.store.LocationPath;

/** What the processor made of a row: scanned (protected findings, no value) or unchanged since the last scan. */
sealed interface RowResult {

    LocationPath path();

    Fingerprint fingerprint();

    /**
     * A row read and detected.
     *
     * @param wordTokens the keyed hashes of its words (for the index), or null when word tokens are off
     */
    record Scanned(LocationPath path, Fingerprint fingerprint, String configHash, List<ProtectedFinding> findings,
            Set<String> wordTokens) implements RowResult {
    }

    /** A row whose fingerprint matches the last scan's. */
    record Unchanged(LocationPath path, Fingerprint fingerprint) implements RowResult {
    }
}
