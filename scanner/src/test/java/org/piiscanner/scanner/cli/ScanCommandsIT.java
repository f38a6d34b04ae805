package org.piiscanner.scanner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.piiscanner.scanner.PiiScannerApplication;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code scan files}, {@code runs} and {@code locations} through the command line, as a user runs them, and what
 * reads their results: {@code subject find} and {@code report} over a scan of samples/. No planted value reaches
 * the data directory.
 */
class ScanCommandsIT {

    @TempDir
    Path dir;

    private ConfigurableApplicationContext start(Map<String, Object> properties) {
        List<String> args = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toList();
        return new SpringApplicationBuilder(PiiScannerApplication.class).web(WebApplicationType.NONE)
                .bannerMode(Banner.Mode.OFF).logStartupInfo(false).run(args.toArray(String[]::new));
    }

    private CliRunner.Result cli(String... args) {
        return CliRunner.runWithSpring(this::start, args);
    }

    @Test
    void scanTheSamplesThenListRunsAndLocationsFindASubjectAndReport() throws IOException {
        String data = dir.resolve("data").toString();

        CliRunner.Result scan = cli("scan", "files", "--data-dir", data, "--threads", "2", "--exclude", "db",
                "../samples"); // the sample database's script is for 'scan db'
        assertThat(scan.exitCode()).as(scan.err()).isZero();
        assertThat(scan.outLines()).hasSize(3);
        assertThat(scan.outLines().get(0)).startsWith("Scan run 1 completed in ")
                .endsWith(": 14 scanned, 0 unchanged, 0 skipped, 0 deleted (locations: files and documents inside "
                        + "them)");
        assertThat(scan.outLines().get(1)).isEqualTo("Findings: 164 (identity 55, contact 44, financial 26, "
                + "special_category 17, profile 11, technical 9, criminal_offence 2)");
        assertThat(scan.outLines().get(2)).matches("Read 0\\.0[0-9] MB at [0-9.]+ MB/s\\.");

        CliRunner.Result runs = cli("runs", "--data-dir", data, "--json");
        assertThat(runs.exitCode()).as(runs.err()).isZero();
        assertThat(runs.outLines()).singleElement().asString().startsWith("{\"run\": 1, \"kind\": \"FILES\", "
                + "\"status\": \"COMPLETED\", ").contains("\"scanned\": 14, \"unchanged\": 0, \"skipped\": 0, "
                + "\"deleted\": 0, \"findings\": 164, ");

        CliRunner.Result locations = cli("locations", "--data-dir", data, "--json");
        assertThat(locations.exitCode()).as(locations.err()).isZero();
        assertThat(locations.outLines()).hasSize(14).contains("{\"path\": \"hr-letter.txt\", \"outcome\": "
                + "\"SCANNED\", \"reason\": null, \"findings\": 25, \"detail\": null, \"source\": \""
                + Path.of("../samples").toAbsolutePath().normalize() + "\", \"run\": 1, \"id\": "
                + idOf(locations.outLines(), "hr-letter.txt") + "}");
        assertThat(cli("locations", "--data-dir", data, "--outcome", "skipped").outLines())
                .containsExactly("OUTCOME    REASON                  FINDINGS  PATH");

        // what reads the scan's results: a subject search and a report
        CliRunner.Result find = cli("subject", "find", "--data-dir", data, "--email", "Sarah.Morgan@example.com");
        assertThat(find.exitCode()).as(find.err()).isZero();
        assertThat(find.out()).contains("hr-letter.txt");
        Path reports = dir.resolve("reports");
        CliRunner.Result report = cli("report", "--data-dir", data, "--format", "html,json", "--out",
                reports.toString());
        assertThat(report.exitCode()).as(report.err()).isZero();
        assertThat(Files.readString(reports.resolve("report.html"))).contains("hr-letter.txt")
                .contains("offer-letter.docx");

        // a second scan: everything unchanged
        CliRunner.Result again = cli("scan", "files", "--data-dir", data, "--exclude", "db", "../samples");
        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(again.outLines().get(0)).startsWith("Scan run 2 completed in ")
                .endsWith(": 0 scanned, 14 unchanged, 0 skipped, 0 deleted (locations: files and documents inside "
                        + "them)");

        // no planted value in any byte of the data directory
        StringBuilder bytes = new StringBuilder();
        try (Stream<Path> walk = Files.walk(dir.resolve("data"))) {
            for (Path f : walk.filter(Files::isRegularFile).toList()) {
                bytes.append(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1)).append('\n');
            }
        }
        String all = bytes.toString().toLowerCase(Locale.ROOT);
        assertThat(all).as("positive control").contains("hr-letter.txt");
        for (String planted : List.of("sarah.morgan@example.com", "oliver.brennan@example.net", "07400 123456",
                "+447400123456", "morga753116sm9ij", "999 000 0018", "9990000018", "gb82west12345698765432",
                "de89370400440532013000", "5555555555554444", "22345 67890")) {
            for (var cs : List.of(StandardCharsets.UTF_8, StandardCharsets.UTF_16LE, StandardCharsets.UTF_16BE)) {
                assertThat(all).as("data directory holds %s", planted)
                        .doesNotContain(new String(planted.getBytes(cs), StandardCharsets.ISO_8859_1));
            }
        }
    }

    @Test
    void badRootsGlobsAndMissingSubcommandsAreOneLineErrors() {
        String data = dir.resolve("data").toString();
        CliRunner.Result missing = cli("scan", "files", "--data-dir", data, dir.resolve("nope").toString());
        assertThat(missing.exitCode()).isEqualTo(1);
        assertThat(missing.err()).isEqualTo("pii-scanner: " + dir.resolve("nope") + ": no such directory; nothing "
                + "was scanned\n");

        CliRunner.Result glob = cli("scan", "files", "--data-dir", data, "--include", "a/***/b", "../samples");
        assertThat(glob.exitCode()).isEqualTo(2);
        assertThat(glob.err()).startsWith("Invalid value for option '--include': 'a/***/b': ");

        assertThat(cli("scan").exitCode()).isEqualTo(2);
        CliRunner.Result noStore = cli("runs", "--data-dir", data);
        assertThat(noStore.exitCode()).isEqualTo(1);
        assertThat(noStore.err()).startsWith("pii-scanner: there is no findings store in ");
    }

    private static String idOf(List<String> lines, String path) {
        for (String l : lines) {
            if (l.startsWith("{\"path\": \"" + path + "\"")) {
                return l.replaceAll(".*\"id\": (\\d+)}$", "$1");
            }
        }
        return "?";
    }
}
