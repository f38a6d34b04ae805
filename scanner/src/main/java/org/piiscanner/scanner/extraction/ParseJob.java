package org.piiscanner.scanner.extraction;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.tika.extractor.EmbeddedDocumentExtractor;
import org.apache.tika.io.TemporaryResources;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.PagedText;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.Parser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xml.sax.ContentHandler;

/**
 * The extraction of one source: a parser thread runs Tika over the file and its embedded documents and hands
 * each finished part to the caller's thread, which runs the sink and watches the time. Created and used once by
 * {@link TikaTextExtractor#extract}.
 *
 * <p>Threads: {@link #run} runs on a parser thread; {@link #deliver} runs on the caller's thread. They share only
 * the {@link Handoff}, the stack of open documents (locked), the sticky {@link #abort} and the thread state.
 */
final class ParseJob {

    private static final Logger LOG = LoggerFactory.getLogger(TikaTextExtractor.class);

    private static final String PLAIN_TEXT = "text/plain; charset=UTF-8";
    private static final int SNIFF_BYTES = 8192;
    /** Characters of finished parts that may wait for the caller's sink while the parse goes on. */
    private static final int QUEUED_CHARS = 1 << 20;
    private static final int UTF8_SNIFF_BYTES = 64 * 1024;
    private static final List<String> SAFE_METADATA = List.of(Extraction.CONTENT_TYPE, "Content-Encoding",
            PagedText.N_PAGES.getName(), "meta:page-count", TikaCoreProperties.CREATED.getName(),
            TikaCoreProperties.MODIFIED.getName());
    /** How the archive parser records an encrypted entry it could not open (the stack trace's first line). */
    private static final List<Pattern> ENCRYPTED_ENTRY = List.of(
            Pattern.compile("^\\S*EncryptedDocumentException: stream \\((.+)\\) is encrypted$", Pattern.MULTILINE),
            Pattern.compile("^\\S*UnsupportedZipFeatureException: Unsupported feature encryption used in entry (.+)$",
                    Pattern.MULTILINE));
    /** ... and an entry it could not open for another reason (an unsupported compression method). */
    private static final Pattern UNREADABLE_ENTRY = Pattern.compile(
            "^\\S*UnsupportedZipFeatureException: .* used in entry (.+)$", Pattern.MULTILINE);
    /** An empty zip file is its end-of-directory record alone. */
    private static final int EMPTY_ZIP_BYTES = 22;
    private static final MediaType ZIP = MediaType.application("zip");
    private static final String THUMBNAIL = "THUMBNAIL";

    /** A document being parsed: the root or an embedded one. */
    private static final class Level {
        final String path;
        final int depth;
        /** The detected type, {@code null} until detection is done. */
        volatile MediaType type;
        long size = -1;
        boolean localHeaderFirst;
        Path file;
        byte[] digest;
        int children;
        final Map<String, Integer> childNames = new HashMap<>();

        Level(String path, int depth) {
            this.path = path;
            this.depth = depth;
        }
    }

    private enum State { RUNNING, FINISHED, ABANDONED }

    private final TikaRuntime tika;
    private final ExtractionLimits limits;
    private final String rootName;
    private final long rootSize;
    private final Metadata rootMetadata;
    private final AtomicInteger stuck;
    private final TemporaryResources rootResources = new TemporaryResources();
    private TikaInputStream rootStream;
    private final Handoff handoff;
    private final ParseContext context;
    private final Deque<Level> open = new ArrayDeque<>();
    private final AtomicLong expanded = new AtomicLong();
    private final AtomicLong rootBytes = new AtomicLong();
    private int embeddedCount;
    private volatile Abort abort;
    private State state = State.RUNNING;
    /** The thread running {@link #run}, while it does (guarded by {@code this}). */
    private Thread parserThread;

    ParseJob(TikaRuntime tika, ExtractionLimits limits, String rootName, long rootSize, Metadata rootMetadata,
            AtomicInteger stuck) {
        this.tika = tika;
        this.limits = limits;
        this.rootName = rootName;
        this.rootSize = rootSize;
        this.rootMetadata = rootMetadata;
        this.stuck = stuck;
        this.handoff = new Handoff(Math.min(limits.maxChars(), QUEUED_CHARS));
        this.context = tika.newContext(new Embedded());
    }

