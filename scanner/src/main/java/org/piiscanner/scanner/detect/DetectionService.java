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
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
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
 * <p>At most {@code 4 x threads} documents are in flight, and a memory budget (half the heap) keeps several large
 * documents from being held at once. Immutable; each {@link #run} uses its own pool, shut down before it returns.
 */
public final class DetectionService {

    /** Documents in flight per worker thread (keeps workers busy while the sink is slow). */
    private static final int WINDOW_PER_THREAD = 4;

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
            Deque<Future<List<DocumentResult>>> pending = new ArrayDeque<>(window);
            Deque<String> names = new ArrayDeque<>(window);
            int next = 0;
            while (next < entries.size() || !pending.isEmpty()) {
                while (next < entries.size() && pending.size() < window) {
                    ScanPlan.Entry entry = entries.get(next++);
                    names.add(entry.name());
                    pending.add(switch (entry) {
                        case ScanPlan.Problem p -> CompletableFuture.completedFuture(
                                List.of(new DocumentResult.Failed(p.name(), p.message())));
                        case ScanPlan.Document d -> pool.submit(() -> scan(d));
                    });
                }
                await(pending.poll()).forEach(sink);
                entryDone.accept(names.poll());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static List<DocumentResult> await(Future<List<DocumentResult>> future) {
        try {
            return future.get();
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

    /**
     * Extracts and scans one document, part by part: only each part's findings are kept, not its text. Never
     * throws for a problem with the document itself.
     */
    List<DocumentResult> scan(ScanPlan.Document document) {
        String name = document.name();
        int cost = memory.cost(document.size());
        try {
            memory.acquire(cost);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of(new DocumentResult.Failed(name, "interrupted"));
        }
        List<DocumentResult> results = new ArrayList<>();
        try {
            extractor.extract(document.source(), part -> results.add(scanPart(part)));
        } catch (IOException e) {
            results.add(new DocumentResult.Failed(name, IoMessages.describe(e)));
        } catch (UncheckedIOException e) {
            results.add(new DocumentResult.Failed(name, IoMessages.describe(e.getCause())));
        } catch (ExtractionUnavailableException e) {
            results.add(new DocumentResult.Failed(name, e.getMessage()));
        } catch (RuntimeException e) {
            results.add(new DocumentResult.Failed(name, IoMessages.describeBug(e)));
        } finally {
            memory.release(cost);
        }
        return results;
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
    static List<LocatedFinding> locate(String text, List<Finding> findings, List<Section> sections) {
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
