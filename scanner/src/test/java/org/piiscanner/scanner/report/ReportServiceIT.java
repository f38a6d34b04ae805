package org.piiscanner.scanner.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.piiscanner.scanner.config.RetentionConfigLoader;
import org.piiscanner.scanner.config.RetentionSettings;
import org.piiscanner.scanner.store.LocationQuery;
import org.piiscanner.scanner.store.LocationRecord;
import org.piiscanner.scanner.store.RunStatus;
import org.piiscanner.scanner.store.ScanKind;
import org.piiscanner.scanner.store.StoredFinding;
import org.piiscanner.scanner.testing.MutableClock;
import org.piiscanner.scanner.testing.ReportScenario;
import org.piiscanner.scanner.testing.TestStores;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reports on store content written through {@link org.piiscanner.scanner.store.FindingStore} ({@link ReportScenario}:
 * two file runs and a database run, H2 in a temporary data directory, a fixed clock): exact CSV rows, JSON fields,
 * HTML numbers and escaping, retention breaches, changes between runs, and no hash in any output.
 */
class ReportServiceIT {

    private static final Path POLICY = Path.of("..", "config", "retention.yml");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path dir;

    private TestStores.Handle handle;
    private ReportScenario scenario;
    private ReportService service;
    private Path out;

    @BeforeEach
    void writeStore() {
        MutableClock clock = new MutableClock(ReportScenario.NOW);
        handle = TestStores.h2(dir.resolve("data"), clock);
        scenario = new ReportScenario(handle.store(), clock).build();
        service = new ReportService(handle.store(), List.of((source, run) -> source.kind() == ScanKind.DB
                ? List.of(new CoverageNote("public.customers.email", "SAMPLED", "3 of 3 rows"))
                : List.of()), clock);
        out = dir.resolve("out");
    }

    @AfterEach
    void closeStore() {
        handle.close();
    }

    private ReportService.Result report(Long run, RetentionSettings policy, ReportFormat... formats) {
        return service.write(run, policy, EnumSet.copyOf(List.of(formats)), out);
    }

    private List<String> csv(String file) throws IOException {
        String text = Files.readString(out.resolve(file), StandardCharsets.UTF_8);
        assertThat(text).endsWith("\r\n").doesNotStartWith("\uFEFF");
        return List.of(text.substring(0, text.length() - 2).split("\r\n", -1));
    }

    private JsonNode json() throws IOException {
        return JSON.readTree(out.resolve(JsonReport.FILE).toFile());
    }

    // ------------------------------------------------------------------------------------------------ runs

    @Test
    void theDefaultRunIsTheLatestCompletedOneAndItsDatabaseIsReportedByTable() throws IOException {
        ReportService.Result r = report(null, null, ReportFormat.CSV);

        assertThat(r.runId()).isEqualTo(scenario.run3());
        assertThat(r.files()).extracting(p -> p.getFileName().toString()).containsExactly("sources.csv",
                "locations.csv", "inventory.csv", "retention.csv", "changes.csv", "coverage.csv");
        assertThat(csv("sources.csv")).containsExactly(String.join(",", CsvReport.SOURCES_COLUMNS),
                "3,3,DB,jdbc:postgresql://db.example:5432/crm,5,4,0,1,2,4,0,0,0,,0,0,,,");
        assertThat(csv("locations.csv")).containsExactly(String.join(",", CsvReport.LOCATIONS_COLUMNS),
                "3,3,jdbc:postgresql://db.example:5432/crm,hr,hr.staff,SCANNED,UK_NINO,National Insurance number,"
                        + "IDENTITY,IDENTITY; FINANCIAL,,false,false,1,1,0,0,0,0.95,QQ ** ** *6 B,ni_number,1,,"
                        + "2026-11-20T13:00:00Z,",
                "3,3,jdbc:postgresql://db.example:5432/crm,public,public.customers,SCANNED,EMAIL_ADDRESS,"
                        + "E-mail address,CONTACT,CONTACT,,false,false,2,2,0,0,0,0.90,z***@***.net; a***@***.net,"
                        + "email,2,,2026-11-20T13:00:00Z,",
                "3,3,jdbc:postgresql://db.example:5432/crm,public,public.customers,SCANNED,PHONE_NUMBER,Phone number,"
                        + "CONTACT,CONTACT,,false,false,1,0,1,0,0,0.70,02* **** **99,phone,2,,2026-11-20T13:00:00Z,");
        assertThat(csv("coverage.csv")).containsExactly(String.join(",", CsvReport.COVERAGE_COLUMNS),
                "3,3,jdbc:postgresql://db.example:5432/crm,SKIPPED,audit.log,PERMISSION_DENIED,no permission to read,"
                        + "permission denied for table log,0",
                "3,3,jdbc:postgresql://db.example:5432/crm,NOTE,public.customers.email,SAMPLED,sampled,3 of 3 rows,");
        assertThat(csv("changes.csv")).containsExactly(String.join(",", CsvReport.CHANGES_COLUMNS));
    }

