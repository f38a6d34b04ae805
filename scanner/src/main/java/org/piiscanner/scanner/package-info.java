/**
 * PII Scanner, the application: finds personal data in files (and, with later issues, databases), with the
 * detection library {@code classifiers} doing the detecting.
 *
 * <h2>How it starts</h2>
 * {@link org.piiscanner.scanner.PiiScannerApplication#main} hands the arguments to picocli first
 * ({@link org.piiscanner.scanner.cli.PiiScannerCli}); Spring is not started to parse them.
 * <ul>
 *   <li>Commands that need no Spring context ({@code detect}, {@code eval}) build what they need by hand and run
 *       at once: start-up in a fraction of a second, and standard output carries only their results.</li>
 *   <li>Commands that run jobs (file and database scans, subject search, reports) turn their options into
 *       properties and start a non-web Spring context through
 *       {@link org.piiscanner.scanner.cli.ApplicationContextLauncher} (implemented by
 *       {@code PiiScannerApplication.start}), then run their job in it and close it.</li>
 * </ul>
 * Either way the banner is off and every log line goes to standard error ({@code logback.xml}), never to standard
 * output, which belongs to the command's results.
 *
 * <h2>Packages (by feature, package-private by default)</h2>
 * <ul>
 *   <li>{@code cli}: picocli commands, output formats, the progress bar. The only package that writes to
 *       {@code System.out} or {@code System.err} (an ArchUnit test checks it).</li>
 *   <li>{@code config}: binds configuration files (detector YAML) strictly into the library's records.</li>
 *   <li>{@code extraction}: turns documents into text (plain UTF-8 now, Tika later); the only package that may
 *       import Tika.</li>
 *   <li>{@code detect}: walks paths and runs extraction + detection on a bounded worker pool.</li>
 *   <li>{@code protect}: normalises values per entity type and turns them into keyed hashes (HMAC-SHA256); the
 *       one place a raw value is read after detection (an ArchUnit test checks it).</li>
 *   <li>{@code store}: the findings store (JDBC, Flyway; H2 or PostgreSQL), the system of record.</li>
 *   <li>{@code index}: the Lucene index of keyed hashes per location, kept consistent with the store; the only
 *       package that may import Lucene.</li>
 *   <li>{@code report}: classification reports for auditors (HTML, CSV, JSON) from the store alone: categories,
 *       counts and masked previews, never a value or a hash (an ArchUnit test keeps it away from hashes).</li>
 *   <li>{@code subject}: subject access and erasure requests (find a person through the protector and the index,
 *       export, verify erasure with signed reports) and their hash-chained audit log.</li>
 * </ul>
 */
package org.piiscanner.scanner;
