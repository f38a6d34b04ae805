package org.piiscanner.scanner.scan.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.piiscanner.scanner.PiiScannerApplication;
import org.piiscanner.scanner.store.FindingStore;
import org.piiscanner.scanner.store.LocationQuery;
import org.piiscanner.scanner.store.LocationRecord;
import org.piiscanner.scanner.store.Outcome;
import org.piiscanner.scanner.store.RunStatus;
import org.piiscanner.scanner.store.StoredFinding;
import org.piiscanner.scanner.subject.RowContent;
import org.piiscanner.scanner.subject.RowLocation;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The database scan end to end on one kind of database: the labelled piicatcher table, the UK table and a table of
 * hostile names are loaded, scanned, rescanned after changes, and rows re-read by key. Subclasses name the
 * database.
 */
abstract class DbScanContract {

    /**
     * A database to scan.
     *
     * @param url JDBC URL without credentials
     * @param user the user
     * @param password the password ("" for none)
     * @param prefix the tables' display prefix, e.g. {@code public.}
     */
    record Target(String url, String user, String password, String prefix) {
    }

    /** A new, empty database. */
    abstract Target target() throws Exception;

    /** Whether this database reads rows with xmin (PostgreSQL). */
    abstract String defaultMode();

    @TempDir
    Path dir;

    static final String PASSWORD_VARIABLE = "PII_TEST_SCANNED_DB_PASSWORD";

