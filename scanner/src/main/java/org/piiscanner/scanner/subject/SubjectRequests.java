package org.piiscanner.scanner.subject;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.piiscanner.scanner.protect.HashedTerm;
import org.piiscanner.scanner.protect.NameQuery;
import org.piiscanner.scanner.protect.TermKind;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;

/**
 * The requests table family ({@code subject_request}, {@code subject_request_term}, {@code subject_result},
 * {@code subject_verification}): a request by id with its identifiers' hashes and the locations it found. Writes
 * join the caller's transaction. Thread-safe; holds no raw value.
 */
final class SubjectRequests {

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    SubjectRequests(DataSource dataSource) {
        this.jdbc = JdbcClient.create(Objects.requireNonNull(dataSource, "dataSource"));
        this.template = new JdbcTemplate(dataSource);
    }

    /** A request as recorded. */
    record StoredRequest(long id, Instant createdAt, String createdBy, String hmacKeyId, double minScore,
            int limit, int resultCount, boolean truncated, HashedSubject subject, List<StoredResult> results) {
    }

    /** One location a request found, as found. */
    record StoredResult(int rank, SubjectLocation location, double score, Confidence confidence,
            List<String> matched) {
    }

    /** A request in a listing. */
    record Summary(long id, Instant createdAt, String createdBy, List<String> types, int resultCount) {
    }

