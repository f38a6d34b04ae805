package org.piiscanner.scanner.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.piiscanner.scanner.testing.Fixtures.protectedFinding;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.piiscanner.classifiers.DataCategory;
import org.piiscanner.classifiers.EntityType;
import org.piiscanner.classifiers.SpecialCategory;
import org.piiscanner.classifiers.Validation;
import org.piiscanner.scanner.protect.FindingPosition;
import org.piiscanner.scanner.protect.ProtectedFinding;
import org.piiscanner.scanner.protect.Protector;
import org.piiscanner.scanner.testing.Fixtures;
import org.piiscanner.scanner.testing.TestStores;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The findings store's behaviour, run against each database ({@link FindingStoreH2IT},
 * {@link FindingStorePostgresIT}).
 */
abstract class FindingStoreContract {

    static final String CONFIG = "cfg-1";
    final Protector protector = Fixtures.protector();
    TestStores.Handle handle;
    FindingStore store;

    abstract TestStores.Handle open() throws Exception;

    @BeforeEach
    void openStore() throws Exception {
        handle = open();
        store = handle.store();
    }

    @AfterEach
    void closeStore() {
        handle.close();
    }

    ProtectedFinding nino(int start) {
        return protectedFinding(protector, EntityType.UK_NINO, "QQ 12 34 56 C", start, 2);
    }

    ProtectedFinding email(String raw, int start) {
        return protectedFinding(protector, EntityType.EMAIL_ADDRESS, raw, start, 3);
    }

    ScannedLocation scanned(LocationPath path, long size, ProtectedFinding... findings) {
        return new ScannedLocation(path, Fingerprint.of(size, 1_700_000_000_000L).withContentHash("h" + size),
                CONFIG, List.of(findings));
    }

    // ------------------------------------------------------------------ runs and sources

