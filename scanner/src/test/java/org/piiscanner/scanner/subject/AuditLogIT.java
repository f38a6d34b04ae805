package org.piiscanner.scanner.subject;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;
import org.piiscanner.scanner.protect.KeyedHasher;
import org.piiscanner.scanner.testing.TestStores;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The audit log's chain on H2 and PostgreSQL: appends from several threads get consecutive entries; editing,
 * deleting, inserting or reordering entries is detected; deleting the tail is detected through the head record,
 * the anchor file or a head kept elsewhere; and a chain rewritten without the HMAC key does not verify.
 */
class AuditLogIT {

    @TempDir
    Path dir;

    TestStores.Handle handle;
    AuditLog log;
    JdbcClient jdbc;

    void open(String database) {
        handle = database.equals("h2") ? TestStores.h2(dir) : TestStores.postgres();
        jdbc = JdbcClient.create(handle.dataSource());
        log = new AuditLog(handle.dataSource(), handle.transactions(), Testbed.keyedHasher(),
                dir.resolve(AuditLog.ANCHOR_FILE), Clock.fixed(Instant.parse("2026-11-22T10:15:30.123456789Z"),
                        ZoneOffset.UTC));
    }

    @AfterEach
    void close() {
        if (handle != null) {
            handle.close();
        }
    }

