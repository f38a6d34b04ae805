package org.piiscanner.scanner.detect;

import java.util.concurrent.Semaphore;

/**
 * Limits how many bytes of documents are held in memory at once, so that several large files are scanned one
 * after another instead of together. Costs are in KiB: a document of {@code n} bytes costs about {@code 6n}
 * (the bytes, the decoded string, the engine's normalised copy); a document of unknown size, or one costing
 * more than the whole budget, takes the whole budget. Thread-safe.
 */
final class MemoryBudget {

    private static final int BYTES_PER_DOCUMENT_BYTE = 6;

    private final int permits;
    private final Semaphore semaphore;

    MemoryBudget(long budgetBytes) {
        this.permits = (int) Math.max(1, Math.min(Integer.MAX_VALUE, budgetBytes / 1024));
        this.semaphore = new Semaphore(permits, true);
    }

    /** Half the heap. */
    static MemoryBudget forHeap(long maxHeapBytes) {
        return new MemoryBudget(maxHeapBytes / 2);
    }

    /** The cost of a document of {@code size} bytes (-1: unknown). */
    int cost(long size) {
        if (size < 0) {
            return permits;
        }
        long kib = (size * BYTES_PER_DOCUMENT_BYTE) / 1024 + 1;
        return (int) Math.min(permits, kib);
    }

    void acquire(int cost) throws InterruptedException {
        semaphore.acquire(cost);
    }

    void release(int cost) {
        semaphore.release(cost);
    }
}
