package org.piiscanner.scanner.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.util.concurrent.Callable;
import org.piiscanner.scanner.subject.SignedReport;
import org.piiscanner.scanner.subject.SigningKeys;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code pii-scanner verify-report FILE}: checks the signature of an erasure-verification report against a
 * trusted public key. Needs no findings store: give the report and the public key to anyone who must check it.
 */
@Command(name = "verify-report", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        sortOptions = false,
        description = {"Checks that a signed report ('subject verify') is intact and was signed by the trusted key.",
            "The trusted key is --public-key, or the data directory's signing/report-signing.pub. The public key "
                + "embedded in a report only names the signer: a report signed by any other key is invalid.", ""},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:valid", "1:invalid: altered, truncated, unsigned or signed by another key",
            "2:bad usage (the report or the public key cannot be read)"},
        footer = {"", "Examples:", "  pii-scanner verify-report erasure-12.report",
            "  pii-scanner verify-report --public-key report-signing.pub erasure-12.report"})
final class VerifyReportCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "The signed report.")
    private Path report;

    @Option(names = "--public-key", paramLabel = "FILE", description = "The trusted public key (PEM).")
    private Path publicKey;

    @Option(names = "--data-dir", paramLabel = "DIR", defaultValue = "pii-data",
            description = "Use this data directory's public key when --public-key is not given. Default: "
                + "./${DEFAULT-VALUE}.")
    private Path dataDir;

    private final StandardStreams streams;

    VerifyReportCommand(StandardStreams streams) {
        this.streams = streams;
    }

    @Override
    public Integer call() {
        Path keyFile = publicKey != null ? publicKey
                : dataDir.resolve(SigningKeys.DIRECTORY).resolve(SigningKeys.PUBLIC_FILE);
        PublicKey trusted;
        try {
            trusted = SigningKeys.readPublicKey(keyFile);
        } catch (IOException e) {
            streams.err().println("pii-scanner: cannot read the public key " + keyFile + " (" + e.getClass()
                    .getSimpleName() + "); pass --public-key FILE or --data-dir DIR");
            return 2;
        } catch (GeneralSecurityException e) {
            streams.err().println("pii-scanner: " + keyFile + " is not an Ed25519 public key (PEM)");
            return 2;
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(report);
        } catch (IOException e) {
            streams.err().println("pii-scanner: cannot read " + report + " (" + e.getClass().getSimpleName() + ")");
            return 2;
        }
        SignedReport.Check check = SignedReport.verify(bytes, trusted);
        if (!check.valid()) {
            streams.out().println("INVALID: " + report + ": " + check.reason());
            return 1;
        }
        String summary = "";
        try {
            JsonNode r = JsonMapper.shared().readTree(check.report());
            summary = "; request " + r.path("request_id").asString("?") + ", verdict " + r.path("verdict")
                    .asString("?") + ", verified " + r.path("verified_at").asString("?") + " by "
                    + Printable.of(r.path("verified_by").asString("?"));
        } catch (RuntimeException e) {
            // valid signature over content that is not a report: say only that it is signed
        }
        streams.out().println("VALID: " + report + " is signed by " + check.keyId() + summary);
        return 0;
    }
}
