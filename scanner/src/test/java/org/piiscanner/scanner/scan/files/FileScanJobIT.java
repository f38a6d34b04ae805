package org.piiscanner.scanner.scan.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.piiscanner.scanner.index.LocationIndex;
import org.piiscanner.scanner.store.FindingStore;
import org.piiscanner.scanner.store.RunCounts;
import org.piiscanner.scanner.store.RunStatus;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code fileScanJob} end to end on the synthetic samples and on hostile files: exact outcomes and finding counts
 * per location, incremental rescans, changed, touched, added and deleted files, and the index kept in step.
 */
class FileScanJobIT {

    /** Every location of samples/ after a first scan with the default detectors: outcome and findings. */
    static final Map<String, String> SAMPLES = new LinkedHashMap<>();

    static {
        SAMPLES.put("README.md", "SCANNED 3");
        SAMPLES.put("archive/2021-hr.zip", "SCANNED 0");
        SAMPLES.put("archive/2021-hr.zip!/2021-hr/exit-interview.docx", "SCANNED 7");
        SAMPLES.put("archive/2021-hr.zip!/2021-hr/leavers.csv", "SCANNED 7");
        SAMPLES.put("finance/payroll.xlsx", "SCANNED 11");
        SAMPLES.put("hr-case-notes.txt", "SCANNED 20");
        SAMPLES.put("hr-letter.txt", "SCANNED 25");
        SAMPLES.put("hr/offer-letter.docx", "SCANNED 14");
        SAMPLES.put("letters/reference.pdf", "SCANNED 16");
        SAMPLES.put("mail/complaint.eml", "SCANNED 10");
        SAMPLES.put("mail/complaint.eml!/refund-details.docx", "SCANNED 3");
        SAMPLES.put("payments.csv", "SCANNED 18");
        SAMPLES.put("server.log", "SCANNED 10");
        SAMPLES.put("support-email-thread.txt", "SCANNED 20");
    }

    @TempDir
    Path dir;

