/**
 * Binds configuration files to the plain records the detection library takes.
 *
 * <p>{@link org.piiscanner.scanner.config.DetectorConfigLoader} reads {@code config/detectors.yml} (or any file
 * given with {@code --config}) into {@link org.piiscanner.classifiers.config.DetectionSettings}. Binding is
 * strict, in the spirit of Lucene's factories: a typo in a configuration file is an error at start-up, not a
 * silently ignored setting. Every message names the file and the key path, and for an unknown key suggests the
 * nearest known one:
 *
 * <pre>
 * config/detectors.yml: detectors.uk_nino.contxt: unknown key (did you mean 'context'?)
 * config/detectors.yml: context.similarity-factor: must be between 0 and 1, got 1.5
 * config/detectors.yml: custom-detectors[0].patterns[0]: missing key 'regex'
 * </pre>
 *
 * <p>A key that is absent or has an empty ({@code null}) value takes its built-in default, so a file can state
 * only what it changes. What this package does not check: whether a detector id exists and whether a detector
 * accepts an option. Those belong to the library and are reported by
 * {@link org.piiscanner.classifiers.DetectionEngine.Builder#build()} as a
 * {@link org.piiscanner.classifiers.config.ConfigurationException}.
 *
 * <p>The application's own settings ({@code application.yml}) will be bound with typed
 * {@code @ConfigurationProperties} records in this package when the jobs arrive.
 */
package org.piiscanner.scanner.config;
