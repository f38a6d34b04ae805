package org.piiscanner.scanner.detect;

import java.util.List;
import org.piiscanner.scanner.extraction.DocumentSource;

/**
 * The documents a scan will visit, in the order their results are reported, plus the paths that could not be
 * expanded. Made by {@link DetectionService#plan}; immutable.
 */
public final class ScanPlan {

    /** One entry of the plan. */
    sealed interface Entry {
        String name();
    }

    /** A document to extract and scan; {@code size} is its size in bytes, or -1 when unknown. */
    record Document(DocumentSource source, long size) implements Entry {
        @Override
        public String name() {
            return source.name();
        }
    }

    /** A path that could not be expanded (missing, unreadable directory). */
    record Problem(String name, String message) implements Entry {
    }

    private final List<Entry> entries;

    ScanPlan(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    List<Entry> entries() {
        return entries;
    }

    /** Number of entries, hence of results {@link DetectionService#run} will deliver. */
    public int size() {
        return entries.size();
    }

    /** The names of the entries, in order (to size output columns). */
    public List<String> names() {
        return entries.stream().map(Entry::name).toList();
    }
}
