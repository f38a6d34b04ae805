/**
 * Benchmarks of the detection library, kept with the tests so they are compiled by every build and never shipped:
 * a deterministic corpus generator with ground truth ({@link org.piiscanner.classifiers.bench.CorpusGenerator}),
 * the single-regex baseline the performance target is stated against
 * ({@link org.piiscanner.classifiers.bench.RegexBaseline}), the whole-run benchmark run by the {@code bench}
 * profile ({@link org.piiscanner.classifiers.bench.ThroughputBenchmark}) and JMH micro-benchmarks
 * ({@link org.piiscanner.classifiers.bench.EngineJmh}, {@link org.piiscanner.classifiers.bench.NormalizerJmh}), and
 * the special-category detector's cost on plain and phrase-dense text
 * ({@link org.piiscanner.classifiers.bench.SpecialCategoryThroughput}).
 *
 * <p>Measure, compare with a baseline run in the same session, and trust medians and ratios rather than single
 * runs: the build machines have two noisy cores.
 */
package org.piiscanner.classifiers.bench;
