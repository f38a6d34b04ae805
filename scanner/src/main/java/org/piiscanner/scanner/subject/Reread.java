package org.piiscanner.scanner.subject;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** What re-reading a location at its source gave: its current content, or why there is none. */
sealed interface Reread {

    /** A file or a document inside one, as text (the extractor's, so offsets match the scan's). */
    record FileText(String text) implements Reread {
        public FileText {
            Objects.requireNonNull(text, "text");
        }

        @Override
        public String toString() {
            return "FileText[" + text.length() + " chars]";
        }
    }

    /** A database row's values by column. */
    record Row(Map<String, String> columns) implements Reread {
        public Row {
            columns = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(columns));
        }

        @Override
        public String toString() {
            return "Row[" + columns.keySet() + "]";
        }
    }

    /** The location no longer exists (file deleted, entry gone from its container, row deleted). */
    record Missing(String detail) implements Reread {
    }

    /** The location could not be read (source unreachable, permission denied, encrypted...). */
    record Unreadable(String detail) implements Reread {
    }
}
