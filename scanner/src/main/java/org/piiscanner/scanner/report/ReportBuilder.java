package org.piiscanner.scanner.report;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.piiscanner.classifiers.DataCategory;
import org.piiscanner.classifiers.SpecialCategory;
import org.piiscanner.scanner.config.RetentionSettings;
import org.piiscanner.scanner.store.FindingDigest;
import org.piiscanner.scanner.store.FindingStore;
import org.piiscanner.scanner.store.Fingerprint;
import org.piiscanner.scanner.store.LocationQuery;
import org.piiscanner.scanner.store.LocationRecord;
import org.piiscanner.scanner.store.Outcome;
import org.piiscanner.scanner.store.Page;
import org.piiscanner.scanner.store.RunStatus;
import org.piiscanner.scanner.store.ScanKind;
import org.piiscanner.scanner.store.ScanRun;
import org.piiscanner.scanner.store.Source;

/**
 * Reads the findings store into a {@link Report}: one pass over each source's locations (keyset pages), finding
 * digests for the locations that hold findings (no hashes are ever read), then retention and the comparison with
 * the source's previous run snapshot.
 *
 * <p>Files and archive entries are reported one per line, grouped by the folder of their top-level file; a
 * database source is reported one line per table ({@code schema.table}, the first segment of its row
 * locations), grouped by schema. Memory grows with the number of lines holding personal data or skipped, not
 * with the number of locations scanned. Not thread-safe; one builder per report.
 */
final class ReportBuilder {

    /** Masked previews kept per entity type and line. */
    static final int PREVIEWS_PER_TYPE = 3;
    /** Section labels (columns, sheets, pages) kept per entity type and line. */
    static final int SECTIONS_PER_TYPE = 5;
    private static final int PAGE = 1000;

    private final FindingStore store;
    private final List<CoverageContributor> contributors;
    private final Clock clock;

