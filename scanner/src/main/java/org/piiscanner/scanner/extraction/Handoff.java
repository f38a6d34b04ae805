package org.piiscanner.scanner.extraction;

import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Hands parts from a parser thread to the caller's thread one at a time. The parser waits in {@link #put} until
 * the caller has run its sink on the part and called {@link #ack}, so a part's sink never overlaps the parse and
 * the time spent in it is not parse time. Thread-safe.
 */
final class Handoff {

    /** Marks the end of the parse. */
    static final Object DONE = new Object();

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private Object slot;
    private boolean closed;

    /**
     * Offers {@code part} and waits until the caller has taken and acknowledged it.
     *
     * @throws Abort {@link Abort#ABANDONED} if the caller has gone, or goes while waiting
     */
    void put(ExtractedPart part) {
        lock.lock();
        try {
            if (closed) {
                throw Abort.ABANDONED;
            }
            slot = part;
            changed.signalAll();
            while (slot != null && !closed) {
                changed.awaitUninterruptibly();
            }
            if (closed) {
                throw Abort.ABANDONED;
            }
        } finally {
            lock.unlock();
        }
    }

    /** Ends the parse: the caller's next {@link #take} returns {@link #DONE}. Never blocks. */
    void finish() {
        lock.lock();
        try {
            if (!closed) {
                slot = DONE;
                changed.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * Waits up to {@code nanos} for a part or {@link #DONE}; returns {@code null} on time-out. The part stays
     * offered until {@link #ack}.
     */
    Object take(long nanos) throws InterruptedException {
        lock.lock();
        try {
            long left = nanos;
            while (slot == null) {
                if (left <= 0) {
                    return null;
                }
                left = changed.awaitNanos(left);
            }
            return slot;
        } finally {
            lock.unlock();
        }
    }

    /** The caller is done with the part it took: the parser continues. */
    void ack() {
        lock.lock();
        try {
            slot = null;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** The caller has gone: a waiting or later {@link #put} throws {@link Abort#ABANDONED}. */
    void close() {
        lock.lock();
        try {
            closed = true;
            slot = null;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }
}