    /** Records a request and its results; returns its id. */
    long create(Instant at, String actor, String keyId, HashedSubject subject, double minScore, int limit,
            boolean truncated, List<SubjectMatch> results) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO subject_request (created_at, created_by, hmac_key_id, min_score, result_limit, "
                        + "result_count, truncated) VALUES (?, ?, ?, ?, ?, ?, ?)")
                .params(timestamp(at), actor, keyId, minScore, limit, results.size(), truncated)
                .update(key, "id");
        long id = generatedId(key);
        List<Object[]> terms = new ArrayList<>();
        for (HashedIdentifier hi : subject.identifiers()) {
            if (hi.isName()) {
                terms.add(term(id, hi, "NAME", 0, 0, hi.name().full()));
                int k = 1;
                for (NameQuery.Token t : hi.name().tokens()) {
                    terms.add(term(id, hi, "TOKEN", k, 0, t.token()));
                    int j = 0;
                    for (HashedTerm p : t.phonetic()) {
                        terms.add(term(id, hi, "PHONETIC", k, j++, p));
                    }
                    terms.add(term(id, hi, "TOKEN_WORD", k, 0, t.word()));
                    k++;
                }
            } else {
                terms.add(term(id, hi, "VALUE", 0, 0, hi.value()));
                if (hi.word() != null) {
                    terms.add(term(id, hi, "WORD", 0, 0, hi.word()));
                }
            }
        }
        template.batchUpdate("INSERT INTO subject_request_term (request_id, identifier_no, entity_type, term_role, "
                + "token_no, term_no, term_hash) VALUES (?, ?, ?, ?, ?, ?, ?)", terms);
        List<Object[]> rows = new ArrayList<>(results.size());
        for (SubjectMatch m : results) {
            SubjectLocation l = m.location();
            rows.add(new Object[] {id, m.rank(), l.locationId(), l.sourceId(), l.kind().name(), l.path(),
                m.evidence().score(), m.evidence().confidence().name(),
                truncate(String.join(",", m.evidence().matchedTypes()), 1000)});
        }
        if (!rows.isEmpty()) {
            template.batchUpdate("INSERT INTO subject_result (request_id, rank_no, location_id, source_id, "
                    + "location_kind, path, score, confidence, matched) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", rows);
        }
        return id;
    }

    private static Object[] term(long requestId, HashedIdentifier id, String role, int token, int termNo,
            HashedTerm term) {
        return new Object[] {requestId, id.number(), id.type(), role, token, termNo, term.hash()};
    }

    /** A request with its hashed identifiers and results. */
    Optional<StoredRequest> find(long id) {
        record Head(long id, Instant createdAt, String createdBy, String keyId, double minScore, int limit,
                int count, boolean truncated) {
        }
        Optional<Head> head = jdbc.sql("SELECT id, created_at, created_by, hmac_key_id, min_score, result_limit, "
                        + "result_count, truncated FROM subject_request WHERE id = ?")
                .param(id)
                .query((rs, i) -> new Head(rs.getLong("id"), instant(rs, "created_at"), rs.getString("created_by"),
                        rs.getString("hmac_key_id"), rs.getDouble("min_score"), rs.getInt("result_limit"),
                        rs.getInt("result_count"), rs.getBoolean("truncated")))
                .optional();
        if (head.isEmpty()) {
            return Optional.empty();
        }
        Head h = head.get();
        return Optional.of(new StoredRequest(h.id(), h.createdAt(), h.createdBy(), h.keyId(), h.minScore(),
                h.limit(), h.count(), h.truncated(), subject(id), results(id)));
    }

    private HashedSubject subject(long requestId) {
        record Term(int identifier, String type, String role, int token, int termNo, String hash) {
        }
        List<Term> terms = jdbc.sql("SELECT identifier_no, entity_type, term_role, token_no, term_no, term_hash "
                        + "FROM subject_request_term WHERE request_id = ? "
                        + "ORDER BY identifier_no, token_no, term_role, term_no")
                .param(requestId)
                .query((rs, i) -> new Term(rs.getInt("identifier_no"), rs.getString("entity_type"),
                        rs.getString("term_role"), rs.getInt("token_no"), rs.getInt("term_no"),
                        rs.getString("term_hash")))
                .list();
        Map<Integer, List<Term>> byIdentifier = new TreeMap<>();
        terms.forEach(t -> byIdentifier.computeIfAbsent(t.identifier(), k -> new ArrayList<>()).add(t));
        List<HashedIdentifier> identifiers = new ArrayList<>();
        for (Map.Entry<Integer, List<Term>> e : byIdentifier.entrySet()) {
            List<Term> ts = e.getValue();
            String type = ts.getFirst().type();
            if (IdentifierTypes.PERSON.equals(type)) {
                HashedTerm full = null;
                Map<Integer, HashedTerm> tokens = new TreeMap<>();
                Map<Integer, HashedTerm> words = new TreeMap<>();
                Map<Integer, List<HashedTerm>> phonetic = new TreeMap<>();
                for (Term t : ts) {
                    switch (t.role()) {
                        case "NAME" -> full = new HashedTerm(TermKind.NAME, t.hash());
                        case "TOKEN" -> tokens.put(t.token(), new HashedTerm(TermKind.NAME_TOKEN, t.hash()));
                        case "TOKEN_WORD" -> words.put(t.token(), new HashedTerm(TermKind.WORD, t.hash()));
                        case "PHONETIC" -> phonetic.computeIfAbsent(t.token(), k -> new ArrayList<>())
                                .add(new HashedTerm(TermKind.NAME_PHONETIC, t.hash()));
                        default -> throw new IllegalStateException("unknown term role " + t.role());
                    }
                }
                List<NameQuery.Token> nameTokens = new ArrayList<>();
                for (Map.Entry<Integer, HashedTerm> t : tokens.entrySet()) {
                    nameTokens.add(new NameQuery.Token(t.getValue(), phonetic.getOrDefault(t.getKey(), List.of()),
                            words.get(t.getKey())));
                }
                identifiers.add(new HashedIdentifier(e.getKey(), type, null, null, new NameQuery(full, nameTokens)));
            } else {
                HashedTerm value = null;
                HashedTerm word = null;
                for (Term t : ts) {
                    if (t.role().equals("VALUE")) {
                        value = new HashedTerm(TermKind.VALUE, t.hash());
                    } else if (t.role().equals("WORD")) {
                        word = new HashedTerm(TermKind.WORD, t.hash());
                    }
                }
                identifiers.add(new HashedIdentifier(e.getKey(), type, value, word, null));
            }
        }
        return new HashedSubject(identifiers);
    }

    private List<StoredResult> results(long requestId) {
        return jdbc.sql("SELECT r.rank_no, r.location_id, r.source_id, r.location_kind, r.path, r.score, "
                        + "r.confidence, r.matched, s.locator FROM subject_result r "
                        + "LEFT JOIN scan_source s ON s.id = r.source_id WHERE r.request_id = ? ORDER BY r.rank_no")
                .param(requestId)
                .query((RowMapper<StoredResult>) (rs, i) -> new StoredResult(rs.getInt("rank_no"),
                        new SubjectLocation(rs.getLong("location_id"), rs.getLong("source_id"),
                                LocationKind.valueOf(rs.getString("location_kind")),
                                Objects.requireNonNullElse(rs.getString("locator"), "?"), rs.getString("path")),
                        rs.getDouble("score"), Confidence.valueOf(rs.getString("confidence")),
                        rs.getString("matched").isEmpty() ? List.of()
                                : Arrays.asList(rs.getString("matched").split(","))))
                .list();
    }

    /** The most recent requests first. */
    List<Summary> list(int limit) {
        List<Summary> out = new ArrayList<>();
        jdbc.sql("SELECT id, created_at, created_by, result_count FROM subject_request ORDER BY id DESC LIMIT ?")
                .param(limit)
                .query((RowMapper<Void>) (rs, i) -> {
                    long id = rs.getLong("id");
                    out.add(new Summary(id, instant(rs, "created_at"), rs.getString("created_by"), List.of(),
                            rs.getInt("result_count")));
                    return null;
                })
                .list();
        List<Summary> withTypes = new ArrayList<>(out.size());
        for (Summary s : out) {
            List<String> types = jdbc.sql("SELECT entity_type FROM subject_request_term WHERE request_id = ? "
                            + "AND term_role IN ('VALUE', 'NAME') ORDER BY identifier_no")
                    .param(s.id()).query(String.class).list();
            withTypes.add(new Summary(s.id(), s.createdAt(), s.createdBy(), types, s.resultCount()));
        }
        return withTypes;
    }

    /** Records a verification of a request; returns its id. */
    long recordVerification(long requestId, Instant at, String actor, ErasureReport.Verdict verdict,
            ErasureReport.Tally tally, String reportSha256, String signingKeyId) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO subject_verification (request_id, created_at, created_by, verdict, gone_count, "
                        + "missing_count, present_count, unverified_count, excluded_count, new_count, report_sha256, "
                        + "signing_key_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(requestId, timestamp(at), actor, verdict.name(), tally.gone(), tally.missing(),
                        tally.present(), tally.unverified(), tally.excluded(), tally.newLocations(), reportSha256,
                        signingKeyId)
                .update(key, "id");
        return generatedId(key);
    }

    static OffsetDateTime timestamp(Instant at) {
        return at.truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }

    static long generatedId(KeyHolder key) {
        Map<String, Object> keys = key.getKeys();
        Object id = keys != null && keys.size() > 1 ? keys.entrySet().stream()
                .filter(e -> e.getKey().equalsIgnoreCase("id")).findFirst().orElseThrow().getValue() : key.getKey();
        return ((Number) Objects.requireNonNull(id, "generated id")).longValue();
    }
}
