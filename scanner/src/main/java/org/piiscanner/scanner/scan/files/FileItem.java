package org.piiscanner.scanner.scan.files;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One file the walk found: the reader's item. Holds a path and its size and time, never content.
 *
 * @param runId the scan run
 * @param seq the walk order within the run, from 1
 * @param sourceId the source (root) the file belongs to
 * @param rootDir the root directory, absolute
 * @param relPath the file relative to the root, {@code /}-separated: its location path in the store
 * @param size the size in bytes when walked
 * @param modifiedMillis the modification time when walked
 */
record FileItem(long runId, long seq, long sourceId, String rootDir, String relPath, long size,
        long modifiedMillis) {

    FileItem {
        Objects.requireNonNull(rootDir, "rootDir");
        Objects.requireNonNull(relPath, "relPath");
    }

    /** The file on disk. */
    Path file() {
        return Path.of(rootDir).resolve(relPath);
    }
}