    /** Opens a file source, on the caller's thread (so that a missing or unreadable file is its exception). */
    void openFile(Path file) throws IOException {
        rootStream = TikaInputStream.get(file, rootMetadata, rootResources);
    }

    /** Takes a stream source, counting its bytes against the size limit. */
    void openStream(InputStream in) {
        rootStream = TikaInputStream.get(new GuardedInputStream(in, this, this::countRootBytes), rootResources,
                rootMetadata);
    }

    /** Counts bytes of a stream source (size unknown beforehand): past the size limit the file is too large. */
    private void countRootBytes(long n) {
        if (rootBytes.addAndGet(n) > limits.maxFileSize()) {
            throw raise(SkipReason.TOO_LARGE, PlainTextExtractor.formatSize(limits.maxFileSize()));
        }
    }

    // ---------------------------------------------------------------- caller's thread

    /**
     * Starts the parse on a parser thread and delivers parts to {@code sink} until the parse ends or its time runs
     * out. Parse time is the time this thread waits for the next part: time in the sink does not count (the
     * parser may go on meanwhile, a small queue ahead).
     *
     * @throws InterruptedIOException if the calling thread is interrupted (the parse is abandoned)
     */
    void deliver(Executor parsers, Consumer<? super ExtractedPart> sink) throws InterruptedIOException {
        try {
            parsers.execute(this::run);
        } catch (RejectedExecutionException e) {
            closeQuietly(rootStream);
            throw new ExtractionUnavailableException("all parser threads are busy");
        }
        long budget = limits.timeout().toNanos();
        boolean rootDelivered = false;
        try {
            while (true) {
                long waitStart = System.nanoTime();
                Object item = handoff.take(budget);
                budget -= System.nanoTime() - waitStart;
                if (item == Handoff.DONE) {
                    return;
                }
                if (item == null) {
                    timedOut(sink, rootDelivered);
                    return;
                }
                ExtractedPart part = (ExtractedPart) item;
                rootDelivered |= part.path().equals(rootName);
                try {
                    sink.accept(part);
                } catch (RuntimeException | Error e) {
                    abandon();
                    throw e;
                }
            }
        } catch (InterruptedException e) {
            abandon();
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while extracting " + rootName);
        }
    }

    private void timedOut(Consumer<? super ExtractedPart> sink, boolean rootDelivered) {
        List<Level> levels;
        synchronized (open) {
            levels = new ArrayList<>(open);
        }
        abandon();
        String time = describe(limits.timeout().toMillis());
        LOG.warn("Abandoned the parser of {} after {} ({} abandoned parser threads still running)", rootName, time,
                stuck.get());
        String detail = "over " + time + " of parsing";
        boolean rootSkipped = false;
        for (Level level : levels) {
            MediaType type = level.type;
            sink.accept(new ExtractedPart(level.path, new Extraction.Skipped(SkipReason.TIMEOUT, detail,
                    type == null ? Map.of() : Map.of(Extraction.CONTENT_TYPE, type.toString()))));
            rootSkipped |= level.depth == 0;
        }
        if (!rootSkipped && !rootDelivered) {
            sink.accept(new ExtractedPart(rootName, new Extraction.Skipped(SkipReason.TIMEOUT, detail, Map.of())));
        }
    }

    private static String describe(long millis) {
        return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
    }

    /** Stops waiting for the parser: it is told to stop, and counted as stuck until it does. */
    private void abandon() {
        if (abort == null) {
            abort = Abort.ABANDONED;
        }
        handoff.close();
        synchronized (this) {
            if (state == State.RUNNING) {
                state = State.ABANDONED;
                stuck.incrementAndGet();
                // under the lock: the thread cannot have moved on to another file's parse
                Thread parser = parserThread;
                if (parser != null) {
                    parser.interrupt();
                }
            }
        }
        closeQuietly(rootStream);
    }

    // ---------------------------------------------------------------- parser thread

