package org.piiscanner.scanner.report;

import java.util.Objects;

/**
 * Something a report must say about how completely a location was scanned that the store's outcomes do not
 * show: a database column read from a sample of its rows, a table read up to a row limit. Contributed by a
 * {@link CoverageContributor}. Never holds a value from the source.
 *
 * @param location the location concerned, as the report shows it ({@code hr.people}, {@code hr.people.email})
 * @param kind a short upper-case kind, e.g. {@code SAMPLED}
 * @param detail what was done, e.g. {@code 10,000 of 2,400,000 rows}
 */
public record CoverageNote(String location, String kind, String detail) {

    public CoverageNote {
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(detail, "detail");
    }
}
