package org.piiscanner.scanner.extraction;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.LongConsumer;

/**
 * Counts the bytes read through it and checks before every read that the parse has not been stopped: the bytes
 * an archive expands to, or a stream's size. {@code counter} may throw {@link Abort} to stop the parse. Not
 * thread-safe (one parser reads it).
 */
final class GuardedInputStream extends FilterInputStream {

    private final ParseJob job;
    private final LongConsumer counter;

    GuardedInputStream(InputStream in, ParseJob job, LongConsumer counter) {
        super(in);
        this.job = job;
        this.counter = counter;
    }

    @Override
    public int read() throws IOException {
        job.checkAbort();
        int b = super.read();
        if (b >= 0) {
            counter.accept(1);
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        job.checkAbort();
        int n = super.read(b, off, len);
        if (n > 0) {
            counter.accept(n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        job.checkAbort();
        long skipped = super.skip(n);
        if (skipped > 0) {
            counter.accept(skipped);
        }
        return skipped;
    }
}