    @Test
    void runsStartFinishReopenAndListNewestFirst() {
        long r1 = store.startRun(ScanKind.FILES, "scan files /srv/share", CONFIG);
        long r2 = store.startRun(ScanKind.DB, "scan db", CONFIG);
        long r3 = store.startRun(ScanKind.FILES, null, CONFIG);
        assertThat(r1).isLessThan(r2);
        assertThat(r2).isLessThan(r3);

        ScanRun finished = store.finishRun(r1, RunStatus.COMPLETED);
        assertThat(finished.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(finished.endedAt()).isNotNull().isAfterOrEqualTo(finished.startedAt());
        assertThat(finished.description()).isEqualTo("scan files /srv/share");
        assertThat(finished.kind()).isEqualTo(ScanKind.FILES);

        store.reopenRun(r1);
        assertThat(store.findRun(r1).orElseThrow().status()).isEqualTo(RunStatus.RUNNING);
        assertThat(store.findRun(r1).orElseThrow().endedAt()).isNull();
        assertThatThrownBy(() -> store.reopenRun(999_999)).isInstanceOf(IllegalArgumentException.class);

        Page<ScanRun> first = store.listRuns(null, 2);
        assertThat(first.items()).extracting(ScanRun::id).containsExactly(r3, r2);
        assertThat(first.hasNext()).isTrue();
        Page<ScanRun> second = store.listRuns(first.nextCursor(), 2);
        assertThat(second.items()).extracting(ScanRun::id).containsExactly(r1);
        assertThat(second.hasNext()).isFalse();
    }

    @Test
    void sourcesAreUpsertedOnceAndDatabaseCredentialsAreNeverStored() {
        long run = store.startRun(ScanKind.FILES, "", CONFIG);
        long a = store.upsertSource(run, ScanKind.FILES, "/srv/share");
        assertThat(store.upsertSource(run, ScanKind.FILES, "/srv/share")).isEqualTo(a);
        long db = store.upsertSource(run, ScanKind.DB,
                "jdbc:postgresql://crm.example:5432/crm?user=admin&password=s3cret&ssl=true");
        assertThat(store.upsertSource(run, ScanKind.DB, "jdbc:postgresql://crm.example:5432/crm?ssl=true"))
                .isEqualTo(db);
        assertThat(store.sources()).extracting(Source::locator)
                .containsExactly("/srv/share", "jdbc:postgresql://crm.example:5432/crm?ssl=true");
        assertThat(store.sourcesOfRun(run)).containsExactly(a, db);
    }

    @Test
    void theKeyIdIsRecordedOnceAndAnotherKeyIsRefused() {
        store.bindKey("key-one");
        store.bindKey("key-one");
        assertThatThrownBy(() -> store.bindKey("key-two")).isInstanceOf(KeyMismatchException.class)
                .hasMessageContaining("key-one").hasMessageContaining("key-two");
    }

    // ------------------------------------------------------------------ scanned locations

    @Test
    void aScannedLocationKeepsEveryFieldOfItsFindingsButNoRawValue() {
        long run = store.startRun(ScanKind.FILES, "", CONFIG);
        long source = store.upsertSource(run, ScanKind.FILES, "/srv");
        ProtectedFinding nhs = protector.protect(Fixtures.finding(EntityType.UK_NHS, "943 476 5919", 40),
                new FindingPosition(null, 0, 7, 12));
        ProtectedFinding name = protector.protect(Fixtures.finding(Fixtures.PERSON, "Jane Smith", 10));
        LocationPath path = LocationPath.of("hr/2021.zip", "letters/offer.docx");

        long id = store.recordScanned(run, source, scanned(path, 100, nhs, name, nino(60)));

        LocationState state = store.lookup(source, path).orElseThrow();
        assertThat(state.locationId()).isEqualTo(id);
        assertThat(state.outcome()).isEqualTo(Outcome.SCANNED);
        assertThat(state.indexState()).isEqualTo(IndexState.PENDING);
        assertThat(state.findingsCount()).isEqualTo(3);
        assertThat(state.fingerprint()).isEqualTo(new Fingerprint(100, 1_700_000_000_000L, "h100"));
        assertThat(state.configHash()).isEqualTo(CONFIG);
        assertThat(state.lastScannedRun()).isEqualTo(run);

        List<StoredFinding> findings = store.findings(id);
        assertThat(findings).extracting(StoredFinding::entityType).containsExactly("PERSON", "UK_NHS", "UK_NINO");
        assertThat(findings).extracting(StoredFinding::ordinal).containsExactly(0, 1, 2);
        StoredFinding storedName = findings.get(0);
        assertThat(storedName.nameTerms()).isEqualTo(name.nameTerms()).isNotEmpty();
        assertThat(storedName.valueHash()).isEqualTo(name.valueHash());
        assertThat(storedName.indexTerms()).isEqualTo(name.indexTerms());
        assertThat(storedName.position()).isEqualTo(FindingPosition.NONE);
        StoredFinding storedNhs = findings.get(1);
        assertThat(storedNhs.category()).isEqualTo(DataCategory.IDENTITY);
        assertThat(storedNhs.secondaryCategories()).containsExactly(DataCategory.SPECIAL_CATEGORY);
        assertThat(storedNhs.specialCategories()).containsExactly(SpecialCategory.HEALTH);
        assertThat(storedNhs.start()).isEqualTo(40);
        assertThat(storedNhs.end()).isEqualTo(52);
        assertThat(storedNhs.position()).isEqualTo(new FindingPosition(null, 0, 7, 12));
        assertThat(storedNhs.score()).isEqualTo(0.7);
        assertThat(storedNhs.detector()).isEqualTo("uk_nhs");
        assertThat(storedNhs.pattern()).isEqualTo("UK_NHS (test)");
        assertThat(storedNhs.validation()).isEqualTo(Validation.VALID);
        assertThat(storedNhs.explanationJson()).isEqualTo(nhs.explanationJson()).contains("\"context word\"");
        assertThat(storedNhs.maskedPreview()).isEqualTo(nhs.maskedPreview());
        assertThat(storedNhs.valueHash()).isEqualTo(protector.valueHash(EntityType.UK_NHS, "9434765919"));
        assertThat(storedNhs.testValue()).isFalse();
        assertThat(storedNhs.firstSeenRun()).isEqualTo(run);
        assertThat(storedNhs.lastSeenRun()).isEqualTo(run);
        assertThat(findings.get(2).position()).isEqualTo(new FindingPosition("page 1", 1, 2, 3));

        LocationRecord record = store.findLocation(id).orElseThrow();
        assertThat(record.path()).isEqualTo("hr/2021.zip!/letters/offer.docx");
        assertThat(record.depth()).isEqualTo(1);
        assertThat(record.firstSeenRun()).isEqualTo(run);
    }

    @Test
    void rescanningReplacesFindingsIdempotentlyAndKeepsFirstSeenRuns() {
        long run1 = store.startRun(ScanKind.FILES, "", CONFIG);
        long source = store.upsertSource(run1, ScanKind.FILES, "/srv");
        LocationPath path = LocationPath.of("a.txt");
        long id = store.recordScanned(run1, source, scanned(path, 10, nino(0), email("jane@example.com", 20)));
        // a chunk replayed after a crash writes the same location again: nothing doubles
        assertThat(store.recordScanned(run1, source, scanned(path, 10, nino(0), email("jane@example.com", 20))))
                .isEqualTo(id);
        assertThat(store.countFindings(id)).isEqualTo(2);

        long run2 = store.startRun(ScanKind.FILES, "", CONFIG);
        store.recordScanned(run2, source, scanned(path, 11, nino(5), email("john@example.com", 30)));

        List<StoredFinding> findings = store.findings(id);
        assertThat(store.countFindings(id)).isEqualTo(2);
        assertThat(findings).extracting(StoredFinding::entityType).containsExactly("UK_NINO", "EMAIL_ADDRESS");
        assertThat(findings.get(0).firstSeenRun()).as("same NINO still there").isEqualTo(run1);
        assertThat(findings.get(0).lastSeenRun()).isEqualTo(run2);
        assertThat(findings.get(1).firstSeenRun()).as("a new address").isEqualTo(run2);
        assertThat(store.lookup(source, path).orElseThrow().fingerprint().size()).isEqualTo(11);
    }

    @Test
    void aRolledBackChunkLeavesThePreviousFindings() {
        long run = store.startRun(ScanKind.FILES, "", CONFIG);
        long source = store.upsertSource(run, ScanKind.FILES, "/srv");
        LocationPath path = LocationPath.of("a.txt");
        long id = store.recordScanned(run, source, scanned(path, 10, nino(0)));
        store.markIndexed(List.of(id));

        TransactionTemplate chunk = new TransactionTemplate(handle.transactions());
        assertThatThrownBy(() -> chunk.executeWithoutResult(status -> {
            store.recordScanned(run, source, scanned(path, 99, email("a@example.com", 0), email("b@example.com", 9)));
            store.recordScanned(run, source, scanned(LocationPath.of("b.txt"), 5, nino(0)));
            throw new IllegalStateException("killed mid-chunk");
        })).hasMessage("killed mid-chunk");

        assertThat(store.findings(id)).extracting(StoredFinding::entityType).containsExactly("UK_NINO");
        LocationState state = store.lookup(source, path).orElseThrow();
        assertThat(state.fingerprint().size()).isEqualTo(10);
        assertThat(state.indexState()).isEqualTo(IndexState.CURRENT);
        assertThat(store.lookup(source, LocationPath.of("b.txt"))).isEmpty();
    }

    @Test
    void concurrentPartitionsWriteTheirOwnLocations() throws Exception {
        long run = store.startRun(ScanKind.FILES, "", CONFIG);
        long source = store.upsertSource(run, ScanKind.FILES, "/srv");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int p = 0; p < 4; p++) {
                int partition = p;
                done.add(pool.submit(() -> {
                    for (int i = 0; i < 25; i++) {
                        store.recordScanned(run, source, scanned(LocationPath.of("p" + partition + "/f" + i), i,
                                nino(0), email("x" + i + "@example.com", 20)));
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        RunCounts counts = store.runCounts(run);
        assertThat(counts.scanned()).isEqualTo(100);
        assertThat(counts.findings()).isEqualTo(200);
    }

    // ------------------------------------------------------------------ incremental decisions

    @Test
    void aLocationIsUnchangedOnlyWhenScannedIndexedSameConfigAndSameFingerprint() {
        long run = store.startRun(ScanKind.FILES, "", CONFIG);
        long source = store.upsertSource(run, ScanKind.FILES, "/srv");
        LocationPath path = LocationPath.of("a.txt");
        long id = store.recordScanned(run, source, scanned(path, 10, nino(0)));
        Fingerprint same = Fingerprint.of(10, 1_700_000_000_000L);
        Fingerprint touched = Fingerprint.of(10, 1_800_000_000_000L);

        assertThat(store.lookup(source, path).orElseThrow().unchangedSince(same, CONFIG))
                .as("index still pending").isFalse();
        store.markIndexed(List.of(id));
        LocationState state = store.lookup(source, path).orElseThrow();
        assertThat(state.unchangedSince(same, CONFIG)).isTrue();
        assertThat(state.unchangedSince(same, "cfg-2")).as("detector configuration changed").isFalse();
        assertThat(state.unchangedSince(Fingerprint.of(11, 1_700_000_000_000L), CONFIG)).isFalse();
        assertThat(state.unchangedSince(touched, CONFIG)).as("time differs, no content hash yet").isFalse();
        assertThat(state.fingerprint().worthHashing(touched)).isTrue();
        assertThat(state.unchangedSince(touched.withContentHash("h10"), CONFIG)).as("same content").isTrue();
        assertThat(state.unchangedSince(touched.withContentHash("other"), CONFIG)).isFalse();

        store.markIndexed(List.of(id), IndexState.PARTIAL);
        assertThat(store.lookup(source, path).orElseThrow().unchangedSince(same, CONFIG))
                .as("rebuilt without word tokens: rescan").isFalse();
    }

    @Test
    void unchangedRowsAreRecordedWithoutLookingForEntries() {
        long run1 = store.startRun(ScanKind.DB, "", CONFIG);
        long source = store.upsertSource(run1, ScanKind.DB, "jdbc:h2:mem:crm");
        LocationPath row1 = LocationPath.of("crm.customers", "id=1");
        LocationPath row2 = LocationPath.of("crm.customers", "id=2");
        long id1 = store.recordScanned(run1, source, scanned(row1, 10, nino(0)));
        long id2 = store.recordScanned(run1, source, scanned(row2, 12, nino(0)));
        // rows hold no entries; one is planted here to show that none is looked for
        long planted = store.recordScanned(run1, source, scanned(row1.child("x"), 3));
        store.finishRun(run1, RunStatus.COMPLETED);

        long run2 = store.startRun(ScanKind.DB, "", CONFIG);
        store.recordUnchanged(run2, source, List.of(new UnchangedLocation(row1, Fingerprint.of(10, 1))), false);
        assertThat(store.findLocation(planted).orElseThrow().lastSeenRun()).isEqualTo(run1);

        LocationRecord first = store.findLocation(id1).orElseThrow();
        assertThat(first.outcome()).isEqualTo(Outcome.UNCHANGED);
        assertThat(first.lastSeenRun()).isEqualTo(run2);
        assertThat(store.findings(id1)).extracting(StoredFinding::lastSeenRun).containsExactly(run1);
        // a sibling row under the same root is not an entry of row 1: it stays as run 1 left it
        assertThat(store.findLocation(id2).orElseThrow().lastSeenRun()).isEqualTo(run1);
        assertThat(store.markDeletedNotSeen(run2, source)).containsExactlyInAnyOrder(id2, planted);
    }

    @Test
    void unchangedLocationsCarryTheirEntriesAndFindingsIntoTheRun() {
        long run1 = store.startRun(ScanKind.FILES, "", CONFIG);
        long source = store.upsertSource(run1, ScanKind.FILES, "/srv");
        LocationPath zip = LocationPath.of("hr/2021.zip");
        long zipId = store.recordScanned(run1, source, scanned(zip, 1000));
        long letterId = store.recordScanned(run1, source, scanned(zip.child("offer.docx"), 10, nino(0)));
        long secretId = store.recordSkipped(run1, source, zip.child("secret.pdf"), SkipReason.ENCRYPTED,
                "password-protected");
        long otherId = store.recordScanned(run1, source, scanned(LocationPath.of("hr/2021_zip"), 5, nino(0)));
        store.finishRun(run1, RunStatus.COMPLETED);

        long run2 = store.startRun(ScanKind.FILES, "", CONFIG);
        store.recordUnchanged(run2, source,
                List.of(new UnchangedLocation(zip, Fingerprint.of(1000, 1_900_000_000_000L))));

        assertThat(store.findLocation(zipId).orElseThrow().outcome()).isEqualTo(Outcome.UNCHANGED);
        assertThat(store.findLocation(zipId).orElseThrow().fingerprint())
                .isEqualTo(new Fingerprint(1000, 1_900_000_000_000L, "h1000"));
        LocationRecord letter = store.findLocation(letterId).orElseThrow();
        assertThat(letter.outcome()).isEqualTo(Outcome.UNCHANGED);
        assertThat(letter.lastSeenRun()).isEqualTo(run2);
        assertThat(letter.outcomeRun()).isEqualTo(run2);
        assertThat(store.findings(letterId)).as("last read by run 1, still there in run 2")
                .extracting(StoredFinding::lastSeenRun).containsExactly(run1);
        assertThat(store.findings(letterId)).extracting(StoredFinding::firstSeenRun).containsExactly(run1);
        LocationRecord secret = store.findLocation(secretId).orElseThrow();
        assertThat(secret.outcome()).as("still not scanned").isEqualTo(Outcome.SKIPPED);
        assertThat(secret.skipReason()).isEqualTo(SkipReason.ENCRYPTED);
        assertThat(secret.lastSeenRun()).isEqualTo(run2);
        // LIKE wildcards in names: hr/2021_zip is not an entry of hr/2021.zip
        assertThat(store.findLocation(otherId).orElseThrow().lastSeenRun()).isEqualTo(run1);

        assertThat(store.markDeletedNotSeen(run2, source)).containsExactly(otherId);
        RunCounts counts = store.finishRun(run2, RunStatus.COMPLETED).counts();
        assertThat(counts).isEqualTo(new RunCounts(0, 2, 1, 1, 1, 0));

        assertThatThrownBy(() -> store.recordUnchanged(run2, source,
                List.of(new UnchangedLocation(LocationPath.of("never-seen"), Fingerprint.of(1, 1)))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("never-seen");
    }

    @Test
    void aSkippedLocationKeepsItsEarlierFindingsAndEntries() {
        long run1 = store.startRun(ScanKind.FILES, "", CONFIG);
        long source = store.upsertSource(run1, ScanKind.FILES, "/srv");
        LocationPath zip = LocationPath.of("big.zip");
        long zipId = store.recordScanned(run1, source, scanned(zip, 1000, nino(0)));
        long entryId = store.recordScanned(run1, source, scanned(zip.child("a.txt"), 10, nino(0)));
        store.markIndexed(List.of(zipId, entryId));

        long run2 = store.startRun(ScanKind.FILES, "", CONFIG);
        assertThat(store.recordSkipped(run2, source, zip, SkipReason.TIMEOUT, "took over 120 s\n\u0007"))
                .isEqualTo(zipId);
        assertThat(store.markDeletedNotSeen(run2, source)).isEmpty();

        LocationRecord rec = store.findLocation(zipId).orElseThrow();
        assertThat(rec.outcome()).isEqualTo(Outcome.SKIPPED);
        assertThat(rec.skipReason()).isEqualTo(SkipReason.TIMEOUT);
        assertThat(rec.skipDetail()).isEqualTo("took over 120 s  ");
        assertThat(rec.findingsCount()).isEqualTo(1);
        assertThat(rec.lastScannedRun()).isEqualTo(run1);
        assertThat(store.countFindings(zipId)).isEqualTo(1);
        assertThat(store.findLocation(entryId).orElseThrow().outcome()).isEqualTo(Outcome.SCANNED);
        assertThat(store.findLocation(entryId).orElseThrow().lastSeenRun()).isEqualTo(run2);
        // the content may be unchanged: the next run can still reuse the last successful scan
        assertThat(store.lookup(source, zip).orElseThrow()
                .unchangedSince(Fingerprint.of(1000, 1_700_000_000_000L), CONFIG)).isTrue();

        long fresh = store.recordSkipped(run2, source, LocationPath.of("huge.iso"), SkipReason.TOO_LARGE, null);
        LocationState state = store.lookup(source, LocationPath.of("huge.iso")).orElseThrow();
        assertThat(state.locationId()).isEqualTo(fresh);
        assertThat(state.fingerprint()).isNull();
        assertThat(state.reusable(CONFIG)).isFalse();
    }

    @Test
    void locationsNotSeenByACompleteWalkAreDeletedWithTheirFindings() {
        long run1 = store.startRun(ScanKind.FILES, "", CONFIG);
        long source = store.upsertSource(run1, ScanKind.FILES, "/srv");
        long other = store.upsertSource(run1, ScanKind.FILES, "/other");
        long keep = store.recordScanned(run1, source, scanned(LocationPath.of("keep.txt"), 1, nino(0)));
        long gone = store.recordScanned(run1, source, scanned(LocationPath.of("gone.zip"), 2, nino(0)));
        long goneEntry = store.recordScanned(run1, source, scanned(LocationPath.of("gone.zip", "x.txt"), 3, nino(0)));
        long otherSource = store.recordScanned(run1, other, scanned(LocationPath.of("gone.zip"), 2, nino(0)));
        store.markIndexed(List.of(keep, gone, goneEntry, otherSource));

        long run2 = store.startRun(ScanKind.FILES, "", CONFIG);
        store.recordScanned(run2, source, scanned(LocationPath.of("keep.txt"), 1, nino(0)));
        List<Long> deleted = store.markDeletedNotSeen(run2, source);

        assertThat(deleted).containsExactly(gone, goneEntry);
        assertThat(store.markDeletedNotSeen(run2, source)).as("idempotent").isEmpty();
        LocationRecord rec = store.findLocation(gone).orElseThrow();
        assertThat(rec.outcome()).isEqualTo(Outcome.DELETED);
        assertThat(rec.outcomeRun()).isEqualTo(run2);
        assertThat(rec.lastSeenRun()).isEqualTo(run1);
        assertThat(rec.indexState()).isEqualTo(IndexState.PENDING);
        assertThat(rec.fingerprint()).isNull();
        assertThat(store.countFindings(gone)).isZero();
        assertThat(store.countFindings(goneEntry)).isZero();
        assertThat(store.findLocation(otherSource).orElseThrow().outcome()).isEqualTo(Outcome.SCANNED);
        assertThat(store.lookup(source, LocationPath.of("gone.zip")).orElseThrow().reusable(CONFIG)).isFalse();

        assertThat(store.pendingIndexLocations(null, 10).items()).extracting(IndexableLocation::id)
                .containsExactly(keep, gone, goneEntry);
        assertThat(store.indexableLocations(null, 10).items()).extracting(IndexableLocation::id)
                .containsExactly(keep, otherSource);

        // a file that comes back is a new scan, not "unchanged"
        long back = store.recordScanned(run2, source, scanned(LocationPath.of("gone.zip"), 2, nino(0)));
        assertThat(back).isEqualTo(gone);
        assertThat(store.findLocation(gone).orElseThrow().outcome()).isEqualTo(Outcome.SCANNED);
    }

    // ------------------------------------------------------------------ listings

    @Test
    void locationsAreListedByRunOutcomeAndReasonWithPaging() {
        long run = store.startRun(ScanKind.FILES, "", CONFIG);
        long source = store.upsertSource(run, ScanKind.FILES, "/srv");
        List<Long> skipped = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            store.recordScanned(run, source, scanned(LocationPath.of("ok" + i), i));
            skipped.add(store.recordSkipped(run, source, LocationPath.of("bad" + i),
                    i % 2 == 0 ? SkipReason.ENCRYPTED : SkipReason.PARSE_ERROR, "detail " + i));
        }
        long otherRun = store.startRun(ScanKind.FILES, "", CONFIG);
        store.recordSkipped(otherRun, source, LocationPath.of("elsewhere"), SkipReason.ENCRYPTED, null);

        LocationQuery q = LocationQuery.ofRun(run).withOutcome(Outcome.SKIPPED);
        List<Long> seen = new ArrayList<>();
        Long cursor = null;
        int pages = 0;
        do {
            Page<LocationRecord> page = store.listLocations(q, cursor, 2);
            page.items().forEach(r -> seen.add(r.id()));
            cursor = page.nextCursor();
            pages++;
        } while (cursor != null);
        assertThat(seen).containsExactlyElementsOf(skipped);
        assertThat(pages).isEqualTo(3);

        assertThat(store.listLocations(q.withSkipReason(SkipReason.ENCRYPTED), null, 10).items())
                .extracting(LocationRecord::path).containsExactly("bad0", "bad2", "bad4");
        assertThat(store.listLocations(LocationQuery.ofRun(run).withOutcome(Outcome.SCANNED), null, 10).items())
                .hasSize(5);
        assertThat(store.listLocations(LocationQuery.all().withSource(source), null, 100).items()).hasSize(11);
    }

    // ------------------------------------------------------------------ reads for reports

    @Test
    void aCompletedRunSnapshotsWhatEachLocationHeldAndTheTwoNewestAreKept() {
        long run1 = store.startRun(ScanKind.FILES, "", CONFIG);
        long source = store.upsertSource(run1, ScanKind.FILES, "/srv");
        long other = store.upsertSource(run1, ScanKind.FILES, "/other");
        long a = store.recordScanned(run1, source, scanned(LocationPath.of("a.txt"), 1, nino(0), nino(20),
                email("x@example.com", 40)));
        long b = store.recordScanned(run1, source, scanned(LocationPath.of("b.zip", "c.txt"), 2, email("y@example.com",
                0)));
        store.recordScanned(run1, source, scanned(LocationPath.of("clean.txt"), 3));
        store.recordScanned(run1, other, scanned(LocationPath.of("elsewhere.txt"), 4, nino(0)));
        store.finishRun(run1, RunStatus.COMPLETED);

        RunSnapshot first = store.snapshot(run1, source).orElseThrow();
        assertThat(first.locations()).isEqualTo(3);
        assertThat(entries(run1, source)).containsExactly(
                new SnapshotEntry(a, "a.txt", 0, false, run1, "EMAIL_ADDRESS", DataCategory.CONTACT, Set.of(),
                        Set.of(), 1),
                new SnapshotEntry(a, "a.txt", 0, false, run1, "UK_NINO", DataCategory.IDENTITY,
                        Set.of(DataCategory.FINANCIAL), Set.of(), 2),
                new SnapshotEntry(b, "b.zip!/c.txt", 1, false, run1, "EMAIL_ADDRESS", DataCategory.CONTACT, Set.of(),
                        Set.of(), 1));
        assertThat(entries(run1, other)).hasSize(1);

        // a failed run takes none; a deleted location is not in the next snapshot, and shows deleted in the old one
        long failed = store.startRun(ScanKind.FILES, "", CONFIG);
        store.upsertSource(failed, ScanKind.FILES, "/srv");
        store.finishRun(failed, RunStatus.FAILED);
        assertThat(store.snapshot(failed, source)).isEmpty();
        assertThat(entries(failed, source)).isEmpty();
        long run2 = store.startRun(ScanKind.FILES, "", CONFIG);
        store.upsertSource(run2, ScanKind.FILES, "/srv");
        store.recordUnchanged(run2, source, List.of(new UnchangedLocation(LocationPath.of("a.txt"),
                Fingerprint.of(1, 1_700_000_000_000L))));
        store.markDeletedNotSeen(run2, source);
        store.finishRun(run2, RunStatus.COMPLETED);
        assertThat(entries(run2, source)).extracting(SnapshotEntry::locationId).containsExactly(a, a);
        assertThat(store.snapshot(run2, source).orElseThrow().locations()).isEqualTo(1);
        assertThat(entries(run1, source)).as("still one of the two newest").extracting(SnapshotEntry::deletedNow)
                .containsExactly(false, false, true);

        // finishing again (a restarted run) replaces its snapshot; a third snapshot drops the oldest
        store.finishRun(run2, RunStatus.COMPLETED);
        assertThat(entries(run2, source)).hasSize(2);
        long run3 = store.startRun(ScanKind.FILES, "", CONFIG);
        store.upsertSource(run3, ScanKind.FILES, "/srv");
        store.finishRun(run3, RunStatus.COMPLETED);
        assertThat(store.snapshot(run1, source)).isEmpty();
        assertThat(entries(run1, source)).isEmpty();
        assertThat(store.snapshot(run2, source)).isPresent();
        assertThat(store.snapshot(run3, source).orElseThrow().locations()).isZero();
        assertThat(entries(run1, other)).as("another source's snapshots are its own").hasSize(1);

        assertThat(store.runsOfSource(source)).extracting(ScanRun::id).containsExactly(run3, run2, failed, run1);
        assertThat(store.runsOfSource(other)).extracting(ScanRun::id).containsExactly(run1);
    }

    private List<SnapshotEntry> entries(long run, long source) {
        List<SnapshotEntry> out = new ArrayList<>();
        store.snapshotEntries(run, source, out::add);
        return out;
    }

    @Test
    void findingDigestsCarryWhatReportsShowAndNoHash() {
        long run = store.startRun(ScanKind.FILES, "", CONFIG);
        long source = store.upsertSource(run, ScanKind.FILES, "/srv");
        ProtectedFinding nhs = protector.protect(Fixtures.finding(EntityType.UK_NHS, "943 476 5919", 5),
                new FindingPosition("sheet Patients", 0, 4, 2));
        long id = store.recordScanned(run, source, scanned(LocationPath.of("a.xlsx"), 1, nhs, nino(30)));
        long none = store.recordScanned(run, source, scanned(LocationPath.of("b.txt"), 2));

        Map<Long, List<FindingDigest>> digests = store.findingDigests(List.of(id, none, id));
        assertThat(digests).containsOnlyKeys(id);
        assertThat(digests.get(id)).containsExactly(
                new FindingDigest(id, "UK_NHS", DataCategory.IDENTITY, Set.of(DataCategory.SPECIAL_CATEGORY),
                        Set.of(SpecialCategory.HEALTH), 0.7, nhs.maskedPreview(), false, "sheet Patients", run),
                new FindingDigest(id, "UK_NINO", DataCategory.IDENTITY, Set.of(DataCategory.FINANCIAL),
                        Set.of(), 0.7, nino(30).maskedPreview(), false, "page 1", run));
        assertThat(java.util.Arrays.stream(FindingDigest.class.getRecordComponents()).map(c -> c.getName()))
                .doesNotContain("valueHash", "nameTerms", "explanationJson", "start", "end");
    }

    @Test
    void entriesKnowTheModificationTimeOfTheirContainer() {
        long run = store.startRun(ScanKind.FILES, "", CONFIG);
        long source = store.upsertSource(run, ScanKind.FILES, "/srv");
        long other = store.upsertSource(run, ScanKind.FILES, "/other");
        store.recordScanned(run, source, new ScannedLocation(LocationPath.of("a.zip"), Fingerprint.of(10, 1_234L),
                CONFIG, List.of()));
        long entry = store.recordScanned(run, source, new ScannedLocation(LocationPath.of("a.zip", "x.docx"),
                new Fingerprint(5, Fingerprint.UNKNOWN_TIME, "h"), CONFIG, List.of()));
        long deeper = store.recordScanned(run, source, new ScannedLocation(LocationPath.of("a.zip", "x.docx", "y"),
                new Fingerprint(5, Fingerprint.UNKNOWN_TIME, "h2"), CONFIG, List.of()));
        long orphan = store.recordScanned(run, other, new ScannedLocation(LocationPath.of("a.zip", "x.docx"),
                new Fingerprint(5, Fingerprint.UNKNOWN_TIME, "h"), CONFIG, List.of()));
        long top = store.recordScanned(run, source, scanned(LocationPath.of("b.txt"), 1));

        assertThat(store.containerModifiedMillis(List.of(entry, deeper, orphan, top)))
                .containsExactlyInAnyOrderEntriesOf(Map.of(entry, 1_234L, deeper, 1_234L));
    }

    @Test
    void lookupAllFindsKnownLocationsAmongMany() {
        long run = store.startRun(ScanKind.FILES, "", CONFIG);
        long source = store.upsertSource(run, ScanKind.FILES, "/srv");
        List<LocationPath> paths = new ArrayList<>();
        for (int i = 0; i < 1200; i++) {
            paths.add(LocationPath.of("dir/file" + i + ".txt"));
        }
        store.recordScanned(run, source, List.of(scanned(paths.get(3), 3), scanned(paths.get(1100), 1100)));
        Map<LocationPath, LocationState> found = store.lookupAll(source, paths);
        assertThat(found).containsOnlyKeys(paths.get(3), paths.get(1100));
        assertThat(found.get(paths.get(1100)).fingerprint().size()).isEqualTo(1100);
    }

    @Test
    void longAndUnusualPathsAreStoredExactly() {
        long run = store.startRun(ScanKind.FILES, "", CONFIG);
        long source = store.upsertSource(run, ScanKind.FILES, "/srv");
        LocationPath root = LocationPath.of("it's 100% _weird_\\ näme ✓.zip");
        LocationPath odd = root.child("d/".repeat(3000) + "f.txt");
        LocationPath lookalike = LocationPath.of("it's 100X xweirdx\\ näme ✓.zip", "a");
        long rootId = store.recordScanned(run, source, scanned(root, 70));
        long id = store.recordScanned(run, source, scanned(odd, 7, nino(0)));
        long lookalikeId = store.recordScanned(run, source, scanned(lookalike, 7));
        store.markIndexed(List.of(rootId, id, lookalikeId));

        assertThat(store.lookup(source, odd).orElseThrow().locationId()).isEqualTo(id);
        assertThat(store.findLocation(id).orElseThrow().path()).isEqualTo(odd.display()).hasSizeGreaterThan(6000);

        long run2 = store.startRun(ScanKind.FILES, "", CONFIG);
        store.recordUnchanged(run2, source, List.of(new UnchangedLocation(root, Fingerprint.of(70, 1))));
        assertThat(store.findLocation(id).orElseThrow().lastSeenRun()).isEqualTo(run2);
        assertThat(store.findLocation(lookalikeId).orElseThrow().lastSeenRun()).isEqualTo(run);
    }
}
