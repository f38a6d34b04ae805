package org.piiscanner.scanner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.piiscanner.classifiers.EntityType;
import org.piiscanner.classifiers.text.Masking;
import picocli.CommandLine;
import tools.jackson.databind.json.JsonMapper;

/** The {@code detect} command end to end, in-process, on real files. */
class DetectCommandTest {

    /** Names and special-category phrases: left out where a test is about identifiers in document parts. */
    private static final String NON_IDENTIFIER_TYPES = "PERSON,LOCATION,ORGANIZATION,SPECIAL_CATEGORY_HEALTH,"
            + "SPECIAL_CATEGORY_ETHNIC_ORIGIN,SPECIAL_CATEGORY_POLITICAL_OPINION,SPECIAL_CATEGORY_RELIGIOUS_BELIEF,"
            + "SPECIAL_CATEGORY_TRADE_UNION,SPECIAL_CATEGORY_GENETIC,SPECIAL_CATEGORY_BIOMETRIC,SPECIAL_CATEGORY_SEX_LIFE,"
            + "CRIMINAL_OFFENCE";

    /** A UK NINO and a published test card; the accent and the emoji make char, code point and byte offsets differ. */
    static final String TEXT = "Réf 😀 NI number: AB 12 34 56 C\nVisa 4111 1111 1111 1111\n";
    static final String NINO = "AB 12 34 56 C";
    static final String CARD = "4111 1111 1111 1111";
    static final List<String> RAW_VALUES = List.of(NINO, "AB123456C", "AB 12 34", CARD, "4111111111111111",
            "1111 1111");

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path dir;
    private Path letter;

