/**
 * The file-share scan job, {@code fileScanJob}, in the style of the Spring Batch samples: one job configuration
 * ({@link org.piiscanner.scanner.scan.files.FileScanJobConfiguration}), named readers and writers, step-scoped
 * parameters, a partitioned, chunk-oriented worker step.
 *
 * <p>What it does: walks roots (include/exclude globs, symbolic links not followed by default, loop-safe when they
 * are), then per file: fingerprint (size and modification time, then content hash) against the last successful
 * scan under the same detector configuration, so an unchanged file costs a lookup; otherwise extract with the
 * {@code extraction} package (every document inside an archive or e-mail becomes a location of its own, e.g.
 * {@code hr/2021.zip!/letters/offer.docx}), detect, protect (masked previews and keyed hashes only), and record the
 * outcome in the findings store and the index. Every file ends {@code SCANNED}, {@code UNCHANGED} or
 * {@code SKIPPED} with a reason; one bad file never fails the job. Files gone since the last scan are recorded
 * deleted and leave the index.
 *
 * <p>What it does not do: print (the {@code cli} package shows progress from {@link
 * org.piiscanner.scanner.scan.files.ScanProgress}), parse documents itself, or hold a raw value anywhere: items
 * passed between steps carry protected findings and hashes, and the job repository holds positions and
 * parameters (paths, globs) only.
 *
 * <p>Restart: see {@link org.piiscanner.scanner.scan.files.FileScanLauncher}.
 */
package org.piiscanner.scanner.scan.files;
