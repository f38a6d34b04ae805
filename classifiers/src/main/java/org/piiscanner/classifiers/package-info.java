/**
 * Personal-data detection as a plain-Java library: what to look for, how sure to be, and why.
 *
 * <h2>Using it</h2>
 * <pre>{@code
 * DetectionEngine engine = DetectionEngine.createDefault();       // every registered detector, default settings
 * for (Finding f : engine.detect(text)) {
 *     f.type();            // EntityType.UK_NINO ...
 *     f.category();        // DataCategory.IDENTITY ...
 *     f.start(); f.end();  // char offsets into text
 *     f.score();           // 0..1
 *     f.explanation();     // detector, pattern, base score, validation, context words, final score
 *     f.maskedPreview();   // safe to show and store
 * }
 * }</pre>
 *
 * <h2>How it works</h2>
 * <ol>
 *   <li>{@link org.piiscanner.classifiers.text.TextNormalizer} maps look-alike spaces, dashes and full-width digits to
 *       ASCII and keeps an offset map to the original text.</li>
 *   <li>The engine walks the text once, grouping letters and digits into <em>compounds</em> and noting {@code @}
 *       and {@code ://}; each {@link org.piiscanner.classifiers.Trigger} goes to the detectors that asked for it.</li>
 *   <li>Each {@link org.piiscanner.classifiers.Detector} validates its candidates (checksums, calendars, reserved
 *       ranges) and reports matches under a named {@link org.piiscanner.classifiers.ScoredPattern}.</li>
 *   <li>The engine applies context words in a window around each match, drops matches that need context and have
 *       none, applies allow-lists and the minimum score, resolves overlaps and maps offsets back.</li>
 * </ol>
 *
 * <h2>What it does not do</h2>
 * No I/O, no logging, no threads, no framework: document extraction, storage, hashing and indexing belong to the
 * scanner application. Raw values leave a {@link org.piiscanner.classifiers.Finding} only through
 * {@link org.piiscanner.classifiers.Finding#sensitiveValue()}.
 *
 * <h2>Adding a detector</h2>
 * One class implementing {@link org.piiscanner.classifiers.Detector} in {@code detectors}, registered in
 * {@code META-INF/services/org.piiscanner.classifiers.Detector}, and one table-driven test named after it; a
 * conformance test fails if either is missing.
 */
package org.piiscanner.classifiers;