    @BeforeEach
    void writeLetter() throws IOException {
        letter = dir.resolve("letter.txt");
        Files.writeString(letter, TEXT, StandardCharsets.UTF_8);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> json(CliRunner.Result result) {
        List<Map<String, Object>> objects = new ArrayList<>();
        for (String line : result.outLines()) {
            objects.add(JSON.readValue(line, LinkedHashMap.class));
        }
        return objects;
    }

    @Test
    void jsonGivesTheContractFieldsFirstWithOffsetsInJavaChars() {
        CliRunner.Result result = CliRunner.run("detect", "--json", letter.toString());

        assertThat(result.exitCode()).isZero();
        List<Map<String, Object>> findings = json(result);
        assertThat(findings).hasSize(2);
        Map<String, Object> nino = findings.get(0);
        assertThat(new ArrayList<>(nino.keySet()).subList(0, 8))
                .containsExactly("file", "start", "end", "type", "category", "score", "detector", "preview");
        assertThat(nino).containsEntry("file", letter.toString()).containsEntry("start", 18).containsEntry("end", 31)
                .containsEntry("type", "UK_NINO").containsEntry("category", "IDENTITY")
                .containsEntry("detector", "uk_nino")
                .containsEntry("preview", Masking.preview(EntityType.UK_NINO, NINO))
                .containsEntry("test_value", false).containsEntry("line", 1).containsEntry("column", 19);
        assertThat(((Number) nino.get("score")).doubleValue()).isBetween(0.9, 1.0);
        assertThat(TEXT.substring(18, 31)).isEqualTo(NINO);

        Map<String, Object> card = findings.get(1);
        assertThat(card).containsEntry("start", 37).containsEntry("end", 56).containsEntry("type", "CREDIT_CARD")
                .containsEntry("category", "FINANCIAL").containsEntry("detector", "credit_card")
                .containsEntry("test_value", true).containsEntry("line", 2).containsEntry("column", 6)
                .containsEntry("preview", Masking.preview(EntityType.CREDIT_CARD, CARD));
        assertThat(TEXT.substring(37, 56)).isEqualTo(CARD);
        assertThat(result.out()).startsWith("{\"file\": \"" + letter + "\", \"start\": 18, \"end\": 31, "
                + "\"type\": \"UK_NINO\", \"category\": \"IDENTITY\", \"score\": ");
        assertThat(result.err()).isEqualTo(result.err().lines().findFirst().orElseThrow() + "\n")
                .startsWith("2 findings in 1 file scanned, 0 skipped, 0 failed (");
    }

    @Test
    void theTableShowsFileLineColumnTypeCategoryScoreDetectorAndMaskedPreview() {
        CliRunner.Result result = CliRunner.run("detect", letter.toString());

        assertThat(result.exitCode()).isZero();
        List<String> lines = result.outLines();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0).split(" +"))
                .containsExactly("FILE", "LINE:COL", "TYPE", "CATEGORY", "SCORE", "DETECTOR", "PREVIEW");
        assertThat(lines.get(1)).startsWith(letter + "  1:19").contains(" UK_NINO ", " IDENTITY ", " uk_nino ")
                .endsWith(Masking.preview(EntityType.UK_NINO, NINO));
        assertThat(lines.get(2)).startsWith(letter + "  2:6 ").contains(" CREDIT_CARD ", " FINANCIAL ")
                .endsWith(Masking.preview(EntityType.CREDIT_CARD, CARD) + " (test value)");
        assertThat(lines.get(1).indexOf("UK_NINO")).isEqualTo(lines.get(2).indexOf("CREDIT_CARD"));
        assertThat(result.err()).startsWith("2 findings in 1 file scanned, 0 skipped, 0 failed (");
    }

    @Test
    void rawValuesNeverAppearWithoutShowValues() {
        List<CliRunner.Result> runs = List.of(
                CliRunner.run("detect", letter.toString()),
                CliRunner.run("detect", "--json", letter.toString()),
                CliRunner.run("detect", "--explain", letter.toString()),
                CliRunner.run("detect", "--json", "--explain", letter.toString()));

        for (CliRunner.Result run : runs) {
            assertThat(run.out()).isNotEmpty();
            for (String raw : RAW_VALUES) {
                assertThat(run.out()).doesNotContain(raw);
                assertThat(run.err()).doesNotContain(raw);
            }
        }
    }

    @Test
    void showValuesAddsTheRawValue() {
        List<Map<String, Object>> findings = json(CliRunner.run("detect", "--json", "--show-values",
                letter.toString()));
        assertThat(findings).extracting(f -> f.get("value")).containsExactly(NINO, CARD);

        CliRunner.Result table = CliRunner.run("detect", "--show-values", letter.toString());
        assertThat(table.outLines().get(0)).endsWith(String.format("%-32s  VALUE", "PREVIEW"));
        assertThat(table.outLines().get(1)).endsWith("  " + NINO);
    }

    @Test
    void explainAddsTheExplanation() {
        Map<String, Object> nino = json(CliRunner.run("detect", "--json", "--explain", letter.toString())).get(0);

        assertThat(nino.get("explanation")).isEqualTo(Map.of("detector", "uk_nino", "pattern", "UK_NINO (grouped)",
                "base_score", 0.6, "validation", "VALID",
                "context", List.of(Map.of("word", "ni number", "delta", 0.35)),
                "final_score", 0.95, "note", ""));

        List<String> table = CliRunner.run("detect", "--explain", letter.toString()).outLines();
        assertThat(table.get(2)).isEqualTo(
                "    why: pattern 'UK_NINO (grouped)', base 0.6, validation VALID, context 'ni number' +0.35"
                        + " -> score 0.95");
    }

    @Test
    void onlySkipAndMinScoreSelectFindings() {
        assertThat(json(CliRunner.run("detect", "--json", "--only", "CREDIT_CARD", letter.toString())))
                .extracting(f -> f.get("type")).containsExactly("CREDIT_CARD");
        assertThat(json(CliRunner.run("detect", "--json", "--only", "uk_nino,credit_card", letter.toString())))
                .extracting(f -> f.get("type")).containsExactly("UK_NINO", "CREDIT_CARD");
        assertThat(json(CliRunner.run("detect", "--json", "--skip", "CREDIT_CARD", letter.toString())))
                .extracting(f -> f.get("type")).containsExactly("UK_NINO");
        CliRunner.Result strict = CliRunner.run("detect", "--json", "--min-score", "0.96", letter.toString());
        assertThat(json(strict)).extracting(f -> f.get("type")).containsExactly("CREDIT_CARD");
        assertThat(strict.err()).startsWith("1 finding in 1 file scanned");
    }

    @Test
    void aLowerMinScoreReportsWeakerFindings() throws IOException {
        Path weak = dir.resolve("weak.txt");
        Files.writeString(weak, "Ref AB123456C\n");

        assertThat(json(CliRunner.run("detect", "--json", "--min-score", "0.6", weak.toString()))).isEmpty();
        assertThat(json(CliRunner.run("detect", "--json", "--min-score", "0.3", weak.toString())))
                .extracting(f -> f.get("type")).containsExactly("UK_NINO");
    }

    @Test
    void aDirectoryIsScannedRecursivelyInSortedOrderWithRelativeNames() throws IOException {
        Path root = dir.resolve("tree");
        Files.createDirectories(root.resolve("sub"));
        Files.writeString(root.resolve("b.txt"), "NI number AB123456C\n");
        Files.writeString(root.resolve("a.txt"), "NI number AB123456C\n");
        Files.writeString(root.resolve("sub/c.txt"), "NI number AB123456C\n");
        Files.writeString(root.resolve("clean.txt"), "nothing here\n");

        CliRunner.Result result = CliRunner.run("detect", "--json", "--threads", "3", root.toString());

        assertThat(result.exitCode()).isZero();
        assertThat(json(result)).extracting(f -> f.get("file"))
                .containsExactly(root + "/a.txt", root + "/b.txt", root + "/sub/c.txt");
        assertThat(result.err()).startsWith("3 findings in 4 files scanned, 0 skipped, 0 failed");
    }

    @Test
    void manyFilesOnManyThreadsComeOutInPathOrder() throws IOException {
        Path many = Files.createDirectory(dir.resolve("many"));
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            String name = String.format("doc-%03d.txt", i);
            // Sizes vary so that workers finish out of order.
            Files.writeString(many.resolve(name), "x ".repeat((i % 7) * 20_000) + "NI number AB123456C\n");
            expected.add(many + "/" + name);
        }

        CliRunner.Result result = CliRunner.run("detect", "--json", "--threads", "4", "--only", "UK_NINO",
                many.toString());

        assertThat(json(result)).extracting(f -> f.get("file")).containsExactlyElementsOf(expected);
    }

    @Test
    void standardInputIsNamedDash() {
        CliRunner.Result result = CliRunner.runWithStdin(TEXT, "detect", "--json", "-");

        assertThat(result.exitCode()).isZero();
        assertThat(json(result)).extracting(f -> f.get("file") + "@" + f.get("start"))
                .containsExactly("-@18", "-@37");
    }

    @Test
    void aMissingPathIsAnErrorButTheOtherPathsAreScanned() {
        Path missing = dir.resolve("missing.txt");

        CliRunner.Result result = CliRunner.run("detect", "--json", missing.toString(), letter.toString());

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(json(result)).hasSize(2);
        assertThat(result.err()).startsWith("pii-scanner: " + missing + ": no such file or directory\n")
                .contains("2 findings in 1 file scanned, 0 skipped, 1 failed").doesNotContain("Exception");
    }

    @Test
    void binaryAndOversizedFilesAreSkippedWithAReason() throws IOException {
        Path binary = dir.resolve("image.bin");
        Files.write(binary, new byte[] {'A', 'B', '1', 0, 'x'});

        CliRunner.Result result = CliRunner.run("detect", binary.toString(), letter.toString());
        assertThat(result.exitCode()).isZero();
        assertThat(result.err()).startsWith("pii-scanner: skipped " + binary
                + ": binary file (NUL byte in the first 8 KB)\n").contains("1 skipped, 0 failed");

        CliRunner.Result small = CliRunner.run("detect", "--max-file-size", "16", letter.toString());
        assertThat(small.exitCode()).isZero();
        assertThat(small.out()).isEmpty();
        assertThat(small.err()).startsWith("pii-scanner: skipped " + letter + ": larger than the size limit "
                + "(16 bytes)\n").contains("0 findings in 0 files scanned, 1 skipped, 0 failed");
    }

    @Test
    void documentsInsideArchivesAreReportedAsPartsWithTheirPaths() {
        String zip = "../samples/archive/2021-hr.zip";

        CliRunner.Result result = CliRunner.run("detect", "--json", "--skip", NON_IDENTIFIER_TYPES, zip);

        assertThat(result.exitCode()).isZero();
        assertThat(json(result)).extracting(f -> f.get("file") + " " + f.get("type")).containsExactly(
                zip + "!/2021-hr/leavers.csv EMAIL_ADDRESS", zip + "!/2021-hr/leavers.csv UK_POSTCODE",
                zip + "!/2021-hr/leavers.csv PHONE_NUMBER", zip + "!/2021-hr/leavers.csv EMAIL_ADDRESS",
                zip + "!/2021-hr/leavers.csv UK_POSTCODE", zip + "!/2021-hr/leavers.csv PHONE_NUMBER",
                zip + "!/2021-hr/exit-interview.docx UK_UTR", zip + "!/2021-hr/exit-interview.docx UK_NHS");
        // the CSV, the Word document, its metadata (an author, no finding) and the zip itself
        assertThat(result.err()).startsWith("8 findings in 4 parts of 1 file scanned, 0 skipped, 0 failed (");
        assertThat(CliRunner.run("detect", "--skip", NON_IDENTIFIER_TYPES, zip).outLines().get(1)).startsWith(zip + "!/2021-hr/leavers.csv  2:17");
    }

    @Test
    void emailHeadersAreScannedAsTheMessagesMetadataPart() {
        List<Map<String, Object>> findings = json(CliRunner.run("detect", "--json", "--only", "EMAIL_ADDRESS",
                "../samples/mail/complaint.eml"));

        assertThat(findings).extracting(f -> f.get("file") + ":" + f.get("line"))
                .containsExactly("../samples/mail/complaint.eml#metadata:1", "../samples/mail/complaint.eml#metadata:2",
                        "../samples/mail/complaint.eml#metadata:3", "../samples/mail/complaint.eml#metadata:4");
    }

    @Test
    void findingsOnAPageSheetOrSlideSaySo() {
        List<Map<String, Object>> pdf = json(CliRunner.run("detect", "--json", "--skip", NON_IDENTIFIER_TYPES,
                "../samples/letters/reference.pdf"));
        List<Map<String, Object>> xlsx = json(CliRunner.run("detect", "--json", "--skip", NON_IDENTIFIER_TYPES,
                "../samples/finance/payroll.xlsx"));

        assertThat(pdf).extracting(f -> f.get("type") + "@" + f.get("page")).containsExactly("UK_POSTCODE@1",
                "PHONE_NUMBER@1", "EMAIL_ADDRESS@1", "EMAIL_ADDRESS@1", "UK_NHS@2", "UK_NINO@2");
        assertThat(xlsx).extracting(f -> f.get("type") + "@" + f.get("sheet")).containsExactly(
                "UK_NINO@Payroll March 2024", "UK_SORT_CODE_ACCOUNT@Payroll March 2024", "IBAN_CODE@Suppliers",
                "BIC@Suppliers", "UK_VAT@Suppliers", "IBAN_CODE@Suppliers", "EU_VAT@Suppliers");
        assertThat(new ArrayList<>(pdf.get(0).keySet())).containsSubsequence("line", "column", "page");
        assertThat(json(CliRunner.run("detect", "--json", letter.toString())).get(0)).doesNotContainKeys("page",
                "sheet", "slide");
    }

    @Test
    void skippedPartsAreReportedWithTheirReasonAndCounted() throws Exception {
        Path encrypted = dir.resolve("mixed.zip");
        Files.copy(Path.of(getClass().getResource("/extraction/testZipEncrypted.zip").toURI()), encrypted);

        CliRunner.Result result = CliRunner.run("detect", encrypted.toString(), letter.toString());

        assertThat(result.exitCode()).isZero();
        assertThat(result.err()).startsWith("pii-scanner: skipped " + encrypted + "!/encrypted.txt: encrypted (ZIP entry)\n")
                .contains("2 findings in 3 parts of 2 files scanned, 1 skipped, 0 failed (")
                .endsWith(" s); skipped: 1 encrypted\n");
    }

    @Test
    void textCutAtTheCharacterLimitIsAWarning() {
        CliRunner.Result result = CliRunner.run("detect", "--max-chars", "20", letter.toString());

        assertThat(result.exitCode()).isZero();
        assertThat(result.err()).startsWith("pii-scanner: warning: " + letter
                + ": only the first 20 characters were scanned (--max-chars)\n");
    }

    @Test
    void undecodableBytesAreReplacedAndOffsetsStayInTheDecodedText() throws IOException {
        Path latin1 = dir.resolve("latin1.txt");
        // 0xE9 is 'é' in Latin-1 but not valid UTF-8: it decodes to one U+FFFD.
        Files.write(latin1, "Caf\u00e9 NI number AB123456C\n".getBytes(StandardCharsets.ISO_8859_1));

        List<Map<String, Object>> findings = json(CliRunner.run("detect", "--json", latin1.toString()));

        assertThat(findings).extracting(f -> f.get("start") + "-" + f.get("end")).containsExactly("15-24");
    }

    @Test
    void oddFileNamesAreValidJsonStrings() throws IOException {
        List<String> names = new ArrayList<>(List.of("quote\"d.txt", "back\\slash.txt", "new\nline.txt",
                "tab\tname.txt", "ctl\u0001char.txt", "esc\u001b[31m.txt"));
        if (Charset.forName(System.getProperty("sun.jnu.encoding", "UTF-8")).equals(StandardCharsets.UTF_8)) {
            names.add("caf\u00e9 \u2028 \ud83d\ude00.txt");
        }
        Path odd = dir.resolve("odd");
        Files.createDirectories(odd);
        for (String name : names) {
            Files.writeString(odd.resolve(name), "NI number AB123456C\n");
        }

        CliRunner.Result result = CliRunner.run("detect", "--json", odd.toString());

        assertThat(result.outLines()).hasSize(names.size());
        assertThat(json(result)).extracting(f -> (String) f.get("file"))
                .containsExactlyInAnyOrderElementsOf(names.stream().map(n -> odd + "/" + n).toList());
        assertThat(result.out()).contains("/quote\\\"d.txt\"", "back\\\\slash", "new\\nline", "tab\\tname",
                "ctl\\u0001char", "esc\\u001b[31m");
    }

    @Test
    void oddFileNamesCannotBreakTheTableOrTheTerminal() throws IOException {
        Path odd = dir.resolve("new\nline\u001b[2J.txt");
        Files.writeString(odd, "NI number AB123456C\n");

        CliRunner.Result result = CliRunner.run("detect", odd.toString(), dir.resolve("gone\n.txt").toString());

        assertThat(result.outLines()).hasSize(2);
        assertThat(result.outLines().get(1)).startsWith(dir + "/new\\nline\\u001b[2J.txt  1:11");
        assertThat(result.err()).startsWith("pii-scanner: " + dir + "/gone\\n.txt: no such file or directory\n");
    }

    @Test
    void unknownOptionIsBadUsageWithTheUsageHelp() {
        CliRunner.Result result = CliRunner.run("detect", "--bogus", letter.toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).startsWith("Unknown option: '--bogus'\n").contains("Usage: pii-scanner detect")
                .doesNotContain("Exception");
    }

    @Test
    void badValuesAreBadUsage() {
        assertThat(CliRunner.run("detect", "--only", "UK_NINOO", letter.toString()).err()).startsWith(
                "Invalid value for option '--only': unknown entity type 'UK_NINOO' (did you mean 'UK_NINO'?); "
                        + "known types: ");
        assertThat(CliRunner.run("detect", "--skip", "PASSPORT_NUMBER", letter.toString()).err())
                .startsWith("Invalid value for option '--skip': unknown entity type 'PASSPORT_NUMBER'; known types: ");
        for (String[] args : List.of(
                new String[] {"detect", "--only", "NOPE", letter.toString()},
                new String[] {"detect", "--threads", "0", letter.toString()},
                new String[] {"detect", "--min-score", "1.5", letter.toString()},
                new String[] {"detect", "--min-score", "high", letter.toString()},
                new String[] {"detect", "--max-file-size", "lots", letter.toString()},
                new String[] {"detect", "-", "-"},
                new String[] {"detect"},
                new String[] {})) {
            CliRunner.Result result = CliRunner.run(args);
            assertThat(result.exitCode()).as(String.join(" ", args)).isEqualTo(2);
            assertThat(result.err()).as(String.join(" ", args)).contains("Usage: pii-scanner")
                    .doesNotContain("Exception");
            assertThat(result.out()).isEmpty();
        }
    }

    @Test
    void anInvalidConfigurationIsBadUsageWithTheLoadersMessage() throws IOException {
        Path config = dir.resolve("detectors.yml");
        Files.writeString(config, "detectors:\n  uk_nino:\n    contxt: {}\n");

        CliRunner.Result result = CliRunner.run("detect", "--config", config.toString(), letter.toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).isEqualTo("pii-scanner: " + config
                + ": detectors.uk_nino.contxt: unknown key (did you mean 'context'?)\n");
        assertThat(result.out()).isEmpty();
    }

    @Test
    void anUnknownDetectorIdIsReportedFromTheEngineWithTheFileName() throws IOException {
        Path config = dir.resolve("detectors.yml");
        Files.writeString(config, "detectors:\n  uk_nnio:\n    enabled: false\n");

        CliRunner.Result result = CliRunner.run("detect", "--config", config.toString(), letter.toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).startsWith("pii-scanner: " + config
                + ": unknown detector id 'uk_nnio' under 'detectors' (did you mean 'uk_nino'?); known detectors: ");
        Path missing = dir.resolve("none.yml");
        assertThat(CliRunner.run("detect", "--config", missing.toString(), letter.toString()).err())
                .isEqualTo("pii-scanner: " + missing + ": no such file\n");
    }

    @Test
    void theConfigurationChangesDetection() throws IOException {
        Path config = dir.resolve("detectors.yml");
        Files.writeString(config, "test-values: suppress\n");

        assertThat(json(CliRunner.run("detect", "--json", "--config", config.toString(), letter.toString())))
                .extracting(f -> f.get("type")).containsExactly("UK_NINO");
    }

    @Test
    void everyCommandHasHelpAndVersion() {
        PrintWriter sink = new PrintWriter(new StringWriter());
        StandardStreams streams = new StandardStreams(sink, sink, InputStream.nullInputStream());
        CommandLine cli = PiiScannerCli.commandLine(streams, p -> null);
        List<String> commands = new ArrayList<>(cli.getSubcommands().keySet());
        for (String command : commands) {
            CliRunner.Result help = CliRunner.run(command, "--help");
            assertThat(help.exitCode()).as(command).isZero();
            assertThat(help.out()).as(command).contains("Usage: pii-scanner " + command);
        }
        assertThat(commands).contains("detect", "help");
        CliRunner.Result help = CliRunner.run("--help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).startsWith("Usage: pii-scanner").contains("detect");
        CliRunner.Result version = CliRunner.run("--version");
        assertThat(version.exitCode()).isZero();
        assertThat(version.out()).startsWith("pii-scanner ");
        assertThat(CliRunner.run("detect", "--version").out()).startsWith("pii-scanner ");
    }
}
