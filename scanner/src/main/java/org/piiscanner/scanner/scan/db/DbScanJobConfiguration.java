package org.piiscanner.scanner.scan.db;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import javax.sql.DataSource;
import org.piiscanner.classifiers.ColumnValueDetector;
import org.piiscanner.scanner.config.PiiProperties;
import org.piiscanner.scanner.index.IndexSync;
import org.piiscanner.scanner.protect.KeyedHasher;
import org.piiscanner.scanner.protect.Protector;
import org.piiscanner.scanner.store.FindingStore;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.task.TaskExecutor;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The {@code dbScanJob}: plan (discover, sample, verdicts), then the partitioned row scan, then the end-of-scan
 * bookkeeping (rows gone since the last scan, index). Job parameters: {@code runId}, {@code sourceId} (the store's
 * run and source), {@code url}, {@code user}, {@code passwordEnv}, {@code passwordFile}, {@code include},
 * {@code exclude} (globs, one per line), {@code sample}, {@code seed}, {@code full}, {@code config}. No password
 * and no value is ever a parameter or in an execution context.
 */
@Configuration(proxyBeanMethods = false)
public class DbScanJobConfiguration {

    static final String JOB = "dbScanJob";

    @Bean
    DbScanStore dbScanStore(DataSource dataSource) {
        return new DbScanStore(dataSource);
    }

    @Bean
    DbScanEngines dbScanEngines() {
        return new DbScanEngines();
    }

    @Bean
    DbScanProgressHolder dbScanProgressHolder() {
        return new DbScanProgressHolder();
    }

    /**
     * Resolves password variables: the process environment, then Java system properties (for tests and embedding).
     * Never Spring properties: a variable named like {@code pii.hmac-key} must not hand a secret to another database.
     */
    static UnaryOperator<String> environment(Environment environment) {
        return name -> {
            String value = System.getenv(name);
            return value != null ? value : System.getProperty(name);
        };
    }

    @Bean
    Step dbPlanStep(JobRepository jobRepository, PlatformTransactionManager transactionManager, DbScanStore dbStore,
            DbScanEngines engines, PiiProperties properties, Environment environment,
            DbScanProgressHolder progress) {
        return new StepBuilder("dbPlanStep", jobRepository).tasklet((contribution, chunk) -> {
            Map<String, Object> p = chunk.getStepContext().getJobParameters();
            DbScanRequest request = request(p);
            new TablePlanner(dbStore, properties.dbScan(), environment(environment)).plan(request,
                    (Long) p.get("runId"), (Long) p.get("sourceId"), engines.engine(request.detectorConfig()),
                    progress.get());
            return RepeatStatus.FINISHED;
        }, transactionManager).build();
    }

    /** The request recorded in the job parameters. */
    static DbScanRequest request(Map<String, Object> p) {
        String file = (String) p.get("passwordFile");
        String config = (String) p.get("config");
        return new DbScanRequest(new DbScanRequest.DbSourceSpec((String) p.get("url"), (String) p.get("user"),
                (String) p.get("passwordEnv"), file == null || file.isEmpty() ? null : Path.of(file)),
                lines((String) p.get("include")), lines((String) p.get("exclude")),
                ((Long) p.get("sample")).intValue(), (Long) p.get("seed"), "true".equals(p.get("full")),
                config == null || config.isEmpty() ? null : Path.of(config));
    }

    private static List<String> lines(String s) {
        return s == null || s.isEmpty() ? List.of() : Arrays.asList(s.split("\n"));
    }

    /**
     * One partition per table, and per key range for a table of more than {@code pii.db-scan.partition-rows} rows
     * with an integer key. A partition's context holds the table plan's id and the range bounds: no values.
     */
    @Bean
    @StepScope
    Partitioner dbTablePartitioner(DbScanStore dbStore, PiiProperties properties, Environment environment,
            @Value("#{jobParameters}") Map<String, Object> parameters) {
        return gridSize -> {
            long runId = (Long) parameters.get("runId");
            long sourceId = (Long) parameters.get("sourceId");
            long partitionRows = properties.dbScan().partitionRows();
            Map<String, ExecutionContext> out = new LinkedHashMap<>();
            for (TablePlan t : dbStore.tables(runId, sourceId)) {
                if (t.scanColumns().isEmpty()) {
                    continue; // nothing to read in full
                }
                long ranges = t.rowCount() / Math.max(1, partitionRows) + 1;
                if (ranges > 1 && t.keyColumns().size() == 1 && t.keyKinds().getFirst() == Catalog.KeyKind.INTEGER) {
                    long[] minMax = minMax(request(parameters).source(), environment(environment), t);
                    long span = Math.max(1, (minMax[1] - minMax[0] + 1) / Math.min(ranges, 64));
                    long lo = minMax[0];
                    int n = 0;
                    while (lo <= minMax[1]) {
                        ExecutionContext c = context(t);
                        if (n > 0) {
                            c.putLong("lo", lo);
                        }
                        long hi = lo + span;
                        if (hi <= minMax[1]) {
                            c.putLong("hi", hi);
                        }
                        out.put("table" + t.id() + "-range" + n++, c);
                        lo = hi;
                    }
                } else {
                    out.put("table" + t.id(), context(t));
                }
            }
            return out;
        };
    }

    private static ExecutionContext context(TablePlan t) {
        ExecutionContext c = new ExecutionContext();
        c.putLong("tableId", t.id());
        return c;
    }

