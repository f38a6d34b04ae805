package org.piiscanner.scanner.store;

import java.util.Objects;

/**
 * A location found unchanged since its last successful scan, with its current fingerprint (stored, so a touched
 * file matched by content hash is matched by size and time next time).
 *
 * @param path where it is in its source
 * @param fingerprint its current fingerprint; a null content hash keeps the stored one
 */
public record UnchangedLocation(LocationPath path, Fingerprint fingerprint) {

    public UnchangedLocation {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(fingerprint, "fingerprint");
    }
}
