/**
 * The command line: picocli commands and everything printed to standard output and standard error.
 *
 * <p>This is the only package that writes to {@code System.out} or {@code System.err} (an ArchUnit test
 * enforces it): results go to standard output, in a format a script can rely on; messages, progress and the
 * summary go to standard error. Both are written as UTF-8.
 *
 * <p>{@link org.piiscanner.scanner.cli.PiiScannerCli#execute} builds the command tree and runs it. Commands that
 * need no Spring context ({@code detect}) assemble their parts directly: a
 * {@link org.piiscanner.classifiers.DetectionEngine} from the detector configuration, an extractor and a
 * {@link org.piiscanner.scanner.detect.DetectionService}. Commands that run jobs will ask the
 * {@link org.piiscanner.scanner.cli.ApplicationContextLauncher} for a non-web Spring context started with
 * properties derived from their options. {@code report} starts it lazily
 * ({@code spring.main.lazy-initialization}): only the data source, Flyway and the report service are created, so
 * the HMAC key is neither read nor generated and the index is not opened.
 *
 * <p>Exit codes, for every command: 0 done (findings or not), 1 an error (some path missing or unreadable; the
 * others were still processed), 2 bad usage (unknown option, bad value, invalid configuration), with a one-line
 * message and no stack trace. Raw personal-data values are printed only with {@code --show-values}; everything
 * else shows masked previews.
 */
package org.piiscanner.scanner.cli;
