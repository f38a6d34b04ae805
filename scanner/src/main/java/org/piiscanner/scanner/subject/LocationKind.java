package org.piiscanner.scanner.subject;

import java.util.Locale;

/** What a location is: a file (or a document inside one) or a database row. */
public enum LocationKind {
    FILE, ROW;

    /** {@code file} or {@code row}, as in JSON output. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
