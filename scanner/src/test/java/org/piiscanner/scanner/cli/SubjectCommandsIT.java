package org.piiscanner.scanner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.piiscanner.scanner.PiiScannerApplication;
import org.piiscanner.scanner.protect.ValueNormalizer;
import org.piiscanner.scanner.testing.ScanTestbed;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The DPO's commands end to end, in-process, over real scans: one person planted in a Word letter, an e-mail inside a
 * zip (name variant, phone in another format), a CSV export ("SURNAME, Given") and two database tables (e-mail in
 * upper case, phone in E.164), a namesake with nothing else; {@code scan files} and {@code scan db} fill the data
 * directory; then {@code subject find}, {@code subject export --with-values} (rows re-read by the database scan's
 * row reader), erasure in the sources and a rescan, {@code subject verify}, {@code verify-report} and
 * {@code audit verify} as a user runs them, with every logger of ours and of Spring JDBC at TRACE. Afterwards no
 * planted value (raw, compact or canonical) is in any file of the data directory (store, index, reports, keys,
 * audit anchor), in the logs or in what the commands printed; only the export the DPO asked values for holds them.
 */
@ExtendWith(OutputCaptureExtension.class)
class SubjectCommandsIT {

    static final String NAME = "Zebedee Quillfeather";
    static final String EMAIL = "zebedee.quillfeather@example.com";
    static final String PHONE = "020 7946 0018";
    static final String NINO = "QQ 12 34 56 C";
    static final Map<String, String> PLANTED = Map.of("PERSON", NAME, "EMAIL_ADDRESS", EMAIL, "PHONE_NUMBER", PHONE,
            "UK_NINO", NINO);

    @TempDir
    Path dir;

    Path dataDir;
    Path share;
    Path yml;
    String crmUrl;
    Connection crm;
    final StringBuilder printed = new StringBuilder();

    @AfterEach
    void close() throws Exception {
        if (crm != null) {
            crm.close();
        }
    }

    /** Starts the application as the jar does, with TRACE logging. */
    ConfigurableApplicationContext start(Map<String, Object> properties) {
        Map<String, Object> all = new LinkedHashMap<>(properties);
        all.put("logging.level.org.piiscanner", "TRACE");
        all.put("logging.level.org.springframework.jdbc", "TRACE");
        all.put("logging.level.org.springframework.transaction", "TRACE");
        all.put("logging.level.org.flywaydb", "DEBUG");
        List<String> args = all.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toList();
        return new SpringApplicationBuilder(PiiScannerApplication.class).web(WebApplicationType.NONE)
                .bannerMode(Banner.Mode.OFF).logStartupInfo(false)
                .run(args.toArray(String[]::new));
    }

    record Run(int exit, String out, String err) {
    }

    Run cli(String... args) {
        return cliWithStdin("", args);
    }