    /** The parser thread's body. */
    void run() {
        synchronized (this) {
            parserThread = Thread.currentThread();
        }
        try {
            parseLevel(rootStream, rootMetadata, rootName, 0);
        } catch (Abort a) {
            // the open parts were skipped on the way out (or the caller has gone)
        } catch (RuntimeException | Error e) {
            // parseLevel handles the parsers' failures: this is a failure of the extractor itself
            LOG.error("Extraction of {} failed: {}", rootName, e.getClass().getName());
            try {
                emit(new ExtractedPart(rootName, new Extraction.Skipped(SkipReason.PARSE_ERROR,
                        "internal error: " + e.getClass().getSimpleName(), Map.of())));
            } catch (Abort ignored) {
                // the caller has gone
            }
        } finally {
            closeQuietly(rootStream);
            try {
                rootResources.close();
            } catch (IOException e) {
                LOG.warn("Could not delete the temporary files of {}: {}", rootName, e.getClass().getName());
            }
            synchronized (this) {
                if (state == State.ABANDONED) {
                    stuck.decrementAndGet();
                }
                state = State.FINISHED;
                parserThread = null;
            }
            handoff.finish();
        }
    }

    /** Throws the sticky abort, if any: called at every stream read, SAX event and embedded document. */
    void checkAbort() {
        Abort a = abort;
        if (a != null) {
            throw a;
        }
    }

    private Abort raise(SkipReason reason, String detail) {
        Abort a = abort;
        if (a == null) {
            a = new Abort(reason, detail);
            abort = a;
        }
        return a;
    }

    private void emit(ExtractedPart part) {
        checkAbortUnlessSkipping();
        handoff.put(part);
    }

    private void checkAbortUnlessSkipping() {
        if (abort == Abort.ABANDONED) {
            throw Abort.ABANDONED;
        }
    }

    /**
     * Parses one document and emits its part and metadata part, after any embedded parts. On an {@link Abort}
     * the document is emitted as skipped for the abort's reason and the abort goes on to the enclosing document.
     */
    private void parseLevel(TikaInputStream stream, Metadata metadata, String path, int depth) {
        Level level = new Level(path, depth);
        synchronized (open) {
            open.push(level);
        }
        Extraction result;
        try {
            result = extract(level, stream, metadata);
        } catch (Abort a) {
            pop();
            if (a.reason != null) {
                emit(new ExtractedPart(path, new Extraction.Skipped(a.reason, a.detail, safeMetadata(metadata))));
            }
            throw a;
        }
        pop();
        emit(new ExtractedPart(path, result));
        String personal = PersonalMetadata.text(metadata, limits.maxChars());
        if (!personal.isEmpty()) {
            emit(new ExtractedPart(path + ExtractedPart.METADATA_SUFFIX,
                    new Extraction.Text(personal, Map.of(Extraction.CONTENT_TYPE, PLAIN_TEXT))));
        }
    }

    private void pop() {
        synchronized (open) {
            open.pop();
        }
    }

    private Extraction extract(Level level, TikaInputStream stream, Metadata metadata) {
        MediaType type;
        Parser parser;
        try {
            type = detect(stream, metadata);
            level.type = type;
            metadata.set(Metadata.CONTENT_TYPE, type.toString());
            // an embedded object handed over as an open container (a PST message, an OLE object) has no bytes
            if (stream.getOpenContainer() == null && isEmpty(stream)) {
                return new Extraction.Text("", safeMetadata(metadata));
            }
            parser = tika.parserFor(type);
            MediaType named = tika.plainTextByName(metadata);
            if (named != null && !type.equals(MediaType.OCTET_STREAM) && !named.equals(type)
                    && (parser == null || tika.isText(type))) {
                // A text file named as one (.txt, .csv, .log) is read as text even when it looks like an e-mail,
                // HTML or a format without a parser: findings keep the offsets an editor shows.
                type = named;
                level.type = type;
                metadata.set(Metadata.CONTENT_TYPE, type.toString());
                parser = tika.parserFor(type);
            }
            if (type.equals(MediaType.OCTET_STREAM)) {
                return new Extraction.Skipped(SkipReason.BINARY,
                        hasNul(stream) ? "NUL byte in the first 8 KB" : "no known format", safeMetadata(metadata));
            }
            if (TikaRuntime.isPlainText(parser) || (parser == null && tika.isText(type))) {
                return decodeText(stream, metadata, type);
            }
            if (parser == null) {
                return new Extraction.Skipped(SkipReason.UNSUPPORTED, label(type, metadata), safeMetadata(metadata));
            }
            if (tika.isArchive(type)) {
                checkNotSelfContaining(level, stream);
            }
        } catch (Abort a) {
            throw a;
        } catch (IOException | RuntimeException e) {
            checkAbort();
            MediaType known = level.type != null ? level.type : MediaType.OCTET_STREAM;
            Failures.Problem p = Failures.classify(e, label(known, metadata));
            return new Extraction.Skipped(p.reason(), p.detail(), safeMetadata(metadata));
        }
        return parse(level, parser, stream, metadata, type);
    }

