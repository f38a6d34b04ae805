package org.piiscanner.scanner.extraction;

import java.io.IOException;
import java.util.IdentityHashMap;
import java.util.Map;
import org.apache.commons.compress.PasswordRequiredException;
import org.apache.commons.compress.archivers.zip.UnsupportedZipFeatureException;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.tika.exception.EncryptedDocumentException;
import org.apache.tika.exception.TikaMemoryLimitException;
import org.apache.tika.exception.UnsupportedFormatException;

/**
 * Turns what a parser threw into a {@link SkipReason} and a detail for users. Details are built from the format
 * and exception types only, never from exception messages, which may quote the document. Stateless.
 */
final class Failures {

    /** A reason and its detail. */
    record Problem(SkipReason reason, String detail) {
    }

    private static final int MAX_CAUSES = 32;

    private Failures() {
    }

    /**
     * Classifies {@code failure} of a document of the format called {@code format} ({@code PDF}, {@code DOCX}):
     * encryption, an unsupported variant, a bomb caught by a library, or else a parse error naming the innermost
     * exception type.
     */
    static Problem classify(Throwable failure, String format) {
        Map<Throwable, Boolean> visited = new IdentityHashMap<>();
        Throwable innermost = failure;
        for (Throwable t = failure; t != null && visited.put(t, Boolean.TRUE) == null && visited.size() <= MAX_CAUSES;
                t = t.getCause()) {
            innermost = t;
            if (isEncryption(t)) {
                return new Problem(SkipReason.ENCRYPTED, format);
            }
            if (t instanceof UnsupportedFormatException) {
                return new Problem(SkipReason.UNSUPPORTED, format);
            }
            if (t.getClass().getName().equals("org.apache.tika.sax.SecureContentHandler$SecureSAXException")
                    || isPoiZipBomb(t)) {
                return new Problem(SkipReason.ARCHIVE_BOMB, format + ": decompresses to far more than its size");
            }
            if (t instanceof TikaMemoryLimitException) {
                return new Problem(SkipReason.PARSE_ERROR, format + ": declares a structure too large to load");
            }
            if (t instanceof OutOfMemoryError) {
                return new Problem(SkipReason.PARSE_ERROR, format + ": the parser ran out of memory");
            }
            if (t instanceof StackOverflowError) {
                return new Problem(SkipReason.PARSE_ERROR, format + ": structure nested too deeply for the parser");
            }
        }
        return new Problem(SkipReason.PARSE_ERROR, format + ": " + innermost.getClass().getSimpleName());
    }

    private static boolean isEncryption(Throwable t) {
        return t instanceof EncryptedDocumentException
                || t instanceof org.apache.poi.EncryptedDocumentException
                || t instanceof InvalidPasswordException
                || t instanceof PasswordRequiredException
                || (t instanceof UnsupportedZipFeatureException z
                        && z.getFeature() == UnsupportedZipFeatureException.Feature.ENCRYPTION);
    }

    /** POI's own inflation-ratio check (its message is fixed text of POI's, not document content). */
    private static boolean isPoiZipBomb(Throwable t) {
        return t instanceof IOException && t.getMessage() != null && t.getMessage().startsWith("Zip bomb detected");
    }
}