    @Test
    void unknownRunsAndStoresWithoutACompletedRunAreErrors() {
        assertThatThrownBy(() -> report(99L, null, ReportFormat.JSON)).isInstanceOf(ReportException.class)
                .hasMessage("there is no scan run 99 in the store");

        try (TestStores.Handle empty = TestStores.h2(dir.resolve("empty"))) {
            long running = empty.store().startRun(ScanKind.FILES, "still running", "cfg");
            empty.store().upsertSource(running, ScanKind.FILES, "/srv/x");
            ReportService s = new ReportService(empty.store(), List.of(), java.time.Clock.systemUTC());
            assertThatThrownBy(() -> s.write(null, null, EnumSet.of(ReportFormat.HTML), out))
                    .isInstanceOf(ReportException.class)
                    .hasMessage("the store holds no completed scan run: run a scan first, or name a run with --run");
            empty.store().finishRun(running, RunStatus.FAILED);
            ReportService.Result r = s.write(running, null, EnumSet.of(ReportFormat.JSON), out);
            assertThat(r.notices()).containsExactly("Run 1 did not complete (failed): locations it did not reach "
                    + "show the state of an earlier run or are missing, and deleted files may still be listed.");
        }
        assertThat(out.resolve("report.html")).doesNotExist();
    }

    // ------------------------------------------------------------------------------------------------ CSV

