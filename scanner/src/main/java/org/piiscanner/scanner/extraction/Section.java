package org.piiscanner.scanner.extraction;

import java.util.Objects;

/**
 * Where a page, sheet or slide of a document starts in its extracted text, so that a finding's offset can be told
 * as "page 3" or "sheet 'Payroll'".
 *
 * @param kind {@value #PAGE}, {@value #SHEET} or {@value #SLIDE}
 * @param label the page or slide number ({@code 1}, {@code 2}...) or the sheet's name
 * @param start the Java {@code char} offset in {@link Extraction.Text#text()} where it starts; a section ends
 *     where the next one starts
 */
public record Section(String kind, String label, int start) {

    /** A page of a PDF or XPS document. */
    public static final String PAGE = "page";
    /** A worksheet of a spreadsheet, labelled with its name. */
    public static final String SHEET = "sheet";
    /** A slide of a presentation. */
    public static final String SLIDE = "slide";

    public Section {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(label, "label");
        if (start < 0) {
            throw new IllegalArgumentException("start must not be negative, got " + start);
        }
    }
}