    Connection connect(Target t) throws Exception {
        Properties p = new Properties();
        p.setProperty("user", t.user());
        p.setProperty("password", t.password());
        return DriverManager.getConnection(t.url(), p);
    }

    ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(PiiScannerApplication.class).web(WebApplicationType.NONE)
                .bannerMode(Banner.Mode.OFF).logStartupInfo(false)
                .run("--pii.data-dir=" + dir.resolve("pii-data"), "--" + PASSWORD_VARIABLE + "=");
    }

    DbScanRequest request(Target t) {
        return new DbScanRequest(new DbScanRequest.DbSourceSpec(t.url(), t.user(), PASSWORD_VARIABLE, null),
                List.of(), List.of(), 1000, 42, false, null);
    }

    /** column -> "VERDICT types category" of a table. */
    static Map<String, String> verdicts(List<ColumnVerdictRow> rows, String table) {
        Map<String, String> out = new TreeMap<>();
        for (ColumnVerdictRow v : rows) {
            if (v.table().equalsIgnoreCase(table)) {
                out.put(v.column().toLowerCase(java.util.Locale.ROOT), v.verdict() + " " + String.join(",", v.types())
                        + " " + (v.category() == null ? "-" : v.category().name()));
            }
        }
        return out;
    }

    /** "path | section | type | preview" of every finding of the run's locations under {@code root}. */
    static List<String> findings(FindingStore store, String root) {
        List<String> out = new ArrayList<>();
        List<LocationRecord> locations = store.listLocations(LocationQuery.all(), null, 10_000).items();
        for (LocationRecord l : locations) {
            if (!l.path().startsWith(root + "!/") || l.outcome() == Outcome.DELETED) {
                continue;
            }
            for (StoredFinding f : store.findings(l.id())) {
                out.add(l.path() + " | " + f.position().section() + " | " + f.entityType() + " | " + f.maskedPreview());
            }
        }
        out.sort(null);
        return out;
    }

    /** The UK table's findings, after the table prefix. */
    static final List<String> UK_FINDINGS = List.of(
            "uk_customers!/id=1 | date_of_birth | DATE_OF_BIRTH | 19**-**-12",
            "uk_customers!/id=1 | full_name | PERSON | Al*** ***th",
            "uk_customers!/id=1 | ni_number | UK_NINO | QQ ** ** *6 A",
            "uk_customers!/id=1 | notes | EMAIL_ADDRESS | a***@***.com",
            "uk_customers!/id=1 | notes | PHONE_NUMBER | 07*** ****56",
            "uk_customers!/id=1 | phone | PHONE_NUMBER | 07*** ****56",
            "uk_customers!/id=1 | postcode | UK_POSTCODE | S*** **A",
            "uk_customers!/id=1 | sort_code+account_number | UK_SORT_CODE_ACCOUNT | 08-9*-** *****958",
            "uk_customers!/id=2 | date_of_birth | DATE_OF_BIRTH | 19**-**-30",
            "uk_customers!/id=2 | full_name | PERSON | Bo* ***es",
            "uk_customers!/id=2 | ni_number | UK_NINO | QQ ** ** *6 B",
            "uk_customers!/id=2 | phone | PHONE_NUMBER | 07*** ****57",
            "uk_customers!/id=2 | postcode | UK_POSTCODE | M* **E",
            "uk_customers!/id=2 | sort_code+account_number | UK_SORT_CODE_ACCOUNT | 08-9*-** *****958",
            "uk_customers!/id=3 | date_of_birth | DATE_OF_BIRTH | 19**-**-01",
            "uk_customers!/id=3 | full_name | PERSON | Ca*** ****or",
            "uk_customers!/id=3 | ni_number | UK_NINO | QQ ** ** *6 C",
            "uk_customers!/id=3 | notes | UK_POSTCODE | E*** **B",
            "uk_customers!/id=3 | phone | PHONE_NUMBER | 01** *** **78",
            "uk_customers!/id=3 | postcode | UK_POSTCODE | E*** **B",
            "uk_customers!/id=3 | sort_code+account_number | UK_SORT_CODE_ACCOUNT | 08-9*-** *****958",
            "uk_customers!/id=4 | date_of_birth | DATE_OF_BIRTH | 19**-**-23",
            "uk_customers!/id=4 | full_name | PERSON | Da*** ***wn",
            "uk_customers!/id=4 | ni_number | UK_NINO | AB ** ** *6 C",
            "uk_customers!/id=4 | phone | PHONE_NUMBER | 07*** ****58",
            "uk_customers!/id=4 | postcode | UK_POSTCODE | B** **H",
            "uk_customers!/id=4 | sort_code+account_number | UK_SORT_CODE_ACCOUNT | 08-9*-** *****958",
            "uk_customers!/id=5 | date_of_birth | DATE_OF_BIRTH | 20**-**-24",
            "uk_customers!/id=5 | full_name | PERSON | Ev* *'***ll",
            "uk_customers!/id=5 | ni_number | UK_NINO | QQ ** ** *6 D",
            "uk_customers!/id=5 | notes | EMAIL_ADDRESS | e***@***.org",
            "uk_customers!/id=5 | phone | PHONE_NUMBER | 01** *** **79",
            "uk_customers!/id=5 | postcode | UK_POSTCODE | C** **H",
            "uk_customers!/id=5 | sort_code+account_number | UK_SORT_CODE_ACCOUNT | 08-9*-** *****958");

    @Test
    void scansVerdictsRowsRescansAndRereads() throws Exception {
        Target t = target();
        try (Connection c = connect(t)) {
            c.setAutoCommit(true);
            DbFixtures.ukCustomers(c);
            DbFixtures.piicatcher(c);
            DbFixtures.hostile(c);
        }
        System.setProperty(PASSWORD_VARIABLE, t.password());
        try (ConfigurableApplicationContext context = start()) {
            DbScanner scanner = context.getBean(DbScanner.class);
            FindingStore store = context.getBean(FindingStore.class);
            DbScanSummary first = scanner.scan(request(t), DbScanProgress.NONE);
            assertThat(first.failure()).isNull();
            assertThat(first.status()).isEqualTo(RunStatus.COMPLETED);
            List<ColumnVerdictRow> rows = scanner.verdicts(first.runId());
            assertThat(verdicts(rows, "uk_customers")).containsExactlyEntriesOf(new TreeMap<>(Map.ofEntries(
                    Map.entry("account_number", "PERSONAL UK_SORT_CODE_ACCOUNT FINANCIAL"),
                    Map.entry("date_of_birth", "PERSONAL DATE_OF_BIRTH IDENTITY"),
                    Map.entry("email_count", "NONE  -"),
                    Map.entry("full_name", "PERSONAL PERSON IDENTITY"),
                    Map.entry("id", "NONE  -"),
                    Map.entry("marketing_opt_in", "PERSONAL  MARKETING_AND_COMMUNICATIONS"),
                    Map.entry("ni_number", "PERSONAL UK_NINO IDENTITY"),
                    Map.entry("notes", "PERSONAL EMAIL_ADDRESS,PHONE_NUMBER,UK_POSTCODE CONTACT"),
                    Map.entry("phone", "PERSONAL PHONE_NUMBER CONTACT"),
                    Map.entry("postcode", "PERSONAL UK_POSTCODE CONTACT"),
                    Map.entry("sort_code", "PERSONAL UK_SORT_CODE_ACCOUNT FINANCIAL"))));
            assertThat(verdicts(rows, "sample_data")).containsExactlyEntriesOf(new TreeMap<>(Map.ofEntries(
                    Map.entry("address", "PERSONAL LOCATION CONTACT"),
                    Map.entry("birthdate", "PERSONAL DATE_OF_BIRTH IDENTITY"),
                    Map.entry("cc_cvc", "PERSONAL  FINANCIAL"),
                    Map.entry("cc_expiredate", "PERSONAL  FINANCIAL"),
                    Map.entry("cc_number", "PERSONAL CREDIT_CARD FINANCIAL"),
                    Map.entry("cc_type", "NONE  -"),
                    Map.entry("city", "PERSONAL LOCATION CONTACT"),
                    Map.entry("email", "PERSONAL EMAIL_ADDRESS CONTACT"),
                    Map.entry("fname", "PERSONAL PERSON IDENTITY"),
                    Map.entry("gender", "PERSONAL  IDENTITY"),
                    Map.entry("id", "PERSONAL US_SSN IDENTITY"),
                    Map.entry("lname", "PERSONAL PERSON IDENTITY"),
                    Map.entry("maiden_name", "PERSONAL PERSON IDENTITY"),
                    Map.entry("phone", "PERSONAL PHONE_NUMBER CONTACT"),
                    Map.entry("state", "NONE  -"),
                    Map.entry("zip", "PERSONAL  CONTACT"))));
            assertThat(verdicts(rows, DbFixtures.HOSTILE_TABLE)).containsExactlyEntriesOf(new TreeMap<>(Map.of(
                    "e-mail address", "PERSONAL EMAIL_ADDRESS CONTACT",
                    "kundennotiz ü", "NONE  -",
                    "select", "NONE  -")));
            ColumnVerdictRow email = rows.stream().filter(v -> v.table().equals("sample_data")
                    && v.column().equalsIgnoreCase("email")).findFirst().orElseThrow();
            assertThat(email.coverage()).isEqualTo("30 of 30 rows sampled, seed 42; read in full");
            assertThat(email.evidence()).startsWith("name 'email' -> EMAIL_ADDRESS; sample EMAIL_ADDRESS 30/30 e.g. ")
                    .doesNotContain("@domain.com");
            ColumnVerdictRow count = rows.stream().filter(v -> v.column().equalsIgnoreCase("email_count"))
                    .findFirst().orElseThrow();
            assertThat(count.evidence()).startsWith("name 'email' -> EMAIL_ADDRESS dropped: qualifier 'count'");

            String uk = t.prefix() + "uk_customers";
            assertThat(findings(store, uk)).containsExactlyElementsOf(UK_FINDINGS.stream()
                    .map(f -> t.prefix() + f).toList());
            String hostile = t.prefix() + DbFixtures.HOSTILE_TABLE;
            assertThat(findings(store, hostile)).containsExactly(
                    hostile + "!/select='A''1' | e-mail address | EMAIL_ADDRESS | z***@***.com",
                    hostile + "!/select='B,2=3' | e-mail address | EMAIL_ADDRESS | y***@***.org");
            List<String> piicatcherRows = store.listLocations(LocationQuery.all(), null, 10_000).items().stream()
                    .map(LocationRecord::path).filter(p -> p.startsWith(t.prefix() + "sample_data!/")).toList();
            assertThat(piicatcherRows).hasSize(30).allMatch(p -> p.matches(".*!/#[0-9a-f]{16}"));
            assertThat(first.tables()).extracting(DbScanSummary.TableSummary::table, DbScanSummary.TableSummary::mode,
                    DbScanSummary.TableSummary::rowsScanned).containsExactly(
                    org.assertj.core.groups.Tuple.tuple(hostile, defaultMode(), 2L),
                    org.assertj.core.groups.Tuple.tuple(t.prefix() + "sample_data", defaultMode()
                            + ", no key: rows located by hash", 30L),
                    org.assertj.core.groups.Tuple.tuple(uk, defaultMode(), 5L));
            assertThat(first.counts().scanned()).isEqualTo(37);

            // rescan: nothing changed
            DbScanSummary second = scanner.scan(request(t), DbScanProgress.NONE);
            assertThat(second.counts().scanned()).isZero();
            assertThat(second.counts().unchanged()).isEqualTo(37);

            // one row changed, one deleted
            try (Connection c = connect(t); Statement s = c.createStatement()) {
                c.setAutoCommit(true);
                s.executeUpdate("UPDATE uk_customers SET notes = 'Asked us to call 07400 123459 after six.' "
                        + "WHERE id = 2");
                s.executeUpdate("DELETE FROM uk_customers WHERE id = 4");
            }
            DbScanSummary third = scanner.scan(request(t), DbScanProgress.NONE);
            assertThat(third.counts().scanned()).isEqualTo(1);
            assertThat(third.counts().unchanged()).isEqualTo(35);
            assertThat(third.counts().deleted()).isEqualTo(1);
            assertThat(findings(store, uk)).filteredOn(f -> f.contains("id=2 | notes") || f.contains("id=4"))
                    .containsExactly(uk + "!/id=2 | notes | PHONE_NUMBER | 07*** ****59");

            // rows re-read by key, as subject export and verify do
            JdbcRowReader reader = context.getBean(JdbcRowReader.class);
            long sourceId = store.sources().getFirst().id();
            String locator = store.sources().getFirst().locator();
            assertThat(reader.reads(sourceId, locator)).isTrue();
            assertThat(reader.read(new RowLocation(sourceId, locator, uk, "id=4"), List.of("notes")))
                    .isInstanceOf(RowContent.Missing.class);
            RowContent two = reader.read(new RowLocation(sourceId, locator, uk, "id=2"), List.of("notes"));
            assertThat(((RowContent.Present) two).columns()).containsExactly(
                    Map.entry("notes", "Asked us to call 07400 123459 after six."));
            RowContent a1 = reader.read(new RowLocation(sourceId, locator, hostile, "select='A''1'"),
                    List.of(DbFixtures.HOSTILE_EMAIL));
            assertThat(((RowContent.Present) a1).columns()).containsExactly(
                    Map.entry(DbFixtures.HOSTILE_EMAIL, "zoe.quinn@example.com"));
            assertThat(reader.read(new RowLocation(sourceId, locator, hostile, "select='B,2=3'"), List.of()))
                    .isInstanceOf(RowContent.Present.class);
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> reader.read(new RowLocation(sourceId, locator,
                    t.prefix() + "sample_data", piicatcherRows.getFirst().substring(piicatcherRows.getFirst()
                            .indexOf("!/") + 2)), List.of()))
                    .isInstanceOf(org.piiscanner.scanner.subject.RowReadException.class)
                    .hasMessageContaining("no primary key");
        }
    }
}