    @Test
    void csvOfAFileRunWithRetentionHasExactRows() throws Exception {
        report(scenario.run2(), RetentionConfigLoader.load(POLICY), ReportFormat.CSV);

        assertThat(csv("sources.csv")).containsExactly(String.join(",", CsvReport.SOURCES_COLUMNS),
                "2,1,FILES,/srv/shares/office,10,6,2,2,6,12,1,1,4,1,5,1,4,1,1",
                "2,2,FILES,/srv/shares/finance,2,1,1,0,2,3,0,0,1,1,1,0,1,0,0");
        assertThat(csv("locations.csv")).containsExactly(String.join(",", CsvReport.LOCATIONS_COLUMNS),
                "2,1,/srv/shares/office,,\"'=HYPERLINK(\"\"evil.example\"\",\"\"click\"\").csv\",SCANNED,IP_ADDRESS,"
                        + "IP address,TECHNICAL,TECHNICAL; USAGE,,false,false,1,0,0,1,0,0.40,19*.*.*.***,,,"
                        + "2026-11-02T00:00:00Z,2026-11-20T09:00:00Z,",
                "2,1,/srv/shares/office,backups,backups/2026-09-01.bak,SCANNED,EMAIL_ADDRESS,E-mail address,CONTACT,"
                        + "CONTACT,,false,false,2,2,0,0,0,0.90,a***@***.org; z***@***.org,,,2026-09-01T00:00:00Z,"
                        + "2026-11-20T09:00:00Z,Backups",
                "2,1,/srv/shares/office,hr,hr/letters.zip!/offer.docx,SCANNED,CRIMINAL_OFFENCE,Criminal offence,"
                        + "CRIMINAL_OFFENCE,CRIMINAL_OFFENCE,,false,true,1,0,1,0,0,0.65,conv***** ** *heft,,,"
                        + "2026-10-01T00:00:00Z,2024-01-10T09:00:00Z,Special category and criminal offence data",
                "2,1,/srv/shares/office,hr,hr/letters.zip!/offer.docx,SCANNED,EMAIL_ADDRESS,E-mail address,CONTACT,"
                        + "CONTACT,,false,false,1,1,0,0,0,0.90,z***@***.com,,,2026-10-01T00:00:00Z,"
                        + "2024-01-10T09:00:00Z,",
                "2,1,/srv/shares/office,hr,hr/letters.zip!/offer.docx,SCANNED,SPECIAL_CATEGORY_HEALTH,Health,"
                        + "SPECIAL_CATEGORY,SPECIAL_CATEGORY,HEALTH,true,false,1,0,1,0,0,0.75,"
                        + "diag***** **** ****etes,,,"
                        + "2026-10-01T00:00:00Z,2024-01-10T09:00:00Z,Special category and criminal offence data",
                "2,1,/srv/shares/office,hr/payroll,hr/payroll/2019.xlsx,UNCHANGED,PERSON,Person's name,IDENTITY,"
                        + "IDENTITY,,false,false,2,0,1,1,0,0.70,Zebe*** ********ther; Ad* ***ll,sheet Payroll,,"
                        + "2019-04-05T00:00:00Z,2024-01-10T09:00:00Z,Other personal data",
                "2,1,/srv/shares/office,hr/payroll,hr/payroll/2019.xlsx,UNCHANGED,UK_NINO,National Insurance number,"
                        + "IDENTITY,IDENTITY; FINANCIAL,,false,false,2,2,0,0,0,0.95,QQ ** ** *6 C; QQ ** ** *6 A,"
                        + "sheet Payroll,,2019-04-05T00:00:00Z,2024-01-10T09:00:00Z,Financial records",
                "2,1,/srv/shares/office,we<i>rd & co,\"we<i>rd & co/<img src=x onerror=alert(1)> \"\"q\"\" 'x'.txt\","
                        + "SCANNED,URL,Web address,TECHNICAL,TECHNICAL; USAGE,,false,false,1,0,1,0,0,0.60,"
                        + "http*://********.*******.***/*****/***edee,,,2026-11-01T00:00:00Z,2026-11-20T09:00:00Z,",
                "2,1,/srv/shares/office,weird,weird/invoice\u202Efdp.exe,SCANNED,UK_POSTCODE,Postcode,CONTACT,CONTACT,,"
                        + "false,false,1,1,0,0,0,0.85,S*** **A,,,2026-11-03T00:00:00Z,2026-11-20T09:00:00Z,",
                "2,2,/srv/shares/finance,,cards.csv,UNCHANGED,CREDIT_CARD,Payment card number,FINANCIAL,FINANCIAL,,"
                        + "false,false,1,1,0,0,1,0.99,4111 **** **** 1111,,,2016-02-01T00:00:00Z,2024-01-10T09:00:00Z,"
                        + "Financial records",
                "2,2,/srv/shares/finance,,cards.csv,UNCHANGED,IBAN_CODE,Bank account (IBAN),FINANCIAL,FINANCIAL,,"
                        + "false,false,1,1,0,0,0,0.90,GB82 **** **** **** **54 32,,,2016-02-01T00:00:00Z,"
                        + "2024-01-10T09:00:00Z,Financial records",
                "2,2,/srv/shares/finance,invoices/2026,invoices/2026/inv-1.pdf,SCANNED,UK_VAT,UK VAT number,FINANCIAL,"
                        + "FINANCIAL,,false,false,1,1,0,0,0,0.85,GB *** **** 84,page 1,,2026-03-03T00:00:00Z,"
                        + "2026-11-20T09:00:00Z,");
        assertThat(csv("inventory.csv")).containsExactly(String.join(",", CsvReport.INVENTORY_COLUMNS),
                "2,1,/srv/shares/office,IDENTITY,Identity,1,4,PERSON: 2; UK_NINO: 2,",
                "2,1,/srv/shares/office,CONTACT,Contact,3,4,EMAIL_ADDRESS: 3; UK_POSTCODE: 1,",
                "2,1,/srv/shares/office,FINANCIAL,Financial,1,2,UK_NINO: 2,",
                "2,1,/srv/shares/office,TECHNICAL,Technical,2,2,IP_ADDRESS: 1; URL: 1,",
                "2,1,/srv/shares/office,USAGE,Usage,2,2,IP_ADDRESS: 1; URL: 1,",
                "2,1,/srv/shares/office,SPECIAL_CATEGORY,Special Category (Art. 9),1,1,SPECIAL_CATEGORY_HEALTH: 1,"
                        + "HEALTH",
                "2,1,/srv/shares/office,CRIMINAL_OFFENCE,Criminal Offence (Art. 10),1,1,CRIMINAL_OFFENCE: 1,",
                "2,2,/srv/shares/finance,FINANCIAL,Financial,2,3,CREDIT_CARD: 1; IBAN_CODE: 1; UK_VAT: 1,");
        assertThat(csv("coverage.csv")).containsExactly(String.join(",", CsvReport.COVERAGE_COLUMNS),
                "2,1,/srv/shares/office,SKIPPED,locked.pdf,ENCRYPTED,encrypted or password-protected,PDF encrypted,0",
                "2,1,/srv/shares/office,SKIPPED,media/video.mp4,TOO_LARGE,larger than the size limit,"
                        + "larger than 256 MB,0");
    }

