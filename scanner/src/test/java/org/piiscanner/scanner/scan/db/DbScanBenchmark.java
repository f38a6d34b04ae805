package org.piiscanner.scanner.scan.db;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.piiscanner.classifiers.ColumnValueDetector;
import org.piiscanner.classifiers.DetectionEngine;
import org.piiscanner.scanner.PiiScannerApplication;
import org.piiscanner.scanner.protect.KeyedHasher;
import org.piiscanner.scanner.protect.Protector;
import org.piiscanner.scanner.store.FindingStore;
import org.piiscanner.scanner.testing.TestPostgres;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Not a test: measures the database scan and prints the figures.
 *
 * <ol>
 *   <li><b>Throughput</b> on PostgreSQL (embedded, or the server named by {@code PII_TEST_POSTGRES_URL}) over a
 *       generated table of {@code -Ddbscan.bench.rows} rows (default 200,000; generated names, e-mail addresses,
 *       UK mobile numbers and postcodes, a free-text note in one row in ten, two other columns): rows/s of (a) a
 *       plain JDBC keyset read of the columns the scan reads in full, (b) the scan's reader and detector over the
 *       same rows, one thread, with the column detectors of the scan's verdicts (detection on, no store writes) and
 *       (c) the whole {@code scan db} (sample, verdicts, row scan, store and index writes, report snapshot) into an
 *       embedded H2 store, or into a fresh PostgreSQL database with {@code -Ddbscan.bench.store=postgresql}; it
 *       prints the job's step times and the store's size. (a) and (b) alternate in the same session; medians of
 *       {@code -Ddbscan.bench.runs} runs (default 3). {@code -Ddbscan.bench.phases=quality,reader,whole} picks
 *       the parts to run.</li>
 *   <li><b>Column verdict quality</b> on H2: precision and recall of "this column holds personal data" and of the
 *       best entity type against the labels of the piicatcher sample ({@code column_labels.json}) and of the
 *       synthetic UK table.</li>
 * </ol>
 *
 * <pre>
 * PII_TEST_POSTGRES_URL='jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres' \
 * mvn -B -q -pl scanner -am test -Dtest=DbScanBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Ddbscan.bench.rows=200000 -Ddbscan.bench.runs=3
 * </pre>
 */
class DbScanBenchmark {

    @TempDir
    Path dir;

    static final List<String> SCANNED = List.of("full_name", "email", "phone", "postcode", "notes");

    /** The verdicts (all PERSONAL) the reader phase detects with: those the whole scan draws (it checks). */
    static final Map<String, List<String>> VERDICTS = Map.of("full_name", List.of("PERSON"), "email",
            List.of("EMAIL_ADDRESS"), "phone", List.of("PHONE_NUMBER"), "postcode", List.of("UK_POSTCODE"), "notes",
            List.of("PHONE_NUMBER", "PERSON"));

    @Test
    void measure() throws Exception {
        if (PHASES.contains("quality")) {
            quality();
        }
        throughput();
    }

    /** The phases to run: {@code -Ddbscan.bench.phases=quality,reader,whole} (the default: all three). */
    static final List<String> PHASES = List.of(System.getProperty("dbscan.bench.phases", "quality,reader,whole")
            .split(","));

    // ------------------------------------------------------------------------------------------------ quality

    /** Per column: the label's expected type (or "" for personal data none of our types names, null: not PII). */
    static final Map<String, String> PIICATCHER = Map.ofEntries(Map.entry("id", "US_SSN"), Map.entry("gender", ""),
            Map.entry("birthdate", "DATE_OF_BIRTH"), Map.entry("maiden_name", "PERSON"),
            Map.entry("lname", "PERSON"), Map.entry("fname", "PERSON"), Map.entry("address", "LOCATION"),
            Map.entry("city", "LOCATION"), Map.entry("state", "LOCATION"), Map.entry("zip", ""),
            Map.entry("phone", "PHONE_NUMBER"), Map.entry("email", "EMAIL_ADDRESS"), Map.entry("cc_type", "-"),
            Map.entry("cc_number", "CREDIT_CARD"), Map.entry("cc_cvc", ""), Map.entry("cc_expiredate", ""));
    static final Map<String, String> UK = Map.ofEntries(Map.entry("id", "-"), Map.entry("full_name", "PERSON"),
            Map.entry("ni_number", "UK_NINO"), Map.entry("sort_code", "UK_SORT_CODE_ACCOUNT"),
            Map.entry("account_number", "UK_SORT_CODE_ACCOUNT"), Map.entry("postcode", "UK_POSTCODE"),
            Map.entry("phone", "PHONE_NUMBER"), Map.entry("date_of_birth", "DATE_OF_BIRTH"),
            Map.entry("marketing_opt_in", ""), Map.entry("notes", ""), Map.entry("email_count", "-"));

