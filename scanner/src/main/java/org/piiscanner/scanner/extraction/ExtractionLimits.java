package org.piiscanner.scanner.extraction;

import java.time.Duration;
import java.util.Objects;

/**
 * The limits a {@link TikaTextExtractor} enforces, so that no file can exhaust memory, disk or time. Every
 * limit is positive; {@link #DEFAULTS} suit a 1 GB heap with a few worker threads.
 *
 * @param maxFileSize a file larger than this many bytes is {@link SkipReason#TOO_LARGE} without being opened;
 *     so is an embedded document declaring a larger size, and a stream is cut off when it passes it
 * @param maxChars the text of one document (or embedded document) is cut after this many characters, and
 *     {@link Extraction#TRUNCATED} says so
 * @param timeout the parse time allowed for one file, embedded documents included: the time the caller waits for
 *     parts (time spent in its sink does not count); past it the parser is abandoned and the open parts are
 *     {@link SkipReason#TIMEOUT}
 * @param maxDepth embedded documents nested deeper than this are {@link SkipReason#NESTING_TOO_DEEP} (the file
 *     itself is depth 0, an entry of a zip depth 1)
 * @param maxEmbedded more embedded documents than this in one file make it an {@link SkipReason#ARCHIVE_BOMB}
 * @param maxExpandedBytes more bytes than this decompressed from the embedded documents of one file make it an
 *     {@link SkipReason#ARCHIVE_BOMB}
 * @param maxCompressionRatio so do more than this many times the file's own size, once past
 *     {@link #RATIO_FLOOR_BYTES} (small archives of repetitive data are normal)
 * @param maxStuckParsers abandoned parser threads that are still running; when this many are, the extractor
 *     refuses more work ({@link ExtractionUnavailableException}) instead of leaking more threads
 */
public record ExtractionLimits(long maxFileSize, int maxChars, Duration timeout, int maxDepth, int maxEmbedded,
        long maxExpandedBytes, int maxCompressionRatio, int maxStuckParsers) {

    /**
     * Expanded bytes under this never count as a bomb, whatever the ratio (a small archive of repetitive data is
     * normal). Tika's own zip-bomb test file, 1.2 KB expanding to 24 MB of text, is over it.
     */
    public static final long RATIO_FLOOR_BYTES = 16L << 20;

    /**
     * 256 MB files, 20 million characters per document, 120 s per file, nesting depth 10, 100,000 embedded
     * documents, 4 GB and 100 times the file's size expanded, 4 stuck parsers.
     */
    public static final ExtractionLimits DEFAULTS = new ExtractionLimits(256L << 20, 20_000_000,
            Duration.ofSeconds(120), 10, 100_000, 4L << 30, 100, 4);

    public ExtractionLimits {
        Objects.requireNonNull(timeout, "timeout");
        positive("maxFileSize", maxFileSize);
        positive("maxChars", maxChars);
        positive("timeout", timeout.toMillis());
        positive("maxDepth", maxDepth);
        positive("maxEmbedded", maxEmbedded);
        positive("maxExpandedBytes", maxExpandedBytes);
        positive("maxCompressionRatio", maxCompressionRatio);
        positive("maxStuckParsers", maxStuckParsers);
    }

    private static void positive(String name, long value) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be positive, got " + value);
        }
    }

    public ExtractionLimits withMaxFileSize(long bytes) {
        return new ExtractionLimits(bytes, maxChars, timeout, maxDepth, maxEmbedded, maxExpandedBytes,
                maxCompressionRatio, maxStuckParsers);
    }

    public ExtractionLimits withMaxChars(int chars) {
        return new ExtractionLimits(maxFileSize, chars, timeout, maxDepth, maxEmbedded, maxExpandedBytes,
                maxCompressionRatio, maxStuckParsers);
    }

    public ExtractionLimits withTimeout(Duration time) {
        return new ExtractionLimits(maxFileSize, maxChars, time, maxDepth, maxEmbedded, maxExpandedBytes,
                maxCompressionRatio, maxStuckParsers);
    }

    public ExtractionLimits withMaxDepth(int depth) {
        return new ExtractionLimits(maxFileSize, maxChars, timeout, depth, maxEmbedded, maxExpandedBytes,
                maxCompressionRatio, maxStuckParsers);
    }

    public ExtractionLimits withMaxEmbedded(int count) {
        return new ExtractionLimits(maxFileSize, maxChars, timeout, maxDepth, count, maxExpandedBytes,
                maxCompressionRatio, maxStuckParsers);
    }

    public ExtractionLimits withMaxExpandedBytes(long bytes) {
        return new ExtractionLimits(maxFileSize, maxChars, timeout, maxDepth, maxEmbedded, bytes,
                maxCompressionRatio, maxStuckParsers);
    }

    public ExtractionLimits withMaxCompressionRatio(int ratio) {
        return new ExtractionLimits(maxFileSize, maxChars, timeout, maxDepth, maxEmbedded, maxExpandedBytes,
                ratio, maxStuckParsers);
    }

    public ExtractionLimits withMaxStuckParsers(int count) {
        return new ExtractionLimits(maxFileSize, maxChars, timeout, maxDepth, maxEmbedded, maxExpandedBytes,
                maxCompressionRatio, count);
    }
}