    @Test
    void retentionBreachesCarryTheRuleTheAgeAndWhatItWasMeasuredFrom() throws Exception {
        report(scenario.run2(), RetentionConfigLoader.load(POLICY), ReportFormat.CSV, ReportFormat.JSON);

        // now = 2026-11-21T12:00Z. Backups: 35 days from the file's time. Special category: 1 year from the first
        // scan that saw the entry (rule says first-seen). Payroll: names fall to "Other personal data" (6y) and the
        // NINO, also Financial, to "Financial records" (7y), both from the file's time. The entry inside the zip
        // is dated by its archive (2026-10-01), so its e-mail address is within Contact's 3 years.
        assertThat(csv("retention.csv")).containsExactly(String.join(",", CsvReport.RETENTION_COLUMNS),
                "2,1,/srv/shares/office,backups/2026-09-01.bak,Backups,35d,MODIFIED,2026-09-01T00:00:00Z,81,"
                        + "2026-10-06T00:00:00Z,46,EMAIL_ADDRESS,CONTACT",
                "2,1,/srv/shares/office,hr/letters.zip!/offer.docx,Special category and criminal offence data,1y,"
                        + "FIRST_SEEN,2024-01-10T09:00:00Z,1046,2025-01-10T09:00:00Z,680,"
                        + "CRIMINAL_OFFENCE; SPECIAL_CATEGORY_HEALTH,SPECIAL_CATEGORY; CRIMINAL_OFFENCE",
                "2,1,/srv/shares/office,hr/payroll/2019.xlsx,Financial records,7y,MODIFIED,2019-04-05T00:00:00Z,2787,"
                        + "2026-04-05T00:00:00Z,230,UK_NINO,IDENTITY; FINANCIAL",
                "2,1,/srv/shares/office,hr/payroll/2019.xlsx,Other personal data,6y,MODIFIED,2019-04-05T00:00:00Z,"
                        + "2787,2025-04-05T00:00:00Z,595,PERSON,IDENTITY",
                "2,2,/srv/shares/finance,cards.csv,Financial records,7y,MODIFIED,2016-02-01T00:00:00Z,3946,"
                        + "2023-02-01T00:00:00Z,1389,CREDIT_CARD; IBAN_CODE,FINANCIAL");

        JsonNode offer = location(json().get("sources").get(0), "hr", "hr/letters.zip!/offer.docx");
        assertThat(offer.get("last_modified").asString()).isEqualTo("2026-10-01T00:00:00Z");
        assertThat(offer.get("modified_from_container").asBoolean()).isTrue();
        JsonNode breach = offer.get("retention_breaches").get(0);
        assertThat(breach.get("rule").asString()).isEqualTo("Special category and criminal offence data");
        assertThat(breach.get("measured_from").asString()).isEqualTo("FIRST_SEEN");
        assertThat(breach.get("age_days").asLong()).isEqualTo(1046);
        assertThat(breach.get("overdue_days").asLong()).isEqualTo(680);
        assertThat(json().at("/totals/retention_breaches").asLong()).isEqualTo(5);
        assertThat(json().at("/retention/rules/0/paths").toString()).isEqualTo("[\"backups/**\",\"**/*.bak\"]");
    }

