package org.piiscanner.scanner.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.piiscanner.scanner.subject.IdentifierTypes;
import org.piiscanner.scanner.subject.SubjectIdentifier;
import org.piiscanner.scanner.subject.SubjectService;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code pii-scanner subject find}: searches the index for one person by any of their identifiers and lists the
 * locations that hold their data, best evidence first, grouped by source.
 */
@Command(name = "find", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        sortOptions = false,
        description = {"Finds the locations (files, documents inside archives and e-mails, database rows) that hold "
            + "one person's data, from any of their identifiers.",
            "Each identifier is normalised and hashed exactly as the scans did (a phone number in any format, a name "
                + "in any order, case, accents or hyphenation, spelling variants by sound). Locations are ranked by "
                + "evidence: one strong identifier (e-mail, NINO, phone, account...) is enough on its own; two "
                + "identifiers rank above one; a name alone ranks below both.",
            "The request is recorded by id with the identifiers' hashes (never their values) for 'subject export' "
                + "and 'subject verify'. Identifiers on the command line are visible to other users of the machine "
                + "(process list, shell history): prefer --from - and type them on standard input.", ""},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:done, with or without results", "1:an error (no store or index, database unreachable)",
            "2:bad usage"},
        footer = {"", "Examples:",
            "  pii-scanner subject find --name \"Jane Smith\" --email jane.smith@example.com \\",
            "      --phone \"020 7946 0999\"",
            "  pii-scanner subject find --from - --json < ids.txt   (name=..., email=...)",
            "  pii-scanner subject find --id UK_PASSPORT=123456789 --csv results.csv"})
