package org.piiscanner.scanner.scan.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.piiscanner.scanner.PiiScannerApplication;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A database scan leaves no value of the scanned tables behind: after scanning the UK and piicatcher tables (every
 * logger of ours, Spring Batch's and Spring JDBC's at TRACE) and rescanning, no identifier from them is in any byte
 * of the data directory (H2 store with the batch job repository, index, key) or in the logs. Positive controls show
 * the searches see plaintext.
 */
@ExtendWith(OutputCaptureExtension.class)
class DbScanNoRawValueIT {

    @TempDir
    Path dir;

    @Test
    void noScannedValueReachesTheDataDirectoryOrTheLogs(CapturedOutput output) throws Exception {
        String url = "jdbc:h2:mem:noraw-" + UUID.randomUUID() + ";DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1";
        Path data = dir.resolve("pii-data");
        try (Connection c = DriverManager.getConnection(url, "sa", "")) {
            DbFixtures.ukCustomers(c);
            DbFixtures.piicatcher(c);
            try (ConfigurableApplicationContext context = new SpringApplicationBuilder(PiiScannerApplication.class)
                    .web(WebApplicationType.NONE).bannerMode(Banner.Mode.OFF).logStartupInfo(false)
                    .run("--pii.data-dir=" + data, "--logging.level.org.piiscanner=TRACE",
                            "--logging.level.org.springframework.jdbc=TRACE",
                            "--logging.level.org.springframework.batch=TRACE")) {
                DbScanner scanner = context.getBean(DbScanner.class);
                DbScanRequest request = new DbScanRequest(new DbScanRequest.DbSourceSpec(url, "sa", null, null),
                        List.of(), List.of(), 1000, 42, false, null);
                assertThat(scanner.scan(request, DbScanProgress.NONE).counts().findings()).isGreaterThan(100);
                assertThat(scanner.scan(request, DbScanProgress.NONE).counts().unchanged()).isEqualTo(35);
            }
        }
        StringBuilder bytes = new StringBuilder();
        try (Stream<Path> walk = Files.walk(data)) {
            for (Path f : walk.filter(Files::isRegularFile).toList()) {
                bytes.append(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1)).append('\n');
            }
        }
        String raw = bytes.toString();
        assertThat(raw).as("positive control").contains("uk_customers!/id=3").contains("dbScanJob");
        String logs = output.getAll();
        assertThat(logs).as("positive control: the logs were captured").contains("Executing prepared SQL statement");
        for (String needle : needles()) {
            for (java.nio.charset.Charset cs : List.of(StandardCharsets.UTF_8, StandardCharsets.UTF_16LE,
                    StandardCharsets.UTF_16BE)) {
                assertThat(raw).as("data directory bytes contain %s", needle)
                        .doesNotContain(new String(needle.getBytes(cs), StandardCharsets.ISO_8859_1));
            }
            assertThat(logs).as("logs contain %s", needle).doesNotContain(needle);
        }
    }

    /** Identifiers of the scanned tables, raw and compact, 7 characters or more. */
    static Set<String> needles() throws Exception {
        Set<String> out = new LinkedHashSet<>();
        for (String[] r : DbFixtures.UK_ROWS) {
            for (String v : List.of(r[1], r[2], r[6])) {
                out.add(v);
                out.add(v.replaceAll("[^\\p{L}\\p{N}]", ""));
            }
        }
        out.add("alice.smith@example.com");
        out.add("eve.oneill@example.org");
        try (InputStream in = DbScanNoRawValueIT.class.getResourceAsStream("/db/piicatcher/sample-data.csv")) {
            List<String> lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
            for (String line : lines.subList(1, lines.size())) {
                String[] v = line.split(",", -1);
                for (int i : new int[] {0, 6, 10, 11, 13}) { // SSN, address, phone, e-mail, card
                    out.add(v[i]);
                    out.add(v[i].replaceAll("[^\\p{L}\\p{N}]", ""));
                }
            }
        }
        out.removeIf(s -> s.length() < 7);
        return out;
    }
}