    @Test
    void withoutAPolicyRetentionIsNotChecked() throws Exception {
        ReportService.Result r = report(scenario.run2(), null, ReportFormat.CSV, ReportFormat.JSON, ReportFormat.HTML);

        assertThat(r.breaches()).isEqualTo(-1);
        assertThat(csv("retention.csv")).containsExactly(String.join(",", CsvReport.RETENTION_COLUMNS));
        assertThat(json().at("/retention/checked").asBoolean()).isFalse();
        assertThat(Files.readString(out.resolve("report.html"))).contains("Retention was not checked");
    }

    // ------------------------------------------------------------------------------------------------ changes

    @Test
    void changesSinceThePreviousRunListNewRemovedAndChangedLocationsAndCategories() throws Exception {
        report(scenario.run2(), null, ReportFormat.CSV, ReportFormat.JSON);

        assertThat(csv("changes.csv")).containsExactly(String.join(",", CsvReport.CHANGES_COLUMNS),
                "2,1,1,/srv/shares/office,\"'=HYPERLINK(\"\"evil.example\"\",\"\"click\"\").csv\",NEW,"
                        + "TECHNICAL; USAGE,,"
                        + "IP_ADDRESS,,0,1",
                "2,1,1,/srv/shares/office,backups/2026-09-01.bak,NEW,CONTACT,,EMAIL_ADDRESS,,0,2",
                "2,1,1,/srv/shares/office,hr/letters.zip!/offer.docx,CHANGED,CRIMINAL_OFFENCE,,CRIMINAL_OFFENCE,,2,3",
                "2,1,1,/srv/shares/office,old/notes.txt,REMOVED,,CONTACT,,PHONE_NUMBER,1,0",
                "2,1,1,/srv/shares/office,\"we<i>rd & co/<img src=x onerror=alert(1)> \"\"q\"\" 'x'.txt\",NEW,"
                        + "TECHNICAL; USAGE,,URL,,0,1",
                "2,1,1,/srv/shares/office,weird/invoice\u202Efdp.exe,NEW,CONTACT,,UK_POSTCODE,,0,1",
                "2,1,2,/srv/shares/finance,invoices/2026/inv-1.pdf,NEW,FINANCIAL,,UK_VAT,,0,1");

        JsonNode office = json().at("/sources/0/changes");
        assertThat(office.get("previous_run_id").asLong()).isEqualTo(scenario.run1());
        assertThat(office.get("previous_run_ended_at").asString()).isEqualTo("2024-01-10T10:00:00Z");
        assertThat(office.get("available").asBoolean()).isTrue();
        assertThat(office.get("new_locations").asLong()).isEqualTo(5); // 4 with personal data + media/video.mp4
        assertThat(office.get("deleted_locations").asLong()).isEqualTo(1);
        assertThat(office.get("categories_added").toString()).isEqualTo(
                "[\"TECHNICAL\",\"USAGE\",\"CRIMINAL_OFFENCE\"]");
        assertThat(office.get("categories_removed").toString()).isEqualTo("[]");
    }