    void quality() throws Exception {
        String url = "jdbc:h2:mem:quality-" + UUID.randomUUID() + ";DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1";
        try (Connection c = DriverManager.getConnection(url, "sa", "")) {
            DbFixtures.piicatcher(c);
            DbFixtures.ukCustomers(c);
            try (ConfigurableApplicationContext context = start(dir.resolve("quality"))) {
                DbScanner scanner = context.getBean(DbScanner.class);
                DbScanSummary s = scanner.scan(new DbScanRequest(new DbScanRequest.DbSourceSpec(url, "sa", null,
                        null), List.of(), List.of(), 1000, 42, false, null), DbScanProgress.NONE);
                List<ColumnVerdictRow> verdicts = scanner.verdicts(s.runId());
                int tp = 0, fp = 0, fn = 0, tn = 0, typed = 0, typedRight = 0;
                List<String> misses = new ArrayList<>();
                for (ColumnVerdictRow v : verdicts) {
                    Map<String, String> labels = v.table().equals("sample_data") ? PIICATCHER : UK;
                    String label = labels.get(v.column());
                    boolean personal = !"-".equals(label);
                    boolean predicted = v.verdict().equals("PERSONAL");
                    if (personal && predicted) {
                        tp++;
                    } else if (predicted) {
                        fp++;
                        misses.add("FP " + v.table() + "." + v.column());
                    } else if (personal) {
                        fn++;
                        misses.add("FN " + v.table() + "." + v.column());
                    } else {
                        tn++;
                    }
                    if (personal && !label.isEmpty()) {
                        typed++;
                        if (!v.types().isEmpty() && v.types().getFirst().equals(label)) {
                            typedRight++;
                        } else {
                            misses.add("type " + v.table() + "." + v.column() + ": " + v.types() + " for " + label);
                        }
                    }
                }
                System.out.printf(Locale.ROOT, "column verdicts (%d columns): personal-data precision %.3f "
                                + "(%d/%d), recall %.3f (%d/%d); best type right %d/%d (%.3f); misses %s%n",
                        verdicts.size(), tp / (double) (tp + fp), tp, tp + fp, tp / (double) (tp + fn), tp, tp + fn,
                        typedRight, typed, typedRight / (double) typed, misses);
            }
        }
    }

    // ------------------------------------------------------------------------------------------------ throughput

