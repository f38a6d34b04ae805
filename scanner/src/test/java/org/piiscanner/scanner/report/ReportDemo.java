package org.piiscanner.scanner.report;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.piiscanner.scanner.config.RetentionConfigLoader;
import org.piiscanner.scanner.store.ScanKind;
import org.piiscanner.scanner.testing.MutableClock;
import org.piiscanner.scanner.testing.ReportScenario;
import org.piiscanner.scanner.testing.TestStores;

/**
 * Not a test: writes the report of the synthetic {@link ReportScenario} (run 2, or {@code -Dreport.demo.run=3}
 * for the database; every format, with {@code config/retention.yml}) into {@code target/report-demo} (or
 * {@code -Dreport.demo.out=DIR}), to look at
 * it in a browser or render it with {@code docs/render-report.sh}. Run it by name (its name matches neither
 * {@code *Test} nor {@code *IT}, so the build never runs it):
 *
 * <pre>
 * mvn -B -q -pl scanner -am test -Dtest=ReportDemo -Dsurefire.failIfNoSpecifiedTests=false
 * docs/render-report.sh scanner/target/report-demo/report.html docs/report-screenshot.png
 * </pre>
 */
class ReportDemo {

    @Test
    void writeDemoReport() throws Exception {
        Path out = Path.of(System.getProperty("report.demo.out", "target/report-demo")).toAbsolutePath();
        Path data = out.resolve("data");
        if (Files.exists(data)) {
            try (Stream<Path> walk = Files.walk(data)) {
                for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        MutableClock clock = new MutableClock(ReportScenario.NOW);
        try (TestStores.Handle h = TestStores.h2(data, clock)) {
            ReportScenario scenario = new ReportScenario(h.store(), clock).build();
            long run = Long.getLong("report.demo.run", scenario.run2());
            new ReportService(h.store(), List.of((source, r) -> source.kind() == ScanKind.DB
                    ? List.of(new CoverageNote("public.customers.email", "SAMPLED", "3 of 3 rows")) : List.of()),
                    clock).write(run,
                    RetentionConfigLoader.load(Path.of("../config/retention.yml")),
                    EnumSet.allOf(ReportFormat.class), out);
        }
        System.out.println("report written to " + out.resolve("report.html"));
    }
}
