package org.piiscanner.scanner.extraction;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Reads documents as UTF-8 text, without format detection: one part per source, named as the source.
 *
 * <p>A document with a NUL byte in its first 8 KB is skipped as binary; one over the size limit is skipped
 * without being read (a file) or as soon as the limit is passed (a stream). Bytes that are not valid UTF-8 are
 * replaced by U+FFFD, so offsets are always offsets into the decoded text, and
 * {@link Extraction#MALFORMED_INPUT_REPLACED} is set. A byte-order mark is kept as U+FEFF (as Java decodes it).
 * Thread-safe.
 *
 * <p>The {@code detect} command uses {@link TikaTextExtractor}, which reads plain text as fast and also detects
 * the encoding; this one is for callers that know their input is UTF-8 text (and for tests that need no Tika).
 */
public final class PlainTextExtractor implements TextExtractor {

    /** How much of a document is inspected for NUL bytes. */
    public static final int SNIFF_BYTES = 8192;

    /** The largest document a Java string can hold as UTF-8 text, whatever the configured limit. */
    static final long HARD_LIMIT = Integer.MAX_VALUE - 16;

    private static final String CONTENT_TYPE = "text/plain; charset=UTF-8";

    private final long maxBytes;

    /**
     * An extractor skipping documents larger than {@code maxBytes}.
     *
     * @throws IllegalArgumentException if {@code maxBytes} is not positive
     */
    public PlainTextExtractor(long maxBytes) {
        if (maxBytes <= 0) {
            throw new IllegalArgumentException("maxBytes must be positive, got " + maxBytes);
        }
        this.maxBytes = Math.min(maxBytes, HARD_LIMIT);
    }

    @Override
    public void extract(DocumentSource source, Consumer<? super ExtractedPart> sink) throws IOException {
        sink.accept(new ExtractedPart(source.name(), read(source)));
    }

    /** The extraction of {@code source}, the one part {@link #extract} delivers. */
    public Extraction read(DocumentSource source) throws IOException {
        long size = source.size();
        if (size > maxBytes) {
            return tooLarge();
        }
        byte[] bytes;
        try (InputStream in = source.open()) {
            byte[] head = in.readNBytes(SNIFF_BYTES);
            if (containsNul(head, head.length)) {
                return new Extraction.Skipped(SkipReason.BINARY, "NUL byte in the first 8 KB", Map.of());
            }
            if (head.length < SNIFF_BYTES) {
                bytes = head;
            } else {
                int room = (int) (maxBytes - head.length + 1);
                byte[] rest = in.readNBytes(room);
                if ((long) head.length + rest.length > maxBytes) {
                    return tooLarge();
                }
                bytes = new byte[head.length + rest.length];
                System.arraycopy(head, 0, bytes, 0, head.length);
                System.arraycopy(rest, 0, bytes, head.length, rest.length);
            }
        }
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (text.indexOf('\uFFFD') >= 0 && !isValidUtf8(bytes)) {
            return new Extraction.Text(text,
                    Map.of(Extraction.CONTENT_TYPE, CONTENT_TYPE, Extraction.MALFORMED_INPUT_REPLACED, "true"));
        }
        return new Extraction.Text(text, Map.of(Extraction.CONTENT_TYPE, CONTENT_TYPE));
    }

    private Extraction tooLarge() {
        return new Extraction.Skipped(SkipReason.TOO_LARGE, formatSize(maxBytes), Map.of());
    }

    static boolean containsNul(byte[] b, int n) {
        for (int i = 0; i < n; i++) {
            if (b[i] == 0) {
                return true;
            }
        }
        return false;
    }

    private static boolean isValidUtf8(byte[] bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    /** A byte count in binary units, e.g. {@code 256 MB}, {@code 1.5 KB}, {@code 900 bytes}. */
    public static String formatSize(long bytes) {
        String[] units = {"bytes", "KB", "MB", "GB", "TB"};
        double v = bytes;
        int u = 0;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        if (u == 0) {
            return bytes + " bytes";
        }
        return (v == Math.rint(v) ? Long.toString((long) v) : String.format(java.util.Locale.ROOT, "%.1f", v))
                + " " + units[u];
    }
}
