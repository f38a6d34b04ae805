/**
 * Detection over files: expands the paths a user gives into documents, and runs extraction and detection on a
 * bounded pool of worker threads, handing results back in a deterministic order.
 *
 * <p>{@link org.piiscanner.scanner.detect.DetectionService#plan} walks the paths first: a directory is walked
 * recursively in sorted order (by file name, depth first), symbolic links and special files inside it are not
 * followed, a path given explicitly is read even if it is a link, and {@code -} stands for standard input. Paths
 * that do not exist become problem entries in the plan, so one bad path does not stop the others.
 * {@link org.piiscanner.scanner.detect.DetectionService#run} then extracts and detects in parallel on
 * {@code threads} workers (one JVM for any number of files), keeping a bounded window of documents in flight and
 * a memory budget for large ones, and calls the sink on the calling thread with one
 * {@link org.piiscanner.scanner.detect.DocumentResult} per part of each entry (the document, each document
 * embedded in it, their metadata parts; see {@link org.piiscanner.scanner.extraction.ExtractedPart}) or one
 * failure per entry that could not be read, in plan order. A part's text is dropped once it has been scanned, and
 * a document's results are handed over as they come, so a mailbox of a million messages is never held at once.
 *
 * <p>What this package does not do: print or format anything (that is the {@code cli} package), read file
 * formats (that is {@code extraction}) or decide what is personal data (that is the {@code classifiers} engine).
 * Results carry {@link org.piiscanner.classifiers.Finding}s, whose raw values stay inside them.
 */
package org.piiscanner.scanner.detect;