    private Extraction parse(Level level, Parser parser, TikaInputStream stream, Metadata metadata,
            MediaType type) {
        PartHandler handler = new PartHandler(this, limits.maxChars(), type.getType().equals("text"),
                TikaRuntime.isSpreadsheet(type));
        Throwable failure = null;
        try {
            tika.dispatcher().parse(stream, handler, metadata, context);
        } catch (Throwable t) {
            failure = t;
        }
        checkAbort();
        if (failure instanceof VirtualMachineError e && !(e instanceof OutOfMemoryError)
                && !(e instanceof StackOverflowError)) {
            throw e;
        }
        String format = label(type, metadata);
        emitUnreadEntries(level, metadata, format);
        Map<String, String> meta = new LinkedHashMap<>(safeMetadata(metadata));
        if (handler.truncated()) {
            meta.put(Extraction.TRUNCATED, Integer.toString(limits.maxChars()));
        }
        if (failure == null && isUnreadableZip(level, type, handler)) {
            return new Extraction.Skipped(SkipReason.PARSE_ERROR, format + ": corrupt, its directory lists no entry",
                    meta);
        }
        if (failure != null && !handler.stopped()) {
            Failures.Problem p = Failures.classify(failure, format);
            if (p.reason() != SkipReason.PARSE_ERROR || !handler.hasText()) {
                return new Extraction.Skipped(p.reason(), p.detail(), meta);
            }
            meta.put(Extraction.INCOMPLETE, p.reason() + ": " + p.detail());
        }
        if (!handler.hasText() && TikaRuntime.holdsNoText(type)) {
            return new Extraction.Skipped(SkipReason.NO_TEXT, format, meta);
        }
        return new Extraction.Text(handler.text(), meta, handler.sections());
    }

    /**
     * The format's short name for messages: Tika's acronym or extension for the type, else the file name's
     * extension (an encrypted .docx is detected as "password-protected OOXML", which has neither).
     */
    private String label(MediaType type, Metadata metadata) {
        String label = tika.label(type);
        if (!label.contains("/")) {
            return label;
        }
        String name = metadata.get(TikaCoreProperties.RESOURCE_NAME_KEY);
        int dot = name == null ? -1 : name.lastIndexOf('.');
        if (dot > 0 && dot < name.length() - 1 && name.length() - dot <= 6) {
            return name.substring(dot + 1).toUpperCase(java.util.Locale.ROOT);
        }
        return label;
    }

    private MediaType detect(TikaInputStream stream, Metadata metadata) throws IOException {
        String override = metadata.get(TikaCoreProperties.CONTENT_TYPE_PARSER_OVERRIDE);
        if (override != null) {
            MediaType type = MediaType.parse(override);
            if (type != null) {
                return type;
            }
        }
        return tika.detector.detect(stream, metadata);
    }

    private static boolean isEmpty(TikaInputStream stream) throws IOException {
        stream.mark(1);
        int b = stream.read();
        stream.reset();
        return b < 0;
    }

    private static boolean hasNul(TikaInputStream stream) throws IOException {
        byte[] head = new byte[SNIFF_BYTES];
        int n = stream.peek(head);
        return PlainTextExtractor.containsNul(head, Math.max(n, 0));
    }

    private Extraction decodeText(TikaInputStream stream, Metadata metadata, MediaType type) throws IOException {
        Charset charset = charset(stream, metadata);
        TextDecoder.Decoded decoded = TextDecoder.decode(stream, charset, limits.maxChars(),
                stream.hasLength() ? stream.getLength() : -1);
        metadata.set(Metadata.CONTENT_TYPE, type.getBaseType() + "; charset=" + charset.name());
        Map<String, String> meta = new LinkedHashMap<>(safeMetadata(metadata));
        if (decoded.malformed()) {
            meta.put(Extraction.MALFORMED_INPUT_REPLACED, "true");
        }
        if (decoded.truncated()) {
            meta.put(Extraction.TRUNCATED, Integer.toString(limits.maxChars()));
        }
        return new Extraction.Text(decoded.text(), meta);
    }

