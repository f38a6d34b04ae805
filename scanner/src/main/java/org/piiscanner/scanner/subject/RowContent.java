package org.piiscanner.scanner.subject;

import java.util.LinkedHashMap;
import java.util.Map;

/** What a {@link RowReader} found for a row key: the row's values, or no such row. */
public sealed interface RowContent {

    /**
     * The row exists.
     *
     * @param columns column name to value (as text; null values left out), for the columns asked for that exist
     */
    record Present(Map<String, String> columns) implements RowContent {
        public Present {
            columns = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(columns));
        }

        @Override
        public String toString() {
            return "Present[" + columns.keySet() + ", values hidden]";
        }
    }

    /** No row has the key any more (deleted). */
    record Missing() implements RowContent {
    }
}
