package org.piiscanner.scanner.extraction;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * A document to extract: a display name and either a file or a stream.
 *
 * <p>The name is what users see in results: the path as given on the command line (or {@code dir/relative/path}
 * for files found in a directory, {@code -} for standard input). Immutable; a stream source can be opened once.
 */
public final class DocumentSource {

    private final String name;
    private final Path path;
    private final InputStream stream;

    private DocumentSource(String name, Path path, InputStream stream) {
        this.name = Objects.requireNonNull(name, "name");
        this.path = path;
        this.stream = stream;
    }

    /** A file, shown as {@code name}. */
    public static DocumentSource ofFile(String name, Path path) {
        return new DocumentSource(name, Objects.requireNonNull(path, "path"), null);
    }

    /** A stream, shown as {@code name}; the extractor reads it once and closes it. */
    public static DocumentSource ofStream(String name, InputStream stream) {
        return new DocumentSource(name, null, Objects.requireNonNull(stream, "stream"));
    }

    /** The name shown to users. */
    public String name() {
        return name;
    }

    /** The file, when the document is one (extractors that need random access prefer it). */
    public Optional<Path> path() {
        return Optional.ofNullable(path);
    }

    /** The size in bytes, or -1 when unknown (a stream). */
    public long size() throws IOException {
        return path != null ? Files.size(path) : -1;
    }

    /** Opens the content; the caller closes the stream. */
    public InputStream open() throws IOException {
        return path != null ? Files.newInputStream(path) : stream;
    }

    @Override
    public String toString() {
        return name;
    }
}