    private static long[] minMax(DbSource source, UnaryOperator<String> environment, TablePlan t) {
        try (Connection c = source.connect(environment)) {
            Catalog catalog = new Catalog(c);
            String key = catalog.quote(t.keyColumns().getFirst());
            try (PreparedStatement ps = c.prepareStatement("SELECT MIN(" + key + "), MAX(" + key + ") FROM "
                    + catalog.qualified(t.table())); ResultSet rs = ps.executeQuery()) {
                rs.next();
                long[] r = {rs.getLong(1), rs.getLong(2)};
                c.rollback();
                return r;
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("cannot read the key range of " + t.display() + ": " + e.getMessage(), e);
        }
    }

    @Bean
    @StepScope
    TableRowReader dbRowReader(DbScanStore dbStore, FindingStore store, KeyedHasher hasher,
            PiiProperties properties, Environment environment,
            @Value("#{jobParameters}") Map<String, Object> parameters,
            @Value("#{stepExecutionContext['tableId']}") Long tableId,
            @Value("#{stepExecutionContext['lo']}") Long lo, @Value("#{stepExecutionContext['hi']}") Long hi) {
        TablePlan plan = dbStore.table(tableId).orElseThrow();
        return new TableRowReader(request(parameters).source(), environment(environment), plan, store,
                (Long) parameters.get("sourceId"), lo, hi, properties.dbScan().pageSize(), hasher);
    }

    @Bean
    @StepScope
    RowDetector dbRowDetector(DbScanEngines engines, Protector protector, KeyedHasher hasher, DbScanStore dbStore,
            PiiProperties properties, @Value("#{jobParameters}") Map<String, Object> parameters,
            @Value("#{stepExecutionContext['tableId']}") Long tableId) {
        DbScanRequest request = request(parameters);
        TablePlan plan = dbStore.table(tableId).orElseThrow();
        List<ColumnVerdictRow> verdicts = dbStore.verdicts((Long) parameters.get("runId"),
                (Long) parameters.get("sourceId")).stream()
                .filter(v -> v.display().equals(plan.display()) && plan.scanColumns().contains(v.column()))
                .toList();
        List<String> pair = verdicts.stream().filter(v -> v.types().contains("UK_SORT_CODE_ACCOUNT"))
                .map(ColumnVerdictRow::column)
                .sorted(java.util.Comparator.comparing((String c) -> !VerdictRules.words(c).contains("sort")))
                .toList();
        Map<String, ColumnValueDetector> columns = new LinkedHashMap<>();
        for (ColumnVerdictRow v : verdicts) {
            columns.put(v.column(), engines.columnDetector(request.detectorConfig(), v.column(), v.verdict(),
                    v.types()));
        }
        return new RowDetector(engines.engine(request.detectorConfig()), columns, protector, hasher,
                engines.configHash(request.detectorConfig(), plan.scanColumns()), properties.index().wordTokens(),
                pair.size() == 2 ? pair : List.of());
    }

    @Bean
    @StepScope
    RowWriter dbRowWriter(FindingStore store, IndexSync indexSync, DbScanProgressHolder progress,
            @Value("#{jobParameters}") Map<String, Object> parameters) {
        return new RowWriter(store, indexSync, (Long) parameters.get("runId"), (Long) parameters.get("sourceId"),
                progress.get());
    }

    @Bean
    Step dbScanWorkerStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            TableRowReader dbRowReader, RowDetector dbRowDetector, RowWriter dbRowWriter, PiiProperties properties) {
        return new StepBuilder("dbScanWorkerStep", jobRepository)
                .<RowItem, RowResult>chunk(properties.dbScan().pageSize())
                .transactionManager(transactionManager)
                .reader(dbRowReader)
                .processor(dbRowDetector)
                .writer(dbRowWriter)
                .build();
    }

    @Bean
    TaskExecutor dbScanTaskExecutor(PiiProperties properties) {
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
        executor.setCorePoolSize(Math.max(1, properties.dbScan().threads()));
        executor.setMaxPoolSize(Math.max(1, properties.dbScan().threads()));
        executor.setThreadNamePrefix("db-scan-");
        executor.setDaemon(true);
        executor.initialize();
        return executor;
    }

    @Bean
    Step dbScanStep(JobRepository jobRepository, Step dbScanWorkerStep, Partitioner dbTablePartitioner,
            TaskExecutor dbScanTaskExecutor, PiiProperties properties) {
        return new StepBuilder("dbScanStep", jobRepository)
                .partitioner("dbScanWorkerStep", dbTablePartitioner)
                .step(dbScanWorkerStep)
                .gridSize(Math.max(1, properties.dbScan().threads()))
                .taskExecutor(dbScanTaskExecutor)
                .build();
    }

    /** Rows not seen by this run are gone: marks them deleted, drops their index documents, commits the index. */
    @Bean
    Step dbFinishStep(JobRepository jobRepository, PlatformTransactionManager transactionManager, FindingStore store,
            IndexSync indexSync) {
        return new StepBuilder("dbFinishStep", jobRepository).tasklet((contribution, chunk) -> {
            Map<String, Object> p = chunk.getStepContext().getJobParameters();
            List<Long> gone = store.markDeletedNotSeen((Long) p.get("runId"), (Long) p.get("sourceId"));
            gone.forEach(indexSync::delete);
            return RepeatStatus.FINISHED;
        }, transactionManager).build();
    }

    @Bean
    Job dbScanJob(JobRepository jobRepository, Step dbPlanStep, Step dbScanStep, Step dbFinishStep) {
        return new JobBuilder(JOB, jobRepository).start(dbPlanStep).next(dbScanStep).next(dbFinishStep).build();
    }
}
