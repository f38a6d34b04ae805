package org.piiscanner.scanner;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.piiscanner.classifiers.EntityType;
import org.piiscanner.classifiers.Finding;
import org.piiscanner.scanner.index.IndexSync;
import org.piiscanner.scanner.index.LocationDocument;
import org.piiscanner.scanner.protect.FindingPosition;
import org.piiscanner.scanner.protect.ProtectedFinding;
import org.piiscanner.scanner.protect.Protector;
import org.piiscanner.scanner.protect.ValueNormalizer;
import org.piiscanner.scanner.store.FindingStore;
import org.piiscanner.scanner.store.Fingerprint;
import org.piiscanner.scanner.store.LocationPath;
import org.piiscanner.scanner.store.LocationQuery;
import org.piiscanner.scanner.store.LocationRecord;
import org.piiscanner.scanner.store.RunStatus;
import org.piiscanner.scanner.store.ScanKind;
import org.piiscanner.scanner.store.ScannedLocation;
import org.piiscanner.scanner.store.SkipReason;
import org.piiscanner.scanner.store.StoredFinding;
import org.piiscanner.scanner.testing.Fixtures;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Nothing outside the source holds a raw value: planted values of every type are found, protected, stored and
 * indexed through the application context (with every logger of ours and of Spring JDBC at TRACE), then the data
 * directory's files, the database's text columns, the index's terms and stored fields, the captured logs and the
 * report command's outputs (HTML, CSV, JSON; which must not hold a keyed hash either) are searched for each value,
 * its compact and its canonical form. Positive controls (a sentinel path and skip detail)
 * prove each search can see plaintext when it is there.
 */
@ExtendWith(OutputCaptureExtension.class)
class NoRawValueIT {

    private static final String SENTINEL_PATH = "SENTINELPATH7f3a";
    private static final String SENTINEL_DETAIL = "SENTINELDETAIL9c1e";

    /** Planted values: published test numbers, specimen documents, documentation ranges, an invented name. */
    private static final Map<EntityType, String> PLANTED = planted();

    @TempDir
    Path dataDir;

    @TempDir
    Path reports;

