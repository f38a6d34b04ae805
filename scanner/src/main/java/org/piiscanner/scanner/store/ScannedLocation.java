package org.piiscanner.scanner.store;

import java.util.List;
import java.util.Objects;
import org.piiscanner.scanner.protect.ProtectedFinding;

/**
 * A location whose content was read, with everything found in it (possibly nothing).
 *
 * @param path where it is in its source
 * @param fingerprint its fingerprint as scanned
 * @param configHash the detector configuration hash of the run
 * @param findings the protected findings, in any order (stored by offset)
 */
public record ScannedLocation(LocationPath path, Fingerprint fingerprint, String configHash,
        List<ProtectedFinding> findings) {

    public ScannedLocation {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(fingerprint, "fingerprint");
        Objects.requireNonNull(configHash, "configHash");
        findings = List.copyOf(findings);
    }
}
