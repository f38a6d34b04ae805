package org.piiscanner.scanner.subject;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Supplier;
import org.piiscanner.scanner.index.LocationIndex;

/**
 * The index as the subject search uses it: opened read-only on first use (a scan may be writing it from another
 * process; its commits become visible), closed with the application context. Thread-safe.
 */
final class SubjectIndex implements Supplier<SubjectSearch>, Closeable {

    private final Path directory;
    private final String keyId;
    private LocationIndex index;
    private SubjectSearch search;

    SubjectIndex(Path directory, String keyId) {
        this.directory = Objects.requireNonNull(directory, "directory");
        this.keyId = Objects.requireNonNull(keyId, "keyId");
    }

    /** Wraps an index opened elsewhere (tests, the benchmark); the caller closes it. */
    static Supplier<SubjectSearch> of(LocationIndex index) {
        SubjectSearch s = new SubjectSearch(index);
        return () -> s;
    }

    /**
     * The search over the index.
     *
     * @throws NoIndexException if the data directory has no index yet
     */
    @Override
    public synchronized SubjectSearch get() {
        if (search == null) {
            if (!Files.isDirectory(directory)) {
                throw new NoIndexException("there is no index in " + directory + ": scan files or databases into "
                        + "this data directory first (or pass the right --data-dir)", null);
            }
            try {
                index = LocationIndex.openReadOnly(directory, keyId);
            } catch (IOException e) {
                throw new NoIndexException("cannot open the index in " + directory + ": " + e.getMessage()
                        + " (scan something into this data directory first)", e);
            }
            search = new SubjectSearch(index);
        }
        return search;
    }

    @Override
    public synchronized void close() throws IOException {
        if (index != null) {
            index.close();
            index = null;
            search = null;
        }
    }
}