    Run cliWithStdin(String stdin, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        StandardStreams streams = new StandardStreams(new PrintWriter(out), new PrintWriter(err),
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
        int exit = PiiScannerCli.execute(args, streams, this::start);
        printed.append(out).append('\n').append(err).append('\n');
        return new Run(exit, out.toString(), err.toString());
    }

    void plant() throws Exception {
        dataDir = dir.resolve("pii-data");
        share = Files.createDirectories(dir.resolve("share"));
        Files.createDirectories(share.resolve("letters"));
        Files.write(share.resolve("letters/offer.docx"), ScanTestbed.docx(List.of("Dear Mr " + NAME + ",",
                "We will call you on " + PHONE + ". Your National Insurance number is " + NINO + ".")));
        Files.write(share.resolve("mail.zip"), ScanTestbed.zip(Map.of("inbox/reply.eml", ScanTestbed.eml(
                "Zebedee Quilfeather <" + EMAIL + ">", "hr@example.com", "Re: offer",
                "Thanks, I accept. Zebedee Quilfeather, +44 20 7946 0018\n"))));
        Files.writeString(share.resolve("customers.csv"), "id,name,email\n1,\"QUILLFEATHER, Zebedee\"," + EMAIL
                + "\n2,Peter Jones,peter.jones@example.org\n");
        Files.writeString(share.resolve("namesake.txt"), "Zebedee Quillfeather (no relation) runs the canteen.\n");
        crmUrl = "jdbc:h2:mem:crm-" + UUID.randomUUID() + ";DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1";
        crm = DriverManager.getConnection(crmUrl, "sa", "");
        try (Statement s = crm.createStatement()) {
            s.execute("CREATE SCHEMA crm");
            s.execute("CREATE TABLE crm.customers (id INT PRIMARY KEY, name VARCHAR(100), email VARCHAR(100))");
            s.execute("INSERT INTO crm.customers VALUES (42, '" + NAME + "', '" + EMAIL.toUpperCase(Locale.ROOT)
                    + "')");
            s.execute("INSERT INTO crm.customers VALUES (43, 'Peter Jones', 'peter.jones@example.org')");
            s.execute("CREATE SCHEMA billing");
            s.execute("CREATE TABLE billing.invoices (id INT PRIMARY KEY, customer_phone VARCHAR(40), "
                    + "amount DECIMAL(10, 2))");
            s.execute("INSERT INTO billing.invoices VALUES (7, '+442079460018', 120.00)");
            s.execute("INSERT INTO billing.invoices VALUES (8, '+442079460555', 80.00)");
        }
        yml = Files.writeString(dir.resolve("detectors.yml"), ScanTestbed.DETECTORS_YAML);
        scan();
    }

    /** The file share and the database scanned into the data directory, as an admin runs the scans. */
    void scan() {
        Run files = cli("scan", "files", share.toString(), "--config", yml.toString(), "--data-dir=" + dataDir);
        assertThat(files.exit()).as(files.err()).isZero();
        Run db = cli("scan", "db", crmUrl, "--user", "sa", "--config", yml.toString(), "--data-dir=" + dataDir);
        assertThat(db.exit()).as(db.err()).isZero();
    }

    @Test
    void findExportVerifyAndAuditLikeADpoWithoutLeavingAValueBehind(CapturedOutput output) throws Exception {
        plant();
        String dd = "--data-dir=" + dataDir;

        // find, identifiers on standard input (kept out of the process list and shell history)
        Run find = cliWithStdin("name=" + NAME + "\n# a comment\nemail=" + EMAIL + "\nphone=" + PHONE + "\n",
                "subject", "find", "--from", "-", "--json", dd);
        assertThat(find.exit()).as(find.err()).isZero();
        List<JsonNode> lines = find.out().lines().map(l -> JsonMapper.shared().readTree(l)).toList();
        assertThat(lines).extracting(l -> l.path("location").asString()).containsExactly(
                share + "/mail.zip!/inbox/reply.eml", // e-mail (From:), phone in another format, name variant: 0.99
                crmUrl + "!/crm.customers!/id=42", // e-mail + name: 0.95
                share + "/customers.csv", // e-mail + name written "SURNAME, Given": 0.95
                share + "/letters/offer.docx", // phone + name: 0.925
                crmUrl + "!/billing.invoices!/id=7", // phone in E.164 alone: 0.9
                share + "/namesake.txt"); // name alone: 0.5
        JsonNode row = lines.get(1);
        assertThat(row.path("kind").asString()).isEqualTo("row");
        assertThat(row.path("table").asString()).isEqualTo("crm.customers");
        assertThat(row.path("row_key").asString()).isEqualTo("id=42");
        assertThat(row.path("columns").toString()).isEqualTo("[\"name\",\"email\"]");
        assertThat(row.path("matched").toString()).isEqualTo("[\"EMAIL_ADDRESS\",\"PERSON\"]");
        assertThat(row.path("score").asDouble()).isEqualTo(0.95);
        JsonNode letter = lines.get(3);
        assertThat(letter.path("kind").asString()).isEqualTo("file");
        assertThat(letter.path("matched").toString()).isEqualTo("[\"PHONE_NUMBER\",\"PERSON\"]");
        assertThat(letter.path("where").toString()).contains("\"line\":");
        assertThat(lines.getFirst().path("embedded_path").asString()).isEqualTo("inbox/reply.eml");
        assertThat(lines.getFirst().path("where").toString()).contains("\"section\":\"metadata\"");
        assertThat(lines.getLast().path("matched").toString()).isEqualTo("[\"PERSON\"]");
        assertThat(lines.getLast().path("confidence").asString()).isEqualTo("MEDIUM");
        assertThat(find.err()).contains("Request 1: 6 locations listed. Audit entry 1:");

        // the readable table groups by source; --csv writes the results too
        Run table = cli("subject", "find", "--email", EMAIL, "--csv", dir.resolve("results.csv").toString(), dd);
        assertThat(table.exit()).isZero();
        assertThat(table.out()).contains(crmUrl + "  (database): 1 location", share + "  (files): 2 locations",
                "row crm.customers key id=42 columns email", "EMAIL_ADDRESS (exact value, column email)");
        List<String> csvLines = Files.readAllLines(dir.resolve("results.csv"));
        assertThat(csvLines.getFirst()).isEqualTo(String.join(",", SubjectPrinter.CSV_HEADER));
        assertThat(csvLines).hasSize(4);
        assertThat(csvLines.get(3)).startsWith("2,3,row,")
                .contains(",crm.customers,id=42,email,0.9,HIGH,EMAIL_ADDRESS,EMAIL_ADDRESS column email,");

        // export without values to standard output; with values to an owner-only file outside the data directory
        Run csv = cli("subject", "export", "--request", "1", dd);
        assertThat(csv.exit()).as(csv.err()).isZero();
        assertThat(csv.out()).startsWith("request_id,rank,kind,").contains("not requested");
        Path copy = dir.resolve("copy.json");
        Run withValues = cli("subject", "export", "--request", "1", "--format", "json", "--with-values", "--output",
                copy.toString(), "--config", yml.toString(), dd);
        assertThat(withValues.exit()).as(withValues.err()).isZero();
        assertThat(Files.getPosixFilePermissions(copy)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(Files.readString(copy)).as("positive control: the person's copy holds the values")
                .contains(EMAIL.toUpperCase(Locale.ROOT)).contains(PHONE).contains("+44 20 7946 0018");
        assertThat(cli("subject", "export", "--request", "1", "--with-values", dd).exit()).isEqualTo(2);
        assertThat(cli("subject", "export", "--request", "1", "--output", copy.toString(), dd).exit()).isEqualTo(1);

        // erasure: the letter deleted, the mail archive emptied, the CSV line and both rows deleted, the sources
        // scanned again; the namesake is excluded
        Files.delete(share.resolve("letters/offer.docx"));
        Files.write(share.resolve("mail.zip"), ScanTestbed.zip(Map.of("inbox/other.txt",
                "nothing here\n".getBytes(StandardCharsets.UTF_8))));
        Files.writeString(share.resolve("customers.csv"), "id,name,email\n2,Peter Jones,peter.jones@example.org\n");
        try (Statement s = crm.createStatement()) {
            s.execute("DELETE FROM crm.customers WHERE id = 42");
            s.execute("DELETE FROM billing.invoices WHERE id = 7");
        }
        scan();
        Path report = dir.resolve("erasure-1.report");
        Run verify = cli("subject", "verify", "--request", "1", "--exclude", "6", "--output", report.toString(),
                "--config", yml.toString(), dd);
        assertThat(verify.exit()).as(verify.err()).isZero();
        assertThat(verify.out()).contains("LOCATION_MISSING row crm.customers key id=42 in " + crmUrl, "(row deleted)", "(file deleted)",
                "(no longer inside mail.zip)", "EXCLUDED", "GONE             " + share + "/customers.csv  (re-read)",
                "LOCATION_MISSING row billing.invoices key id=7 in " + crmUrl,
                "Verdict: GONE (6 locations: 1 gone, 4 location missing, "
                        + "0 still present, 0 unverified, 1 excluded; 0 found only by searching again)");
        assertThat(verify.err()).contains("Signed report: " + report);

        // the report checks out with the data directory's key; tampered, it does not; without a key: usage
        Run valid = cli("verify-report", report.toString(), dd);
        assertThat(valid.exit()).as(valid.out() + valid.err()).isZero();
        assertThat(valid.out()).startsWith("VALID: ").contains("request 1, verdict GONE").contains("by ");
        Path tampered = dir.resolve("tampered.report");
        Files.writeString(tampered, Files.readString(report).replaceFirst("\"LOCATION_MISSING\"", "\"GONE\""));
        Run invalid = cli("verify-report", tampered.toString(), "--public-key",
                dataDir.resolve("signing/report-signing.pub").toString());
        assertThat(invalid.exit()).isEqualTo(1);
        assertThat(invalid.out()).contains("INVALID").contains("the report was altered");
        assertThat(cli("verify-report", report.toString(), "--data-dir", dir.resolve("nowhere").toString()).exit())
                .isEqualTo(2);
        assertThat(cli("verify-report", dir.resolve("missing.report").toString(), dd).exit()).isEqualTo(2);

        // the audit log: intact, then an entry deleted behind the application's back
        Run audit = cli("audit", "verify", dd);
        assertThat(audit.exit()).as(audit.out() + audit.err()).isZero();
        assertThat(audit.out()).startsWith("INTACT: 5 entries; head 5:").contains("anchor 5:");
        String head = audit.out().replaceFirst("(?s).*head (5:[0-9a-f]{64}).*", "$1");
        assertThat(cli("audit", "verify", "--head", head, dd).exit()).isZero();
        assertThat(cli("audit", "verify", "--head", "6:" + "0".repeat(64), dd).exit()).isEqualTo(1);
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + dataDir.resolve("store"), "sa", "");
                Statement s = c.createStatement()) {
            s.execute("DELETE FROM audit_log WHERE seq = 3");
        }
        Run broken = cli("audit", "verify", dd);
        assertThat(broken.exit()).isEqualTo(1);
        assertThat(broken.out()).startsWith("BROKEN: 4 entries").contains("entry 3 is missing (deleted)");

        // usage and errors
        assertThat(cli("subject", "find", dd).exit()).isEqualTo(2);
        assertThat(cli("subject", "find", "--id", "colour=red", dd).exit()).isEqualTo(2);
        assertThat(cli("subject", "verify", "--request", "99", dd).err()).contains("there is no subject request 99");
        Run noStore = cli("subject", "find", "--name", NAME, "--data-dir", dir.resolve("empty").toString());
        assertThat(noStore.exit()).isEqualTo(1);
        assertThat(noStore.err()).contains("there is no findings store in");
        assertThat(Files.exists(dir.resolve("empty"))).isFalse();
        Run list = cli("subject", "list", dd);
        assertThat(list.out()).contains("PERSON, EMAIL_ADDRESS, PHONE_NUMBER").contains("EMAIL_ADDRESS");

        assertNoPlantedValue(output);
    }

