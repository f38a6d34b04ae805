/**
 * Measures detection quality the way Presidio measures itself, so figures can be compared with published ones.
 *
 * <p>Two inputs:
 * <ul>
 *   <li>a labelled corpus in presidio-research's format ({@link PresidioDatasetReader}): every sentence is run
 *       through a {@link SpanPredictor} (normally the detection engine) and the predicted spans are compared with
 *       the gold spans per entity type, in two modes ({@link MatchMode#STRICT}: same type and exact span;
 *       {@link MatchMode#OVERLAP}: same type and intersection-over-union of at least 0.5), giving precision,
 *       recall, F1 and the recall-weighted F2 ({@link SpanEvaluation});</li>
 *   <li>Presidio's recognizer unit-test vectors ({@link VectorFileReader}): each case whose entity maps to one of
 *       our types passes when the engine finds exactly the expected number of spans of that type, at the expected
 *       offsets when the case gives them ({@link VectorEvaluation}).</li>
 * </ul>
 *
 * <p>Presidio labels are mapped to our entity types by {@link LabelMapping}. Gold labels we do not detect (PERSON,
 * ADDRESS, ...) are listed as not detected rather than counted as misses of another type, and predictions of our
 * types for which the corpus has no gold label (a UK postcode inside a span labelled ADDRESS) are counted apart,
 * not as false positives.
 *
 * <p>This package is logic only: it reads files and returns immutable reports; it never writes to standard output
 * (the {@code eval} command in the CLI package prints them). The texts it reads are published synthetic data and
 * test strings, not personal data.
 */
package org.piiscanner.scanner.eval;
