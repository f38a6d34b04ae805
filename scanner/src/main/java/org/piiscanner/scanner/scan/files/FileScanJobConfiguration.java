package org.piiscanner.scanner.scan.files;

import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.piiscanner.scanner.config.PiiProperties;
import org.piiscanner.scanner.index.IndexSync;
import org.piiscanner.scanner.protect.Protector;
import org.piiscanner.scanner.store.FindingStore;
import org.piiscanner.scanner.store.RunStatus;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.configuration.annotation.JobScope;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.listener.ChunkListener;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemProcessor;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.batch.infrastructure.item.database.JdbcPagingItemReader;
import org.springframework.batch.infrastructure.item.database.Order;
import org.springframework.batch.infrastructure.item.database.builder.JdbcPagingItemReaderBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The file-share scan, {@code fileScanJob}: {@code walkStep} lists the files under the roots into the run's work
 * list; {@code scanStep} partitions it across threads ({@code gridSize} partitions, one thread each), whose
 * {@code scanWorkerStep} reads its files in chunks ({@code fileItemReader}), scans each one
 * ({@code fileScanProcessor}: fingerprint, extract, detect, protect) and records the chunk
 * ({@code fileOutcomeWriter}: store, then index); {@code finishStep} records what vanished as deleted and
 * completes the run.
 *
 * <p>Restartable: every step's state is in the job repository (the reader's position per partition), every store
 * write is idempotent, and the index is repaired from the store at the start and end of every execution. A
 * restarted instance continues the same store run ({@link FileScanLauncher} finds it).
 */
@Configuration(proxyBeanMethods = false)
public class FileScanJobConfiguration {

    /** The job's name in the job repository. */
    public static final String JOB_NAME = "fileScanJob";

    private static final String PARAMS = "#{jobExecution.jobParameters}";
    private static final String STEP_PARAMS = "#{stepExecution.jobExecution.jobParameters}";

    @Bean
    ScanProgress scanProgress() {
        return new ScanProgress();
    }

    @Bean
    ScanComponents scanComponents() {
        return new ScanComponents();
    }

    @Bean
    FileScanLauncher fileScanLauncher(org.springframework.batch.core.launch.JobOperator jobOperator,
            JobRepository jobRepository, Job fileScanJob, FindingStore store, ScanProgress scanProgress) {
        return new FileScanLauncher(jobOperator, jobRepository, fileScanJob, store, scanProgress);
    }

    @Bean
    Job fileScanJob(JobRepository jobRepository, Step walkStep, Step scanStep, Step finishStep,
            JobExecutionListener fileScanListener) {
        return new JobBuilder(JOB_NAME, jobRepository)
                .listener(fileScanListener)
                .start(walkStep)
                .next(scanStep)
                .next(finishStep)
                .build();
    }

    /** Reopens the store run of a restarted execution, repairs the index; marks the run failed if the job is. */
    @Bean
    JobExecutionListener fileScanListener(FindingStore store, IndexSync sync) {
        return new JobExecutionListener() {
            @Override
            public void beforeJob(JobExecution execution) {
                store.reopenRun(FileScanParameters.of(execution.getJobParameters()).runId());
                sync.repair();
            }

            @Override
            public void afterJob(JobExecution execution) {
                long runId = FileScanParameters.of(execution.getJobParameters()).runId();
                sync.commit();
                sync.repair();
                if (execution.getStatus() != BatchStatus.COMPLETED) {
                    store.finishRun(runId, execution.getStatus() == BatchStatus.STOPPED ? RunStatus.STOPPED
                            : RunStatus.FAILED);
                }
            }
        };
    }

