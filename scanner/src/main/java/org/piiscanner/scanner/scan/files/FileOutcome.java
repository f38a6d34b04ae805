package org.piiscanner.scanner.scan.files;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.piiscanner.scanner.store.Fingerprint;
import org.piiscanner.scanner.store.LocationPath;
import org.piiscanner.scanner.store.ScannedLocation;
import org.piiscanner.scanner.store.SkipReason;

/**
 * What the processor made of one file, for the writer: the file's outcome and the locations to record (the file
 * and every document inside it). Holds protected findings and word-token hashes only, never text.
 *
 * @param item the file
 * @param outcome the file's own outcome
 * @param fingerprint the file's current fingerprint
 * @param scanned the locations read (the file, if read, and its entries), with their word-token hashes
 * @param skipped the locations that could not be read (the file itself when {@code outcome} is SKIPPED)
 */
record FileOutcome(FileItem item, Kind outcome, Fingerprint fingerprint, List<Scanned> scanned,
        List<Skipped> skipped) {

    /** A file's own outcome. */
    enum Kind {
        SCANNED, UNCHANGED, SKIPPED
    }

    FileOutcome {
        Objects.requireNonNull(item, "item");
        Objects.requireNonNull(outcome, "outcome");
        scanned = List.copyOf(scanned);
        skipped = List.copyOf(skipped);
    }

    /** A location read, with the word-token hashes of its text (null when word tokens are off). */
    record Scanned(ScannedLocation location, Set<String> words) {
    }

    /** A location not read, and why (the detail never holds content). */
    record Skipped(LocationPath path, SkipReason reason, String detail) {
    }

    /** The file found unchanged. */
    static FileOutcome unchanged(FileItem item, Fingerprint fingerprint) {
        return new FileOutcome(item, Kind.UNCHANGED, fingerprint, List.of(), List.of());
    }

    /** The file itself not read. */
    static FileOutcome skipped(FileItem item, SkipReason reason, String detail) {
        return new FileOutcome(item, Kind.SKIPPED, null, List.of(),
                List.of(new Skipped(LocationPath.of(item.relPath()), reason, detail)));
    }

    /** The findings of every location read. */
    int findings() {
        int n = 0;
        for (Scanned s : scanned) {
            n += s.location().findings().size();
        }
        return n;
    }
}