    @Test
    void scansTheSamplesThenFindsThemUnchangedThenFollowsChangesAdditionsAndDeletions() throws IOException {
        Path share = dir.resolve("share");
        FileScanTestbed.copyTree(Path.of("../samples"), share);
        // the sample database's script is for 'scan db'; the counts below are the documents'
        try (Stream<Path> db = Files.walk(share.resolve("db"))) {
            for (Path p : db.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
        try (ConfigurableApplicationContext context = FileScanTestbed.start(dir.resolve("data"))) {
            FileScanLauncher launcher = context.getBean(FileScanLauncher.class);
            FindingStore store = context.getBean(FindingStore.class);
            LocationIndex index = context.getBean(LocationIndex.class);

            // 1. first scan: every file and every document inside one is a location
            FileScanLauncher.Outcome first = launcher.run(FileScanTestbed.scanOf(2, share));
            assertThat(first.completed()).isTrue();
            assertThat(first.restarted()).isFalse();
            assertThat(FileScanTestbed.outcomes(store)).containsExactlyEntriesOf(SAMPLES);
            assertThat(first.run().status()).isEqualTo(RunStatus.COMPLETED);
            assertThat(first.run().counts()).isEqualTo(new RunCounts(14, 0, 0, 0, 164, sizeOf(share)));
            assertThat(store.findingsByCategory(first.runId())).containsExactly(entry("IDENTITY", 55L),
                    entry("CONTACT", 44L), entry("FINANCIAL", 26L), entry("SPECIAL_CATEGORY", 17L),
                    entry("PROFILE", 11L), entry("TECHNICAL", 9L), entry("CRIMINAL_OFFENCE", 2L));
            assertThat(index.count()).isEqualTo(14);
            assertThat(launcher.progress().doneFiles()).isEqualTo(11);

            // 2. nothing changed: all unchanged, nothing read again, the findings kept
            FileScanLauncher.Outcome second = launcher.run(FileScanTestbed.scanOf(2, share));
            assertThat(second.runId()).isGreaterThan(first.runId());
            assertThat(second.run().counts()).isEqualTo(new RunCounts(0, 14, 0, 0, 164, 0));
            assertThat(FileScanTestbed.outcomes(store).values()).allMatch(o -> o.startsWith("UNCHANGED "));
            assertThat(index.count()).isEqualTo(14);

            // 3. a file touched only (same content), one changed, one deleted, one added
            Path letter = share.resolve("hr-letter.txt");
            Files.setLastModifiedTime(letter, FileTime.fromMillis(Files.getLastModifiedTime(letter).toMillis()
                    + 60_000));
            Files.writeString(share.resolve("payments.csv"), "\nrefunds to sam.jones@example.org\n",
                    StandardCharsets.UTF_8, StandardOpenOption.APPEND);
            Files.delete(share.resolve("server.log"));
            Files.writeString(share.resolve("hr/new-starter.txt"), "New starter: call 020 7946 0321 or write to "
                    + "new.starter@example.com. NI number QQ 12 34 56 C.\n", StandardCharsets.UTF_8);
            FileScanLauncher.Outcome third = launcher.run(FileScanTestbed.scanOf(2, share));
            Map<String, String> expected = new LinkedHashMap<>(SAMPLES);
            expected.replaceAll((path, outcome) -> outcome.replace("SCANNED", "UNCHANGED"));
            expected.put("payments.csv", "SCANNED 19");
            expected.put("server.log", "DELETED 0");
            expected.put("hr/new-starter.txt", "SCANNED 2"); // e-mail and NINO; 020 7946 is a drama number
            assertThat(FileScanTestbed.outcomes(store)).containsExactlyInAnyOrderEntriesOf(expected);
            assertThat(third.run().counts().scanned()).isEqualTo(2);
            assertThat(third.run().counts().unchanged()).isEqualTo(12);
            assertThat(third.run().counts().deleted()).isEqualTo(1);
            assertThat(third.run().counts().findings()).isEqualTo(164 - 10 + 1 + 2);
            assertThat(index.count()).isEqualTo(14); // one document removed, one added
        }
    }

    @Test
    void hostileFilesAreSkippedWithTheirReasonAndTheJobCompletes() throws IOException, URISyntaxException {
        Path share = dir.resolve("share");
        Files.createDirectories(share.resolve("bad"));
        for (String name : List.of("testWORD_protected_passtika.docx", "testPassword4Spaces.pdf",
                "testWORD_truncated.docx", "quine.gz", "testZipEncrypted.zip", "testJPEG.jpg")) {
            Files.copy(Path.of(FileScanJobIT.class.getResource("/extraction/" + name).toURI()),
                    share.resolve("bad").resolve(name));
        }
        Files.write(share.resolve("bad/blob.dat"), new byte[] {'A', 'B', '1', 0, 'x', 7, 0, 0, 1});
        Files.write(share.resolve("big.txt"), new byte[(1 << 20) + 1]);
        Files.writeString(share.resolve("good.txt"), "Write to jo.bloggs@example.com\n", StandardCharsets.UTF_8);
        try (ConfigurableApplicationContext context = FileScanTestbed.start(dir.resolve("data"))) {
            FileScanLauncher launcher = context.getBean(FileScanLauncher.class);
            FindingStore store = context.getBean(FindingStore.class);
            FileScanParameters scan = FileScanTestbed.scanOf(2, share);
            scan = new FileScanParameters(0, scan.roots(), scan.includes(), scan.excludes(), false, 1 << 20,
                    scan.timeout(), 2, null, scan.configHash());

            FileScanLauncher.Outcome outcome = launcher.run(scan);

            assertThat(outcome.completed()).isTrue();
            assertThat(FileScanTestbed.outcomes(store)).containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
                    entry("bad/testWORD_protected_passtika.docx", "SKIPPED ENCRYPTED"),
                    entry("bad/testPassword4Spaces.pdf", "SKIPPED ENCRYPTED"),
                    entry("bad/testWORD_truncated.docx", "SKIPPED PARSE_ERROR"),
                    entry("bad/quine.gz", "SKIPPED ZIP_BOMB"),
                    entry("bad/quine.gz!/quine.gz", "SKIPPED ZIP_BOMB"),
                    entry("bad/testZipEncrypted.zip", "SCANNED 0"),
                    entry("bad/testZipEncrypted.zip!/unencrypted.txt", "SCANNED 0"),
                    entry("bad/testZipEncrypted.zip!/encrypted.txt", "SKIPPED ENCRYPTED"),
                    entry("bad/testJPEG.jpg", "SKIPPED NO_TEXT"),
                    entry("bad/blob.dat", "SKIPPED BINARY"),
                    entry("big.txt", "SKIPPED TOO_LARGE"),
                    entry("good.txt", "SCANNED 1")));
            assertThat(store.skippedByReason(outcome.runId())).containsExactly(entry("ENCRYPTED", 3L),
                    entry("ZIP_BOMB", 2L), entry("BINARY", 1L), entry("NO_TEXT", 1L), entry("PARSE_ERROR", 1L),
                    entry("TOO_LARGE", 1L));

            // next time: the same content is skipped again for the same reasons (files skipped for a reason of
            // their content are not read again, the others are); the rest is unchanged
            Map<String, String> before = new java.util.TreeMap<>(FileScanTestbed.outcomes(store));
            before.replaceAll((path, o) -> o.replace("SCANNED", "UNCHANGED"));
            FileScanLauncher.Outcome again = launcher.run(scan);
            // (9 skipped locations, but the bomb's inner copy was not read again: it keeps the run that recorded it)
            assertThat(again.run().counts()).isEqualTo(new RunCounts(0, 3, 8, 0, 1, 0));
            assertThat(FileScanTestbed.outcomes(store)).isEqualTo(before);
            assertThat(launcher.progress().totalFiles()).isEqualTo(9);
            assertThat(launcher.progress().doneFiles()).isEqualTo(9);
        }
    }

