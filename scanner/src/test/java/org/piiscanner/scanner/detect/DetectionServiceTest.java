package org.piiscanner.scanner.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.piiscanner.classifiers.DetectionEngine;
import org.piiscanner.classifiers.EntityType;
import org.piiscanner.classifiers.Explanation;
import org.piiscanner.classifiers.Finding;
import org.piiscanner.classifiers.Validation;
import org.piiscanner.scanner.extraction.ExtractedPart;
import org.piiscanner.scanner.extraction.Extraction;
import org.piiscanner.scanner.extraction.PlainTextExtractor;
import org.piiscanner.scanner.extraction.SkipReason;
import org.piiscanner.scanner.extraction.TextExtractor;

class DetectionServiceTest {

    private static final DetectionEngine ENGINE = DetectionEngine.createDefault();
    private static final String NINO_LINE = "NI number AB123456C\n";

    @TempDir
    Path dir;

    private DetectionService service(int threads) {
        return new DetectionService(new PlainTextExtractor(1 << 20), ENGINE, threads);
    }

    private Path file(String relative, String content) throws IOException {
        Path p = dir.resolve(relative);
        Files.createDirectories(p.getParent());
        Files.writeString(p, content, StandardCharsets.UTF_8);
        return p;
    }

    private static List<DocumentResult> runAll(DetectionService service, ScanPlan plan) {
        List<DocumentResult> results = new ArrayList<>();
        service.run(plan, results::add);
        return results;
    }

    @Test
    void walksDirectoriesDepthFirstInFileNameOrder() throws IOException {
        file("c.txt", "");
        file("b/x.txt", "");
        file("a.txt", "");
        file("b/a/y.txt", "");
        file("b.txt", "");
        file("B-upper.txt", "");

        ScanPlan plan = service(1).plan(List.of(dir.toString()), InputStream.nullInputStream());

        assertThat(plan.names()).containsExactly(dir + "/B-upper.txt", dir + "/a.txt", dir + "/b/a/y.txt",
                dir + "/b/x.txt", dir + "/b.txt", dir + "/c.txt");
    }

    @Test
    void keepsTheArgumentAsGivenAndJoinsRelativeNamesToIt() throws IOException {
        Path a = file("sub/a.txt", "");

        ScanPlan plan = service(1).plan(List.of(dir + "/sub/", a.toString(), "-"), InputStream.nullInputStream());

        assertThat(plan.names()).containsExactly(dir + "/sub/a.txt", a.toString(), "-");
    }

    @Test
    void doesNotFollowSymbolicLinksInsideDirectoriesButReadsOneGivenExplicitly() throws IOException {
        Path target = file("real/a.txt", NINO_LINE);
        Path tree = Files.createDirectories(dir.resolve("tree"));
        Files.createSymbolicLink(tree.resolve("link.txt"), target);
        Files.createSymbolicLink(tree.resolve("linkdir"), target.getParent());
        Files.createSymbolicLink(tree.resolve("loop"), tree);
        Path explicit = Files.createSymbolicLink(dir.resolve("explicit.txt"), target);

        DetectionService service = service(2);
        ScanPlan plan = service.plan(List.of(tree.toString(), explicit.toString()), InputStream.nullInputStream());

        assertThat(plan.names()).containsExactly(explicit.toString());
        assertThat(runAll(service, plan)).singleElement().isInstanceOfSatisfying(DocumentResult.Scanned.class,
                s -> assertThat(s.findings()).hasSize(1));
    }

    @Test
    void missingPathsAndBrokenLinksAreFailuresInArgumentOrder() throws IOException {
        Path ok = file("ok.txt", NINO_LINE);
        Path broken = Files.createSymbolicLink(dir.resolve("broken"), dir.resolve("nowhere"));
        String missing = dir.resolve("missing.txt").toString();

        DetectionService service = service(2);
        List<DocumentResult> results = runAll(service,
                service.plan(List.of(missing, ok.toString(), broken.toString()), InputStream.nullInputStream()));

        assertThat(results).containsExactly(
                new DocumentResult.Failed(missing, "no such file or directory"),
                results.get(1),
                new DocumentResult.Failed(broken.toString(), "broken symbolic link"));
        assertThat(results.get(1)).isInstanceOf(DocumentResult.Scanned.class);
    }

    @Test
    void readsStandardInput() {
        DetectionService service = service(1);
        InputStream stdin = new ByteArrayInputStream(NINO_LINE.getBytes(StandardCharsets.UTF_8));

        List<DocumentResult> results = runAll(service, service.plan(List.of("-"), stdin));

        assertThat(results).singleElement().isInstanceOfSatisfying(DocumentResult.Scanned.class, s -> {
            assertThat(s.name()).isEqualTo("-");
            assertThat(s.findings()).extracting(f -> f.finding().start()).containsExactly(10);
        });
    }

    @Test
    void deliversResultsInPlanOrderWhateverOrderWorkersFinishIn() throws IOException {
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            expected.add(file(String.format("f%02d.txt", i), NINO_LINE).toString());
        }
        // Early documents are the slowest, so later ones finish first.
        TextExtractor slowFirst = (source, sink) -> {
            int n = Integer.parseInt(source.name().substring(source.name().length() - 6, source.name().length() - 4));
            sleep(n < 8 ? 40 : 1);
            new PlainTextExtractor(1 << 20).extract(source, sink);
        };
        DetectionService service = new DetectionService(slowFirst, ENGINE, 4);

        List<DocumentResult> results = runAll(service, service.plan(List.of(dir.toString()),
                InputStream.nullInputStream()));