final class SubjectFindCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--name", paramLabel = "NAME", description = "The person's name (repeat for other names).")
    private List<String> names = new ArrayList<>();

    @Option(names = "--email", paramLabel = "ADDRESS", description = "An e-mail address (repeatable).")
    private List<String> emails = new ArrayList<>();

    @Option(names = "--phone", paramLabel = "NUMBER", description = "A phone number, any format (repeatable).")
    private List<String> phones = new ArrayList<>();

    @Option(names = "--nino", paramLabel = "NINO", description = "A National Insurance number (repeatable).")
    private List<String> ninos = new ArrayList<>();

    @Option(names = "--dob", paramLabel = "DATE", description = "Date of birth, e.g. 12/03/1985 or 1985-03-12; "
            + "adds to other evidence, never enough alone.")
    private List<String> dobs = new ArrayList<>();

    @Option(names = "--id", paramLabel = "KIND=VALUE",
            description = "Any other identifier: an entity type (UK_NHS, UK_PASSPORT, UK_DRIVING_LICENCE, UK_UTR, "
                + "IBAN_CODE, CREDIT_CARD, UK_SORT_CODE_ACCOUNT, UK_POSTCODE, IP_ADDRESS...) or a short name "
                + "(nhs, passport, licence, utr, iban, card, account, postcode, ip...). Repeatable.")
    private List<String> ids = new ArrayList<>();

    @Option(names = "--from", paramLabel = "FILE",
            description = "Read identifiers from FILE ('-' for standard input), one KIND=VALUE per line (KIND: name, "
                + "email, phone, nino, dob or any --id kind); blank lines and lines starting with # are ignored.")
    private String from;

    @ArgGroup(exclusive = true)
    private Output output = new Output();

    static final class Output {
        @Option(names = "--json", description = "Print one JSON object per location per line.")
        boolean json;

        @Option(names = "--csv", paramLabel = "FILE", description = "Also write the results to FILE as CSV.")
        Path csv;
    }

    @Option(names = "--limit", paramLabel = "N", defaultValue = "" + SubjectService.DEFAULT_LIMIT,
            description = "List at most N locations. Default: ${DEFAULT-VALUE}.")
    private int limit;

    @Option(names = "--min-score", paramLabel = "S", defaultValue = "" + SubjectService.DEFAULT_MIN_SCORE,
            description = "List locations whose evidence scores at least S (0 to 1). Default: ${DEFAULT-VALUE} "
                + "(a full name alone scores 0.5, a name in parts or spelling variants 0.3).")
    private double minScore;

    @Mixin
    private DataDirOptions store;

    private final StandardStreams streams;
    private final ApplicationContextLauncher spring;

    SubjectFindCommand(StandardStreams streams, ApplicationContextLauncher spring) {
        this.streams = streams;
        this.spring = spring;
    }

    @Override
    public Integer call() {
        List<SubjectIdentifier> identifiers = identifiers();
        if (limit < 1 || !(minScore >= 0 && minScore < 1)) {
            throw new ParameterException(spec.commandLine(), "--limit must be at least 1 and --min-score in [0, 1)");
        }
        return SubjectCommand.withService(spring, store, streams, service -> {
            SubjectService.FindOutcome outcome = service.find(identifiers, limit, minScore);
            SubjectPrinter printer = new SubjectPrinter(streams.out());
            if (output.json) {
                printer.jsonLines(outcome);
            } else {
                printer.table(outcome);
            }
            streams.out().flush();
            if (output.csv != null) {
                try (Writer w = Files.newBufferedWriter(output.csv, StandardCharsets.UTF_8)) {
                    printer.csv(outcome, w);
                } catch (IOException e) {
                    streams.err().println("pii-scanner: cannot write " + output.csv + ": " + e.getMessage());
                    return 1;
                }
            }
            streams.err().println(String.format(Locale.ROOT, "Request %d: %d %s listed%s%s. Audit entry %s.",
                    outcome.requestId(), outcome.matches().size(),
                    outcome.matches().size() == 1 ? "location" : "locations",
                    outcome.belowMinimum() > 0 ? ", " + outcome.belowMinimum() + " more with too little evidence "
                        + "(--min-score)" : "",
                    outcome.truncated() ? "; more locations matched than --limit " + limit : "",
                    outcome.auditHead()));
            streams.err().println("Next: 'pii-scanner subject export --request " + outcome.requestId()
                    + " --format csv --output FILE' or 'pii-scanner subject verify --request " + outcome.requestId()
                    + "'.");
            return 0;
        });
    }

    /** The identifiers of the options and of {@code --from}, in that order; usage errors for bad ones. */
    private List<SubjectIdentifier> identifiers() {
        List<SubjectIdentifier> out = new ArrayList<>();
        try {
            names.forEach(n -> out.add(SubjectIdentifier.name(n)));
            emails.forEach(v -> out.add(SubjectIdentifier.of("email", v)));
            phones.forEach(v -> out.add(SubjectIdentifier.of("phone", v)));
            ninos.forEach(v -> out.add(SubjectIdentifier.of("nino", v)));
            dobs.forEach(v -> out.add(SubjectIdentifier.of("dob", v)));
            for (String id : ids) {
                out.add(parse(id, "--id"));
            }
            if (from != null) {
                int line = 0;
                for (String l : readFrom()) {
                    line++;
                    if (!l.isBlank() && !l.strip().startsWith("#")) {
                        out.add(parse(l.strip(), (from.equals("-") ? "standard input" : from) + " line " + line));
                    }
                }
            }
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        if (out.isEmpty()) {
            throw new ParameterException(spec.commandLine(),
                    "Give at least one identifier: --name, --email, --phone, --nino, --dob, --id or --from");
        }
        return out;
    }

    private static SubjectIdentifier parse(String kindValue, String where) {
        int eq = kindValue.indexOf('=');
        if (eq <= 0 || eq == kindValue.length() - 1) {
            throw new IllegalArgumentException(where + ": expected KIND=VALUE (e.g. passport=123456789)");
        }
        String kind = kindValue.substring(0, eq).strip();
        String value = kindValue.substring(eq + 1).strip();
        if (kind.equalsIgnoreCase("name") || kind.equalsIgnoreCase(IdentifierTypes.PERSON)) {
            return SubjectIdentifier.name(value);
        }
        try {
            return SubjectIdentifier.of(kind, value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": " + e.getMessage());
        }
    }

    private List<String> readFrom() {
        try {
            if (from.equals("-")) {
                return new BufferedReader(new InputStreamReader(streams.in(), StandardCharsets.UTF_8)).lines()
                        .toList();
            }
            return Files.readAllLines(Path.of(from), StandardCharsets.UTF_8);
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new IllegalArgumentException("cannot read --from " + from + ": " + e.getMessage());
        }
    }
}
