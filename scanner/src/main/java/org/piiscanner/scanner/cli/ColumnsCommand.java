package org.piiscanner.scanner.cli;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.piiscanner.scanner.scan.db.ColumnVerdictRow;
import org.piiscanner.scanner.scan.db.DbScanner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code pii-scanner columns [--run ID] [--json]}: the column verdicts of a database scan, with their evidence.
 * {@code --json} prints one object per column per line: {@code source}, {@code schema}, {@code table},
 * {@code column}, {@code sql_type}, {@code verdict}, {@code types}, {@code category}, {@code confidence},
 * {@code scanned}, {@code coverage}, {@code evidence} (a stable contract; fields are only ever added).
 */
@Command(name = "columns", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        sortOptions = false,
        description = {"Lists the column verdicts of a database scan: which columns hold which kind of personal "
            + "data, how sure the scanner is, why (the signals, match counts and masked examples) and from how many "
            + "rows.", ""},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:done", "1:an error (no findings store, no such run)", "2:bad usage"},
        footer = {"", "Examples:", "  pii-scanner columns", "  pii-scanner columns --run 3 --json > columns.jsonl"})
final class ColumnsCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--run", paramLabel = "ID", description = "The database scan run. Default: the latest.")
    private Long run;

    @Option(names = "--json", description = "Print one JSON object per column per line.")
    private boolean json;

    @Mixin
    private DataDirOptions store;

    private final StandardStreams streams;
    private final ApplicationContextLauncher spring;

    ColumnsCommand(StandardStreams streams, ApplicationContextLauncher spring) {
        this.streams = streams;
        this.spring = spring;
    }

    @Override
    public Integer call() {
        if (run != null && run < 1) {
            throw new ParameterException(spec.commandLine(), "Invalid value for option '--run': must be a run id "
                    + "(1 or more), got " + run);
        }
        return StoreCommands.withContext(spring, store, streams, context -> {
            List<ColumnVerdictRow> verdicts = context.getBean(DbScanner.class).verdicts(run);
            if (verdicts.isEmpty()) {
                streams.err().println("pii-scanner: " + (run == null ? "no database scan in the findings store"
                        : "run " + run + " has no column verdicts (is it a database scan?)"));
                return 1;
            }
            if (json) {
                verdicts.forEach(v -> streams.out().println(json(v)));
            } else {
                table(verdicts);
            }
            streams.out().flush();
            long personal = verdicts.stream().filter(v -> v.verdict().equals("PERSONAL")).count();
            streams.err().println(String.format(Locale.ROOT, "Run %d: %d column%s, %d with personal data.",
                    verdicts.getFirst().runId(), verdicts.size(), verdicts.size() == 1 ? "" : "s", personal));
            return 0;
        });
    }

    private void table(List<ColumnVerdictRow> verdicts) {
        int w = Math.max(6, verdicts.stream().mapToInt(v -> Printable.of(v.display() + "." + v.column()).length())
                .max().orElse(6));
        String fmt = "%-" + w + "s  %-9s  %-28s  %-28s  %4s  %s%n";
        streams.out().printf(Locale.ROOT, fmt, "COLUMN", "VERDICT", "TYPES", "CATEGORY", "CONF", "COVERAGE");
        for (ColumnVerdictRow v : verdicts) {
            streams.out().printf(Locale.ROOT, fmt, Printable.of(v.display() + "." + v.column()), v.verdict(),
                    v.types().isEmpty() ? "-" : String.join(",", v.types()),
                    v.category() == null ? "-" : v.category().label(), String.format(Locale.ROOT, "%.2f",
                            v.confidence()), v.coverage());
            streams.out().println("    evidence: " + Printable.of(v.evidence()));
        }
    }

    static String json(ColumnVerdictRow v) {
        StringBuilder b = new StringBuilder("{");
        field(b, "source", v.source()).append(", ");
        field(b, "schema", v.schema()).append(", ");
        field(b, "table", v.table()).append(", ");
        field(b, "column", v.column()).append(", ");
        field(b, "sql_type", v.sqlType()).append(", ");
        field(b, "verdict", v.verdict()).append(", \"types\": [");
        for (int i = 0; i < v.types().size(); i++) {
            Json.string(b.append(i == 0 ? "" : ", "), v.types().get(i));
        }
        b.append("], ");
        field(b, "category", v.category() == null ? null : v.category().name()).append(", \"confidence\": ")
                .append(Json.number(v.confidence())).append(", \"scanned\": ").append(v.scanned()).append(", ");
        field(b, "coverage", v.coverage()).append(", ");
        field(b, "evidence", v.evidence());
        return b.append('}').toString();
    }

    private static StringBuilder field(StringBuilder b, String name, String value) {
        Json.string(b, name).append(": ");
        if (value == null) {
            return b.append("null");
        }
        return Json.string(b, value);
    }
}
