package org.piiscanner.scanner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.piiscanner.scanner.PiiScannerApplication;
import org.piiscanner.scanner.testing.MutableClock;
import org.piiscanner.scanner.testing.ReportScenario;
import org.piiscanner.scanner.testing.TestStores;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code pii-scanner report} as a user runs it: the command starts the application context on a data directory
 * holding a findings store, writes the files, prints their paths and a summary, and needs no HMAC key.
 */
class ReportCommandIT {

    @TempDir
    Path dir;

    private Path data;
    private Path out;
    private final List<Map<String, Object>> started = new ArrayList<>();

    @BeforeEach
    void writeStore() {
        data = dir.resolve("pii-data");
        out = dir.resolve("reports");
        MutableClock clock = new MutableClock(ReportScenario.NOW);
        try (TestStores.Handle h = TestStores.h2(data, clock)) {
            new ReportScenario(h.store(), clock).build();
        }
    }

    /** Starts the context as {@code PiiScannerApplication.start} does, recording the properties. */
    private ConfigurableApplicationContext start(Map<String, Object> properties) {
        started.add(properties);
        return new SpringApplicationBuilder(PiiScannerApplication.class).web(WebApplicationType.NONE)
                .bannerMode(Banner.Mode.OFF).logStartupInfo(false)
                .run(properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                        .toArray(String[]::new));
    }

    private CliRunner.Result report(String... args) {
        return CliRunner.runWithSpring(this::start, args);
    }

    @Test
    void writesEveryFormatFromTheDataDirectoryWithoutAKey() throws Exception {
        CliRunner.Result r = report("report", "--run", "2", "--format", "html,CSV,json", "--out", out.toString(),
                "--data-dir", data.toString(), "--retention", "../config/retention.yml");

        assertThat(r.err()).endsWith("Report on run 2: 2 sources, 8 locations with personal data (15 findings), "
                + "5 retention breaches; 8 files written.\n");
        assertThat(r.exitCode()).isZero();
        assertThat(r.outLines()).containsExactly(
                out.resolve("report.html").toString(), out.resolve("sources.csv").toString(),
                out.resolve("locations.csv").toString(), out.resolve("inventory.csv").toString(),
                out.resolve("retention.csv").toString(), out.resolve("changes.csv").toString(),
                out.resolve("coverage.csv").toString(), out.resolve("report.json").toString());
        assertThat(Files.readString(out.resolve("retention.csv"), StandardCharsets.UTF_8).split("\r\n")).hasSize(6);
        assertThat(Files.getPosixFilePermissions(out)).extracting(Enum::name)
                .containsExactlyInAnyOrder("OWNER_READ", "OWNER_WRITE", "OWNER_EXECUTE");
        try (Stream<Path> files = Files.list(out)) {
            assertThat(files.map(p -> p.getFileName().toString())).as("no staging directory is left")
                    .noneMatch(n -> n.startsWith("."));
        }

        // reports read no hash: no key was loaded or generated, and the index was not opened
        assertThat(data.resolve("hmac.key")).doesNotExist();
        assertThat(data.resolve("index")).doesNotExist();
        assertThat(started).singleElement().satisfies(p -> assertThat(p)
                .containsEntry("spring.main.lazy-initialization", "true")
                .containsEntry("pii.data-dir", data.toAbsolutePath().normalize()));
    }

    @Test
    void theDefaultIsTheLatestCompletedRunAndARerunReplacesTheFiles() throws Exception {
        CliRunner.Result first = report("report", "--format", "json", "--out", out.toString(), "--data-dir",
                data.toString());
        CliRunner.Result second = report("report", "--format", "json", "--out", out.toString(), "--data-dir",
                data.toString());

        assertThat(first.exitCode()).isZero();
        assertThat(second.exitCode()).isZero();
        assertThat(second.err()).contains("Report on run 3: 1 source, 2 locations with personal data (4 findings), "
                + "retention not checked; 1 file written.");
        assertThat(Files.readString(out.resolve("report.json"))).contains("\"locator\" : "
                + "\"jdbc:postgresql://db.example:5432/crm\"").doesNotContain("secret");
    }

    @Test
    void reportsAWarningForAnOlderRun() {
        CliRunner.Result r = report("report", "--run", "1", "--format", "csv", "--out", out.toString(),
                "--data-dir", data.toString());

        assertThat(r.exitCode()).isZero();
        assertThat(r.err()).contains("pii-scanner: warning: Source /srv/shares/office was scanned again by run 2: "
                + "its locations show the state after that run.\n");
    }

    @Test
    void errorsAreOneLineWithTheirExitCode() throws Exception {
        CliRunner.Result badFormat = report("report", "--format", "pdf", "--out", out.toString());
        assertThat(badFormat.exitCode()).isEqualTo(2);
        assertThat(badFormat.err()).startsWith("Invalid value for option '--format': 'pdf' (expected html, csv or "
                + "json)\n");

        Path policy = dir.resolve("policy.yml");
        Files.writeString(policy, "rules:\n  - name: x\n    max-age: 7 years\n");
        CliRunner.Result badPolicy = report("report", "--format", "csv", "--out", out.toString(), "--data-dir",
                data.toString(), "--retention", policy.toString());
        assertThat(badPolicy.exitCode()).isEqualTo(2);
        assertThat(badPolicy.err()).isEqualTo("pii-scanner: " + policy + ": rules[0].max-age: expected a number and "
                + "a unit (d, w, m or y) such as 7y or 35d, got '7 years'\n");

        Path empty = dir.resolve("nothing-here");
        CliRunner.Result noStore = report("report", "--format", "csv", "--out", out.toString(), "--data-dir",
                empty.toString());
        assertThat(noStore.exitCode()).isEqualTo(1);
        assertThat(noStore.err()).isEqualTo("pii-scanner: no findings store in " + empty + " (store.mv.db): scan "
                + "first, or name the data directory with --data-dir or a database with --db-url\n");
        assertThat(empty).as("a mistyped data directory is not created").doesNotExist();

        CliRunner.Result noRun = report("report", "--run", "42", "--format", "csv", "--out", out.toString(),
                "--data-dir", data.toString());
        assertThat(noRun.exitCode()).isEqualTo(1);
        assertThat(noRun.err()).endsWith("pii-scanner: there is no scan run 42 in the store\n");

        Path file = Files.writeString(dir.resolve("a-file"), "x");
        CliRunner.Result outIsFile = report("report", "--format", "csv", "--out", file.toString(), "--data-dir",
                data.toString());
        assertThat(outIsFile.exitCode()).isEqualTo(2);
        assertThat(outIsFile.err()).startsWith("Invalid value for option '--out': " + file
                + " is a file, not a directory\n");
        assertThat(started).as("bad usage is caught before Spring starts").hasSize(1);
        assertThat(out).doesNotExist();
    }
}