    @Test
    void noPlantedValueReachesTheStoreTheIndexTheLogsOrTheReports(CapturedOutput output) throws Exception {
        List<String> hashes = new ArrayList<>();
        StringBuilder text = new StringBuilder("Letter for the planted test.\n");
        List<Finding> findings = new ArrayList<>();
        for (Map.Entry<EntityType, String> e : PLANTED.entrySet()) {
            text.append(e.getKey().name().toLowerCase(Locale.ROOT)).append(": ");
            findings.add(Fixtures.finding(e.getKey(), e.getValue(), text.length()));
            text.append(e.getValue()).append('\n');
        }

        Map<String, Object> properties = new HashMap<>();
        properties.put("pii.data-dir", dataDir);
        properties.put("logging.level.org.piiscanner", "TRACE");
        properties.put("logging.level.org.springframework.jdbc", "TRACE");
        properties.put("logging.level.org.springframework.transaction", "TRACE");
        properties.put("logging.level.com.zaxxer.hikari", "DEBUG");
        properties.put("logging.level.org.flywaydb", "DEBUG");
        try (ConfigurableApplicationContext context = PiiScannerApplication.start(properties)) {
            Protector protector = context.getBean(Protector.class);
            FindingStore store = context.getBean(FindingStore.class);
            IndexSync sync = context.getBean(IndexSync.class);
            TransactionTemplate chunk = new TransactionTemplate(context.getBean(PlatformTransactionManager.class));

            long run = store.startRun(ScanKind.FILES, "planted values", "cfg");
            long source = store.upsertSource(run, ScanKind.FILES, dataDir.resolve("share").toString());
            chunk.executeWithoutResult(status -> {
                List<ProtectedFinding> protectedFindings = new ArrayList<>();
                int line = 2;
                for (Finding f : findings) {
                    protectedFindings.add(protector.protect(f, FindingPosition.lineColumn(line++, 1)));
                }
                LocationPath path = LocationPath.of("hr/" + SENTINEL_PATH + ".zip", "letter.txt");
                long id = store.recordScanned(run, source, new ScannedLocation(path,
                        Fingerprint.of(text.length(), 1_700_000_000_000L), "cfg", protectedFindings));
                sync.upsert(LocationDocument.of(id, source, path.display(), protectedFindings,
                        protector.wordTokenHashes(text)));
                store.recordSkipped(run, source, LocationPath.of("locked.pdf"), SkipReason.ENCRYPTED, SENTINEL_DETAIL);
            });
            sync.commit();
            store.finishRun(run, RunStatus.COMPLETED);

            // the database's text columns, through SQL
            String columns = databaseText(JdbcClient.create(context.getBean(javax.sql.DataSource.class)));
            assertThat(columns).as("positive control").contains(SENTINEL_PATH).contains(SENTINEL_DETAIL);
            assertNoneIn("database columns", columns);
            for (LocationRecord l : store.listLocations(LocationQuery.all(), null, 100).items()) {
                for (StoredFinding f : store.findings(l.id())) {
                    hashes.add(f.valueHash());
                    f.nameTerms().forEach(t -> hashes.add(t.hash()));
                }
            }
        }

        // the auditors' reports, every format, as the report command writes them: no value and no hash either
        int exit = org.piiscanner.scanner.cli.PiiScannerCli.execute(new String[] {"report", "--format",
            "html,csv,json", "--out", reports.toString(), "--data-dir", dataDir.toString(), "--retention",
            "../config/retention.yml"}, PiiScannerApplication::start);
        assertThat(exit).isZero();
        StringBuilder reportText = new StringBuilder();
        try (Stream<Path> walk = Files.list(reports)) {
            for (Path f : walk.sorted().toList()) {
                String content = Files.readString(f, StandardCharsets.UTF_8);
                reportText.append(content).append('\n');
                if (f.getFileName().toString().endsWith(".html")) { // also as a reader sees it, entities decoded
                    reportText.append(content.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                            .replace("&#39;", "'").replace("&#96;", "`").replace("&amp;", "&")).append('\n');
                }
            }
        }
        assertThat(reportText).as("positive control: the reports name the location, the skip and a masked preview")
                .contains(SENTINEL_PATH).contains(SENTINEL_DETAIL).contains("z***@***.com");
        assertNoneIn("report outputs", reportText.toString());
        assertThat(hashes).hasSizeGreaterThan(PLANTED.size());
        for (String hash : hashes) {
            assertThat(reportText).as("report outputs contain a keyed hash").doesNotContain(hash);
        }

        // the index's terms and stored fields, through Lucene
        String index = indexText(dataDir.resolve("index"));
        assertThat(index).as("positive control").contains(SENTINEL_PATH);
        assertNoneIn("index terms and stored fields", index);

        // every byte of every file in the data directory (H2 database, index, key)
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dataDir)) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        assertThat(files).extracting(p -> p.getFileName().toString()).contains("store.mv.db", "hmac.key");
        StringBuilder bytes = new StringBuilder();
        for (Path f : files) {
            bytes.append(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1)).append('\n');
        }
        String raw = bytes.toString();
        assertThat(raw).as("positive control: plaintext is visible in the files").contains(SENTINEL_PATH)
                .contains(SENTINEL_DETAIL);
        for (String needle : needles()) {
            for (java.nio.charset.Charset cs : List.of(StandardCharsets.UTF_8, StandardCharsets.UTF_16LE,
                    StandardCharsets.UTF_16BE)) {
                String encoded = new String(needle.getBytes(cs), StandardCharsets.ISO_8859_1);
                assertThat(raw).as("data directory bytes contain %s", needle).doesNotContain(encoded);
            }
        }

        // the logs (standard output and error, everything at TRACE)
        String logs = output.getAll();
        assertThat(logs).as("positive control: the logs were captured").contains("HMAC key: generated")
                .contains("Executing prepared SQL statement");
        assertNoneIn("logs", logs);
    }

    /** Each planted value raw, compact (letters and digits only) and canonical, upper and lower case; 7+ chars. */
    private static Set<String> needles() {
        ValueNormalizer normalizer = new ValueNormalizer();
        Set<String> needles = new LinkedHashSet<>();
        for (Map.Entry<EntityType, String> e : PLANTED.entrySet()) {
            String v = e.getValue();
            String compact = v.replaceAll("[^\\p{L}\\p{N}]", "");
            String canonical = normalizer.normalize(e.getKey(), v);
            for (String s : List.of(v, compact, canonical)) {
                if (s.length() >= 7) {
                    needles.add(s);
                    needles.add(s.toLowerCase(Locale.ROOT));
                    needles.add(s.toUpperCase(Locale.ROOT));
                }
            }
        }
        return needles;
    }

    private static void assertNoneIn(String where, String haystack) {
        String lower = haystack.toLowerCase(Locale.ROOT);
        for (String needle : needles()) {
            assertThat(lower).as("%s contain %s", where, needle).doesNotContain(needle.toLowerCase(Locale.ROOT));
        }
    }

    /** Every value of every character column of every table of the store's schema. */
    private static String databaseText(JdbcClient jdbc) {
        List<Map<String, Object>> cols = jdbc.sql("SELECT TABLE_NAME, COLUMN_NAME FROM INFORMATION_SCHEMA.COLUMNS "
                + "WHERE TABLE_SCHEMA = 'PUBLIC' AND DATA_TYPE IN ('CHARACTER VARYING', 'CHARACTER', "
                + "'CHARACTER LARGE OBJECT')").query().listOfRows();
        assertThat(cols).hasSizeGreaterThan(30);
        StringBuilder sb = new StringBuilder();
        for (Map<String, Object> c : cols) {
            jdbc.sql("SELECT \"" + c.get("COLUMN_NAME") + "\" FROM \"" + c.get("TABLE_NAME") + "\"").query(String.class)
                    .list().forEach(v -> sb.append(v).append('\n'));
        }
        return sb.toString();
    }

    /** Every term of every field and every stored field of every document. */
    private static String indexText(Path dir) throws IOException {
        StringBuilder sb = new StringBuilder();
        try (FSDirectory directory = FSDirectory.open(dir); DirectoryReader reader = DirectoryReader.open(directory)) {
            assertThat(reader.numDocs()).isEqualTo(1);
            for (LeafReaderContext leaf : reader.leaves()) {
                for (FieldInfo field : leaf.reader().getFieldInfos()) {
                    Terms terms = leaf.reader().terms(field.name);
                    if (terms == null) {
                        continue;
                    }
                    TermsEnum te = terms.iterator();
                    for (BytesRef t = te.next(); t != null; t = te.next()) {
                        sb.append(field.name).append('=').append(t.utf8ToString()).append('\n');
                    }
                }
                StoredFields stored = leaf.reader().storedFields();
                for (int d = 0; d < leaf.reader().maxDoc(); d++) {
                    Document doc = stored.document(d);
                    for (IndexableField f : doc.getFields()) {
                        sb.append(f.name()).append(':').append(f.stringValue()).append('\n');
                    }
                }
            }
        }
        return sb.toString();
    }

    private static Map<EntityType, String> planted() {
        Map<EntityType, String> m = new java.util.LinkedHashMap<>();
        m.put(EntityType.EMAIL_ADDRESS, "zebedee.quillfeather@example.com");
        m.put(EntityType.PHONE_NUMBER, "020 7946 0018");
        m.put(EntityType.CREDIT_CARD, "4111 1111 1111 1111");
        m.put(EntityType.IBAN_CODE, "GB82 WEST 1234 5698 7654 32");
        m.put(EntityType.BIC, "NWBKGB2L");
        m.put(EntityType.UK_NINO, "QQ 12 34 56 C");
        m.put(EntityType.UK_NHS, "943 476 5919");
        m.put(EntityType.UK_SORT_CODE_ACCOUNT, "20-47-19 73914826");
        m.put(EntityType.UK_POSTCODE, "SW1A 1AA");
        m.put(EntityType.UK_PASSPORT, "L898902C<3UTO7408122F1204159ZE184226B<<<<<10");
        m.put(EntityType.UK_DRIVING_LICENCE, "MORGA753116SM9IJ");
        m.put(EntityType.UK_VAT, "GB 980 7806 84");
        m.put(EntityType.UK_UTR, "73910 48265");
        m.put(EntityType.EU_VAT, "DE136695976");
        m.put(EntityType.US_SSN, "078-05-1120");
        m.put(EntityType.IP_ADDRESS, "192.0.2.146");
        m.put(EntityType.MAC_ADDRESS, "00:1A:2B:3C:4D:5E");
        m.put(EntityType.URL, "https://intranet.example.com/staff/zebedee");
        m.put(EntityType.DATE_OF_BIRTH, "12/03/1985");
        m.put(Fixtures.PERSON, "Zebedee Quillfeather");
        // types of the names detector, once it is merged
        EntityType.builtIn("LOCATION").ifPresent(t -> m.put(t, "Quillfeather Lane"));
        EntityType.builtIn("ORGANIZATION").ifPresent(t -> m.put(t, "Quillfeather Widgets Ltd"));
        // any other built-in type (special-category phrases...): a synthetic value of the generic form
        for (EntityType t : EntityType.builtIns()) {
            m.putIfAbsent(t, "Quillfeather " + t.name().toLowerCase(Locale.ROOT).replace('_', ' '));
        }
        return m;
    }
}
