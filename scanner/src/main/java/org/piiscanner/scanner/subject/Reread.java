package org.piiscanner.scanner.subject;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** What re-reading a location at its source gave: its current content, or why there is none. */
sealed interface Reread {

    /**
     * A file or a document inside one, as text (the extractor's, so offsets match the scan's), and the text of its
     * metadata part (authors, e-mail headers) if it has one: the file scan records a document's metadata findings
     * in the document's own location, with the section {@value #METADATA_SECTION} and offsets into that text.
     *
     * @param text the document's text
     * @param metadata its metadata part's text, or null
     */
    record FileText(String text, String metadata) implements Reread {

        /** The section label of findings in a document's metadata part. */
        static final String METADATA_SECTION = "metadata";

        public FileText {
            Objects.requireNonNull(text, "text");
        }

        @Override
        public String toString() {
            return "FileText[" + text.length() + " chars" + (metadata == null ? "" : ", metadata") + "]";
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