    @Bean
    Step walkStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            Tasklet fileTreeWalker) {
        return new StepBuilder("walkStep", jobRepository).tasklet(fileTreeWalker, transactionManager).build();
    }

    @Bean
    @JobScope
    Tasklet fileTreeWalker(@Value(PARAMS) JobParameters parameters, FindingStore store, DataSource dataSource,
            ScanProgress scanProgress) {
        return new FileTreeWalker(store, new JdbcTemplate(dataSource), scanProgress,
                FileScanParameters.of(parameters));
    }

    @Bean
    Step scanStep(JobRepository jobRepository, Partitioner filePartitioner, Step scanWorkerStep) {
        SimpleAsyncTaskExecutor threads = new SimpleAsyncTaskExecutor("pii-scan-");
        threads.setDaemon(true);
        return new StepBuilder("scanStep", jobRepository)
                .partitioner("scanWorkerStep", filePartitioner)
                .step(scanWorkerStep)
                .taskExecutor(threads)
                .build();
    }

    /** One partition per thread: partition {@code n} scans the work list's rows whose {@code partition_no} is n. */
    @Bean
    @JobScope
    Partitioner filePartitioner(@Value(PARAMS) JobParameters parameters, DataSource dataSource,
            ScanProgress scanProgress) {
        FileScanParameters p = FileScanParameters.of(parameters);
        return ignored -> {
            if (scanProgress.totalFiles() == 0) { // a restart: the walk step did not run again
                new JdbcTemplate(dataSource).query("SELECT COUNT(*), COALESCE(SUM(size_bytes), 0) FROM file_scan_item "
                        + "WHERE run_id = ?", rs -> {
                            scanProgress.total(rs.getLong(1), rs.getLong(2));
                        }, p.runId());
            }
            Map<String, ExecutionContext> partitions = new HashMap<>();
            for (int i = 0; i < p.gridSize(); i++) {
                ExecutionContext context = new ExecutionContext();
                context.putInt("partition", i);
                partitions.put("partition" + i, context);
            }
            return partitions;
        };
    }

    @Bean
    Step scanWorkerStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            JdbcPagingItemReader<FileItem> fileItemReader, ItemProcessor<FileItem, FileOutcome> fileScanProcessor,
            ItemWriter<FileOutcome> fileOutcomeWriter, IndexSync sync, PiiProperties properties) {
        return new StepBuilder("scanWorkerStep", jobRepository)
                .<FileItem, FileOutcome>chunk(properties.scan().chunkSize())
                .transactionManager(transactionManager)
                .reader(fileItemReader)
                .processor(fileScanProcessor)
                .writer(fileOutcomeWriter)
                .listener(new ChunkListener<FileItem, FileOutcome>() {
                    @Override
                    public void afterChunk(org.springframework.batch.infrastructure.item.Chunk<FileOutcome> c) {
                        sync.commitIfDue();
                    }
                })
                .build();
    }

    /** A partition's files, in walk order; restarts after the last committed chunk. */
    @Bean
    @StepScope
    JdbcPagingItemReader<FileItem> fileItemReader(@Value(STEP_PARAMS) JobParameters parameters,
            @Value("#{stepExecutionContext['partition']}") Integer partition, DataSource dataSource)
            throws Exception {
        return new JdbcPagingItemReaderBuilder<FileItem>()
                .name("fileItemReader")
                .dataSource(dataSource)
                .selectClause("SELECT run_id, seq, source_id, root_dir, rel_path, size_bytes, modified_millis")
                .fromClause("FROM file_scan_item")
                .whereClause("WHERE run_id = :run AND partition_no = :partition")
                .parameterValues(Map.of("run", FileScanParameters.of(parameters).runId(), "partition", partition))
                .sortKeys(Map.of("seq", Order.ASCENDING))
                .pageSize(100)
                .rowMapper((rs, i) -> new FileItem(rs.getLong("run_id"), rs.getLong("seq"), rs.getLong("source_id"),
                        rs.getString("root_dir"), rs.getString("rel_path"), rs.getLong("size_bytes"),
                        rs.getLong("modified_millis")))
                .build();
    }

    @Bean
    @StepScope
    FileScanProcessor fileScanProcessor(@Value(STEP_PARAMS) JobParameters parameters,
            FindingStore store, Protector protector, ScanComponents scanComponents, PiiProperties properties) {
        FileScanParameters p = FileScanParameters.of(parameters);
        return new FileScanProcessor(store, scanComponents.extractor(p), scanComponents.engine(p.detectorConfig()),
                protector, p.configHash(), properties.index().wordTokens(), p.maxFileSize());
    }

    @Bean
    ItemWriter<FileOutcome> fileOutcomeWriter(FindingStore store, IndexSync sync, ScanProgress scanProgress) {
        return new FileOutcomeWriter(store, sync, scanProgress);
    }

    @Bean
    Step finishStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            Tasklet scanFinisher) {
        return new StepBuilder("finishStep", jobRepository).tasklet(scanFinisher, transactionManager).build();
    }

    @Bean
    @JobScope
    Tasklet scanFinisher(@Value(PARAMS) JobParameters parameters, FindingStore store, IndexSync sync,
            DataSource dataSource) {
        return new ScanFinisher(store, sync, new JdbcTemplate(dataSource),
                FileScanParameters.of(parameters).runId());
    }
}
