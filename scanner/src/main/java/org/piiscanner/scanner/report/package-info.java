/**
 * Classification reports for auditors: which categories of personal data sit where, how sure the scanner is,
 * what could not be scanned, what is kept longer than the retention policy allows, and what changed since the
 * previous scan. Reports read the findings store only (never a document, the index or the protector) and show
 * categories, entity types, counts and masked previews: never a raw value and never a keyed hash, so a reader
 * cannot look a person up. An ArchUnit rule keeps this package away from {@code StoredFinding}, the protect and
 * index packages; {@code NoRawValueIT} and {@code ReportServiceIT} search every output for planted values and
 * hashes.
 *
 * <h2>How a report is made</h2>
 * {@link org.piiscanner.scanner.report.ReportService#write} picks the run (given, or the latest
 * {@code COMPLETED} one) and, for each of its sources, pages through the store's locations once:
 * <ul>
 *   <li>a file source is reported one line per location (a file, or an entry inside an archive or e-mail,
 *       {@code hr/2021.zip!/offer.docx}), grouped by the folder of its top-level file;</li>
 *   <li>a database source is reported one line per table ({@code schema.table}, the first segment of its row
 *       locations), its rows counted together, grouped by schema;</li>
 *   <li>lines holding findings, and skipped ones, are listed; clean ones are only counted per folder.</li>
 * </ul>
 * For the listed lines it reads finding digests ({@link org.piiscanner.scanner.store.FindingDigest}: type,
 * categories, score, masked preview, section) and tallies them per entity type in three
 * {@link org.piiscanner.scanner.report.ConfidenceBand}s. Then it applies the retention policy and compares the
 * run's snapshot with the previous completed run's ({@link org.piiscanner.scanner.store.RunSnapshot}). Skip reasons
 * are read by name, so reasons a scanner adds appear in words made from their names. Scanners that know more about
 * coverage (columns sampled rather than read in full) contribute notes through a
 * {@link org.piiscanner.scanner.report.CoverageContributor} bean.
 *
 * <h2>Retention</h2>
 * The policy ({@link org.piiscanner.scanner.config.RetentionSettings}, read from {@code config/retention.yml}) is a
 * list of rules. For each entity type found in a location, the first rule whose sources, paths and categories or
 * types match applies; the location breaches it when its data is older than the rule's maximum age, measured from
 * the file's modification time (an entry: its container's; unknown, as for database rows: the start of the scan
 * that first recorded the location) or, if the rule says {@code first-seen}, from that first scan. For a table,
 * the oldest row decides. Ages are measured to the moment the report is made (the service's clock).
 *
 * <h2>Formats</h2>
 * <b>HTML</b> ({@link org.piiscanner.scanner.report.HtmlReport}): one self-contained page (inline CSS, SVG chart
 * and script; a Content-Security-Policy that forbids loading anything), summary first. Every text from the store
 * is escaped by {@link org.piiscanner.scanner.report.Html#esc}, which also shows control and bidirectional-override
 * characters as escapes. Up to {@value org.piiscanner.scanner.report.HtmlReport#MAX_ROWS_PER_GROUP} locations
 * are listed per folder.
 *
 * <p><b>CSV</b> ({@link org.piiscanner.scanner.report.CsvReport}): UTF-8 without BOM, CRLF, header row, RFC 4180
 * quoting, lists joined with {@code "; "}, times ISO-8601 UTC, text cells starting with {@code = + - @} (or a tab,
 * a carriage return) prefixed with {@code '}. Columns are only ever added at the end:
 * <table>
 *   <caption>CSV files and their columns</caption>
 *   <tr><th>File</th><th>Row</th><th>Columns</th></tr>
 *   <tr><td>{@code sources.csv}</td><td>source</td><td>run_id, source_id, source_kind (FILES|DB), source
 *       (locator), locations (store locations: files, entries, rows), scanned, unchanged, skipped,
 *       locations_with_personal_data (report lines), findings, special_category_locations,
 *       criminal_offence_locations, retention_breaches, previous_run_id, new_locations, deleted_locations,
 *       personal_data_new, personal_data_removed, personal_data_changed (empty when there is nothing to compare
 *       with)</td></tr>
 *   <tr><td>{@code locations.csv}</td><td>location and entity type</td><td>run_id, source_id, source, group
 *       (folder or schema), location, outcome (SCANNED|UNCHANGED|SKIPPED), entity_type, entity_label, category
 *       (primary), categories (primary and secondary), special_categories (Art. 9 subtypes), special_category,
 *       criminal_offence (true|false), findings, high, medium, low, test_values, max_score (two decimals),
 *       masked_previews (up to {@value org.piiscanner.scanner.report.ReportBuilder#PREVIEWS_PER_TYPE}), sections
 *       (columns, sheets, pages; up to {@value org.piiscanner.scanner.report.ReportBuilder#SECTIONS_PER_TYPE}),
 *       rows_with_findings (databases only), last_modified, first_seen, retention_rules_breached (names of the
 *       rules this type breaches here)</td></tr>
 *   <tr><td>{@code inventory.csv}</td><td>source and category</td><td>run_id, source_id, source, category,
 *       category_label, locations, findings, entity_types ({@code TYPE: count; ...}), special_categories</td></tr>
 *   <tr><td>{@code retention.csv}</td><td>breach</td><td>run_id, source_id, source, location, rule, max_age
 *       ({@code 35d}, {@code 7y}), measured_from (MODIFIED|CONTAINER_MODIFIED|FIRST_SEEN), since, age_days,
 *       deadline, overdue_days, entity_types, categories</td></tr>
 *   <tr><td>{@code changes.csv}</td><td>location whose personal data changed</td><td>run_id, previous_run_id,
 *       source_id, source, location, change (NEW|REMOVED|CHANGED), categories_added, categories_removed,
 *       entity_types_added, entity_types_removed, findings_before, findings_after</td></tr>
 *   <tr><td>{@code coverage.csv}</td><td>skipped location, or coverage note</td><td>run_id, source_id, source,
 *       kind (SKIPPED|NOTE), location, reason (skip reason name, or the note's kind), reason_label, detail,
 *       findings_kept (findings of an earlier scan still counted)</td></tr>
 * </table>
 *
 * <p><b>JSON</b> ({@link org.piiscanner.scanner.report.JsonReport}), {@code report.json}; every field is always
 * present ({@code null} or empty), fields are only ever added within a {@code version}:
 * <pre>
 * format "pii-scanner-report", version 1, generated_at
 * run              {id, kind, description, status, started_at, ended_at}
 * confidence_bands {high 0.85, medium 0.6}
 * retention        {checked, rules [{name, description, categories, entity_types, sources, paths, max_age, from}]}
 * notices          [text]
 * totals           {sources, locations, skipped, locations_with_personal_data, findings,
 *                   special_category_locations, criminal_offence_locations, retention_breaches}
 * sources [{
 *   id, kind, locator, later_run_id, uncovered_locations (personal data no rule covers)
 *   coverage  {locations, scanned, unchanged, skipped, skipped_by_reason {NAME: n},
 *              skipped_locations [{path, reason, reason_label, detail, findings_kept}],
 *              notes [{location, kind, detail}]}
 *   inventory [{category, label, locations, findings, entity_types {TYPE: n}, special_categories}]
 *   changes   {previous_run_id, previous_run_ended_at, available, unavailable_reason, new_locations,
 *              deleted_locations, categories_added, categories_removed,
 *              locations [{path, group, change, categories_added, categories_removed, entity_types_added,
 *                          entity_types_removed, findings_before, findings_after}]}
 *   groups [{name, clean_locations, locations [{
 *     path, outcome, skip_reason, skip_detail, members, members_with_findings, last_modified,
 *     modified_from_container, first_seen, first_seen_run, findings, high, medium, low, test_values,
 *     categories, special_categories, special_category, criminal_offence,
 *     entity_types [{type, label, category, secondary_categories, special_categories, findings, high, medium,
 *                    low, test_values, max_score, masked_previews, sections}],
 *     retention_breaches [{rule, max_age, measured_from, since, age_days, deadline, overdue_days,
 *                          entity_types, categories}]}]}]
 * }]
 * </pre>
 *
 * <h2>What it does not do</h2>
 * <ul>
 *   <li>History beyond the store's: locations show their latest state (a report on an older run says when a
 *       newer run of a source exists), and changes need the snapshots of both runs (the two newest per source are
 *       kept).</li>
 *   <li>Redact paths: a location is shown by its path as stored, and a file named after a person shows that
 *       name.</li>
 *   <li>Report across runs: a report covers one run's sources; run it once per run (a file scan, a database
 *       scan) to cover everything.</li>
 * </ul>
 */
package org.piiscanner.scanner.report;
