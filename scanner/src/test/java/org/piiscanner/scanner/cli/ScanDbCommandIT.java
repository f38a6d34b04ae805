package org.piiscanner.scanner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.piiscanner.scanner.PiiScannerApplication;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code scan db} and {@code columns} as a user runs them: the README's sample database, the summary, the column
 * verdicts as JSON, a subject search that finds a scanned row, credentials from a variable that never reach the
 * store, and one-line errors.
 */
class ScanDbCommandIT {

    @TempDir
    Path dir;

    record Run(int exit, String out, String err) {
    }

    static ConfigurableApplicationContext start(Map<String, Object> properties) {
        List<String> args = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toList();
        return new SpringApplicationBuilder(PiiScannerApplication.class).web(WebApplicationType.NONE)
                .bannerMode(Banner.Mode.OFF).logStartupInfo(false).run(args.toArray(String[]::new));
    }

    Run cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        StandardStreams streams = new StandardStreams(new PrintWriter(out), new PrintWriter(err),
                new ByteArrayInputStream(new byte[0]));
        int exit = PiiScannerCli.execute(args, streams, ScanDbCommandIT::start);
        return new Run(exit, out.toString(), err.toString());
    }

    /** The README's command, with the script path relative to this module (tests run in scanner/). */
    static String sampleUrl() {
        return "jdbc:h2:mem:sample-" + UUID.randomUUID() + ";DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1;"
                + "INIT=RUNSCRIPT FROM '../samples/db/sample.sql'";
    }

    @Test
    void theReadmeSampleIsScannedListedAndSearchable() throws Exception {
        assertThat(Files.readString(Path.of("../README.md"))).contains("java -jar scanner/target/pii-scanner.jar "
                + "scan db \"jdbc:h2:mem:sample;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1;INIT=RUNSCRIPT FROM "
                + "'samples/db/sample.sql'\"");
        String data = dir.resolve("pii-data").toString();
        Run scan = cli("scan", "db", sampleUrl(), "--data-dir", data);
        assertThat(scan.exit()).as(scan.err()).isZero();
        assertThat(scan.out().lines().toList()).containsExactly(
                "TABLE                         ROWS   COLUMNS  PERSONAL      READ     SCANNED   UNCHANGED  MODE",
                "crm.customers                    6        10         7         7           6           0  "
                    + "watermark updated_at",
                "crm.marketing_consents           4         4         1         0           0           0  row hash",
                "crm.orders                       5         5         0         0           0           0  row hash",
                "crm.payments                     5         5         3         2           5           0  row hash",
                "crm.support_tickets              4         4         1         1           4           0  row hash",
                "crm.web_access_log               4         4         2         1           4           0  "
                    + "row hash, no key: rows located by hash");
        assertThat(scan.err()).contains("Run 1 completed: 6 tables of jdbc:h2:mem:sample-")
                // 53: all twelve first and last names of crm.customers are names (the name model alone missed the
                // three-letter given names "Bob" and "Eve"; a name column's name-shaped values are names)
                .contains("; 19 rows scanned, 0 unchanged, 0 deleted; 53 findings.");

        Run columns = cli("columns", "--json", "--data-dir", data);
        assertThat(columns.exit()).as(columns.err()).isZero();
        assertThat(columns.out().lines()).hasSize(32);
        assertThat(columns.out().lines().filter(l -> l.contains("\"column\": \"email_count\""))).singleElement()
                .asString().contains("\"verdict\": \"NONE\", \"types\": [], \"category\": null");
        String email = columns.out().lines().filter(l -> l.contains("\"column\": \"email\"")).findFirst()
                .orElseThrow();
        assertThat(email).startsWith("{\"source\": \"jdbc:h2:mem:sample-").contains("\"schema\": \"crm\", "
                + "\"table\": \"customers\", \"column\": \"email\", \"sql_type\": \"CHARACTER VARYING\", "
                + "\"verdict\": \"PERSONAL\", \"types\": [\"EMAIL_ADDRESS\"], \"category\": \"CONTACT\", "
                + "\"confidence\": 0.99, \"scanned\": true, \"coverage\": \"6 of 6 rows sampled, seed 42; read in "
                + "full\", \"evidence\": \"name 'email' -> EMAIL_ADDRESS; sample EMAIL_ADDRESS 6/6 e.g. ")
                .doesNotContain("alice");

        Run find = cli("subject", "find", "--email", "Alice.Smith@example.com", "--phone", "+44 7400 123456", "--json",
                "--data-dir", data);
        assertThat(find.exit()).as(find.err()).isZero();
        assertThat(find.out().lines()).anySatisfy(l -> assertThat(l)
                .contains("\"path\":\"crm.customers!/id=1\"").contains("\"kind\":\"row\""));
        assertThat(find.out().lines()).anySatisfy(l -> assertThat(l)
                .contains("\"path\":\"crm.support_tickets!/ticket_ref='T-1001'\""));
    }

    @Test
    void thePasswordComesFromTheNamedVariableAndIsNeverStored() throws Exception {
        String url = "jdbc:h2:mem:secured-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        String password = "Sup3r-secret-" + UUID.randomUUID();
        try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement s = c.createStatement()) {
            s.execute("CREATE USER scanner PASSWORD '" + password + "' ADMIN");
            s.execute("CREATE TABLE people (id INT PRIMARY KEY, email VARCHAR(100))");
            s.execute("INSERT INTO people VALUES (1, 'jo.bloggs@example.com')");
            String data = dir.resolve("pii-data").toString();
            Run refused = cli("scan", "db", url, "--user", "scanner", "--password-env", "PII_TEST_UNSET_VARIABLE",
                    "--data-dir", data);
            assertThat(refused.exit()).isEqualTo(1);
            assertThat(refused.err()).contains("the environment variable PII_TEST_UNSET_VARIABLE (the database "
                    + "password) is not set").doesNotContain("\tat ");
            System.setProperty("PII_TEST_SCAN_PASSWORD", password);
            try {
                Run ok = cli("scan", "db", url, "--user", "scanner", "--password-env", "PII_TEST_SCAN_PASSWORD",
                        "--data-dir", data);
                assertThat(ok.exit()).as(ok.err()).isZero();
                assertThat(ok.out()).contains("PUBLIC.PEOPLE");
            } finally {
                System.clearProperty("PII_TEST_SCAN_PASSWORD");
            }
            byte[] store = Files.readAllBytes(dir.resolve("pii-data/store.mv.db"));
            assertThat(new String(store, StandardCharsets.ISO_8859_1)).doesNotContain(password)
                    .doesNotContain("jo.bloggs@example.com").contains("PII_TEST_SCAN_PASSWORD");
        }
    }

    @Test
    void badInputIsOneLineAndTheRightExitCode() {
        String data = dir.resolve("pii-data").toString();
        Run notJdbc = cli("scan", "db", "postgres://db/crm", "--data-dir", data);
        assertThat(notJdbc.exit()).isEqualTo(2);
        assertThat(notJdbc.err()).contains("is not a JDBC URL");
        Run credentials = cli("scan", "db", "jdbc:postgresql://db/crm?user=a&password=b", "--data-dir", data);
        assertThat(credentials.exit()).isEqualTo(2);
        assertThat(credentials.err()).contains("carries a user or a secret").doesNotContain("password=b");
        Run unreachable = cli("scan", "db", "jdbc:postgresql://127.0.0.1:1/crm", "--data-dir", data);
        assertThat(unreachable.exit()).isEqualTo(1);
        assertThat(unreachable.err()).contains("pii-scanner: cannot scan jdbc:postgresql://127.0.0.1:1/crm: ")
                .doesNotContain("\tat ");
        Run noStore = cli("columns", "--data-dir", dir.resolve("nothing").toString());
        assertThat(noStore.exit()).isEqualTo(1);
        assertThat(noStore.err()).contains("there is no findings store in");
    }
}