    @Test
    void includeAndExcludeGlobsChooseTheFilesAndSymbolicLinksAreNotFollowed() throws IOException {
        Path share = dir.resolve("share");
        Files.createDirectories(share.resolve("docs/tmp"));
        Files.writeString(share.resolve("docs/a.txt"), "mail a.person@example.com\n");
        Files.writeString(share.resolve("docs/b.csv"), "mail b.person@example.com\n");
        Files.writeString(share.resolve("docs/tmp/c.txt"), "mail c.person@example.com\n");
        Files.writeString(share.resolve("top.txt"), "mail top.person@example.com\n");
        Files.createSymbolicLink(share.resolve("docs/loop"), share);
        Files.createSymbolicLink(share.resolve("link.txt"), share.resolve("top.txt"));
        try (ConfigurableApplicationContext context = FileScanTestbed.start(dir.resolve("data"))) {
            FileScanLauncher launcher = context.getBean(FileScanLauncher.class);
            FindingStore store = context.getBean(FindingStore.class);
            FileScanParameters all = FileScanTestbed.scanOf(1, share);
            FileScanParameters some = new FileScanParameters(0, all.roots(), List.of("**/*.txt"),
                    List.of("**/tmp"), false, all.maxFileSize(), all.timeout(), 1, null, all.configHash());

            launcher.run(some);
            assertThat(FileScanTestbed.outcomes(store)).containsOnlyKeys("docs/a.txt", "top.txt");

            // following links: the link to the file is scanned, the loop back to the root entered once only
            FileScanParameters follow = new FileScanParameters(0, all.roots(), List.of(), List.of(), true,
                    all.maxFileSize(), all.timeout(), 1, null, all.configHash());
            launcher.run(follow);
            assertThat(FileScanTestbed.outcomes(store)).containsOnlyKeys("docs/a.txt", "docs/b.csv",
                    "docs/tmp/c.txt", "top.txt", "link.txt");
        }
    }

    private static long sizeOf(Path root) throws IOException {
        try (var walk = Files.walk(root)) {
            long total = 0;
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                total += Files.size(p);
            }
            return total;
        }
    }
}