    /**
     * UTF-8 when the start of the text is ASCII or mostly valid UTF-8 (a stray bad byte in a UTF-8 file must not
     * turn every accented name into mojibake), else what Tika's encoding detectors say.
     */
    private Charset charset(TikaInputStream stream, Metadata metadata) throws IOException {
        byte[] head = new byte[UTF8_SNIFF_BYTES];
        int n = Math.max(stream.peek(head), 0);
        if (Utf8.looksLikeUtf8(head, n)) {
            return StandardCharsets.UTF_8;
        }
        Charset detected = tika.encodingDetector.detect(stream, metadata);
        return detected != null ? detected : StandardCharsets.UTF_8;
    }

    /**
     * An archive equal to one of the archives it is inside (a quine or "droste" file) would be parsed forever:
     * same size as an enclosing archive, then same SHA-256.
     */
    private void checkNotSelfContaining(Level level, TikaInputStream stream) throws IOException {
        level.size = stream.getLength();
        level.file = stream.getPath();
        byte[] magic = new byte[4];
        level.localHeaderFirst = stream.peek(magic) == 4 && magic[0] == 'P' && magic[1] == 'K' && magic[2] == 3
                && magic[3] == 4;
        List<Level> outer;
        synchronized (open) {
            outer = new ArrayList<>(open);
        }
        for (Level other : outer) {
            if (other != level && other.file != null && other.size == level.size
                    && Arrays.equals(digest(other), digest(level))) {
                throw raise(SkipReason.ARCHIVE_BOMB, "contains a copy of itself");
            }
        }
    }

    private static byte[] digest(Level level) throws IOException {
        if (level.digest == null) {
            try (InputStream in = Files.newInputStream(level.file)) {
                MessageDigest sha = MessageDigest.getInstance("SHA-256");
                byte[] buffer = new byte[64 * 1024];
                for (int n; (n = in.read(buffer)) > 0; ) {
                    sha.update(buffer, 0, n);
                }
                level.digest = sha.digest();
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-256 is always available", e);
            }
        }
        return level.digest;
    }

    /** Archive entries the archive parser could not open (encrypted zip entries) are parts too. */
    private void emitUnreadEntries(Level level, Metadata metadata, String format) {
        for (String trace : metadata.getValues(TikaCoreProperties.TIKA_META_EXCEPTION_EMBEDDED_STREAM)) {
            SkipReason reason = null;
            String name = null;
            for (Pattern p : ENCRYPTED_ENTRY) {
                Matcher m = p.matcher(trace);
                if (m.find()) {
                    reason = SkipReason.ENCRYPTED;
                    name = m.group(1);
                    break;
                }
            }
            Matcher unreadable = UNREADABLE_ENTRY.matcher(trace);
            if (reason == null && unreadable.find()) {
                reason = SkipReason.UNSUPPORTED;
                name = unreadable.group(1);
            }
            if (reason != null) {
                String path = level.path + ExtractedPart.EMBEDDED_SEPARATOR + childName(level, name);
                emit(new ExtractedPart(path, new Extraction.Skipped(reason, format + " entry", Map.of())));
            }
        }
    }

    /**
     * A zip whose directory lists no entry although it has some (or is damaged) yields nothing from Tika, not
     * even an error: it is a parse error, not an empty scanned file.
     */
    private static boolean isUnreadableZip(Level level, MediaType type, PartHandler handler) {
        return type.getBaseType().equals(ZIP) && level.children == 0 && !handler.hasText()
                && level.size > EMPTY_ZIP_BYTES && level.localHeaderFirst;
    }

    private void countExpanded(long n) {
        long total = expanded.addAndGet(n);
        if (total > limits.maxExpandedBytes()) {
            throw raise(SkipReason.ARCHIVE_BOMB,
                    "expands to more than " + PlainTextExtractor.formatSize(limits.maxExpandedBytes()));
        }
        if (total > ExtractionLimits.RATIO_FLOOR_BYTES && rootSize > 0
                && total / limits.maxCompressionRatio() > rootSize) {
            throw raise(SkipReason.ARCHIVE_BOMB,
                    "expands to more than " + limits.maxCompressionRatio() + " times its size");
        }
    }

