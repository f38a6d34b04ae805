package org.piiscanner.scanner.protect;

/**
 * Where in its location a finding sits, beyond the character offsets: the section (page, sheet, e-mail part,
 * database column...) and the line and column, as far as the extractor knows them. Numbers are 1-based; 0 means
 * unknown. The section label must not itself be a personal value (it is stored as given).
 *
 * @param section a label such as {@code "page 3"}, {@code "sheet Payroll"} or a column name; null when none
 * @param page the 1-based page, or 0
 * @param line the 1-based line, or 0
 * @param column the 1-based column, or 0
 */
public record FindingPosition(String section, int page, int line, int column) {

    /** No position known beyond the offsets. */
    public static final FindingPosition NONE = new FindingPosition(null, 0, 0, 0);

    public FindingPosition {
        if (page < 0 || line < 0 || column < 0) {
            throw new IllegalArgumentException("page, line and column are 1-based, 0 for unknown");
        }
    }

    /** A position given by line and column only. */
    public static FindingPosition lineColumn(int line, int column) {
        return new FindingPosition(null, 0, line, column);
    }
}