    ReportBuilder(FindingStore store, List<CoverageContributor> contributors, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.contributors = List.copyOf(contributors);
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * The report on run {@code runId} (null: the latest completed run), with {@code retention} applied (null:
     * retention not checked).
     *
     * @throws ReportException if there is no such run, or no completed run
     */
    Report build(Long runId, RetentionSettings retention) {
        Instant now = clock.instant();
        ScanRun run = runId != null
                ? store.findRun(runId).orElseThrow(() -> new ReportException("there is no scan run " + runId
                        + " in the store"))
                : latestCompleted();
        List<String> notices = new ArrayList<>();
        if (run.status() != RunStatus.COMPLETED) {
            notices.add("Run " + run.id() + " did not complete (" + run.status().name().toLowerCase(Locale.ROOT)
                    + "): locations it did not reach show the state of an earlier run or are missing, and "
                    + "deleted files may still be listed.");
        }
        Map<Long, Source> sources = new HashMap<>();
        store.sources().forEach(s -> sources.put(s.id(), s));
        RetentionPolicy policy = retention == null ? null : new RetentionPolicy(retention);
        List<SourceReport> reports = new ArrayList<>();
        for (long sourceId : store.sourcesOfRun(run.id())) {
            SourceReport r = new SourceBuild(run, sources.get(sourceId), policy, now).build();
            if (r.laterRun() != null) {
                notices.add("Source " + r.source().locator() + " was scanned again by run " + r.laterRun().id()
                        + ": its locations show the state after that run.");
            }
            reports.add(r);
        }
        return new Report(now, run, reports, retention, notices);
    }

    private ScanRun latestCompleted() {
        Long before = null;
        do {
            Page<ScanRun> page = store.listRuns(before, 100);
            for (ScanRun r : page.items()) {
                if (r.status() == RunStatus.COMPLETED) {
                    return r;
                }
            }
            before = page.nextCursor();
        } while (before != null);
        throw new ReportException("the store holds no completed scan run: run a scan first, or name a run with "
                + "--run");
    }

    // ---------------------------------------------------------------------------------------------- paths

    /** The top-level segment of a displayed path: its last {@code depth} entries removed. */
    static String root(String path, int depth) {
        int end = path.length();
        for (int i = 0; i < depth; i++) {
            int sep = path.lastIndexOf("!/", end - 1);
            if (sep <= 0) {
                return path;
            }
            end = sep;
        }
        return path.substring(0, end);
    }

    /** The folder of a top-level file path ({@code hr/payroll} for {@code hr/payroll/2021.xlsx}), or "". */
    static String folder(String root) {
        int slash = root.lastIndexOf('/');
        return slash < 0 ? "" : root.substring(0, slash);
    }

    /** The schema of a table ({@code hr} for {@code hr.people}), or "". */
    static String schema(String table) {
        int dot = table.indexOf('.');
        return dot < 0 ? "" : table.substring(0, dot);
    }

    // ---------------------------------------------------------------------------------------------- one source

    /**
     * The build of one source's part. Files are summarised page by page (a file's line is complete once its page
     * is read); tables are summarised at the end, their rows spanning pages.
     */
    private final class SourceBuild {
        private final ScanRun run;
        private final Source source;
        private final RetentionPolicy policy;
        private final Instant now;
        private final boolean database;
        private final Map<Long, Instant> runStarts = new HashMap<>();
        private final Map<String, Line> lines = new HashMap<>();
        private final List<LocationSummary> summaries = new ArrayList<>();
        private final Map<String, Long> clean = new HashMap<>();
        private final Map<String, Long> skippedByReason = new HashMap<>();
        private final List<Coverage.SkippedLocation> skipped = new ArrayList<>();
        /** Tables with a row not deleted, and the first run of each table's oldest row (databases only). */
        private final Set<String> liveTables = new HashSet<>();
        private final Map<String, Long> tableFirstSeen = new HashMap<>();
        private long locations;
        private long scanned;
        private long unchanged;
        private long newLocations;
        private long deletedLocations;
        private long uncovered;

        SourceBuild(ScanRun run, Source source, RetentionPolicy policy, Instant now) {
            this.run = run;
            this.source = source;
            this.policy = policy;
            this.now = now;
            this.database = source.kind() == ScanKind.DB;
        }

        SourceReport build() {
            List<ScanRun> runs = store.runsOfSource(source.id());
            runs.forEach(r -> runStarts.put(r.id(), r.startedAt().toInstant()));
            ScanRun later = runs.stream().filter(r -> r.id() > run.id() && r.status() == RunStatus.COMPLETED)
                    .findFirst().orElse(null);
            ScanRun previous = runs.stream().filter(r -> r.id() < run.id() && r.status() == RunStatus.COMPLETED)
                    .findFirst().orElse(null);

            readLocations(previous);
            lines.values().forEach(this::finish);
            lines.clear();
            summaries.sort(Comparator.comparing(LocationSummary::group).thenComparing(LocationSummary::path));

            List<CoverageNote> notes = new ArrayList<>();
            for (CoverageContributor c : contributors) {
                notes.addAll(c.notes(source, run));
            }
            Map<String, Long> reasons = new LinkedHashMap<>();
            skippedByReason.entrySet().stream()
                    .sorted(Map.Entry.<String, Long>comparingByValue().reversed()
                            .thenComparing(Map.Entry.comparingByKey()))
                    .forEach(e -> reasons.put(e.getKey(), e.getValue()));
            skipped.sort(Comparator.comparing(Coverage.SkippedLocation::path));
            Coverage coverage = new Coverage(locations, scanned, unchanged, skippedByReason.values().stream()
                    .mapToLong(Long::longValue).sum(), reasons, skipped, notes);

            Changes changes = changes(previous, later == null);
            return new SourceReport(source, later, coverage, summaries, clean, inventory(summaries), changes,
                    uncovered);
        }

        /** Summarises a complete line (and applies the retention policy), or counts it as clean. */
        private void finish(Line line) {
            if (line.tallies.isEmpty() && line.skipReason == null) {
                clean.merge(line.group, 1L, Long::sum);
                return;
            }
            LocationSummary s = line.summary(runStarts);
            if (policy != null && s.hasPersonalData()) {
                RetentionPolicy.Outcome o = policy.evaluate(source.locator(), s.path(), s.types(), s.modified(),
                        s.modifiedFromContainer(), s.firstSeen(), now);
                s = new LocationSummary(s.path(), s.group(), s.outcome(), s.skipReason(), s.skipDetail(), s.members(),
                        s.membersWithFindings(), s.modified(), s.modifiedFromContainer(), s.firstSeen(),
                        s.firstSeenRun(), s.types(), o.breaches());
                uncovered += o.uncovered() ? 1 : 0;
            }
            summaries.add(s);
        }

        private void readLocations(ScanRun previous) {
            Map<String, String> names = new HashMap<>();
            Long cursor = null;
            do {
                Page<LocationRecord> page = store.listLocations(LocationQuery.all().withSource(source.id()), cursor,
                        PAGE);
                List<LocationRecord> withFindings = new ArrayList<>();
                for (LocationRecord loc : page.items()) {
                    if (loc.outcome() == Outcome.DELETED) {
                        if (previous != null && loc.outcomeRun() > previous.id() && loc.outcomeRun() <= run.id()) {
                            deletedLocations++;
                        }
                        continue;
                    }
                    count(loc, previous);
                    String root = root(loc.path(), loc.depth());
                    String key = database ? root : loc.path();
                    String group = database ? schema(root) : folder(root);
                    if (database) {
                        liveTables.add(key);
                        tableFirstSeen.merge(key, loc.firstSeenRun(), Math::min);
                    } else if (loc.findingsCount() == 0 && loc.outcome() != Outcome.SKIPPED) {
                        clean.merge(group, 1L, Long::sum);
                        continue;
                    }
                    lines.computeIfAbsent(key, k -> new Line(k, group)).add(loc);
                    if (loc.findingsCount() > 0) {
                        withFindings.add(loc);
                    }
                }
                Map<Long, List<FindingDigest>> digests = store.findingDigests(withFindings.stream()
                        .map(LocationRecord::id).toList());
                Map<Long, Long> containerTimes = store.containerModifiedMillis(withFindings.stream()
                        .filter(l -> l.depth() > 0 && modified(l) == null).map(LocationRecord::id).toList());
                for (LocationRecord loc : withFindings) {
                    Line line = lines.get(database ? root(loc.path(), loc.depth()) : loc.path());
                    line.membersWithFindings++;
                    Long container = containerTimes.get(loc.id());
                    if (container != null) {
                        line.modified(container, true);
                    }
                    for (FindingDigest d : digests.getOrDefault(loc.id(), List.of())) {
                        line.tallies.computeIfAbsent(names.computeIfAbsent(d.entityType(), n -> n),
                                t -> new Tally(t, d.category())).add(d);
                    }
                }
                if (!database) {
                    lines.values().forEach(this::finish);
                    lines.clear();
                }
                cursor = page.nextCursor();
            } while (cursor != null);
        }

        private void count(LocationRecord loc, ScanRun previous) {
            locations++;
            switch (loc.outcome()) {
                case SCANNED -> scanned++;
                case UNCHANGED -> unchanged++;
                case SKIPPED -> {
                    String reason = loc.skipReason() == null ? "OTHER" : loc.skipReason().name();
                    skippedByReason.merge(reason, 1L, Long::sum);
                    skipped.add(new Coverage.SkippedLocation(loc.path(), reason, loc.skipDetail(),
                            loc.findingsCount()));
                }
                default -> {
                }
            }
            if (previous != null && loc.firstSeenRun() > previous.id()) {
                newLocations++;
            }
        }

        private List<InventoryEntry> inventory(List<LocationSummary> summaries) {
            List<InventoryEntry> out = new ArrayList<>();
            for (DataCategory c : DataCategory.values()) {
                long locationCount = 0;
                long findings = 0;
                Map<String, Long> types = new HashMap<>();
                Set<SpecialCategory> special = EnumSet.noneOf(SpecialCategory.class);
                for (LocationSummary s : summaries) {
                    boolean holds = false;
                    for (TypeTally t : s.types()) {
                        if (t.categories().contains(c)) {
                            holds = true;
                            findings += t.findings();
                            types.merge(t.entityType(), t.findings(), Long::sum);
                            if (c == DataCategory.SPECIAL_CATEGORY) {
                                special.addAll(t.specialCategories());
                            }
                        }
                    }
                    locationCount += holds ? 1 : 0;
                }
                if (locationCount > 0) {
                    out.add(new InventoryEntry(c, locationCount, findings, byCount(types), special));
                }
            }
            return out;
        }

        /**
         * The comparison with the previous completed run: its snapshot against this run's (or, for the latest run
         * of the source without one, the locations as read). Both are reduced to a {@link LineState} per line.
         */
        private Changes changes(ScanRun previous, boolean latest) {
            if (previous == null) {
                return unavailable(null, "This is the first completed scan of this source: there is nothing to "
                        + "compare with yet.");
            }
            if (store.snapshot(previous.id(), source.id()).isEmpty()) {
                return unavailable(previous, "The previous run (" + previous.id() + ") kept no snapshot to compare "
                        + "with: snapshots are taken when a run completes, and the " + FindingStore.SNAPSHOTS_KEPT
                        + " newest of each source are kept.");
            }
            boolean afterKept = store.snapshot(run.id(), source.id()).isPresent();
            if (!afterKept && !latest) {
                return unavailable(previous, "Run " + run.id() + "'s snapshot is no longer kept: report on the "
                        + "latest run to see changes.");
            }
            Map<String, LineState> was = states(previous.id());
            Map<String, LineState> is;
            if (afterKept) {
                is = states(run.id());
            } else {
                is = new HashMap<>();
                for (LocationSummary s : summaries) {
                    if (s.hasPersonalData()) {
                        LineState state = is.computeIfAbsent(s.path(), k -> new LineState(s.group()));
                        state.firstSeenRun = s.firstSeenRun();
                        state.alive = true;
                        s.types().forEach(t -> state.add(t.entityType(), t.findings(), t.categories()));
                    }
                }
            }
            Set<String> keys = new TreeSet<>(was.keySet());
            keys.addAll(is.keySet());
            List<LocationChange> out = new ArrayList<>();
            Set<DataCategory> sourceBefore = EnumSet.noneOf(DataCategory.class);
            Set<DataCategory> sourceAfter = EnumSet.noneOf(DataCategory.class);
            LineState none = new LineState("");
            for (String key : keys) {
                LineState b = was.getOrDefault(key, none);
                LineState a = is.getOrDefault(key, none);
                sourceBefore.addAll(b.categories());
                sourceAfter.addAll(a.categories());
                if (b.counts.equals(a.counts)) {
                    continue;
                }
                LocationChange.Kind kind = LocationChange.Kind.CHANGED;
                if (b.counts.isEmpty() && firstSeen(key, a) > previous.id()) {
                    kind = LocationChange.Kind.NEW;
                } else if (a.counts.isEmpty() && !alive(key, b)) {
                    kind = LocationChange.Kind.REMOVED;
                }
                out.add(new LocationChange(key, (a == none ? b : a).group, kind, minus(a.categories(), b.categories()),
                        minus(b.categories(), a.categories()),
                        a.counts.keySet().stream().filter(t -> !b.counts.containsKey(t)).toList(),
                        b.counts.keySet().stream().filter(t -> !a.counts.containsKey(t)).toList(), b.total(),
                        a.total()));
            }
            return new Changes(previous.id(), previous.endedAt(), null, newLocations, deletedLocations,
                    minus(sourceAfter, sourceBefore), minus(sourceBefore, sourceAfter), out);
        }

        private long firstSeen(String key, LineState after) {
            return database ? tableFirstSeen.getOrDefault(key, Long.MAX_VALUE) : after.firstSeenRun;
        }

        private boolean alive(String key, LineState before) {
            return database ? liveTables.contains(key) : before.alive;
        }

        private Changes unavailable(ScanRun previous, String why) {
            return new Changes(previous == null ? null : previous.id(), previous == null ? null : previous.endedAt(),
                    why, newLocations, deletedLocations, Set.of(), Set.of(), List.of());
        }

        /** A snapshot reduced to lines, streamed from the store. */
        private Map<String, LineState> states(long runId) {
            Map<String, LineState> out = new HashMap<>();
            store.snapshotEntries(runId, source.id(), e -> {
                String root = root(e.path(), e.depth());
                String key = database ? root : e.path();
                LineState state = out.computeIfAbsent(key, k -> new LineState(database ? schema(root) : folder(root)));
                state.firstSeenRun = Math.min(state.firstSeenRun, e.firstSeenRun());
                state.alive |= !e.deletedNow();
                Set<DataCategory> cats = EnumSet.of(e.category());
                cats.addAll(e.secondaryCategories());
                state.add(e.entityType(), e.findings(), cats);
            });
            return out;
        }
    }

    /** What a line held at a run: findings per entity type and the categories, compactly. */
    private static final class LineState {
        final String group;
        final Map<String, Long> counts = new TreeMap<>();
        int categoryBits;
        long firstSeenRun = Long.MAX_VALUE;
        boolean alive;

        LineState(String group) {
            this.group = group;
        }

        void add(String type, long findings, Set<DataCategory> categories) {
            counts.merge(type, findings, Long::sum);
            for (DataCategory c : categories) {
                categoryBits |= 1 << c.ordinal();
            }
        }

        Set<DataCategory> categories() {
            Set<DataCategory> out = EnumSet.noneOf(DataCategory.class);
            for (DataCategory c : DataCategory.values()) {
                if ((categoryBits & 1 << c.ordinal()) != 0) {
                    out.add(c);
                }
            }
            return out;
        }

        long total() {
            return counts.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    private static Set<DataCategory> minus(Set<DataCategory> a, Set<DataCategory> b) {
        Set<DataCategory> out = EnumSet.noneOf(DataCategory.class);
        out.addAll(a);
        out.removeAll(b);
        return out;
    }

    private static Map<String, Long> byCount(Map<String, Long> types) {
        Map<String, Long> out = new LinkedHashMap<>();
        types.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    private static Long modified(LocationRecord loc) {
        Fingerprint fp = loc.fingerprint();
        return fp == null || fp.modifiedMillis() == Fingerprint.UNKNOWN_TIME ? null : fp.modifiedMillis();
    }

    // ---------------------------------------------------------------------------------------------- accumulators

    /** One report line being read: a file or entry, or a table and its rows. */
    private static final class Line {
        final String path;
        final String group;
        final Map<String, Tally> tallies = new HashMap<>();
        final Map<Outcome, Long> outcomes = new EnumMap<>(Outcome.class);
        Outcome ownOutcome;
        String skipReason;
        String skipDetail;
        long members;
        long membersWithFindings;
        Long modified;
        boolean modifiedFromContainer;
        long firstSeenRun = Long.MAX_VALUE;

        Line(String path, String group) {
            this.path = path;
            this.group = group;
        }

        void add(LocationRecord loc) {
            members++;
            outcomes.merge(loc.outcome(), 1L, Long::sum);
            boolean own = loc.path().equals(path);
            if (own) {
                ownOutcome = loc.outcome();
                if (loc.outcome() == Outcome.SKIPPED) {
                    skipReason = loc.skipReason() == null ? "OTHER" : loc.skipReason().name();
                    skipDetail = loc.skipDetail();
                }
            }
            firstSeenRun = Math.min(firstSeenRun, loc.firstSeenRun());
            Long m = ReportBuilder.modified(loc);
            if (m != null) {
                modified(m, false);
            }
        }

        /** Keeps the oldest known modification time (the oldest data decides retention). */
        void modified(long millis, boolean fromContainer) {
            if (modified == null || millis < modified) {
                modified = millis;
                modifiedFromContainer = fromContainer;
            }
        }

        LocationSummary summary(Map<Long, Instant> runStarts) {
            Outcome outcome = ownOutcome;
            if (outcome == null) {
                long most = 0;
                for (Map.Entry<Outcome, Long> e : outcomes.entrySet()) { // EnumMap: ties go to the first outcome
                    if (e.getValue() > most) {
                        most = e.getValue();
                        outcome = e.getKey();
                    }
                }
            }
            if (outcome == null) {
                outcome = Outcome.SCANNED;
            }
            List<TypeTally> types = tallies.values().stream().map(Tally::freeze)
                    .sorted(Comparator.comparingLong(TypeTally::findings).reversed()
                            .thenComparing(TypeTally::entityType))
                    .toList();
            return new LocationSummary(path, group, outcome.name(), skipReason, skipDetail, members,
                    membersWithFindings, modified == null ? null : Instant.ofEpochMilli(modified),
                    modifiedFromContainer, runStarts.get(firstSeenRun), firstSeenRun, types, List.of());
        }
    }

    /** The findings of one entity type in one line, being counted. */
    private static final class Tally {
        final String entityType;
        final DataCategory category;
        final Set<DataCategory> secondary = EnumSet.noneOf(DataCategory.class);
        final Set<SpecialCategory> special = EnumSet.noneOf(SpecialCategory.class);
        final Set<String> previews = new LinkedHashSet<>();
        final Set<String> sections = new LinkedHashSet<>();
        long findings;
        long high;
        long medium;
        long low;
        long testValues;
        double maxScore;

        Tally(String entityType, DataCategory category) {
            this.entityType = entityType;
            this.category = category;
        }

        void add(FindingDigest d) {
            findings++;
            switch (ConfidenceBand.of(d.score())) {
                case HIGH -> high++;
                case MEDIUM -> medium++;
                case LOW -> low++;
            }
            testValues += d.testValue() ? 1 : 0;
            maxScore = Math.max(maxScore, d.score());
            secondary.addAll(d.secondaryCategories());
            secondary.remove(category);
            special.addAll(d.specialCategories());
            if (previews.size() < PREVIEWS_PER_TYPE && d.maskedPreview() != null && !d.maskedPreview().isBlank()) {
                previews.add(d.maskedPreview());
            }
            if (sections.size() < SECTIONS_PER_TYPE && d.section() != null && !d.section().isBlank()) {
                sections.add(d.section());
            }
        }

        TypeTally freeze() {
            return new TypeTally(entityType, category, secondary, special, findings, high, medium, low, testValues,
                    maxScore, List.copyOf(previews), List.copyOf(sections));
        }
    }
}
