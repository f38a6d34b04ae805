package org.piiscanner.scanner.subject;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.piiscanner.scanner.protect.KeyedHasher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The audit log of subject requests: an append-only, hash-chained table ({@code audit_log}) of every find, export
 * and verification, with who ran it (the operating-system user), when, the request id, the identifier hashes and
 * the result counts. Never a raw value.
 *
 * <h2>The chain</h2>
 * Entries are numbered 1, 2, 3... without gaps. Each entry's hash is an HMAC-SHA256, under the installation's HMAC
 * key (namespace {@value #NAMESPACE}), of the previous entry's hash and every column of the entry (sequence number,
 * time, actor, action, request id, details), encoded as one JSON array so no two entries encode alike. Appenders
 * lock the one-row {@code audit_head} table, so concurrent processes on a shared PostgreSQL store still get
 * consecutive numbers. After each append is committed, the new head ({@code seq:hash}) is written to
 * {@code <data-dir>/}{@value #ANCHOR_FILE} (the anchor) and printed by the command.
 *
 * <h2>What {@link #verify} detects, and what it cannot</h2>
 * <ul>
 *   <li>An edited entry (any column): its recomputed hash differs.</li>
 *   <li>A deleted, inserted or reordered entry in the middle: a gap in the numbers, or an entry whose previous
 *       hash is not its predecessor's hash.</li>
 *   <li>A rewritten chain (every hash recomputed after an edit): impossible without the HMAC key, which is not in
 *       the database, so someone with only database access cannot do it. Someone with the key can; the anchor and
 *       any head printed earlier then no longer match.</li>
 *   <li>A deleted tail (the last entries): the rest of the chain is intact, so the chain alone cannot show it.
 *       The head row must also be rewound to hide it, and the anchor file outside the database, and every head
 *       printed earlier (keep them with the case file, or pass one to {@code audit verify --head}) still names a
 *       later entry.</li>
 * </ul>
 * What a chain cannot prove: that an action was recorded at all (someone querying the store or index with other
 * tools leaves no entry), that the recorded time and user are true (they come from the clock and the operating
 * system of the machine that ran the command), or anything about entries after the last anchor you kept.
 *
 * <p>Thread-safe.
 */
public final class AuditLog {

    /** The HMAC namespace of entry hashes. */
    public static final String NAMESPACE = KeyedHasher.NAMESPACE_VERSION + "/audit-chain";
    /** The anchor file's name in the data directory. */
    public static final String ANCHOR_FILE = "audit-head";
    /** The previous hash of the first entry. */
    public static final String GENESIS = "0".repeat(64);

    private static final Logger LOG = LoggerFactory.getLogger(AuditLog.class);
    private static final Pattern HEAD = Pattern.compile("(\\d+):([0-9a-f]{64})");
    private static final int PAGE = 1000;
    private static final int MAX_PROBLEMS = 50;

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final KeyedHasher hasher;
    private final Path anchorFile;
    private final Clock clock;

    AuditLog(DataSource dataSource, PlatformTransactionManager transactions, KeyedHasher hasher, Path anchorFile,
            Clock clock) {
        this.jdbc = JdbcClient.create(dataSource);
        this.tx = new TransactionTemplate(transactions);
        this.hasher = Objects.requireNonNull(hasher, "hasher");
        this.anchorFile = Objects.requireNonNull(anchorFile, "anchorFile");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * One entry.
     *
     * @param seq its number, from 1
     * @param recordedAt when (microseconds)
     * @param actor the operating-system user
     * @param action what
     * @param requestId the request, or null
     * @param details JSON: identifier hashes, counts, options
     * @param prevHash the previous entry's hash ({@link #GENESIS} for the first)
     * @param entryHash this entry's hash
     */
    public record Entry(long seq, Instant recordedAt, String actor, String action, Long requestId, String details,
            String prevHash, String entryHash) {

        /** This entry as a head ({@code seq:hash}). */
        public Head head() {
            return new Head(seq, entryHash);
        }
    }

    /**
     * A chain head: an entry's number and hash, as printed and anchored ({@code 17:3fa2...}).
     *
     * @param seq the entry number (0 for an empty log)
     * @param hash the entry's hash (hex)
     */
    public record Head(long seq, String hash) {

        /**
         * Parses {@code seq:hash}.
         *
         * @throws IllegalArgumentException if malformed
         */
        public static Head parse(String s) {
            var m = HEAD.matcher(s.strip());
            if (!m.matches()) {
                throw new IllegalArgumentException("a chain head is SEQ:HASH (64 lower-case hex digits), e.g. "
                        + "17:" + "3fa2".repeat(16));
            }
            return new Head(Long.parseLong(m.group(1)), m.group(2));
        }

        @Override
        public String toString() {
            return seq + ":" + hash;
        }
    }

    /**
     * What {@link #verify} found.
     *
     * @param entries the number of entries read
     * @param head the last entry's head (0 and {@link #GENESIS} when empty)
     * @param anchor the anchor file's head, if there is one
     * @param problems what is wrong, in chain order (at most 50); empty when intact
     */
    public record Verification(long entries, Head head, Optional<Head> anchor, List<String> problems) {

        /** True if no problem was found. */
        public boolean intact() {
            return problems.isEmpty();
        }
    }

    /**
     * Appends an entry in the caller's transaction (or its own); the anchor file follows once it commits.
     *
     * @param details a JSON object (identifier hashes, counts; never a raw value)
     */
    Entry append(String actor, AuditAction action, Long requestId, String details) {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(details, "details");
        Entry entry = tx.execute(status -> {
            Head previous = jdbc.sql("SELECT seq, entry_hash FROM audit_head WHERE id = 1 FOR UPDATE")
                    .query((rs, i) -> new Head(rs.getLong("seq"), rs.getString("entry_hash"))).single();
            Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
            long seq = previous.seq() + 1;
            String hash = hash(seq, at, actor, action.name(), requestId, details, previous.hash());
            jdbc.sql("INSERT INTO audit_log (seq, recorded_at, actor, action, request_id, details, prev_hash, "
                            + "entry_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(seq, SubjectRequests.timestamp(at), actor, action.name(), requestId, details,
                            previous.hash(), hash)
                    .update();
            jdbc.sql("UPDATE audit_head SET seq = ?, entry_hash = ? WHERE id = 1").params(seq, hash).update();
            return new Entry(seq, at, actor, action.name(), requestId, details, previous.hash(), hash);
        });
        Head head = entry.head();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    anchor(head);
                }
            });
        } else {
            anchor(head);
        }
        return entry;
    }

    /** Walks the whole chain and checks it against the head row, the anchor file and {@code expected}. */
    public Verification verify(Optional<Head> expected) {
        List<String> problems = new ArrayList<>();
        String prev = GENESIS;
        long expectedSeq = 1;
        long count = 0;
        Head last = new Head(0, GENESIS);
        java.util.Map<Long, String> checkpoints = new java.util.HashMap<>();
        Optional<Head> read;
        try {
            read = readAnchor();
        } catch (IllegalStateException e) {
            problem(problems, e.getMessage());
            read = Optional.empty();
        }
        Optional<Head> anchor = read;
        anchor.ifPresent(a -> checkpoints.put(a.seq(), null));
        expected.ifPresent(e -> checkpoints.put(e.seq(), null));
        long cursor = 0;
        while (true) {
            List<Entry> page = jdbc.sql("SELECT seq, recorded_at, actor, action, request_id, details, prev_hash, "
                            + "entry_hash FROM audit_log WHERE seq > ? ORDER BY seq LIMIT ?")
                    .params(cursor, PAGE)
                    .query(AuditLog::entry)
                    .list();
            for (Entry e : page) {
                count++;
                if (e.seq() != expectedSeq) {
                    problem(problems, e.seq() > expectedSeq
                            ? (e.seq() - expectedSeq == 1 ? "entry " + expectedSeq + " is missing (deleted)"
                                    : "entries " + expectedSeq + " to " + (e.seq() - 1) + " are missing (deleted)")
                            : "entry " + e.seq() + " is out of order");
                }
                if (!e.prevHash().equals(prev)) {
                    problem(problems, "entry " + e.seq() + " does not follow the entry before it: an entry was "
                            + "deleted, inserted or moved before it");
                }
                String recomputed = hash(e.seq(), e.recordedAt(), e.actor(), e.action(), e.requestId(), e.details(),
                        e.prevHash());
                if (!KeyedHasher.sameHash(recomputed, e.entryHash())) {
                    problem(problems, "entry " + e.seq() + " was altered (its content does not match its hash)");
                }
                if (checkpoints.containsKey(e.seq())) {
                    checkpoints.put(e.seq(), e.entryHash());
                }
                prev = e.entryHash();
                expectedSeq = e.seq() + 1;
                last = e.head();
                cursor = e.seq();
            }
            if (page.size() < PAGE) {
                break;
            }
        }
        Head headRow = jdbc.sql("SELECT seq, entry_hash FROM audit_head WHERE id = 1")
                .query((rs, i) -> new Head(rs.getLong("seq"), rs.getString("entry_hash"))).optional()
                .orElse(null);
        if (headRow == null) {
            problem(problems, "the chain's head record is missing");
        } else if (!headRow.equals(last)) {
            problem(problems, headRow.seq() > last.seq()
                    ? "the log ends at entry " + last.seq() + " but its head record names entry " + headRow.seq()
                        + ": the last entries were deleted"
                    : "the head record (" + headRow + ") does not match the last entry (" + last + ")");
        }
        Head end = last;
        anchor.ifPresent(a -> checkHead(problems, a, checkpoints, end, "the anchor file " + anchorFile));
        expected.ifPresent(h -> checkHead(problems, h, checkpoints, end, "the head you gave"));
        return new Verification(count, last, anchor, List.copyOf(problems));
    }

    private static void checkHead(List<String> problems, Head h, java.util.Map<Long, String> seen, Head last,
            String what) {
        if (h.seq() == 0) {
            return;
        }
        String found = seen.get(h.seq());
        if (found == null) {
            problem(problems, h.seq() > last.seq()
                    ? what + " names entry " + h.seq() + " but the log ends at entry " + last.seq()
                        + ": the last entries were deleted"
                    : what + " names entry " + h.seq() + ", which is missing");
        } else if (!found.equals(h.hash())) {
            problem(problems, what + " does not match entry " + h.seq() + ": the log up to it was rewritten");
        }
    }

    /** The latest committed head (the head row). */
    public Head head() {
        return jdbc.sql("SELECT seq, entry_hash FROM audit_head WHERE id = 1")
                .query((rs, i) -> new Head(rs.getLong("seq"), rs.getString("entry_hash"))).single();
    }

    /** The entries of a request, in order. */
    public List<Entry> entriesOf(long requestId) {
        return jdbc.sql("SELECT seq, recorded_at, actor, action, request_id, details, prev_hash, entry_hash "
                        + "FROM audit_log WHERE request_id = ? ORDER BY seq")
                .param(requestId)
                .query(AuditLog::entry)
                .list();
    }

    private static Entry entry(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Entry(rs.getLong("seq"), SubjectRequests.instant(rs, "recorded_at"), rs.getString("actor"),
                rs.getString("action"), rs.getObject("request_id", Long.class), rs.getString("details"),
                rs.getString("prev_hash"), rs.getString("entry_hash"));
    }

    private String hash(long seq, Instant at, String actor, String action, Long requestId, String details,
            String prevHash) {
        List<Object> fields = new ArrayList<>();
        fields.add(prevHash);
        fields.add(seq);
        fields.add(at.toString());
        fields.add(actor);
        fields.add(action);
        fields.add(requestId);
        fields.add(details);
        return hasher.hex(NAMESPACE, JsonMapper.shared().writeValueAsString(fields));
    }

    /** Writes {@code head} to the anchor file unless it already names a later entry (another process's). */
    private void anchor(Head head) {
        try {
            Optional<Head> current;
            try {
                current = readAnchor();
            } catch (IllegalStateException malformed) {
                current = Optional.empty();
            }
            if (current.isPresent() && current.get().seq() >= head.seq()) {
                return;
            }
            PrivateFiles.write(anchorFile, (head + "\n").getBytes(StandardCharsets.US_ASCII));
        } catch (IOException | RuntimeException e) {
            LOG.warn("could not write the audit anchor {}: {} (the entry is recorded; keep the printed head)",
                    anchorFile, e.toString());
        }
    }

    /** The anchor file's head; empty if there is none; an exception if it cannot be read or parsed. */
    private Optional<Head> readAnchor() {
        try {
            return Optional.of(Head.parse(Files.readString(anchorFile, StandardCharsets.US_ASCII)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalStateException("the anchor file " + anchorFile + " is unreadable or malformed", e);
        }
    }

    private static void problem(List<String> problems, String p) {
        if (problems.size() < MAX_PROBLEMS) {
            problems.add(p);
        }
    }
}
