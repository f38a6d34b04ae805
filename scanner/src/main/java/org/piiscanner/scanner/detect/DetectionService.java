package org.piiscanner.scanner.detect;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.piiscanner.classifiers.DetectionEngine;
import org.piiscanner.classifiers.Finding;
import org.piiscanner.scanner.extraction.ExtractedPart;
import org.piiscanner.scanner.extraction.Extraction;
import org.piiscanner.scanner.extraction.ExtractionUnavailableException;
import org.piiscanner.scanner.extraction.Section;
import org.piiscanner.scanner.extraction.TextExtractor;

/**
 * Runs extraction and detection over the documents of a {@link ScanPlan} on a bounded pool of worker threads and
 * reports the results of their parts in plan order.
 *
 * <p>At most {@code 4 x threads} documents are in flight, each with at most 16 parts' results waiting (a part's
 * text is dropped as soon as it is scanned), and a memory budget (half the heap) keeps several large documents from
 * being held at once. Immutable; each {@link #run} uses its own pool, shut down before it returns.
 */
public final class DetectionService {

    /** Documents in flight per worker thread (keeps workers busy while the sink is slow). */
    private static final int WINDOW_PER_THREAD = 4;
    /** Parts' results of one document waiting to be delivered. */
    private static final int PARTS_IN_FLIGHT = 16;
    private static final long POLL_MILLIS = 200;

    private final TextExtractor extractor;
    private final DetectionEngine engine;
    private final int threads;
    private final MemoryBudget memory;

    /**
     * A service running {@code engine} over what {@code extractor} extracts, on {@code threads} workers.
     *
     * @throws IllegalArgumentException if {@code threads} is less than 1
     */
    public DetectionService(TextExtractor extractor, DetectionEngine engine, int threads) {
        this(extractor, engine, threads, MemoryBudget.forHeap(Runtime.getRuntime().maxMemory()));
    }

