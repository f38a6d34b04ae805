package org.piiscanner.scanner.scan.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.piiscanner.scanner.PiiScannerApplication;
import org.piiscanner.scanner.protect.KeyedHasher;
import org.piiscanner.scanner.store.FindingStore;
import org.piiscanner.scanner.store.LocationQuery;
import org.piiscanner.scanner.store.LocationRecord;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A table larger than {@code pii.db-scan.partition-rows} is read in key ranges, in pages smaller than a range, and
 * every row exactly once; a reader reopened with the last key of its execution context resumes after it.
 */
class DbScanPartitionIT {

    @TempDir
    Path dir;

    @Test
    void keyRangesPagesAndRestart() throws Exception {
        String url = "jdbc:h2:mem:big-" + UUID.randomUUID() + ";DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1";
        try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE contacts (id BIGINT PRIMARY KEY, email VARCHAR(100))");
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO contacts VALUES (?, ?)")) {
                for (int i = 1; i <= 50; i++) {
                    ps.setLong(1, i * 3L); // gaps in the key
                    ps.setString(2, "person" + i + "@example.com");
                    ps.executeUpdate();
                }
            }
            try (ConfigurableApplicationContext context = new SpringApplicationBuilder(PiiScannerApplication.class)
                    .web(WebApplicationType.NONE).bannerMode(Banner.Mode.OFF).logStartupInfo(false)
                    .run("--pii.data-dir=" + dir.resolve("pii-data"), "--pii.db-scan.partition-rows=10",
                            "--pii.db-scan.page-size=7", "--pii.db-scan.threads=3")) {
                DbScanSummary summary = context.getBean(DbScanner.class).scan(new DbScanRequest(
                        new DbScanRequest.DbSourceSpec(url, "sa", null, null), List.of(), List.of(), 5, 42, false,
                        null), DbScanProgress.NONE);
                assertThat(summary.failure()).isNull();
                assertThat(summary.counts().scanned()).isEqualTo(50);
                assertThat(summary.counts().findings()).isEqualTo(50);
                FindingStore store = context.getBean(FindingStore.class);
                List<String> paths = store.listLocations(LocationQuery.all(), null, 1000).items().stream()
                        .map(LocationRecord::path).sorted().toList();
                List<String> expected = new ArrayList<>();
                for (int i = 1; i <= 50; i++) {
                    expected.add("public.contacts!/id=" + i * 3);
                }
                expected.sort(null);
                assertThat(paths).isEqualTo(expected);
                List<ColumnVerdictRow> verdicts = context.getBean(DbScanner.class).verdicts(null);
                assertThat(verdicts).filteredOn(v -> v.column().equals("email")).singleElement()
                        .satisfies(v -> assertThat(v.coverage()).isEqualTo("5 of 50 rows sampled, seed 42; read in "
                                + "full"));

                // reports: the column judged from a partial sample and not read in full
                assertThat(context.getBean(SampledColumns.class).notes(store.sources().getFirst(),
                        store.findRun(summary.runId()).orElseThrow())).containsExactly(
                        new org.piiscanner.scanner.report.CoverageNote("public.contacts.id", "SAMPLED",
                                "5 of 50 rows, seed 42"));

                // restart: a reader reopened with the last key of its execution context resumes after it
                DbScanStore dbStore = context.getBean(DbScanStore.class);
                long sourceId = store.sources().getFirst().id();
                TablePlan plan = dbStore.tables(summary.runId(), sourceId).getFirst();
                TableRowReader reader = new TableRowReader(new DbSource(url, "sa", null, null), name -> null, plan,
                        store, sourceId, null, null, 7, context.getBean(KeyedHasher.class));
                ExecutionContext saved = new ExecutionContext();
                saved.putString(TableRowReader.LAST_KEY, "id=135");
                reader.open(saved);
                List<String> resumed = new ArrayList<>();
                for (RowItem r = reader.read(); r != null; r = reader.read()) {
                    resumed.add(r.path().segments().get(1));
                }
                reader.update(saved);
                reader.close();
                assertThat(resumed).containsExactly("id=138", "id=141", "id=144", "id=147", "id=150");
                assertThat(saved.getString(TableRowReader.LAST_KEY)).isEqualTo("id=150");
            }
        }
    }
}
