package org.piiscanner.scanner.subject;

import java.util.Objects;

/**
 * A location as a subject search reports it: a file, a document inside one ({@code hr/2021.zip!/letters/offer.docx})
 * or a database row ({@code crm.customers!/id=42}), in its source.
 *
 * <p>The store's path of a location is its segments joined by {@value #SEPARATOR}: for files the file (relative to
 * the source root, or absolute) then the entries inside it; for rows the table then the row key (see the store's
 * {@code LocationPath}). A file name cannot contain {@code /}, so the first {@value #SEPARATOR} always ends the file;
 * the rest is the embedded path, however deep. For rows everything after the table is the key, as the database scan
 * rendered it.
 *
 * @param locationId the store's location id
 * @param sourceId the store's source id
 * @param kind file or row
 * @param source the source's locator: a root directory, or a JDBC URL without credentials
 * @param path the display path in the source
 */
public record SubjectLocation(long locationId, long sourceId, LocationKind kind, String source, String path) {

    /** Joins a location's segments in its display path. */
    public static final String SEPARATOR = "!/";

    public SubjectLocation {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(path, "path");
    }

    /** The first segment: the file, or the table. */
    public String root() {
        int i = path.indexOf(SEPARATOR);
        return i < 0 ? path : path.substring(0, i);
    }

    /** Everything after the first segment (the embedded path of a file, the key of a row), or null. */
    public String rest() {
        int i = path.indexOf(SEPARATOR);
        return i < 0 ? null : path.substring(i + SEPARATOR.length());
    }

    /** For a file location: the path inside the file ({@code letters/offer.docx}), or null for the file itself. */
    public String embeddedPath() {
        return kind == LocationKind.FILE ? rest() : null;
    }

    /** For a row: the table ({@code schema.table}); null for files. */
    public String table() {
        return kind == LocationKind.ROW ? root() : null;
    }

    /** For a row: its key as the database scan rendered it; null for files. */
    public String rowKey() {
        return kind == LocationKind.ROW ? rest() : null;
    }

    /**
     * The location as one string: for a file, the source directory joined with the path
     * ({@code /srv/share/hr/a.zip!/b.docx}; an absolute path as it is); for a row, the database, table and key
     * joined like nested documents ({@code jdbc:postgresql://db:5432/crm!/crm.customers!/id=42}).
     */
    public String display() {
        if (kind == LocationKind.ROW) {
            return source + SEPARATOR + path;
        }
        if (root().startsWith("/") || source.isEmpty()) {
            return path; // an absolute file path
        }
        if (source.equals(root())) {
            return source + (rest() == null ? "" : SEPARATOR + rest()); // a source that is one file
        }
        return (source.endsWith("/") ? source : source + "/") + path;
    }
}
