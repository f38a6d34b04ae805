package org.piiscanner.scanner.scan.files;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Live counters of the running file scan, for a progress display: files and bytes the walk found, files and bytes
 * done, findings recorded. Updated by the job's steps, read from any thread. Counts of a restarted run start from
 * what is left to do.
 */
public final class ScanProgress {

    private final AtomicLong totalFiles = new AtomicLong();
    private final AtomicLong totalBytes = new AtomicLong();
    private final AtomicLong doneFiles = new AtomicLong();
    private final AtomicLong doneBytes = new AtomicLong();
    private final AtomicLong findings = new AtomicLong();

    /** Files to scan (known after the walk; 0 before). */
    public long totalFiles() {
        return totalFiles.get();
    }

    /** Bytes of the files to scan. */
    public long totalBytes() {
        return totalBytes.get();
    }

    /** Files done (scanned, unchanged or skipped). */
    public long doneFiles() {
        return doneFiles.get();
    }

    /** Bytes of the files done. */
    public long doneBytes() {
        return doneBytes.get();
    }

    /** Findings recorded in locations read by this process. */
    public long findings() {
        return findings.get();
    }

    /** Back to zero, for a new launch. */
    void reset() {
        totalFiles.set(0);
        totalBytes.set(0);
        doneFiles.set(0);
        doneBytes.set(0);
        findings.set(0);
    }

    void total(long files, long bytes) {
        totalFiles.set(files);
        totalBytes.set(bytes);
    }

    void done(long files, long bytes, long found) {
        doneFiles.addAndGet(files);
        doneBytes.addAndGet(bytes);
        findings.addAndGet(found);
    }
}
