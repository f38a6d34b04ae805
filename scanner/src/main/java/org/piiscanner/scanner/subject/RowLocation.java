package org.piiscanner.scanner.subject;

import java.util.Objects;

/**
 * A database row to re-read, as the findings store knows it: the source (JDBC URL without credentials), the table
 * and the row key, both as the database scan recorded them in the location's path ({@code table!/key}).
 *
 * @param sourceId the store's source id
 * @param source the source's locator: the JDBC URL without user or password
 * @param table the table segment of the path, e.g. {@code crm.customers}
 * @param key the key segment, e.g. {@code id=42}, exactly as the database scan rendered it
 */
public record RowLocation(long sourceId, String source, String table, String key) {

    public RowLocation {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(key, "key");
    }
}
