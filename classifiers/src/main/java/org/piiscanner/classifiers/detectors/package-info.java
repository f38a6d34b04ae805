/**
 * The built-in detectors, one class per kind of identifier, each following {@code ../shared/spec/identifiers.md}
 * (formats, checksums, reserved values, context words), plus the two detectors built from configuration
 * ({@link org.piiscanner.classifiers.detectors.RegexDetector}, {@link org.piiscanner.classifiers.detectors.DenyListDetector}).
 *
 * <p>Detectors are declarations plus validation: they never search a whole text with a regular expression; the
 * engine hands them candidates found in one pass. They are immutable and thread-safe.
 */
package org.piiscanner.classifiers.detectors;
