package org.piiscanner.scanner.store;

import java.util.List;

/**
 * What the index needs to (re)build one location's document from the store alone: everything but word tokens.
 *
 * @param id the location id
 * @param sourceId its source
 * @param path the displayed path
 * @param outcome its latest outcome ({@code DELETED}: remove its document)
 * @param indexState its index state
 * @param findings its findings
 */
public record IndexableLocation(long id, long sourceId, String path, Outcome outcome, IndexState indexState,
        List<StoredFinding> findings) {

    public IndexableLocation {
        findings = List.copyOf(findings);
    }
}