    /** Five entries: finds and an export of requests 1 and 2. */
    List<AuditLog.Entry> five() {
        List<AuditLog.Entry> entries = new ArrayList<>();
        entries.add(log.append("dpo", AuditAction.SUBJECT_FIND, 1L, "{\"results\":3}"));
        entries.add(log.append("dpo", AuditAction.SUBJECT_EXPORT, 1L, "{\"with_values\":true}"));
        entries.add(log.append("auditor", AuditAction.SUBJECT_FIND, 2L, "{\"results\":0}"));
        entries.add(log.append("dpo", AuditAction.SUBJECT_VERIFY, 1L, "{\"verdict\":\"GONE\"}"));
        entries.add(log.append("dpo", AuditAction.SUBJECT_FIND, null, "{\"results\":1}"));
        return entries;
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void anIntactChainVerifiesAndIsAnchoredOutsideTheDatabase(String database) throws Exception {
        open(database);
        assertThat(log.verify(Optional.empty()).intact()).isTrue();
        List<AuditLog.Entry> entries = five();
        assertThat(entries).extracting(AuditLog.Entry::seq).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(entries.getFirst().prevHash()).isEqualTo(AuditLog.GENESIS);
        for (int i = 1; i < entries.size(); i++) {
            assertThat(entries.get(i).prevHash()).isEqualTo(entries.get(i - 1).entryHash());
        }
        AuditLog.Verification v = log.verify(Optional.of(entries.get(2).head()));
        assertThat(v.problems()).isEmpty();
        assertThat(v.entries()).isEqualTo(5);
        assertThat(v.head()).isEqualTo(entries.getLast().head());
        assertThat(v.anchor()).contains(entries.getLast().head());
        assertThat(Files.readString(dir.resolve(AuditLog.ANCHOR_FILE))).isEqualTo(entries.getLast().head() + "\n");
        assertThat(Files.getPosixFilePermissions(dir.resolve(AuditLog.ANCHOR_FILE))).hasSize(2);
        assertThat(log.head()).isEqualTo(entries.getLast().head());
        assertThat(AuditLog.Head.parse(entries.getLast().head().toString())).isEqualTo(entries.getLast().head());
        assertThatThrownBy(() -> AuditLog.Head.parse("5:abc")).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void concurrentAppendsGetConsecutiveEntries(String database) throws Exception {
        open(database);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<AuditLog.Entry>> futures = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                long request = i;
                futures.add(pool.submit(() -> log.append("dpo", AuditAction.SUBJECT_FIND, request, "{}")));
            }
            for (Future<AuditLog.Entry> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        AuditLog.Verification v = log.verify(Optional.empty());
        assertThat(v.problems()).isEmpty();
        assertThat(v.entries()).isEqualTo(40);
        assertThat(v.head().seq()).isEqualTo(40);
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void anEditedEntryIsDetected(String database) {
        open(database);
        five();
        jdbc.sql("UPDATE audit_log SET details = '{\"results\":0}' WHERE seq = 1").update();
        jdbc.sql("UPDATE audit_log SET actor = 'someone else' WHERE seq = 3").update();
        jdbc.sql("UPDATE audit_log SET request_id = NULL WHERE seq = 4").update();
        assertThat(log.verify(Optional.empty()).problems()).containsExactly(
                "entry 1 was altered (its content does not match its hash)",
                "entry 3 was altered (its content does not match its hash)",
                "entry 4 was altered (its content does not match its hash)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void aDeletedEntryIsDetected(String database) {
        open(database);
        five();
        jdbc.sql("DELETE FROM audit_log WHERE seq = 2").update();
        assertThat(log.verify(Optional.empty()).problems()).containsExactly(
                "entry 2 is missing (deleted)",
                "entry 3 does not follow the entry before it: an entry was deleted, inserted or moved before it");
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void reorderedEntriesAreDetected(String database) {
        open(database);
        five();
        // swap entries 2 and 3 (their numbers), as someone hiding when an export happened would
        jdbc.sql("UPDATE audit_log SET seq = 100 WHERE seq = 2").update();
        jdbc.sql("UPDATE audit_log SET seq = 2 WHERE seq = 3").update();
        jdbc.sql("UPDATE audit_log SET seq = 3 WHERE seq = 100").update();
        assertThat(log.verify(Optional.empty()).problems()).contains(
                "entry 2 does not follow the entry before it: an entry was deleted, inserted or moved before it",
                "entry 2 was altered (its content does not match its hash)",
                "entry 3 was altered (its content does not match its hash)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void aDeletedTailIsDetectedByTheHeadRecordTheAnchorAndAKeptHead(String database) throws Exception {
        open(database);
        List<AuditLog.Entry> entries = five();
        AuditLog.Head kept = entries.get(3).head();
        jdbc.sql("DELETE FROM audit_log WHERE seq >= 4").update();
        assertThat(log.verify(Optional.empty()).problems()).containsExactly(
                "the log ends at entry 3 but its head record names entry 5: the last entries were deleted",
                "the anchor file " + dir.resolve(AuditLog.ANCHOR_FILE) + " names entry 5 but the log ends at entry "
                        + "3: the last entries were deleted");

        // also rewinding the head record: the anchor outside the database still shows it
        jdbc.sql("UPDATE audit_head SET seq = 3, entry_hash = ? WHERE id = 1").param(entries.get(2).entryHash())
                .update();
        assertThat(log.verify(Optional.of(kept)).problems()).containsExactly(
                "the anchor file " + dir.resolve(AuditLog.ANCHOR_FILE) + " names entry 5 but the log ends at entry "
                        + "3: the last entries were deleted",
                "the head you gave names entry 4 but the log ends at entry 3: the last entries were deleted");

        // and the anchor file too (someone with the data directory): only a head kept elsewhere shows it
        Files.writeString(dir.resolve(AuditLog.ANCHOR_FILE), entries.get(2).head() + "\n");
        assertThat(log.verify(Optional.empty()).intact()).isTrue();
        assertThat(log.verify(Optional.of(kept)).intact()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void aChainRewrittenWithoutTheKeyDoesNotVerify(String database) {
        open(database);
        five();
        // an attacker with database access only edits entry 2 and recomputes every hash with a key of their own
        AuditLog forger = new AuditLog(handle.dataSource(), handle.transactions(), new KeyedHasher(new byte[32]),
                dir.resolve("forger-anchor"), Clock.systemUTC());
        jdbc.sql("DELETE FROM audit_log").update();
        jdbc.sql("UPDATE audit_head SET seq = 0, entry_hash = ? WHERE id = 1").param(AuditLog.GENESIS).update();
        forger.append("dpo", AuditAction.SUBJECT_FIND, 1L, "{\"results\":3}");
        forger.append("dpo", AuditAction.SUBJECT_FIND, 1L, "{\"results\":0}");
        assertThat(log.verify(Optional.empty()).problems()).contains(
                "entry 1 was altered (its content does not match its hash)",
                "entry 2 was altered (its content does not match its hash)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2"})
    void anInsertedEntryIsDetected(String database) {
        open(database);
        List<AuditLog.Entry> entries = five();
        // make room after entry 2 and insert a copy of entry 2 there
        for (long seq = 5; seq >= 3; seq--) {
            jdbc.sql("UPDATE audit_log SET seq = ? WHERE seq = ?").params(seq + 1, seq).update();
        }
        AuditLog.Entry e = entries.get(1);
        jdbc.sql("INSERT INTO audit_log (seq, recorded_at, actor, action, request_id, details, prev_hash, entry_hash) "
                        + "VALUES (3, ?, ?, ?, ?, ?, ?, ?)")
                .params(SubjectRequests.timestamp(e.recordedAt()), e.actor(), e.action(), e.requestId(), e.details(),
                        e.entryHash(), e.entryHash())
                .update();
        assertThat(log.verify(Optional.empty()).intact()).isFalse();
    }
}
