package org.piiscanner.scanner.extraction;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;

/**
 * Extracts text from every format Apache Tika reads (PDF, Office, OpenDocument, RTF, HTML, e-mail, mailboxes,
 * archives...) and from each embedded document separately, within {@link ExtractionLimits}.
 *
 * <p>How a file is read: its type is detected from its content and name. Plain text (text, CSV, logs) is decoded
 * directly in its detected encoding, character for character, so offsets match the file; other formats go through
 * their Tika parser, and every document they contain (an archive entry, an attachment, an embedded object) is
 * detected and parsed the same way as a part of its own. Embedded documents are not inlined into their
 * container's text. OCR is off: images and PDFs without a text layer are {@link SkipReason#NO_TEXT}.
 *
 * <p>How limits are kept: the file is parsed on a parser thread (pooled) while the caller's thread runs the sink
 * and watches the parse time; a parser over time is interrupted and abandoned (its stream closed, every further
 * read or output refused), and counted as stuck until it returns. Text is cut at the character limit. Bytes
 * expanded from embedded documents are counted as they are read, so a bomb stops at the limit instead of filling
 * memory or disk, and an archive that contains itself is recognised by size and hash. What stays unbounded is the
 * memory a format library needs for one document's own structure (a huge spreadsheet's cells, a PDF's page
 * tree), which the JVM's heap limit caps: a parser running out of memory is a {@link SkipReason#PARSE_ERROR}.
 *
 * <p>Thread-safe; its state is the pool of parser threads (idle ones end after a minute, no shutdown needed) and
 * the count of stuck parsers. Tika is loaded on first use (about a second) and shared by all instances.
 */
public final class TikaTextExtractor implements TextExtractor {

    private static final long PARSER_STACK_BYTES = 4L << 20;
    /** Parser threads at once, stuck ones included: far more than any caller runs in parallel. */
    private static final int MAX_PARSER_THREADS = 256;
    private static final AtomicLong THREADS = new AtomicLong();

    private final ExtractionLimits limits;
    private final AtomicInteger stuck = new AtomicInteger();
    /**
     * Parser threads, reused from file to file: parsers keep per-thread caches (XMLBeans, the SAX parsers) that a
     * new thread per file would rebuild every time (a third of the time of a small Word document). Idle threads
     * end after a minute; a stuck one stays busy (and counted) until its parser returns.
     */
    private final ThreadPoolExecutor parsers = new ThreadPoolExecutor(0, MAX_PARSER_THREADS, 60, TimeUnit.SECONDS,
            new SynchronousQueue<>(), runnable -> {
                Thread t = new Thread(null, runnable, "pii-scanner-parser-" + THREADS.incrementAndGet(),
                        PARSER_STACK_BYTES);
                t.setDaemon(true);
                return t;
            });

    /** An extractor enforcing {@code limits}. */
    public TikaTextExtractor(ExtractionLimits limits) {
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    /** The limits this extractor enforces. */
    public ExtractionLimits limits() {
        return limits;
    }

    /** Abandoned parser threads still running (see {@link ExtractionLimits#maxStuckParsers()}). */
    public int stuckParsers() {
        return stuck.get();
    }

    @Override
    public void extract(DocumentSource source, Consumer<? super ExtractedPart> sink) throws IOException {
        Objects.requireNonNull(sink, "sink");
        long size = source.size();
        if (size > limits.maxFileSize()) {
            sink.accept(new ExtractedPart(source.name(), new Extraction.Skipped(SkipReason.TOO_LARGE,
                    PlainTextExtractor.formatSize(limits.maxFileSize()), Map.of())));
            return;
        }
        if (stuck.get() >= limits.maxStuckParsers()) {
            throw new ExtractionUnavailableException(stuck.get() + " parser threads are stuck in documents that "
                    + "exceeded the time limit; restart to reclaim them");
        }
        Metadata metadata = new Metadata();
        String fileName = fileName(source);
        if (fileName != null) {
            metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, fileName);
        }
        ParseJob job = new ParseJob(TikaRuntime.get(), limits, source.name(), size, metadata, stuck);
        if (source.path().isPresent()) {
            Path file = source.path().get();
            if (Files.isDirectory(file)) {
                throw new FileSystemException(file.toString(), null, "Is a directory");
            }
            job.openFile(file);
        } else {
            job.openStream(source.open());
        }
        job.deliver(parsers, sink);
    }

    /** The file name Tika uses as a hint to the format (the last segment of the path or name). */
    private static String fileName(DocumentSource source) {
        if (source.path().isPresent()) {
            Path name = source.path().get().getFileName();
            return name == null ? null : name.toString();
        }
        String name = source.name();
        int slash = name.lastIndexOf('/');
        String last = slash >= 0 ? name.substring(slash + 1) : name;
        return last.isEmpty() || last.equals("-") ? null : last;
    }
}
