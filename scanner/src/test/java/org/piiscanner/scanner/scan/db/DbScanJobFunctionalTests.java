package org.piiscanner.scanner.scan.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.piiscanner.scanner.PiiScannerApplication;
import org.piiscanner.scanner.store.FindingStore;
import org.piiscanner.scanner.store.ScanKind;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobInstanceAlreadyCompleteException;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.test.JobOperatorTestUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The {@code dbScanJob} through Spring Batch's test utilities: the plan step alone records the verdicts (and does
 * nothing more when run again), the whole job completes, and a completed instance is not run twice. The utilities
 * are built by hand rather than by {@code @SpringBatchTest}, which wants the context's only job.
 */
@SpringBootTest(classes = PiiScannerApplication.class)
class DbScanJobFunctionalTests {

    @TempDir
    static Path dir;

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("pii.data-dir", () -> dir.resolve("pii-data").toString());
    }

    @Autowired
    JobOperator jobOperator;
    @Autowired
    JobRepository jobRepository;
    @Autowired
    Job dbScanJob;
    @Autowired
    FindingStore store;
    @Autowired
    DbScanStore dbStore;

    JobParameters parameters(String url) {
        long runId = store.startRun(ScanKind.DB, "test", "cfg");
        long sourceId = store.upsertSource(runId, ScanKind.DB, url);
        return new JobParametersBuilder().addLong("runId", runId).addLong("sourceId", sourceId, false)
                .addString("url", url, false).addString("user", "sa", false).addString("passwordEnv", "", false)
                .addString("passwordFile", "", false).addString("include", "", false)
                .addString("exclude", "", false).addLong("sample", 100L, false).addLong("seed", 42L, false)
                .addString("full", "false", false).addString("config", "", false).toJobParameters();
    }

    @Test
    void planStepThenWholeJob() throws Exception {
        String url = "jdbc:h2:mem:job-" + UUID.randomUUID() + ";DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1";
        try (Connection c = DriverManager.getConnection(url, "sa", "")) {
            DbFixtures.ukCustomers(c);
            JobOperatorTestUtils utils = new JobOperatorTestUtils(jobOperator, jobRepository);
            utils.setJob(dbScanJob);

            JobParameters plan = parameters(url);
            JobExecution step = utils.startStep("dbPlanStep", plan, new ExecutionContext());
            assertThat(step.getStatus()).isEqualTo(BatchStatus.COMPLETED);
            long runId = plan.getLong("runId");
            long sourceId = plan.getLong("sourceId");
            assertThat(dbStore.tables(runId, sourceId)).singleElement().satisfies(t -> {
                assertThat(t.display()).isEqualTo("public.uk_customers");
                assertThat(t.keyColumns()).containsExactly("id");
                assertThat(t.scanColumns()).containsExactly("full_name", "ni_number", "sort_code", "account_number",
                        "postcode", "phone", "date_of_birth", "notes");
                assertThat(t.mode()).isEqualTo(TablePlan.Mode.ROW_HASH);
            });
            assertThat(dbStore.verdicts(runId)).hasSize(11);
            utils.startStep("dbPlanStep", new JobParametersBuilder(plan).addLong("attempt", 2L).toJobParameters(),
                    new ExecutionContext());
            assertThat(dbStore.verdicts(runId)).as("planning a run twice records nothing twice").hasSize(11);

            JobParameters whole = parameters(url);
            JobExecution job = utils.startJob(whole);
            assertThat(job.getStatus()).isEqualTo(BatchStatus.COMPLETED);
            assertThat(job.getStepExecutions()).extracting(s -> s.getStepName()).contains("dbPlanStep", "dbScanStep",
                    "dbFinishStep", "dbScanWorkerStep:table" + dbStore.tables(whole.getLong("runId"),
                            whole.getLong("sourceId")).getFirst().id());
            assertThat(store.runCounts(whole.getLong("runId")).scanned()).isEqualTo(5);
            assertThatThrownBy(() -> utils.startJob(whole)).isInstanceOf(JobInstanceAlreadyCompleteException.class);
        }
    }
}
