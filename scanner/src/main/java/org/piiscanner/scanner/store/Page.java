package org.piiscanner.scanner.store;

import java.util.List;

/**
 * One page of a keyset-paged listing.
 *
 * @param items the items of this page, in listing order
 * @param nextCursor the cursor to pass for the next page, or null when this is the last page
 * @param <T> the item type
 */
public record Page<T>(List<T> items, Long nextCursor) {

    public Page {
        items = List.copyOf(items);
    }

    /** True if there is a further page. */
    public boolean hasNext() {
        return nextCursor != null;
    }
}