    /** The name of the next child of {@code parent}: see {@link ExtractedPart} for the rules. */
    private static String childName(Level parent, String raw) {
        int ordinal = ++parent.children;
        String name;
        if (parent.type != null && TikaRuntime.isMailbox(parent.type)) {
            String ext = raw != null && raw.endsWith(".msg") ? ".msg" : ".eml";
            name = "message-" + ordinal + ext;
        } else if (raw == null || raw.isBlank()) {
            name = "embedded-" + ordinal;
        } else {
            name = raw.replace('\\', '/');
            while (name.startsWith("/") || name.startsWith("./")) {
                name = name.substring(name.startsWith("/") ? 1 : 2);
            }
            if (name.isBlank()) {
                name = "embedded-" + ordinal;
            }
        }
        int seen = parent.childNames.merge(name, 1, Integer::sum);
        return seen == 1 ? name : name + "[" + seen + "]";
    }

    private static Map<String, String> safeMetadata(Metadata metadata) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String key : SAFE_METADATA) {
            String value = metadata.get(key);
            if (value != null && !value.isEmpty()) {
                out.put(key, value);
            }
        }
        return out;
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException | RuntimeException e) {
            // nothing to do: the parse is over or abandoned
        }
    }

    /** Receives the embedded documents of every container of this file, on the parser thread. */
    private final class Embedded implements EmbeddedDocumentExtractor {

        /** Everything but thumbnails, which are pictures of the document's first page, not documents. */
        @Override
        public boolean shouldParseEmbedded(Metadata metadata) {
            return !THUMBNAIL.equals(metadata.get(TikaCoreProperties.EMBEDDED_RESOURCE_TYPE_KEY));
        }

        @Override
        public void parseEmbedded(InputStream stream, ContentHandler ignored, Metadata metadata,
                boolean outputHtml) throws IOException {
            checkAbort();
            Level parent;
            synchronized (open) {
                parent = open.peek();
            }
            if (++embeddedCount > limits.maxEmbedded()) {
                throw raise(SkipReason.ARCHIVE_BOMB, "more than " + limits.maxEmbedded() + " embedded documents");
            }
            String path = parent.path + ExtractedPart.EMBEDDED_SEPARATOR
                    + childName(parent, metadata.get(TikaCoreProperties.RESOURCE_NAME_KEY));
            int depth = parent.depth + 1;
            if (depth > limits.maxDepth()) {
                emit(new ExtractedPart(path, new Extraction.Skipped(SkipReason.NESTING_TOO_DEEP,
                        "more than " + limits.maxDepth() + " levels", Map.of())));
                return;
            }
            long declared = declaredSize(metadata);
            if (declared > limits.maxFileSize()) {
                emit(new ExtractedPart(path, new Extraction.Skipped(SkipReason.TOO_LARGE,
                        PlainTextExtractor.formatSize(limits.maxFileSize()), Map.of())));
                return;
            }
            try (TemporaryResources tmp = new TemporaryResources()) {
                parseLevel(open(stream, metadata, tmp), metadata, path, depth);
            }
        }

        /** The stream as Tika needs it, counting what it expands to (unless the container already holds it). */
        private TikaInputStream open(InputStream stream, Metadata metadata, TemporaryResources tmp)
                throws IOException {
            if (stream instanceof TikaInputStream tis && (tis.getOpenContainer() != null || tis.hasFile())) {
                if (tis.hasFile()) {
                    countExpanded(tis.getLength());
                }
                return tis;
            }
            return TikaInputStream.get(new GuardedInputStream(stream, ParseJob.this, ParseJob.this::countExpanded),
                    tmp, metadata);
        }

        private static long declaredSize(Metadata metadata) {
            String length = metadata.get(Metadata.CONTENT_LENGTH);
            if (length == null) {
                return -1;
            }
            try {
                return Long.parseLong(length.trim());
            } catch (NumberFormatException e) {
                return -1;
            }
        }
    }
}