    void throughput() throws Exception {
        int rows = Integer.getInteger("dbscan.bench.rows", 200_000);
        int runs = Integer.getInteger("dbscan.bench.runs", 3);
        TestPostgres.Database db = TestPostgres.newDatabase();
        Properties props = new Properties();
        props.setProperty("user", db.user());
        props.setProperty("password", db.password());
        try (Connection c = DriverManager.getConnection(db.url(), props); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE bench_customers (id BIGINT PRIMARY KEY, full_name VARCHAR(100), "
                    + "email VARCHAR(200), phone VARCHAR(30), postcode VARCHAR(10), notes TEXT, status VARCHAR(20), "
                    + "amount NUMERIC(10,2))");
            // generated names: 40 given names x 50 surnames, so names repeat as in a real customer table
            s.execute("INSERT INTO bench_customers SELECT i, g || ' ' || f, lower(g) || '.' || lower(f) || i "
                    + "|| '@example.com', '07400 ' || lpad((100000 + i % 900000)::text, 6, '0'), "
                    + "(ARRAY['SW1A 1AA','M1 1AE','EC1A 1BB','B33 8TH','CR2 6XH'])[1 + i % 5], "
                    + "CASE WHEN i % 10 = 0 THEN 'Spoke to ' || g || ' about order ' || i || ', call back on 07400 "
                    + "123456 after five please.' END, "
                    + "(ARRAY['NEW','PAID','SHIPPED'])[1 + i % 3], (i % 1000) / 10.0 "
                    + "FROM (SELECT i, (" + sqlArray(GIVEN) + ")[1 + i % " + GIVEN.size() + "] AS g, ("
                    + sqlArray(FAMILY) + ")[1 + (i / " + GIVEN.size() + ") % " + FAMILY.size() + "] AS f "
                    + "FROM generate_series(1, " + rows + ") AS i) AS n");
            s.execute("ANALYZE bench_customers");
        }
        List<Double> plain = new ArrayList<>();
        List<Double> detected = new ArrayList<>();
        List<Double> whole = new ArrayList<>();
        if (PHASES.contains("reader")) {
            readerAndDetector(db, props, rows, runs, plain, detected);
            System.out.printf(Locale.ROOT, "plain read %s, reader + detector %s rows/s%n", plain, detected);
        }
        for (int r = 0; PHASES.contains("whole") && r < runs; r++) {
            Path data = dir.resolve("scan-" + r);
            Files.createDirectories(data);
            List<String> store = new ArrayList<>();
            if ("postgresql".equals(System.getProperty("dbscan.bench.store"))) {
                // the findings store on PostgreSQL (a fresh database per run) instead of the embedded H2
                TestPostgres.Database storeDb = TestPostgres.newDatabase();
                Path password = data.resolve("store-password");
                Files.writeString(password, storeDb.password());
                store.addAll(List.of("--pii.db.url=" + storeDb.url(), "--pii.db.user=" + storeDb.user(),
                        "--pii.db.password-file=" + password, "--pii.db.password-env=PII_BENCH_UNSET"));
            }
            try (ConfigurableApplicationContext context = start(data, store.toArray(String[]::new))) {
                DbScanner scanner = context.getBean(DbScanner.class);
                whole.add(rows / seconds(() -> {
                    DbScanSummary s = scanner.scan(new DbScanRequest(new DbScanRequest.DbSourceSpec(db.url(),
                            db.user(), null, null), List.of(), List.of(), 1000, 42, false, null), DbScanProgress.NONE);
                    check(s.counts().scanned(), rows);
                }));
                System.out.println("data directory after the scan: " + storeFiles(data));
                System.out.println("whole scan steps: " + context.getBean(JdbcTemplate.class).queryForList(
                        "SELECT STEP_NAME, START_TIME, END_TIME FROM BATCH_STEP_EXECUTION ORDER BY STEP_EXECUTION_ID")
                        .stream().map(m -> m.get("STEP_NAME") + " " + java.time.Duration.between(
                                ((java.sql.Timestamp) m.get("START_TIME")).toInstant(),
                                ((java.sql.Timestamp) m.get("END_TIME")).toInstant()).toMillis() + " ms").toList());
                for (ColumnVerdictRow v : scanner.verdicts(null)) {
                    if (VERDICTS.containsKey(v.column()) && (!VERDICTS.get(v.column()).equals(v.types())
                            || !v.verdict().equals("PERSONAL"))) {
                        throw new IllegalStateException("the scan's verdict on " + v.column() + " is "
                                + v.verdict() + " " + v.types() + ", the reader phase assumes "
                                + VERDICTS.get(v.column()));
                    }
                }
            }
            System.out.println("data directory after closing: " + storeFiles(data));
        }
        System.out.printf(Locale.ROOT, "%d rows, %d runs: plain JDBC keyset read %s rows/s (median %.0f); reader + "
                        + "detector %s rows/s (median %.0f, %.2fx the plain read); whole scan db into H2 %s rows/s "
                        + "(median %.0f, %.2fx)%n", rows, runs, plain, median(plain), detected, median(detected),
                median(detected) / median(plain), whole, median(whole), median(whole) / median(plain));
    }

    /** The store's files and sizes (the index left out). */
    static List<String> storeFiles(Path data) throws java.io.IOException {
        try (var files = Files.walk(data)) {
            return files.filter(Files::isRegularFile).filter(f -> !data.relativize(f).toString().startsWith("index"))
                    .map(f -> {
                        try {
                            return data.relativize(f) + "=" + Files.size(f) / 1024 + "K";
                        } catch (java.io.IOException e) {
                            return f + "=?";
                        }
                    }).toList();
        }
    }

