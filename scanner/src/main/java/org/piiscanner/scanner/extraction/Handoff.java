package org.piiscanner.scanner.extraction;

import java.util.ArrayDeque;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Hands parts from a parser thread to the caller's thread through a small queue: the parser goes on with the next
 * part while the caller's sink works on the previous one, and waits only when the parts queued hold more than
 * {@code maxQueuedChars} characters (one part is always accepted, whatever its size). So at most one large part
 * waits while another is in the sink, and small parts (most of them) cost no thread switch each. Thread-safe.
 */
final class Handoff {

    /** Marks the end of the parse. */
    static final Object DONE = new Object();

    private final long maxQueuedChars;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final ArrayDeque<Object> queue = new ArrayDeque<>();
    private long queuedChars;
    private boolean closed;

    Handoff(long maxQueuedChars) {
        this.maxQueuedChars = maxQueuedChars;
    }

    /**
     * Queues {@code part}, first waiting while the queue is not empty and the part would take it past its
     * character budget.
     *
     * @throws Abort {@link Abort#ABANDONED} if the caller has gone, or goes while waiting
     */
    void put(ExtractedPart part) {
        long size = size(part);
        lock.lock();
        try {
            while (!closed && !queue.isEmpty() && queuedChars + size > maxQueuedChars) {
                changed.awaitUninterruptibly();
            }
            if (closed) {
                throw Abort.ABANDONED;
            }
            queue.add(part);
            queuedChars += size;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Ends the parse: the caller gets {@link #DONE} after the queued parts. Never blocks. */
    void finish() {
        lock.lock();
        try {
            if (!closed) {
                queue.add(DONE);
                changed.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * The next part or {@link #DONE}, waiting up to {@code nanos} when there is none yet; {@code null} on
     * time-out (then nothing is queued: no finished part is ever lost to a time-out).
     */
    Object take(long nanos) throws InterruptedException {
        lock.lock();
        try {
            long left = nanos;
            while (queue.isEmpty()) {
                if (left <= 0) {
                    return null;
                }
                left = changed.awaitNanos(left);
            }
            Object next = queue.poll();
            if (next instanceof ExtractedPart part) {
                queuedChars -= size(part);
                changed.signalAll();
            }
            return next;
        } finally {
            lock.unlock();
        }
    }

    /** The caller has gone: queued parts are dropped, and a waiting or later {@link #put} throws. */
    void close() {
        lock.lock();
        try {
            closed = true;
            queue.clear();
            queuedChars = 0;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private static long size(ExtractedPart part) {
        return part.extraction() instanceof Extraction.Text t ? t.text().length() : 0;
    }
}
