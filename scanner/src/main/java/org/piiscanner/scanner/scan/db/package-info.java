/**
 * The database scan: finds personal data in the tables of any JDBC database (PostgreSQL, MariaDB/MySQL, H2...),
 * column by column and row by row.
 *
 * <h2>What it does</h2>
 * <ol>
 *   <li><b>Discovery</b> ({@link org.piiscanner.scanner.scan.db.Catalog}): connects read-only and lists schemas,
 *       tables, columns, primary keys and comments through {@link java.sql.DatabaseMetaData}; tables are kept or
 *       dropped by include/exclude globs over {@code schema.table}. Identifiers are always quoted with the
 *       driver's quote string (quotes inside doubled), so names with quotes, spaces, reserved words or any
 *       unicode are read correctly; no SQL is ever built from a data value (keys are bound parameters).</li>
 *   <li><b>Column verdicts</b> ({@link org.piiscanner.scanner.scan.db.ColumnProfiler},
 *       {@link org.piiscanner.scanner.scan.db.VerdictRules}): a deterministic, seeded sample of each table's rows
 *       (the rows with the smallest seeded hash of their key, so the same data always gives the same sample,
 *       whatever order the database returns rows in) goes through the detectors; the column's name and comment
 *       (hints per entity type and per category, the special-category lists of the classifiers), its SQL type and
 *       the sample's statistics (null share, distinct ratio, lengths) complete the evidence. A verdict lists entity
 *       types with a confidence, a category, the evidence (signals, match counts, masked examples) and its
 *       coverage. An integer {@code email_count} is not an e-mail column: a name hint needs a compatible SQL type
 *       and no qualifier word ({@code count}, {@code flag}, {@code type}, {@code verified}...).</li>
 *   <li><b>Row scan</b> (the {@code dbScanJob} of {@link org.piiscanner.scanner.scan.db.DbScanJobConfiguration}):
 *       the columns with a positive verdict (entity types found, or free text), or every readable column with
 *       {@code --full}, are read in full, by keyset pagination on the primary key (never {@code OFFSET}),
 *       partitioned by table and, for a large table with an integer key, by key range. Every row is one location
 *       {@code schema.table!/id=42} of the findings store; its findings carry the column name as their section.
 *       A sort code and an account number kept in two columns are also detected as one pair per row (section
 *       {@code sort_code+account_number}). The reader's restart state is the last key read, never a value of
 *       another column.</li>
 *   <li><b>Incremental rescans</b>: a row whose fingerprint matches the last scan is recorded unchanged without
 *       running the detectors. The fingerprint is a watermark column ({@code pii.db-scan.watermark-columns},
 *       e.g. {@code updated_at}) when the table has one, PostgreSQL's {@code xmin} on PostgreSQL, else a keyed
 *       hash (HMAC) of the row's scanned values; the summary says which mode each table used. Rows are still
 *       read (key, watermark and values), so an unchanged rescan saves detection and store writes, not I/O.</li>
 * </ol>
 *
 * <h2>Row keys</h2>
 * A row's location is {@code schema.table} then its key: {@code id=42} for a numeric key, {@code code='AB-1'} for
 * a text key (single quotes doubled inside), key columns joined by {@code ,} ({@code order_id=7,line=2}). A table
 * without a usable primary key (none, one of another type than integer, decimal or text, or one whose column's
 * verdict found personal data in it, such as an e-mail or SSN key: it must not end up in the store's location
 * paths) is read in one pass
 * and its rows are located by {@code #} and the first 16 hex digits of a keyed hash of the row's values (a
 * repeated identical row gets {@code .2}, {@code .3}...): such rows cannot be re-read by key, and an edited row
 * is a new location. {@link org.piiscanner.scanner.scan.db.JdbcRowReader} re-reads keyed rows for subject
 * requests.
 *
 * <h2>Credentials</h2>
 * The scanned database's password comes from an environment variable ({@code --password-env}) or a secrets file
 * ({@code --password-file}); the store keeps the user name and <em>where</em> the password comes from (table
 * {@code db_source_connection}), never the password, and JDBC URLs are stored without credentials.
 *
 * <p>Nothing here stores, logs or prints a raw value: findings go through the
 * {@link org.piiscanner.scanner.protect.Protector}; evidence holds counts and masked previews.
 */
package org.piiscanner.scanner.scan.db;