    /** Every file of the data directory, the logs and everything printed: no planted value in any form. */
    void assertNoPlantedValue(CapturedOutput output) throws Exception {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dataDir)) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        assertThat(files).extracting(p -> p.getFileName().toString()).contains("store.mv.db", "hmac.key",
                "audit-head", "report-signing.key", "report-signing.pub");
        assertThat(files).anySatisfy(p -> assertThat(p.toString()).contains("/index/"));
        StringBuilder bytes = new StringBuilder();
        for (Path f : files) {
            bytes.append(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1)).append('\n');
        }
        String raw = bytes.toString();
        assertThat(raw).as("positive control: plaintext paths are visible").contains("letters/offer.docx");
        for (String needle : needles()) {
            for (java.nio.charset.Charset cs : List.of(StandardCharsets.UTF_8, StandardCharsets.UTF_16LE,
                    StandardCharsets.UTF_16BE)) {
                String encoded = new String(needle.getBytes(cs), StandardCharsets.ISO_8859_1);
                assertThat(raw).as("data directory bytes contain %s", needle).doesNotContain(encoded);
            }
        }
        // the report too (it lives outside the data directory here)
        assertNone("the signed report", Files.readString(dir.resolve("erasure-1.report")));
        assertNone("the results CSV", Files.readString(dir.resolve("results.csv")));
        String logs = output.getAll();
        assertThat(logs).as("positive control: the logs were captured at TRACE")
                .contains("Executing prepared SQL statement");
        assertNone("the logs", logs);
        assertNone("what the commands printed", printed.toString());
    }

    static void assertNone(String where, String haystack) {
        String lower = haystack.toLowerCase(Locale.ROOT);
        for (String needle : needles()) {
            assertThat(lower).as("%s contain %s", where, needle).doesNotContain(needle.toLowerCase(Locale.ROOT));
        }
    }

    /** Each planted value raw, compact and canonical (and the variants planted), 7+ characters. */
    static Set<String> needles() {
        ValueNormalizer normalizer = new ValueNormalizer();
        Set<String> needles = new LinkedHashSet<>();
        Map<String, String> all = new HashMap<>(PLANTED);
        all.put("PERSON_VARIANT", "Zebedee Quilfeather");
        all.put("PHONE_VARIANT", "+44 20 7946 0018");
        for (Map.Entry<String, String> e : all.entrySet()) {
            String v = e.getValue();
            String type = e.getKey().replace("_VARIANT", "");
            List<String> forms = new ArrayList<>(List.of(v, v.replaceAll("[^\\p{L}\\p{N}]", ""),
                    normalizer.normalize(type, v)));
            forms.add(v.replace(' ', '\u00a0'));
            for (String s : forms) {
                if (s.length() >= 7) {
                    needles.add(s);
                }
            }
        }
        needles.add("Quillfeather");
        needles.add("Quilfeather");
        return needles;
    }
}