    DetectionService(TextExtractor extractor, DetectionEngine engine, int threads, MemoryBudget memory) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        this.extractor = Objects.requireNonNull(extractor, "extractor");
        this.engine = Objects.requireNonNull(engine, "engine");
        this.threads = threads;
        this.memory = memory;
    }

    /**
     * Expands {@code paths} (files, directories, {@code -} for {@code stdin}) into a plan, in argument order and
     * within a directory in sorted order. Missing paths become entries whose result is {@link
     * DocumentResult.Failed}.
     */
    public ScanPlan plan(List<String> paths, InputStream stdin) {
        PathExpander expander = new PathExpander(stdin);
        paths.forEach(expander::add);
        return new ScanPlan(expander.entries());
    }

    /**
     * Scans every entry of {@code plan} and calls {@code sink} once per part (a file, each document embedded in
     * it, their metadata parts) or once per failed entry, in plan order and within an entry in the extractor's
     * order, on the calling thread. If the sink throws, the remaining work is cancelled and the exception
     * propagates.
     */
    public void run(ScanPlan plan, Consumer<? super DocumentResult> sink) {
        run(plan, sink, name -> {
        });
    }

    /**
     * As {@link #run(ScanPlan, Consumer)}, also calling {@code entryDone} with an entry's name after its last
     * result (for progress).
     */
    public void run(ScanPlan plan, Consumer<? super DocumentResult> sink, Consumer<String> entryDone) {
        List<ScanPlan.Entry> entries = plan.entries();
        int window = threads * WINDOW_PER_THREAD;
        ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(window), new WorkerThreads());
        try {
            Deque<Results> pending = new ArrayDeque<>(window);
            int next = 0;
            while (next < entries.size() || !pending.isEmpty()) {
                while (next < entries.size() && pending.size() < window) {
                    ScanPlan.Entry entry = entries.get(next++);
                    Results results = new Results(entry.name());
                    switch (entry) {
                        case ScanPlan.Problem p -> results.finish(new DocumentResult.Failed(p.name(), p.message()));
                        case ScanPlan.Document d -> results.worker = pool.submit(() -> scan(d, results));
                    }
                    pending.add(results);
                }
                Results head = pending.poll();
                head.drainTo(sink);
                entryDone.accept(head.name);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * The results of one entry, handed from its worker to the delivering thread as they come: a bounded queue, so
     * that an entry with many parts (a mailbox, a large archive) never holds more than a few parts' findings.
     * The worker of the entry being delivered never waits for long; workers of later entries wait when their
     * queue is full, and they are the only ones that can (entries start in plan order).
     */
    private static final class Results {
        private static final Object END = new Object();

        final String name;
        final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(PARTS_IN_FLIGHT);
        volatile Future<?> worker;

        Results(String name) {
            this.name = name;
        }

        /** Adds a result, waiting for room (called by the worker). */
        void add(DocumentResult result) {
            put(result);
        }

        /** Marks the end of the entry's results (called by the worker). */
        void end() {
            put(END);
        }

        private void put(Object item) {
            try {
                queue.put(item);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CancellationException("interrupted");
            }
        }

        /** Adds {@code last}, if any, and the end (never waits: used for entries known in advance). */
        void finish(DocumentResult last) {
            queue.add(last);
            queue.add(END);
        }

        /** Passes every result to {@code sink} until the end, propagating a worker's error. */
        void drainTo(Consumer<? super DocumentResult> sink) {
            try {
                while (true) {
                    Object next = queue.poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
                    if (next == END) {
                        return;
                    }
                    if (next != null) {
                        sink.accept((DocumentResult) next);
                    } else if (worker != null && worker.isDone() && queue.isEmpty()) {
                        worker.get(); // the worker died without its end marker: rethrow why
                        return;
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CancellationException("interrupted");
            } catch (ExecutionException e) {
                if (e.getCause() instanceof Error error) {
                    throw error;
                }
                throw new IllegalStateException(e.getCause());
            }
        }
    }

    /** Extracts and scans one document (test entry point), returning its results. */
    List<DocumentResult> scan(ScanPlan.Document document) {
        List<DocumentResult> results = new ArrayList<>();
        scan(document, results::add);
        return results;
    }

    private void scan(ScanPlan.Document document, Results results) {
        try {
            scan(document, results::add);
        } finally {
            results.end();
        }
    }

    /**
     * Extracts and scans one document part by part, handing each part's result to {@code out} as soon as it is
     * ready: only findings are kept, never a part's text. Never throws for a problem with the document itself.
     */
    private void scan(ScanPlan.Document document, Consumer<DocumentResult> out) {
        String name = document.name();
        int cost = memory.cost(document.size());
        try {
            memory.acquire(cost);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            out.accept(new DocumentResult.Failed(name, "interrupted"));
            return;
        }
        try {
            extractor.extract(document.source(), part -> out.accept(scanPart(part)));
        } catch (IOException e) {
            out.accept(new DocumentResult.Failed(name, IoMessages.describe(e)));
        } catch (UncheckedIOException e) {
            out.accept(new DocumentResult.Failed(name, IoMessages.describe(e.getCause())));
        } catch (ExtractionUnavailableException e) {
            out.accept(new DocumentResult.Failed(name, e.getMessage()));
        } catch (CancellationException e) {
            throw e;
        } catch (RuntimeException e) {
            out.accept(new DocumentResult.Failed(name, IoMessages.describeBug(e)));
        } finally {
            memory.release(cost);
        }
    }

    private DocumentResult scanPart(ExtractedPart part) {
        return switch (part.extraction()) {
            case Extraction.Skipped s -> new DocumentResult.Skipped(part.path(), s.reason(), s.detail());
            case Extraction.Text t -> {
                try {
                    yield new DocumentResult.Scanned(part.path(),
                            locate(t.text(), engine.detect(t.text()), t.sections()), t.metadata());
                } catch (RuntimeException e) {
                    yield new DocumentResult.Failed(part.path(), IoMessages.describeBug(e));
                }
            }
        };
    }

    /** Adds 1-based line and column numbers, in one pass over the text. */
    static List<LocatedFinding> locate(String text, List<Finding> findings) {
        return locate(text, findings, List.of());
    }

    /**
     * Adds 1-based line and column numbers and the section (page, sheet, slide) each finding starts in, in one
     * pass over the text.
     */
    public static List<LocatedFinding> locate(String text, List<Finding> findings, List<Section> sections) {
        if (findings.isEmpty()) {
            return List.of();
        }
        List<Finding> sorted = findings;
        for (int i = 1; i < findings.size(); i++) {
            if (findings.get(i).start() < findings.get(i - 1).start()) {
                sorted = new ArrayList<>(findings);
                sorted.sort(Comparator.comparingInt(Finding::start));
                break;
            }
        }
        List<LocatedFinding> out = new ArrayList<>(sorted.size());
        int line = 1;
        int lineStart = 0;
        int pos = 0;
        int section = -1;
        for (Finding f : sorted) {
            int target = Math.min(f.start(), text.length());
            for (; pos < target; pos++) {
                if (text.charAt(pos) == '\n') {
                    line++;
                    lineStart = pos + 1;
                }
            }
            while (section + 1 < sections.size() && sections.get(section + 1).start() <= f.start()) {
                section++;
            }
            out.add(new LocatedFinding(f, line, f.start() - lineStart + 1,
                    section >= 0 ? sections.get(section) : null));
        }
        return out;
    }

    /** Daemon worker threads named {@code pii-scanner-worker-N}. */
    private static final class WorkerThreads implements ThreadFactory {
        private final AtomicInteger count = new AtomicInteger();

        @Override
        public Thread newThread(Runnable r) {
            Thread t = new Thread(r, "pii-scanner-worker-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        }
    }
}
