package org.piiscanner.scanner.report;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.piiscanner.scanner.config.PathGlob;
import org.piiscanner.scanner.config.RetentionSettings;
import org.piiscanner.scanner.store.ScanRun;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonEncoding;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a report as one JSON document, {@value #FILE} (UTF-8, indented, streamed: memory does not grow with the
 * document). Its fields are a stable contract, listed in the package documentation: {@code "format":
 * "pii-scanner-report"} and {@code "version"} identify it, fields are only ever added within a version, and every
 * field is always present ({@code null} or empty when there is nothing to say). Times are ISO-8601 UTC strings.
 * Stateless.
 */
final class JsonReport {

    static final String FILE = "report.json";
    static final String FORMAT = "pii-scanner-report";

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private final JsonGenerator g;

    private JsonReport(JsonGenerator g) {
        this.g = g;
    }

    static Path write(Report report, Path dir) throws IOException {
        Path file = dir.resolve(FILE);
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
                JsonGenerator g = MAPPER.writerWithDefaultPrettyPrinter().createGenerator(out, JsonEncoding.UTF8)) {
            new JsonReport(g).document(report);
        } catch (JacksonException e) {
            throw new IOException("cannot write " + file + ": " + e.getOriginalMessage(), e);
        }
        return file;
    }

    private void document(Report report) {
        g.writeStartObject();
        g.writeStringProperty("format", FORMAT);
        g.writeNumberProperty("version", Report.FORMAT_VERSION);
        g.writeStringProperty("generated_at", Labels.iso(report.generatedAt()));
        run(report.run());
        g.writeObjectPropertyStart("confidence_bands");
        g.writeNumberProperty("high", ConfidenceBand.HIGH.minScore());
        g.writeNumberProperty("medium", ConfidenceBand.MEDIUM.minScore());
        g.writeEndObject();
        retention(report.retention());
        strings("notices", report.notices());
        g.writeObjectPropertyStart("totals");
        g.writeNumberProperty("sources", report.sources().size());
        g.writeNumberProperty("locations", report.sources().stream().mapToLong(s -> s.coverage().locations()).sum());
        g.writeNumberProperty("skipped", report.sources().stream().mapToLong(s -> s.coverage().skipped()).sum());
        g.writeNumberProperty("locations_with_personal_data", report.locationsWithPersonalData());
        g.writeNumberProperty("findings", report.findings());
        g.writeNumberProperty("special_category_locations", report.specialLocations());
        g.writeNumberProperty("criminal_offence_locations", report.criminalLocations());
        g.writeNumberProperty("retention_breaches",
                report.sources().stream().mapToLong(s -> s.breaches().size()).sum());
        g.writeEndObject();
        g.writeArrayPropertyStart("sources");
        for (SourceReport s : report.sources()) {
            source(s);
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private void run(ScanRun run) {
        g.writeObjectPropertyStart("run");
        g.writeNumberProperty("id", run.id());
        g.writeStringProperty("kind", run.kind().name());
        g.writeStringProperty("description", run.description());
        g.writeStringProperty("status", run.status().name());
        time("started_at", run.startedAt().toInstant());
        time("ended_at", run.endedAt() == null ? null : run.endedAt().toInstant());
        g.writeEndObject();
    }

    private void retention(RetentionSettings settings) {
        g.writeObjectPropertyStart("retention");
        g.writeBooleanProperty("checked", settings != null);
        g.writeArrayPropertyStart("rules");
        if (settings != null) {
            for (RetentionSettings.Rule r : settings.rules()) {
                g.writeStartObject();
                g.writeStringProperty("name", r.name());
                g.writeStringProperty("description", r.description());
                enums("categories", r.categories());
                strings("entity_types", r.entityTypes().stream().sorted().toList());
                strings("sources", r.sources().stream().map(PathGlob::toString).toList());
                strings("paths", r.paths().stream().map(PathGlob::toString).toList());
                g.writeStringProperty("max_age", r.maxAge().text());
                g.writeStringProperty("from", r.from().name());
                g.writeEndObject();
            }
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private void source(SourceReport s) {
        g.writeStartObject();
        g.writeNumberProperty("id", s.source().id());
        g.writeStringProperty("kind", s.kind().name());
        g.writeStringProperty("locator", s.source().locator());
        id("later_run_id", s.laterRun() == null ? null : s.laterRun().id());
        g.writeNumberProperty("uncovered_locations", s.uncoveredLocations());

        Coverage c = s.coverage();
        g.writeObjectPropertyStart("coverage");
        g.writeNumberProperty("locations", c.locations());
        g.writeNumberProperty("scanned", c.scanned());
        g.writeNumberProperty("unchanged", c.unchanged());
        g.writeNumberProperty("skipped", c.skipped());
        counts("skipped_by_reason", c.skippedByReason());
        g.writeArrayPropertyStart("skipped_locations");
        for (Coverage.SkippedLocation k : c.skippedLocations()) {
            g.writeStartObject();
            g.writeStringProperty("path", k.path());
            g.writeStringProperty("reason", k.reason());
            g.writeStringProperty("reason_label", Labels.skipReason(k.reason()));
            g.writeStringProperty("detail", k.detail());
            g.writeNumberProperty("findings_kept", k.findingsKept());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayPropertyStart("notes");
        for (CoverageNote note : c.notes()) {
            g.writeStartObject();
            g.writeStringProperty("location", note.location());
            g.writeStringProperty("kind", note.kind());
            g.writeStringProperty("detail", note.detail());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();

        g.writeArrayPropertyStart("inventory");
        for (InventoryEntry e : s.inventory()) {
            g.writeStartObject();
            g.writeStringProperty("category", e.category().name());
            g.writeStringProperty("label", e.category().label());
            g.writeNumberProperty("locations", e.locations());
            g.writeNumberProperty("findings", e.findings());
            counts("entity_types", e.entityTypes());
            enums("special_categories", e.specialCategories());
            g.writeEndObject();
        }
        g.writeEndArray();

        Changes ch = s.changes();
        g.writeObjectPropertyStart("changes");
        id("previous_run_id", ch.previousRunId());
        time("previous_run_ended_at", ch.previousRunEnded() == null ? null : ch.previousRunEnded().toInstant());
        g.writeBooleanProperty("available", ch.available());
        g.writeStringProperty("unavailable_reason", ch.unavailable());
        g.writeNumberProperty("new_locations", ch.newLocations());
        g.writeNumberProperty("deleted_locations", ch.deletedLocations());
        enums("categories_added", ch.categoriesAdded());
        enums("categories_removed", ch.categoriesRemoved());
        g.writeArrayPropertyStart("locations");
        for (LocationChange lc : ch.locations()) {
            g.writeStartObject();
            g.writeStringProperty("path", lc.path());
            g.writeStringProperty("group", lc.group());
            g.writeStringProperty("change", lc.kind().name());
            enums("categories_added", lc.categoriesAdded());
            enums("categories_removed", lc.categoriesRemoved());
            strings("entity_types_added", lc.typesAdded());
            strings("entity_types_removed", lc.typesRemoved());
            g.writeNumberProperty("findings_before", lc.findingsBefore());
            g.writeNumberProperty("findings_after", lc.findingsAfter());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();

        Map<String, List<LocationSummary>> byGroup = new TreeMap<>();
        s.locations().forEach(l -> byGroup.computeIfAbsent(l.group(), k -> new ArrayList<>()).add(l));
        s.cleanLocations().keySet().forEach(k -> byGroup.computeIfAbsent(k, x -> new ArrayList<>()));
        g.writeArrayPropertyStart("groups");
        for (Map.Entry<String, List<LocationSummary>> group : byGroup.entrySet()) {
            g.writeStartObject();
            g.writeStringProperty("name", group.getKey());
            g.writeNumberProperty("clean_locations", s.cleanLocations().getOrDefault(group.getKey(), 0L));
            g.writeArrayPropertyStart("locations");
            for (LocationSummary l : group.getValue()) {
                location(l);
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private void location(LocationSummary l) {
        g.writeStartObject();
        g.writeStringProperty("path", l.path());
        g.writeStringProperty("outcome", l.outcome());
        g.writeStringProperty("skip_reason", l.skipReason());
        g.writeStringProperty("skip_detail", l.skipDetail());
        g.writeNumberProperty("members", l.members());
        g.writeNumberProperty("members_with_findings", l.membersWithFindings());
        time("last_modified", l.modified());
        g.writeBooleanProperty("modified_from_container", l.modifiedFromContainer());
        time("first_seen", l.firstSeen());
        g.writeNumberProperty("first_seen_run", l.firstSeenRun());
        g.writeNumberProperty("findings", l.findings());
        g.writeNumberProperty("high", l.count(ConfidenceBand.HIGH));
        g.writeNumberProperty("medium", l.count(ConfidenceBand.MEDIUM));
        g.writeNumberProperty("low", l.count(ConfidenceBand.LOW));
        g.writeNumberProperty("test_values", l.testValues());
        enums("categories", l.categories());
        enums("special_categories", l.specialCategories());
        g.writeBooleanProperty("special_category", l.special());
        g.writeBooleanProperty("criminal_offence", l.criminal());
        g.writeArrayPropertyStart("entity_types");
        for (TypeTally t : l.types()) {
            g.writeStartObject();
            g.writeStringProperty("type", t.entityType());
            g.writeStringProperty("label", Labels.entityType(t.entityType()));
            g.writeStringProperty("category", t.category().name());
            enums("secondary_categories", t.secondaryCategories());
            enums("special_categories", t.specialCategories());
            g.writeNumberProperty("findings", t.findings());
            g.writeNumberProperty("high", t.high());
            g.writeNumberProperty("medium", t.medium());
            g.writeNumberProperty("low", t.low());
            g.writeNumberProperty("test_values", t.testValues());
            g.writeNumberProperty("max_score", new java.math.BigDecimal(CsvReport.score(t.maxScore())));
            strings("masked_previews", t.previews());
            strings("sections", t.sections());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayPropertyStart("retention_breaches");
        for (RetentionBreach b : l.breaches()) {
            g.writeStartObject();
            g.writeStringProperty("rule", b.rule().name());
            g.writeStringProperty("max_age", b.rule().maxAge().text());
            g.writeStringProperty("measured_from", b.basis());
            time("since", b.since());
            g.writeNumberProperty("age_days", b.ageDays());
            time("deadline", b.deadline());
            g.writeNumberProperty("overdue_days", b.overdueDays());
            strings("entity_types", b.entityTypes());
            enums("categories", b.categories());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    // ------------------------------------------------------------------------------------------------ values

    private void time(String name, Instant t) {
        if (t == null) {
            g.writeNullProperty(name);
        } else {
            g.writeStringProperty(name, Labels.iso(t));
        }
    }

    private void id(String name, Long id) {
        if (id == null) {
            g.writeNullProperty(name);
        } else {
            g.writeNumberProperty(name, id.longValue());
        }
    }

    private void strings(String name, Collection<String> values) {
        g.writeArrayPropertyStart(name);
        for (String v : values) {
            g.writeString(v);
        }
        g.writeEndArray();
    }

    private void enums(String name, Set<? extends Enum<?>> values) {
        g.writeArrayPropertyStart(name);
        for (Enum<?> v : values.stream().sorted(Comparator.comparingInt(Enum::ordinal)).toList()) {
            g.writeString(v.name());
        }
        g.writeEndArray();
    }

    private void counts(String name, Map<String, Long> counts) {
        g.writeObjectPropertyStart(name);
        for (Map.Entry<String, Long> e : counts.entrySet()) {
            g.writeNumberProperty(e.getKey(), e.getValue().longValue());
        }
        g.writeEndObject();
    }
}
