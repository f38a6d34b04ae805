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
 * <p>{@link org.piiscanner.scanner.config.RetentionConfigLoader} reads a retention policy
 * ({@code config/retention.yml}, which documents the format) into
 * {@link org.piiscanner.scanner.config.RetentionSettings} for the report package, just as strictly: unknown keys,
 * categories and entity types, maximum ages that are not {@code 35d}/{@code 6w}/{@code 18m}/{@code 7y}, and blank
 * or malformed path patterns ({@link org.piiscanner.scanner.config.PathGlob}) are errors naming the key path.
 *
 * <h2>Application settings and the data directory</h2>
 * {@link org.piiscanner.scanner.config.PiiProperties} binds {@code pii.*} (strictly: an unknown key fails the
 * start), and {@link org.piiscanner.scanner.config.StorageConfiguration} wires what lives in the data directory:
 * <ul>
 *   <li>the data source: embedded H2 ({@code <data-dir>/store.mv.db}) unless {@code pii.db.url} names a database
 *       (PostgreSQL; also the {@code postgres} profile, which reads {@code PII_SCANNER_DB_URL} and
 *       {@code PII_SCANNER_DB_USER}). The password comes from the environment variable named by
 *       {@code pii.db.password-env} (default {@code PII_SCANNER_DB_PASSWORD}) or from {@code pii.db.password-file};
 *       it is never logged, and URLs are logged without credentials;</li>
 *   <li>Flyway migrations, which also create Spring Batch's job repository tables for H2 files and PostgreSQL
 *       alike ({@code spring.batch.jdbc.initialize-schema=never});</li>
 *   <li>the HMAC key ({@code pii.hmac-key}, {@code PII_SCANNER_HMAC_KEY} or {@code <data-dir>/hmac.key}) and the
 *       {@link org.piiscanner.scanner.protect.Protector};</li>
 *   <li>the {@link org.piiscanner.scanner.store.FindingStore}, bound to the key id, and the
 *       {@link org.piiscanner.scanner.index.LocationIndex} ({@code <data-dir>/index}) with its
 *       {@link org.piiscanner.scanner.index.IndexSync}.</li>
 * </ul>
 * A data directory the scanner creates is owner-only ({@code rwx------}).
 */
package org.piiscanner.scanner.config;