    @Test
    void aFirstScanHasNothingToCompareWithAndAnOlderRunSaysALaterOneExists() throws Exception {
        ReportService.Result r = report(scenario.run1(), null, ReportFormat.JSON, ReportFormat.CSV);

        assertThat(r.notices()).containsExactly(
                "Source /srv/shares/office was scanned again by run 2: its locations show the state after that run.",
                "Source /srv/shares/finance was scanned again by run 2: its locations show the state after that run.");
        JsonNode changes = json().at("/sources/0/changes");
        assertThat(changes.get("available").asBoolean()).isFalse();
        assertThat(changes.get("previous_run_id").isNull()).isTrue();
        assertThat(changes.get("unavailable_reason").asString()).isEqualTo("This is the first completed scan of "
                + "this source: there is nothing to compare with yet.");
        assertThat(json().at("/sources/0/later_run_id").asLong()).isEqualTo(scenario.run2());
        assertThat(csv("sources.csv").get(1)).endsWith(",,0,0,,,");
    }

    // ------------------------------------------------------------------------------------------------ JSON

    @Test
    void jsonHasTheDocumentedFieldsAndExactValues() throws Exception {
        report(scenario.run2(), RetentionConfigLoader.load(POLICY), ReportFormat.JSON);
        JsonNode root = json();

        assertThat(root.get("format").asString()).isEqualTo("pii-scanner-report");
        assertThat(root.get("version").asInt()).isEqualTo(1);
        assertThat(root.get("generated_at").asString()).isEqualTo("2026-11-21T12:00:00Z");
        assertThat(root.at("/run/id").asLong()).isEqualTo(scenario.run2());
        assertThat(root.at("/run/status").asString()).isEqualTo("COMPLETED");
        assertThat(root.at("/confidence_bands/high").asDouble()).isEqualTo(0.85);
        assertThat(root.at("/confidence_bands/medium").asDouble()).isEqualTo(0.60);
        assertThat(root.get("totals").toString()).isEqualTo("{\"sources\":2,\"locations\":12,\"skipped\":2,"
                + "\"locations_with_personal_data\":8,\"findings\":15,\"special_category_locations\":1,"
                + "\"criminal_offence_locations\":1,\"retention_breaches\":5}");
        assertThat(fieldNames(root)).containsExactly("format", "version", "generated_at", "run", "confidence_bands",
                "retention", "notices", "totals", "sources");

        JsonNode office = root.get("sources").get(0);
        assertThat(fieldNames(office)).containsExactly("id", "kind", "locator", "later_run_id",
                "uncovered_locations", "coverage", "inventory", "changes", "groups");
        assertThat(office.get("uncovered_locations").asLong()).isZero(); // "Other personal data" covers the rest
        assertThat(office.at("/coverage/skipped_by_reason").toString()).isEqualTo("{\"ENCRYPTED\":1,\"TOO_LARGE\":1}");
        assertThat(office.get("groups").findValuesAsString("name")).containsExactly("", "backups", "clean", "hr",
                "hr/payroll", "media", "we<i>rd & co", "weird");
        JsonNode clean = group(office, "clean");
        assertThat(clean.get("clean_locations").asLong()).isEqualTo(1);
        assertThat(clean.get("locations").size()).isZero();

        JsonNode payroll = location(office, "hr/payroll", "hr/payroll/2019.xlsx");
        assertThat(fieldNames(payroll)).containsExactly("path", "outcome", "skip_reason", "skip_detail", "members",
                "members_with_findings", "last_modified", "modified_from_container", "first_seen", "first_seen_run",
                "findings", "high", "medium", "low", "test_values", "categories", "special_categories",
                "special_category", "criminal_offence", "entity_types", "retention_breaches");
        assertThat(payroll.get("outcome").asString()).isEqualTo("UNCHANGED");
        assertThat(payroll.get("findings").asLong()).isEqualTo(4);
        assertThat(payroll.get("categories").toString()).isEqualTo("[\"IDENTITY\",\"FINANCIAL\"]");
        JsonNode nino = payroll.get("entity_types").get(1);
        assertThat(fieldNames(nino)).containsExactly("type", "label", "category", "secondary_categories",
                "special_categories", "findings", "high", "medium", "low", "test_values", "max_score",
                "masked_previews", "sections");
        assertThat(nino.toString()).isEqualTo("{\"type\":\"UK_NINO\",\"label\":\"National Insurance number\","
                + "\"category\":\"IDENTITY\",\"secondary_categories\":[\"FINANCIAL\"],\"special_categories\":[],"
                + "\"findings\":2,\"high\":2,\"medium\":0,\"low\":0,\"test_values\":0,\"max_score\":0.95,"
                + "\"masked_previews\":[\"QQ ** ** *6 C\",\"QQ ** ** *6 A\"],\"sections\":[\"sheet Payroll\"]}");

        JsonNode video = location(office, "media", "media/video.mp4");
        assertThat(video.get("outcome").asString()).isEqualTo("SKIPPED");
        assertThat(video.get("skip_reason").asString()).isEqualTo("TOO_LARGE");
        assertThat(video.get("findings").asLong()).isZero();
        assertThat(video.get("last_modified").isNull()).isTrue();
        JsonNode locked = group(office, "");
        assertThat(locked.get("locations").findValuesAsString("path")).containsExactly(ReportScenario.FORMULA,
                "locked.pdf");
        JsonNode lockedPdf = location(office, "", "locked.pdf");
        assertThat(lockedPdf.get("skip_reason").asString()).isEqualTo("ENCRYPTED");
        assertThat(lockedPdf.get("skip_detail").asString()).isEqualTo("PDF encrypted");
        assertThat(lockedPdf.get("findings").asLong()).isZero();
    }