    void readerAndDetector(TestPostgres.Database db, Properties props, int rows, int runs, List<Double> plain,
            List<Double> detected) throws Exception {
        try (ConfigurableApplicationContext context = start(dir.resolve("reader"))) {
            DbScanEngines engines = context.getBean(DbScanEngines.class);
            DetectionEngine engine = engines.engine(null);
            Protector protector = context.getBean(Protector.class);
            KeyedHasher hasher = context.getBean(KeyedHasher.class);
            FindingStore store = context.getBean(FindingStore.class);
            TablePlan plan = new TablePlan(0, null, "public", "bench_customers", "public.bench_customers",
                    List.of("id"), List.of(Catalog.KeyKind.INTEGER), SCANNED, TablePlan.Mode.XMIN, null, rows);
            for (int r = 0; r < runs; r++) {
                plain.add(rows / seconds(() -> plainRead(db, props, rows)));
                detected.add(rows / seconds(() -> {
                    TableRowReader reader = new TableRowReader(new DbSource(db.url(), db.user(), null, null),
                            name -> null, plan, store, 1, null, null, 500, hasher);
                    Map<String, ColumnValueDetector> columns = new java.util.LinkedHashMap<>();
                    VERDICTS.forEach((column, types) -> columns.put(column, engines.columnDetector(null, column,
                            "PERSONAL", types)));
                    RowDetector detector = new RowDetector(engine, columns, protector, hasher, "bench", true,
                            List.of());
                    reader.open(new ExecutionContext());
                    long n = 0;
                    for (RowItem item = reader.read(); item != null; item = reader.read()) {
                        detector.process(item);
                        n++;
                    }
                    reader.close();
                    check(n, rows);
                }));
            }
        }
    }

    static final List<String> GIVEN = List.of("Oliver", "Amelia", "George", "Isla", "Harry", "Ava", "Noah",
            "Mia", "Jack", "Ivy", "Leo", "Lily", "Arthur", "Freya", "Muhammad", "Florence", "Oscar", "Grace",
            "Charlie", "Sophia", "Henry", "Rosie", "Theo", "Ella", "Alfie", "Evie", "Archie", "Poppy", "Thomas",
            "Willow", "Joshua", "Emily", "James", "Ruby", "William", "Daisy", "Samuel", "Layla", "Finley", "Zara");
    static final List<String> FAMILY = List.of("Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson",
            "Johnson", "Davies", "Patel", "Robinson", "Wright", "Thompson", "Evans", "Walker", "White", "Roberts",
            "Green", "Hall", "Thomas", "Clarke", "Jackson", "Wood", "Harris", "Edwards", "Turner", "Martin",
            "Cooper", "Hill", "Ward", "Hughes", "Moore", "Clark", "King", "Harrison", "Lewis", "Baker", "Lee",
            "Allen", "Morris", "Khan", "Scott", "Watson", "Davis", "Parker", "James", "Bennett", "Young", "Phillips",
            "Richardson", "Mitchell");

    static String sqlArray(List<String> xs) {
        return "ARRAY[" + String.join(",", xs.stream().map(x -> "'" + x + "'").toList()) + "]";
    }

    static void plainRead(TestPostgres.Database db, Properties props, int rows) throws Exception {
        try (Connection c = DriverManager.getConnection(db.url(), props)) {
            c.setReadOnly(true);
            c.setAutoCommit(false);
            long last = Long.MIN_VALUE;
            long n = 0;
            long chars = 0;
            while (true) {
                int page = 0;
                try (PreparedStatement ps = c.prepareStatement("SELECT id, " + String.join(", ", SCANNED)
                        + " FROM bench_customers WHERE id > ? ORDER BY id LIMIT 500")) {
                    ps.setLong(1, last);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            last = rs.getLong(1);
                            for (int i = 2; i <= 6; i++) {
                                String v = rs.getString(i);
                                chars += v == null ? 0 : v.length();
                            }
                            page++;
                            n++;
                        }
                    }
                }
                if (page < 500) {
                    break;
                }
            }
            c.rollback();
            check(n, rows);
            if (chars == 0) {
                throw new IllegalStateException("read nothing");
            }
        }
    }

    static void check(long n, long rows) {
        if (n != rows) {
            throw new IllegalStateException("read " + n + " rows, expected " + rows);
        }
    }

    interface Work {
        void run() throws Exception;
    }

    static double seconds(Work w) throws Exception {
        long t0 = System.nanoTime();
        w.run();
        return (System.nanoTime() - t0) / 1e9;
    }

    static double median(List<Double> xs) {
        if (xs.isEmpty()) {
            return Double.NaN;
        }
        List<Double> s = new ArrayList<>(xs);
        s.sort(null);
        return s.get(s.size() / 2);
    }

    static ConfigurableApplicationContext start(Path data, String... more) {
        List<String> args = new ArrayList<>(List.of("--pii.data-dir=" + data));
        args.addAll(List.of(more));
        return new SpringApplicationBuilder(PiiScannerApplication.class).web(WebApplicationType.NONE)
                .bannerMode(Banner.Mode.OFF).logStartupInfo(false).run(args.toArray(String[]::new));
    }
}
