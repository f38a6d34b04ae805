/**
 * The input side: turns a document (a file, or a stream such as standard input) into text.
 *
 * <p>A {@link org.piiscanner.scanner.extraction.TextExtractor} takes a
 * {@link org.piiscanner.scanner.extraction.DocumentSource} and returns an
 * {@link org.piiscanner.scanner.extraction.Extraction}: either the extracted text with metadata, or
 * <em>skipped</em> with a reason a user can act on (a binary file, a file over the size limit). Only a failure to
 * read (a missing or unreadable file) is an {@link java.io.IOException}: callers report it as an error, while a
 * skipped document is an expected outcome.
 *
 * <p>Today there is one implementation, {@link org.piiscanner.scanner.extraction.PlainTextExtractor} (UTF-8
 * text). The file-scan issue adds a Tika-based extractor here for PDF, Office and e-mail formats: it reads
 * {@link org.piiscanner.scanner.extraction.DocumentSource#path()} when there is one (Tika's {@code TikaInputStream}
 * works best on files), or the stream otherwise, and reports encrypted or unsupported documents as skipped.
 * This package is the only one allowed to import Tika (an ArchUnit test checks it).
 *
 * <p>What this package does not do: walk directories, decide what to scan, detect personal data, or write
 * anything anywhere.
 */
package org.piiscanner.scanner.extraction;
