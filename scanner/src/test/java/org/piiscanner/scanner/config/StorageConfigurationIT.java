package org.piiscanner.scanner.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.piiscanner.scanner.PiiScannerApplication;
import org.piiscanner.scanner.index.IndexSync;
import org.piiscanner.scanner.index.LocationIndex;
import org.piiscanner.scanner.protect.KeyedHasher;
import org.piiscanner.scanner.protect.Protector;
import org.piiscanner.scanner.store.FindingStore;
import org.piiscanner.scanner.store.KeyMismatchException;
import org.piiscanner.scanner.store.ScanKind;
import org.piiscanner.scanner.testing.TestPostgres;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The application context on each database: Flyway creates the store's tables and Spring Batch's, a job runs
 * against the JDBC job repository, the key is generated and bound, the index opens; and on a second start
 * nothing is recreated.
 */
@ExtendWith(OutputCaptureExtension.class)
class StorageConfigurationIT {

    @TempDir
    Path dataDir;

    /** A one-step job proving the job repository works (registered as a source, not found by scanning). */
    static class TinyJob {
        @Bean
        Job tinyJob(JobRepository repository, PlatformTransactionManager transactions) {
            return new JobBuilder("tinyJob", repository)
                    .start(new StepBuilder("tinyStep", repository)
                            .tasklet((contribution, context) -> RepeatStatus.FINISHED, transactions).build())
                    .build();
        }
    }

    static ConfigurableApplicationContext start(Map<String, Object> properties, String... profiles) {
        List<String> args = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toList();
        return new SpringApplicationBuilder(PiiScannerApplication.class, TinyJob.class)
                .web(WebApplicationType.NONE).bannerMode(Banner.Mode.OFF).logStartupInfo(false)
                .profiles(profiles)
                .run(args.toArray(String[]::new));
    }