        assertThat(results).extracting(DocumentResult::name).containsExactlyElementsOf(expected);
    }

    @Test
    void keepsABoundedNumberOfDocumentsInFlightOnTheGivenNumberOfThreads() throws IOException {
        for (int i = 0; i < 100; i++) {
            file(String.format("f%03d.txt", i), NINO_LINE);
        }
        AtomicInteger started = new AtomicInteger();
        Set<String> threads = ConcurrentHashMap.newKeySet();
        TextExtractor counting = (source, sink) -> {
            started.incrementAndGet();
            threads.add(Thread.currentThread().getName());
            new PlainTextExtractor(1 << 20).extract(source, sink);
        };
        DetectionService service = new DetectionService(counting, ENGINE, 3);
        AtomicInteger delivered = new AtomicInteger();
        AtomicInteger maxAhead = new AtomicInteger();

        service.run(service.plan(List.of(dir.toString()), InputStream.nullInputStream()), result -> {
            sleep(2);
            maxAhead.accumulateAndGet(started.get() - delivered.incrementAndGet(), Math::max);
        });

        assertThat(delivered).hasValue(100);
        assertThat(maxAhead.get()).isBetween(1, 3 * 4);
        assertThat(threads).hasSizeBetween(1, 3).allSatisfy(t -> assertThat(t).startsWith("pii-scanner-worker-"));
    }

    @Test
    void partsOfALargeDocumentAreDeliveredWhileItIsStillBeingExtracted() throws IOException {
        Path mailbox = file("mailbox.txt", NINO_LINE);
        AtomicInteger emitted = new AtomicInteger();
        TextExtractor manyParts = (source, sink) -> {
            for (int i = 0; i < 500; i++) {
                emitted.incrementAndGet();
                sink.accept(new ExtractedPart(source.name() + "!/message-" + i,
                        new Extraction.Text(NINO_LINE, java.util.Map.of())));
            }
        };
        DetectionService service = new DetectionService(manyParts, ENGINE, 2);
        AtomicInteger delivered = new AtomicInteger();
        AtomicInteger maxWaiting = new AtomicInteger();

        service.run(service.plan(List.of(mailbox.toString()), InputStream.nullInputStream()), result -> {
            maxWaiting.accumulateAndGet(emitted.get() - delivered.incrementAndGet(), Math::max);
            assertThat(result).isInstanceOfSatisfying(DocumentResult.Scanned.class,
                    s -> assertThat(s.findings()).hasSize(1));
        });

        assertThat(delivered).hasValue(500);
        assertThat(maxWaiting.get()).as("parts extracted but not yet delivered").isBetween(0, 20);
    }

    @Test
    void aDetectionBugFailsOneDocumentWithoutQuotingIt() throws IOException {
        Path a = file("a.txt", NINO_LINE);
        Path b = file("b.txt", NINO_LINE);
        TextExtractor buggy = (source, sink) -> {
            if (source.name().endsWith("a.txt")) {
                throw new NumberFormatException("For input string: \"AB123456C\"");
            }
            new PlainTextExtractor(1 << 20).extract(source, sink);
        };
        DetectionService service = new DetectionService(buggy, ENGINE, 2);

        List<DocumentResult> results = runAll(service, service.plan(List.of(a.toString(), b.toString()),
                InputStream.nullInputStream()));

        assertThat(results.get(0)).isInstanceOfSatisfying(DocumentResult.Failed.class, f -> assertThat(f.message())
                .startsWith("internal error (java.lang.NumberFormatException at ")
                .endsWith("); please report it")
                .doesNotContain("AB123456C"));
        assertThat(results.get(1)).isInstanceOf(DocumentResult.Scanned.class);
    }

    @Test
    void aSkippedExtractionIsASkippedResult() throws IOException {
        Path bin = dir.resolve("bin");
        Files.write(bin, new byte[] {1, 0, 2});
        DetectionService service = service(1);

        assertThat(runAll(service, service.plan(List.of(bin.toString()), InputStream.nullInputStream())))
                .containsExactly(
                        new DocumentResult.Skipped(bin.toString(), SkipReason.BINARY, "NUL byte in the first 8 KB"));
    }

    static Stream<Arguments> positions() {
        return Stream.of(
                Arguments.of("AB", 0, 1, 1),
                Arguments.of("xx AB", 3, 1, 4),
                Arguments.of("x\nAB", 2, 2, 1),
                Arguments.of("x\r\n\r\nyy AB", 8, 3, 4),
                Arguments.of("\n\n\n", 3, 4, 1));
    }

    @ParameterizedTest
    @MethodSource("positions")
    void locatesOneBasedLinesAndColumns(String text, int offset, int line, int column) {
        Finding f = new Finding(EntityType.UK_NINO, offset, offset + 1, 0.5, false,
                new Explanation("uk_nino", "p", 0.5, Validation.VALID, List.of(), 0.5, ""), "x");

        assertThat(DetectionService.locate(text, List.of(f))).containsExactly(new LocatedFinding(f, line, column));
    }

    @Test
    void aDocumentOfUnknownSizeTakesTheWholeMemoryBudget() {
        MemoryBudget budget = new MemoryBudget(1 << 20);

        assertThat(budget.cost(-1)).isEqualTo(1024);
        assertThat(budget.cost(0)).isEqualTo(1);
        assertThat(budget.cost(1024)).isEqualTo(7);
        assertThat(budget.cost(1L << 30)).isEqualTo(1024);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
