package org.piiscanner.scanner.subject;

import org.piiscanner.scanner.protect.FindingPosition;

/**
 * Where at a location one of the person's identifiers was found, from the store's findings: the page, sheet or
 * line of a document, or the column of a row (the position's section).
 *
 * @param identifier the identifier's number in the request
 * @param type the identifier's type
 * @param position section (a page or sheet label, or the column of a row), page, line and column as far as known
 * @param maskedPreview the finding's masked preview (never the value)
 */
public record Occurrence(int identifier, String type, FindingPosition position, String maskedPreview) {
}