    @Test
    void startsOnAnEmbeddedH2FileDatabaseInTheDataDirectory(CapturedOutput output) throws Exception {
        String keyId;
        try (ConfigurableApplicationContext context = start(Map.of("pii.data-dir", dataDir))) {
            keyId = assertStorageWorks(context, "H2");
            assertThat(JdbcClient.create(context.getBean(DataSource.class))
                    .sql("SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_NAME = 'BATCH_JOB_INSTANCE'")
                    .query(Long.class).single()).isEqualTo(1);
        }
        assertThat(dataDir.resolve("store.mv.db")).isRegularFile();
        assertThat(dataDir.resolve("index")).isDirectory();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir.resolve("hmac.key"))))
                .isEqualTo("rw-------");
        // the one start-up line an operator needs to see (where the store and index are is logged at DEBUG)
        assertThat(output.getErr()).contains("HMAC key: generated a new key into " + dataDir.resolve("hmac.key"))
                .doesNotContain("findings store: embedded H2 database in");
        assertThat(output.getOut()).as("standard output belongs to command results").isEmpty();

        // a second start reuses everything: same key, migrations not re-run, job history kept
        try (ConfigurableApplicationContext again = start(Map.of("pii.data-dir", dataDir))) {
            assertThat(again.getBean(KeyedHasher.class).keyId()).isEqualTo(keyId);
            JdbcClient jdbc = JdbcClient.create(again.getBean(DataSource.class));
            assertThat(jdbc.sql("SELECT \"version\" FROM \"flyway_schema_history\" WHERE \"version\" IS NOT NULL")
                    .query(String.class).list()).doesNotHaveDuplicates().contains("1", "2", "2.7", "5");
            assertThat(jdbc.sql("SELECT COUNT(*) FROM BATCH_JOB_EXECUTION").query(Long.class).single()).isEqualTo(1);
            assertThat(jdbc.sql("SELECT COUNT(*) FROM scan_run").query(Long.class).single()).isEqualTo(1);
        }
    }

    @Test
    void startsOnPostgresqlGivenAJdbcUrlAndNeverLogsThePassword(CapturedOutput output) {
        TestPostgres.Database db = TestPostgres.newDatabase();
        String password = db.password().isEmpty() ? "trust-ignores-this-sentinel-password" : db.password();
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("pii.data-dir", dataDir);
        properties.put("pii.db.url", db.url());
        properties.put("pii.db.user", db.user());
        properties.put("PII_SCANNER_DB_PASSWORD", password);
        properties.put("logging.level.org.piiscanner", "DEBUG"); // the store's URL is logged at DEBUG
        try (ConfigurableApplicationContext context = start(properties)) {
            assertStorageWorks(context, "PostgreSQL");
            assertThat(JdbcClient.create(context.getBean(DataSource.class))
                    .sql("SELECT COUNT(*) FROM information_schema.tables WHERE table_name = 'batch_job_instance'")
                    .query(Long.class).single()).isEqualTo(1);
        }
        assertThat(dataDir.resolve("store.mv.db")).doesNotExist();
        assertThat(output.getErr()).contains("findings store: " + db.url()).doesNotContain(password);
    }

    @Test
    void thePostgresProfileReadsTheServerFromTheEnvironment() {
        TestPostgres.Database db = TestPostgres.newDatabase();
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("pii.data-dir", dataDir);
        properties.put("PII_SCANNER_DB_URL", db.url());
        properties.put("PII_SCANNER_DB_USER", db.user());
        properties.put("PII_SCANNER_DB_PASSWORD", db.password());
        try (ConfigurableApplicationContext context = start(properties, "postgres")) {
            assertStorageWorks(context, "PostgreSQL");
        }
    }

    @Test
    void aStoreBuiltUnderAnotherKeyRefusesToStart() {
        try (ConfigurableApplicationContext context = start(Map.of("pii.data-dir", dataDir))) {
            assertThat(context.getBean(FindingStore.class)).isNotNull();
        }
        String otherKey = Base64.getEncoder().encodeToString(new byte[32]);
        assertThatThrownBy(() -> start(Map.of("pii.data-dir", dataDir, "pii.hmac-key", otherKey)).close())
                .hasRootCauseInstanceOf(KeyMismatchException.class)
                .rootCause().hasMessageContaining("was built with the HMAC key whose id is");
    }

    @Test
    void anUnknownSettingIsAnErrorNotASilentDefault() {
        assertThatThrownBy(() -> start(Map.of("pii.data-dir", dataDir, "pii.db.pasword-env", "X")).close())
                .hasStackTraceContaining("pasword-env");
    }

    /** Flyway ran, the job repository works, the store is bound to the key, the index opens; returns the key id. */
    private static String assertStorageWorks(ConfigurableApplicationContext context, String database)
            throws RuntimeException {
        DataSource ds = context.getBean(DataSource.class);
        JdbcClient jdbc = JdbcClient.create(ds);
        try (var c = ds.getConnection()) {
            assertThat(c.getMetaData().getDatabaseProductName()).isEqualTo(database);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        assertThat(jdbc.sql("SELECT \"version\" FROM \"flyway_schema_history\" WHERE \"success\" = TRUE "
                + "AND \"version\" IS NOT NULL ORDER BY \"installed_rank\"").query(String.class).list())
                .startsWith("1", "2").contains("2.7", "3", "5"); // V3 the file scan's work list, V4: the database scan

        JobOperator jobs = context.getBean(JobOperator.class);
        JobExecution execution;
        try {
            execution = jobs.start(context.getBean("tinyJob", Job.class),
                    new JobParametersBuilder().addLong("run", 1L).toJobParameters());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM BATCH_STEP_EXECUTION").query(Long.class).single()).isEqualTo(1);

        FindingStore store = context.getBean(FindingStore.class);
        long run = store.startRun(ScanKind.FILES, "context test", "cfg");
        assertThat(store.findRun(run)).isPresent();
        String keyId = context.getBean(Protector.class).keyId();
        assertThat(jdbc.sql("SELECT meta_value FROM store_meta WHERE meta_key = 'hmac_key_id'").query(String.class)
                .single()).isEqualTo(keyId);
        assertThat(context.getBean(LocationIndex.class).count()).isZero();
        assertThat(context.getBean(IndexSync.class).repair()).isZero();
        return keyId;
    }
}