    // ------------------------------------------------------------------------------------------------ HTML

    @Test
    void htmlIsOneSelfContainedPageWithTheNumbersAndEveryPathEscaped() throws Exception {
        ReportService.Result r = report(scenario.run2(), RetentionConfigLoader.load(POLICY), ReportFormat.HTML);
        assertThat(r.files()).containsExactly(out.resolve("report.html"));
        try (Stream<Path> files = Files.list(out)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("report.html");
        }
        String html = Files.readString(out.resolve("report.html"), StandardCharsets.UTF_8);

        // self-contained: nothing to fetch, and the page forbids fetching anything
        assertThat(html).startsWith("<!DOCTYPE html>").contains("content=\"default-src 'none'; style-src "
                + "'unsafe-inline'; script-src 'unsafe-inline'; img-src data:\"");
        assertThat(html).doesNotContainPattern("(?i)<(script|img|link|iframe)[^>]+(src|href)=")
                .doesNotContainPattern("(?i)url\\(").doesNotContain("@import");
        assertThat(html.split("<script>", -1)).hasSize(2);

        // the summary's numbers
        assertThat(html).contains("Scan run 2 &middot; completed 20 Nov 2026, 09:30 UTC &middot; 2 sources")
                .contains("<span class=\"n\">12</span><span class=\"l\">locations scanned in 2 sources</span>")
                .contains("<span class=\"n\">8</span><span class=\"l\">locations hold personal data (15 findings)"
                        + "</span>")
                .contains("<span class=\"n\">1</span><span class=\"l\">location holds special-category data "
                        + "(Art. 9)</span>")
                .contains("<span class=\"n\">1</span><span class=\"l\">location holds criminal-offence data "
                        + "(Art. 10)</span>")
                .contains("<span class=\"n\">4</span><span class=\"l\">locations hold data longer than the "
                        + "retention policy allows</span>")
                .contains("<span class=\"n\">2</span><span class=\"l\">locations could not be scanned</span>")
                .contains("<span class=\"n\">7</span><span class=\"l\">locations with changed personal data since "
                        + "the previous run: 5 new, 1 removed, 1 changed</span>")
                .contains("5 breaches of the retention policy");
        // the chart: one bar group per category and source, with the counts
        assertThat(html).contains("<title>Contact: 3 locations</title>").contains("<title>Financial: 2 locations"
                + "</title>").contains("<title>Criminal Offence (Art. 10): 1 location</title>");
        // the drill-down shows masked previews only
        assertThat(html).contains("<code class=\"preview\">QQ ** ** *6 C</code>")
                .doesNotContain("QQ 12 34 56 C").doesNotContain("zebedee@example.com").doesNotContain("4111 1111");

        // hostile names are text, never markup, and cannot disguise themselves
        assertThat(html).doesNotContain("<img src=x").doesNotContain("<i>rd")
                .contains("we&lt;i&gt;rd &amp; co/&lt;img src=x onerror=alert(1)&gt; &quot;q&quot; &#39;x&#39;.txt")
                .contains("=HYPERLINK(&quot;evil.example&quot;,&quot;click&quot;).csv")
                .doesNotContain("\u202E").contains("weird/invoice\\u202efdp.exe");
        // every tag is one we wrote: no attribute or element from data
        assertThat(html).doesNotContainPattern("onerror=alert\\(1\\)>");
    }

