/**
 * The input side: turns a document (a file, or a stream such as standard input) and every document inside it into
 * text, one part at a time, within limits that no file can break.
 *
 * <p>A {@link org.piiscanner.scanner.extraction.TextExtractor} takes a
 * {@link org.piiscanner.scanner.extraction.DocumentSource} and hands {@link org.piiscanner.scanner.extraction.ExtractedPart}s
 * to a sink as they are ready: the document itself, each document embedded in it ({@code hr/2021.zip!/letters/
 * offer.docx}, {@code mail.eml!/cv.pdf}) and, where a document names people or addresses in its metadata, a
 * metadata part ({@code offer.docx#metadata}: {@code Author: ...}, {@code From: ...} lines) that detectors scan
 * like any text. Each part's {@link org.piiscanner.scanner.extraction.Extraction} is either
 * {@link org.piiscanner.scanner.extraction.Extraction.Text} (text, non-personal metadata, and the
 * {@link org.piiscanner.scanner.extraction.Section}s where pages, sheets and slides start) or
 * {@link org.piiscanner.scanner.extraction.Extraction.Skipped} with a
 * {@link org.piiscanner.scanner.extraction.SkipReason} and a short detail that never quotes the document. Only a
 * source that cannot be opened at all is an {@link java.io.IOException}; every problem with content is a skipped
 * part, and the other parts still arrive.
 *
 * <pre>{@code
 * TextExtractor extractor = new TikaTextExtractor(ExtractionLimits.DEFAULTS);
 * extractor.extract(DocumentSource.ofFile("hr/2021.zip", path), part -> {
 *     switch (part.extraction()) {
 *         case Extraction.Text t -> scan(part.path(), t.text(), t.sections());
 *         case Extraction.Skipped s -> record(part.path(), s.reason(), s.detail());
 *     }
 * });
 * }</pre>
 *
 * <p>{@link org.piiscanner.scanner.extraction.TikaTextExtractor} reads every format Apache Tika does; it enforces
 * {@link org.piiscanner.scanner.extraction.ExtractionLimits} (file size, characters per document, parse time per
 * file with a watchdog that abandons a stuck parser, nesting depth, embedded-document count, expanded bytes and
 * compression ratio, self-containing archives). {@link org.piiscanner.scanner.extraction.PlainTextExtractor} reads
 * UTF-8 text only, without Tika. This package is the only one allowed to import Tika (an ArchUnit test checks it).
 *
 * <p>What this package does not do: walk directories, decide what to scan, detect personal data, or write
 * anything anywhere. It logs only file names and exception types, never content.
 */
package org.piiscanner.scanner.extraction;
