package org.piiscanner.scanner.subject;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.piiscanner.classifiers.DataCategory;
import org.piiscanner.classifiers.DetectionEngine;
import org.piiscanner.scanner.protect.Protector;
import org.piiscanner.scanner.store.FindingStore;
import org.piiscanner.scanner.store.LocationRecord;
import org.piiscanner.scanner.store.Outcome;
import org.piiscanner.scanner.store.ScanKind;
import org.piiscanner.scanner.store.Source;
import org.piiscanner.scanner.store.StoredFinding;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Subject access and erasure requests: find everything held about one person, export it, and verify its erasure,
 * each step recorded in the {@link AuditLog}.
 *
 * <ul>
 *   <li>{@link #find}: hashes the identifiers with the scanners' {@link Protector}, searches the index
 *       ({@link SubjectSearch}), ranks by evidence, locates each match in the store's findings, and records the
 *       request (by id, with its hashes and results) and an audit entry in one transaction.</li>
 *   <li>{@link #export}: the request's locations and findings as CSV or JSON for the person's copy; with values,
 *       read from the sources now (files re-extracted, rows re-read by key) and never stored.</li>
 *   <li>{@link #verify}: re-reads every location of the request and of a new search at its source, and writes a
 *       signed report ({@link SignedReport}) saying per location whether the data is gone.</li>
 * </ul>
 * Thread-safe; the index is opened read-only on first use, so a search can run while a scan writes (on a shared
 * PostgreSQL store; the embedded H2 store is one process at a time).
 */
public final class SubjectService {

    /** Default minimum evidence score of a listed location. */
    public static final double DEFAULT_MIN_SCORE = 0.3;
    /** Default most locations listed. */
    public static final int DEFAULT_LIMIT = 500;

    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private final Protector protector;
    private final FindingStore store;
    private final Supplier<SubjectSearch> search;
    private final SubjectRequests requests;
    private final AuditLog audit;
    private final LocationReader reader;
    private final Supplier<DetectionEngine> defaultEngine;
    private final ContentTerms content;
    private final ExportBuilder exports;
    private final Supplier<SigningKeys> signingKeys;
    private final Path reportsDirectory;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final Supplier<String> actor;
    private final QueryHasher hasher;
    private final EvidenceScorer scorer = new EvidenceScorer();

    SubjectService(Protector protector, FindingStore store, Supplier<SubjectSearch> search, SubjectRequests requests,
            AuditLog audit, LocationReader reader, Supplier<DetectionEngine> defaultEngine,
            Supplier<SigningKeys> signingKeys, Path reportsDirectory, PlatformTransactionManager transactions,
            Clock clock, Supplier<String> actor) {
        this.protector = Objects.requireNonNull(protector, "protector");
        this.store = Objects.requireNonNull(store, "store");
        this.search = Objects.requireNonNull(search, "search");
        this.requests = Objects.requireNonNull(requests, "requests");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.reader = Objects.requireNonNull(reader, "reader");
        this.defaultEngine = Objects.requireNonNull(defaultEngine, "defaultEngine");
        this.content = new ContentTerms(protector);
        this.exports = new ExportBuilder(protector);
        this.signingKeys = Objects.requireNonNull(signingKeys, "signingKeys");
        this.reportsDirectory = Objects.requireNonNull(reportsDirectory, "reportsDirectory");
        this.tx = new TransactionTemplate(transactions);
        this.clock = Objects.requireNonNull(clock, "clock");
        this.actor = Objects.requireNonNull(actor, "actor");
        this.hasher = new QueryHasher(protector);
    }

    /** The audit log (for {@code audit verify}). */
    public AuditLog audit() {
        return audit;
    }

    // ------------------------------------------------------------------------------------------------ find

    /**
     * What a search found.
     *
     * @param requestId the request's id (for {@code export} and {@code verify})
     * @param matches the locations, best first
     * @param belowMinimum locations found with too little evidence to list
     * @param truncated true if more locations matched than the limit
     * @param auditHead the audit log's head after recording the search
     */
    public record FindOutcome(long requestId, List<SubjectMatch> matches, int belowMinimum, boolean truncated,
            AuditLog.Head auditHead) {
    }

    /**
     * Searches for the person with these identifiers and records the request.
     *
     * @param limit the most locations listed (at least 1)
     * @param minScore the least evidence score listed, in [0, 1)
     * @throws IllegalArgumentException if there are no identifiers or an option is out of range
     * @throws NoIndexException if nothing has been scanned into the data directory yet
     */
    public FindOutcome find(List<SubjectIdentifier> identifiers, int limit, double minScore) {
        if (limit < 1 || !(minScore >= 0 && minScore < 1)) {
            throw new IllegalArgumentException("--limit must be at least 1 and --min-score in [0, 1)");
        }
        HashedSubject subject = hasher.hash(identifiers);
        SubjectSearch.Ranked ranked = search.get().search(subject, limit, minScore);
        List<SubjectMatch> matches = locate(subject, ranked.candidates());
        String who = actor.get();
        record Recorded(long id, AuditLog.Entry entry) {
        }
        Recorded r = tx.execute(status -> {
            long id = requests.create(clock.instant(), who, protector.keyId(), subject, minScore, limit,
                    ranked.truncated(), matches);
            ObjectNode details = identifiersJson(subject);
            details.put("results", matches.size());
            details.put("high", matches.stream().filter(m -> m.evidence().confidence() == Confidence.HIGH).count());
            details.put("below_minimum", ranked.belowMinimum());
            details.put("truncated", ranked.truncated());
            details.put("min_score", minScore);
            details.put("limit", limit);
            return new Recorded(id, audit.append(who, AuditAction.SUBJECT_FIND, id, details.toString()));
        });
        return new FindOutcome(r.id(), matches, ranked.belowMinimum(), ranked.truncated(), r.entry().head());
    }

    /** Locates candidates in the store: source, kind, occurrences and categories. Deleted locations drop out. */
    private List<SubjectMatch> locate(HashedSubject subject, List<SubjectSearch.Candidate> candidates) {
        List<Long> ids = candidates.stream().map(c -> c.hit().locationId()).toList();
        Map<Long, LocationRecord> locations = store.findLocations(ids);
        Map<Long, List<StoredFinding>> findings = store.findings(ids);
        Map<Long, Source> sources = sources();
        List<SubjectMatch> matches = new ArrayList<>();
        for (SubjectSearch.Candidate c : candidates) {
            LocationRecord record = locations.get(c.hit().locationId());
            if (record == null || record.outcome() == Outcome.DELETED) {
                continue; // the index has not caught up with the store yet
            }
            List<StoredFinding> fs = findings.getOrDefault(record.id(), List.of());
            Set<DataCategory> categories = EnumSet.noneOf(DataCategory.class);
            Set<String> types = new TreeSet<>();
            for (StoredFinding f : fs) {
                categories.add(f.category());
                categories.addAll(f.secondaryCategories());
                types.add(f.entityType());
            }
            matches.add(new SubjectMatch(matches.size() + 1, location(record, sources), c.evidence(),
                    occurrences(subject, c.evidence(), fs), categories, types));
        }
        return matches;
    }

    /** The findings of a location that hold one of the identifiers the location matched. */
    private List<Occurrence> occurrences(HashedSubject subject, Evidence evidence, List<StoredFinding> findings) {
        Map<Integer, MatchKind> matched = new HashMap<>();
        evidence.matches().forEach(m -> matched.put(m.identifier(), m.how()));
        List<Occurrence> out = new ArrayList<>();
        for (StoredFinding f : findings) {
            for (IdentifierMatch m : scorer.score(subject, new HashSet<>(f.indexTerms())).matches()) {
                MatchKind atLocation = matched.get(m.identifier());
                if (atLocation != null && (m.how() != MatchKind.NAME_PARTIAL || atLocation == MatchKind.NAME_PARTIAL)) {
                    out.add(new Occurrence(m.identifier(), m.type(), f.position(), f.maskedPreview()));
                }
            }
        }
        return out;
    }

    private Map<Long, Source> sources() {
        Map<Long, Source> m = new HashMap<>();
        store.sources().forEach(s -> m.put(s.id(), s));
        return m;
    }

    private static SubjectLocation location(LocationRecord r, Map<Long, Source> sources) {
        Source s = sources.get(r.sourceId());
        LocationKind kind = s != null && s.kind() == ScanKind.DB ? LocationKind.ROW : LocationKind.FILE;
        return new SubjectLocation(r.id(), r.sourceId(), kind, s == null ? "?" : s.locator(), r.path());
    }

    /** Recent requests, newest first. */
    public List<RequestSummary> requests(int limit) {
        return requests.list(limit).stream()
                .map(s -> new RequestSummary(s.id(), s.createdAt(), s.createdBy(), s.types(), s.resultCount()))
                .toList();
    }

    /**
     * A request in a listing.
     *
     * @param id its id
     * @param createdAt when it ran
     * @param createdBy who ran it
     * @param identifierTypes the types of its identifiers, in order
     * @param results locations found
     */
    public record RequestSummary(long id, Instant createdAt, String createdBy, List<String> identifierTypes,
            int results) {
    }

    // ------------------------------------------------------------------------------------------------ export

    /** Export formats. */
    public enum ExportFormat {
        CSV, JSON
    }

    /**
     * An export, ready to write.
     *
     * @param content the bytes (UTF-8 CSV or JSON)
     * @param sha256 SHA-256 of {@code content} (hex), as recorded in the audit log
     * @param locations locations exported
     * @param items findings exported
     * @param valuesRead values read from the sources (0 without values)
     * @param auditHead the audit log's head after recording the export
     */
    public record ExportOutcome(byte[] content, String sha256, int locations, int items, int valuesRead,
            AuditLog.Head auditHead) {

        @Override
        public String toString() {
            return "ExportOutcome[" + locations + " locations, " + items + " items, " + valuesRead + " values]";
        }
    }

    /**
     * Exports a request's locations and findings. The export is recorded in the audit log before it is returned.
     *
     * @param withValues read the actual values from the sources now (explicit, audited)
     * @param engine the detectors to find a value again in a changed document: the scans' configuration; null
     *     for the default detectors
     * @throws NoSuchRequestException if there is no such request
     */
    public ExportOutcome export(long requestId, ExportFormat format, boolean withValues, DetectionEngine engine) {
        SubjectRequests.StoredRequest request = request(requestId);
        List<SubjectLocation> locations = currentLocations(request);
        Map<Long, List<StoredFinding>> findings = store.findings(
                locations.stream().map(SubjectLocation::locationId).toList());
        Map<Long, Reread> reread = withValues ? reader.read(locations, columnsOf(findings)) : Map.of();
        ExportBuilder.Export export = exports.build(request, locations, findings, reread, withValues,
                clock.instant(), actor.get(), engine != null ? engine : defaultEngine.get());
        byte[] bytes = format == ExportFormat.CSV ? exports.csv(export) : exports.json(export);
        String sha = sha256(bytes);
        String who = actor.get();
        AuditLog.Entry entry = tx.execute(status -> {
            ObjectNode details = identifiersJson(request.subject());
            details.put("format", format.name());
            details.put("with_values", withValues);
            details.put("locations", export.locations().size());
            details.put("items", export.itemCount());
            details.put("values_read", export.valuesRead());
            details.put("sha256", sha);
            return audit.append(who, AuditAction.SUBJECT_EXPORT, requestId, details.toString());
        });
        return new ExportOutcome(bytes, sha, export.locations().size(), export.itemCount(), export.valuesRead(),
                entry.head());
    }

    /** The request's result locations with their current source locator (as found if the store lost them). */
    private List<SubjectLocation> currentLocations(SubjectRequests.StoredRequest request) {
        Map<Long, Source> sources = sources();
        List<SubjectLocation> out = new ArrayList<>();
        for (SubjectRequests.StoredResult r : request.results()) {
            SubjectLocation l = r.location();
            Source s = sources.get(l.sourceId());
            out.add(s == null ? l : new SubjectLocation(l.locationId(), l.sourceId(), l.kind(), s.locator(),
                    l.path()));
        }
        return out;
    }

    private static Map<Long, List<String>> columnsOf(Map<Long, List<StoredFinding>> findings) {
        Map<Long, List<String>> columns = new HashMap<>();
        findings.forEach((id, fs) -> columns.put(id, fs.stream().map(f -> f.position().section())
                .filter(Objects::nonNull).distinct().toList()));
        return columns;
    }

    // ------------------------------------------------------------------------------------------------ verify

    /**
     * A verification's outcome.
     *
     * @param report what was found
     * @param reportFile where the signed report was written
     * @param sha256 SHA-256 of the signed report file (hex)
     * @param auditHead the audit log's head after recording the verification
     */
    public record VerifyOutcome(ErasureReport report, Path reportFile, String sha256, AuditLog.Head auditHead) {
    }

    /**
     * Re-reads every location of the request, and every location a new search finds, at its source; writes a
     * signed report and records the verification.
     *
     * @param output where to write the signed report, or null for {@code <data-dir>/reports/...}
     * @param engine the detectors that re-read content: the scans' configuration (so that what a scan would find
     *     is what counts as still present); null for the default detectors
     * @throws NoSuchRequestException if there is no such request
     */
    public VerifyOutcome verify(long requestId, Path output, DetectionEngine engine) {
        return verify(requestId, output, engine, Set.of());
    }

    /**
     * {@link #verify(long, Path, DetectionEngine)}, leaving out the request's results of the given ranks: locations
     * the DPO established hold another person's data (a namesake). They are listed as {@code EXCLUDED} in the
     * report and do not count towards the verdict.
     *
     * @throws IllegalArgumentException if a rank is not one of the request's results
     */
    public VerifyOutcome verify(long requestId, Path output, DetectionEngine engine, Set<Integer> excludedRanks) {
        SubjectRequests.StoredRequest request = request(requestId);
        DetectionEngine detectors = engine != null ? engine : defaultEngine.get();
        HashedSubject subject = request.subject();
        List<SubjectLocation> original = currentLocations(request);
        Map<Long, SubjectRequests.StoredResult> byId = new LinkedHashMap<>();
        request.results().forEach(r -> byId.put(r.location().locationId(), r));
        Set<Long> excluded = new HashSet<>();
        for (int rank : excludedRanks) {
            SubjectRequests.StoredResult r = request.results().stream().filter(x -> x.rank() == rank).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("request " + requestId + " has no result ranked "
                            + rank + " (it has " + request.results().size() + ")"));
            excluded.add(r.location().locationId());
        }

        // search again: the index as of the last scan
        SubjectSearch.Ranked again = search.get().search(subject, Math.max(request.limit(), 1), request.minScore());
        Set<Long> indexed = new HashSet<>();
        List<SubjectLocation> newLocations = new ArrayList<>();
        List<SubjectMatch> newMatches = locate(subject, again.candidates());
        for (SubjectMatch m : newMatches) {
            indexed.add(m.location().locationId());
            if (!byId.containsKey(m.location().locationId())) {
                newLocations.add(m.location());
            }
        }
        List<SubjectLocation> all = new ArrayList<>(original);
        all.addAll(newLocations);

        Map<Long, List<StoredFinding>> findings = store.findings(all.stream().map(SubjectLocation::locationId)
                .toList());
        Map<Long, Reread> reread = reader.read(all.stream().filter(l -> !excluded.contains(l.locationId()))
                .toList(), columnsOf(findings));

        List<ErasureReport.LocationCheck> checks = new ArrayList<>();
        int gone = 0;
        int missing = 0;
        int present = 0;
        int unverified = 0;
        int excludedCount = 0;
        for (SubjectLocation l : all) {
            boolean fromRequest = byId.containsKey(l.locationId());
            Reread r = reread.get(l.locationId());
            ErasureReport.Status status;
            String detail;
            Evidence now = Evidence.NONE;
            if (excluded.contains(l.locationId())) {
                checks.add(new ErasureReport.LocationCheck(l, "request", byId.get(l.locationId()).matched(),
                        ErasureReport.Status.EXCLUDED, "excluded by the DPO: another person's data", List.of(), 0,
                        indexed.contains(l.locationId())));
                excludedCount++;
                continue;
            }
            switch (r) {
                case Reread.FileText t -> {
                    now = scorer.score(subject, content.ofFile(t, detectors));
                    status = now.score() >= request.minScore() && !now.isEmpty() ? ErasureReport.Status.STILL_PRESENT
                            : ErasureReport.Status.GONE;
                    detail = "re-read";
                }
                case Reread.Row row -> {
                    now = scorer.score(subject, content.ofRow(row.columns(), typesByColumn(findings.get(
                            l.locationId())), detectors));
                    status = now.score() >= request.minScore() && !now.isEmpty() ? ErasureReport.Status.STILL_PRESENT
                            : ErasureReport.Status.GONE;
                    detail = "re-read";
                }
                case Reread.Missing m -> {
                    status = ErasureReport.Status.LOCATION_MISSING;
                    detail = m.detail();
                }
                case Reread.Unreadable u -> {
                    status = ErasureReport.Status.UNVERIFIED;
                    detail = u.detail();
                }
                case null -> {
                    status = ErasureReport.Status.UNVERIFIED;
                    detail = "not read";
                }
            }
            switch (status) {
                case GONE -> gone++;
                case LOCATION_MISSING -> missing++;
                case STILL_PRESENT -> present++;
                case UNVERIFIED -> unverified++;
                case EXCLUDED -> excludedCount++;
            }
            checks.add(new ErasureReport.LocationCheck(l, fromRequest ? "request" : "search again",
                    fromRequest ? byId.get(l.locationId()).matched() : List.of(), status, detail, now.matchedTypes(),
                    now.score(), indexed.contains(l.locationId())));
        }
        ErasureReport.Verdict verdict = present > 0 ? ErasureReport.Verdict.STILL_PRESENT
                : unverified > 0 ? ErasureReport.Verdict.INCOMPLETE : ErasureReport.Verdict.GONE;
        ErasureReport.Tally tally = new ErasureReport.Tally(gone, missing, present, unverified, excludedCount,
                newLocations.size());
        SigningKeys keys = signingKeys.get();
        Instant now = clock.instant();
        String who = actor.get();
        List<ErasureReport.IdentifierHash> ids = subject.identifiers().stream()
                .map(i -> new ErasureReport.IdentifierHash(i.number(), i.type(), i.auditHash())).toList();
        ErasureReport report = new ErasureReport(requestId, request.createdAt(), request.createdBy(), now, who,
                request.hmacKeyId(), keys.keyId(), ids, verdict, tally, again.truncated(), checks);

        byte[] signed = SignedReport.sign(ReportJson.of(report), keys);
        Path file = output != null ? output : reportsDirectory.resolve("erasure-request-" + requestId + "-"
                + FILE_TIME.format(now) + ".report");
        try {
            PrivateFiles.createDirectories(file.toAbsolutePath().getParent());
            PrivateFiles.write(file, signed);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the report " + file, e);
        }
        String sha = sha256(signed);
        AuditLog.Entry entry = tx.execute(status -> {
            requests.recordVerification(requestId, now, who, verdict, tally, sha, keys.keyId());
            ObjectNode details = identifiersJson(subject);
            details.put("verdict", verdict.name());
            details.put("gone", tally.gone());
            details.put("location_missing", tally.missing());
            details.put("still_present", tally.present());
            details.put("unverified", tally.unverified());
            details.put("excluded", tally.excluded());
            details.put("excluded_ranks", excludedRanks.stream().sorted().map(String::valueOf)
                    .collect(java.util.stream.Collectors.joining(",")));
            details.put("new", tally.newLocations());
            details.put("report_sha256", sha);
            details.put("signing_key_id", keys.keyId());
            return audit.append(who, AuditAction.SUBJECT_VERIFY, requestId, details.toString());
        });
        return new VerifyOutcome(report, file, sha, entry.head());
    }

    private static Map<String, List<String>> typesByColumn(List<StoredFinding> findings) {
        Map<String, List<String>> m = new LinkedHashMap<>();
        if (findings != null) {
            for (StoredFinding f : findings) {
                if (f.position().section() != null) {
                    List<String> types = m.computeIfAbsent(f.position().section(), k -> new ArrayList<>());
                    if (!types.contains(f.entityType())) {
                        types.add(f.entityType());
                    }
                }
            }
        }
        return m;
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private SubjectRequests.StoredRequest request(long requestId) {
        SubjectRequests.StoredRequest request = requests.find(requestId)
                .orElseThrow(() -> new NoSuchRequestException(requestId));
        if (!request.hmacKeyId().equals(protector.keyId())) {
            throw new IllegalStateException("request " + requestId + " was made with the HMAC key " + request
                    .hmacKeyId() + ", not the configured key " + protector.keyId() + ": run the search again");
        }
        return request;
    }

    /** {@code {"identifiers": [{"number": 1, "type": "PERSON", "hash": "..."}, ...]}}. */
    private static ObjectNode identifiersJson(HashedSubject subject) {
        ObjectNode node = JsonMapper.shared().createObjectNode();
        ArrayNode ids = node.putArray("identifiers");
        for (HashedIdentifier i : subject.identifiers()) {
            ids.addObject().put("number", i.number()).put("type", i.type()).put("hash", i.auditHash());
        }
        return node;
    }

    static String sha256(byte[] bytes) {
        try {
            return java.util.HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