    // ------------------------------------------------------------------------------------------------ no hashes

    @Test
    void noOutputHoldsAHashOrARawValue() throws Exception {
        report(scenario.run2(), RetentionConfigLoader.load(POLICY), ReportFormat.HTML, ReportFormat.CSV,
                ReportFormat.JSON);
        report(scenario.run3(), null, ReportFormat.HTML, ReportFormat.CSV, ReportFormat.JSON);
        StringBuilder all = new StringBuilder();
        try (Stream<Path> files = Files.list(out)) {
            for (Path f : files.toList()) {
                all.append(Files.readString(f, StandardCharsets.UTF_8));
            }
        }
        List<String> hashes = new ArrayList<>();
        for (LocationRecord l : handle.store().listLocations(LocationQuery.all(), null, 1000).items()) {
            for (StoredFinding f : handle.store().findings(l.id())) {
                hashes.add(f.valueHash());
                f.nameTerms().forEach(t -> hashes.add(t.hash()));
            }
        }
        assertThat(hashes).hasSizeGreaterThan(20);
        for (String h : hashes) {
            assertThat(all).as("an output contains a value hash").doesNotContain(h);
        }
        for (String raw : List.of("QQ 12 34 56 C", "Zebedee Quillfeather", "zebedee@example.com", "diabetes",
                "convicted of theft", "4111 1111 1111 1111", "GB82 WEST", "020 7946", "192.0.2.146", "SW1A 1AA")) {
            assertThat(all).as("an output contains a raw value").doesNotContain(raw);
        }
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.propertyNames().forEach(names::add);
        return names;
    }

    private static JsonNode group(JsonNode source, String name) {
        for (JsonNode g : source.get("groups")) {
            if (g.get("name").asString().equals(name)) {
                return g;
            }
        }
        return null;
    }

    private static JsonNode location(JsonNode source, String group, String path) {
        JsonNode g = group(source, group);
        if (g == null) {
            return null;
        }
        for (JsonNode l : g.get("locations")) {
            if (l.get("path").asString().equals(path)) {
                return l;
            }
        }
        return null;
    }
}
