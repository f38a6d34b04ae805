package org.piiscanner.scanner.report;

import java.util.List;

/** The formats a report is written in, and the files each writes into the output directory. */
public enum ReportFormat {
    /** One self-contained page for people: {@code report.html}. */
    HTML(List.of(HtmlReport.FILE)),
    /** Flat tables for spreadsheets and GRC tools (see the package documentation for the columns). */
    CSV(CsvReport.FILES),
    /** One document for programs: {@code report.json} (see the package documentation for the fields). */
    JSON(List.of(JsonReport.FILE));

    private final List<String> files;

    ReportFormat(List<String> files) {
        this.files = files;
    }

    /** The names of the files this format writes. */
    public List<String> files() {
        return files;
    }
}
