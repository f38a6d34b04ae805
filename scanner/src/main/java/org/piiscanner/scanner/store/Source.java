package org.piiscanner.scanner.store;

import java.time.OffsetDateTime;

/**
 * A scanned root.
 *
 * @param id the source id
 * @param kind file tree or database
 * @param locator the root path, or the JDBC URL without credentials
 * @param createdAt when first recorded
 */
public record Source(long id, ScanKind kind, String locator, OffsetDateTime createdAt) {
}
