package org.piiscanner.scanner.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.piiscanner.classifiers.DataCategory;
import org.piiscanner.classifiers.SpecialCategory;
import org.piiscanner.scanner.config.RetentionSettings;
import org.piiscanner.scanner.store.ScanKind;

/**
 * Writes a report as one self-contained HTML page, {@value #FILE}, for readers who are not engineers: the summary
 * first (what was scanned, which categories where, special-category and criminal-offence data, retention
 * breaches, changes since the last run), then a chart of categories by source, the inventory, retention breaches,
 * changes, coverage and every location with personal data, grouped by folder (or schema) with drill-down to the
 * entity types, confidence and masked previews.
 *
 * <p>Self-contained: the style sheet, the chart (inline SVG, drawn here) and a small script (sortable tables, a
 * filter) are inside the file, which loads nothing: its Content-Security-Policy forbids any network request.
 * Every text from the store goes through {@link Html#esc}; nothing is ever written unescaped. Without JavaScript
 * the page is complete, only not sortable. Stateless.
 */
final class HtmlReport {

    static final String FILE = "report.html";
    /** Locations listed per folder; the rest are counted (every one is in the CSV and JSON outputs). */
    static final int MAX_ROWS_PER_GROUP = 500;
    /** Locations listed in the whole page, which stays a few megabytes however large the share. */
    static final int MAX_ROWS = 5000;
    /** Rows of the retention, changes and coverage tables (per source for the last two). */
    static final int MAX_TABLE_ROWS = 1000;

    private static final Map<DataCategory, String> COLOURS = new EnumMap<>(Map.of(
            DataCategory.IDENTITY, "#3b6fb6",
            DataCategory.CONTACT, "#3f9a59",
            DataCategory.FINANCIAL, "#e07b24",
            DataCategory.TRANSACTION, "#c9a227",
            DataCategory.TECHNICAL, "#3f9c9a",
            DataCategory.PROFILE, "#9262a8",
            DataCategory.USAGE, "#8a6a4f",
            DataCategory.MARKETING_AND_COMMUNICATIONS, "#d0679a",
            DataCategory.SPECIAL_CATEGORY, "#c62f3a",
            DataCategory.CRIMINAL_OFFENCE, "#6b1e2e"));

    private static final Map<DataCategory, String> MEANINGS = new EnumMap<>(Map.ofEntries(
            Map.entry(DataCategory.IDENTITY, "who someone is: names, dates of birth, National Insurance, NHS, "
                    + "passport and driving licence numbers"),
            Map.entry(DataCategory.CONTACT, "how to reach them: e-mail addresses, phone numbers, postcodes, "
                    + "addresses"),
            Map.entry(DataCategory.FINANCIAL, "bank accounts, payment cards, tax and VAT numbers"),
            Map.entry(DataCategory.TRANSACTION, "payments and purchases"),
            Map.entry(DataCategory.TECHNICAL, "IP and device addresses, web addresses"),
            Map.entry(DataCategory.PROFILE, "employer, interests, preferences"),
            Map.entry(DataCategory.USAGE, "how someone uses services and websites"),
            Map.entry(DataCategory.MARKETING_AND_COMMUNICATIONS, "marketing and communication preferences"),
            Map.entry(DataCategory.SPECIAL_CATEGORY, "UK GDPR Art. 9: health, ethnic origin, political opinions, "
                    + "religious beliefs, trade union membership, genetic and biometric data, sex life; needs an "
                    + "Art. 9 condition"),
            Map.entry(DataCategory.CRIMINAL_OFFENCE, "UK GDPR Art. 10: criminal convictions, offences and "
                    + "proceedings; needs official authority or a Schedule 1 condition")));

    private final StringBuilder h = new StringBuilder(1 << 16);
    private final Report report;
    private int rowsLeft = MAX_ROWS;

    private HtmlReport(Report report) {
        this.report = report;
    }

    static Path write(Report report, Path dir) throws IOException {
        Path file = dir.resolve(FILE);
        Files.writeString(file, render(report), StandardCharsets.UTF_8);
        return file;
    }

    static String render(Report report) {
        return new HtmlReport(report).page();
    }

    // ------------------------------------------------------------------------------------------------ page

    private String page() {
        h.append("<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
                        + "style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<meta name=\"generator\" content=\"pii-scanner report\">\n")
                .append("<title>Personal data report: run ").append(report.run().id()).append("</title>\n")
                .append("<style>").append(resource("report.css")).append("</style>\n</head>\n<body>\n");
        header();
        h.append("<nav aria-label=\"Sections\"><a href=\"#summary\">Summary</a><a href=\"#chart\">Categories by "
                + "source</a><a href=\"#inventory\">Inventory</a><a href=\"#retention\">Retention</a>"
                + "<a href=\"#changes\">Changes</a><a href=\"#coverage\">Coverage</a><a href=\"#locations\">"
                + "Locations</a><a href=\"#help\">How to read</a></nav>\n<main>\n");
        summary();
        chart();
        inventory();
        retention();
        changes();
        coverage();
        locations();
        help();
        h.append("</main>\n<footer>Generated by PII Scanner on ").append(Html.esc(Labels.dateTime(
                report.generatedAt()))).append(". Confidential: handle as personal data.</footer>\n");
        h.append("<script>").append(resource("report.js")).append("</script>\n</body>\n</html>\n");
        return h.toString();
    }

    private void header() {
        var run = report.run();
        h.append("<header>\n<h1>Personal data report</h1>\n<p class=\"meta\">Scan run ").append(run.id())
                .append(" &middot; ").append(Html.esc(run.status().name().toLowerCase(Locale.ROOT)));
        if (run.endedAt() != null) {
            h.append(" ").append(Html.esc(Labels.dateTime(run.endedAt().toInstant())));
        }
        h.append(" &middot; ").append(Html.esc(Labels.plural(report.sources().size(), "source", "sources")))
                .append(" &middot; report made ").append(Html.esc(Labels.dateTime(report.generatedAt())))
                .append("</p>\n<p class=\"confidential\">Confidential. Shows categories, counts and masked previews "
                        + "only: never the personal data itself.</p>\n</header>\n");
    }

    // ------------------------------------------------------------------------------------------------ summary

    private void summary() {
        h.append("<section id=\"summary\">\n<h2>Summary</h2>\n");
        for (String notice : report.notices()) {
            h.append("<p class=\"notice\">").append(Html.esc(notice)).append("</p>\n");
        }
        long locations = report.sources().stream().mapToLong(s -> s.coverage().locations()).sum();
        long skipped = report.sources().stream().mapToLong(s -> s.coverage().skipped()).sum();
        long withData = report.locationsWithPersonalData();
        long special = report.specialLocations();
        long criminal = report.criminalLocations();
        long breached = report.breachedLocations();
        h.append("<div class=\"cards\">\n");
        boolean db = report.sources().stream().allMatch(x -> x.kind() == ScanKind.DB);
        card(Labels.count(locations), (db ? (locations == 1 ? "database row" : "database rows")
                : locations == 1 ? "location" : "locations") + " scanned in "
                + Labels.plural(report.sources().size(), "source", "sources"), "", "#coverage");
        card(Labels.count(withData), hold(withData, db) + " personal data ("
                + Labels.plural(report.findings(), "finding", "findings") + ")", withData > 0 ? "warn" : "ok",
                "#locations");
        card(Labels.count(special), hold(special, db) + " special-category data (Art. 9)", special > 0 ? "bad" : "ok",
                "#locations");
        card(Labels.count(criminal), hold(criminal, db) + " criminal-offence data (Art. 10)",
                criminal > 0 ? "bad" : "ok", "#locations");
        if (report.retention() != null) {
            card(Labels.count(breached), hold(breached, db) + " data longer than the retention policy allows",
                    breached > 0 ? "bad" : "ok", "#retention");
        } else {
            card("&ndash;", "retention not checked (no policy file given)", "", "#retention");
        }
        card(Labels.count(skipped), (db ? (skipped == 1 ? "table or row" : "tables or rows")
                : skipped == 1 ? "location" : "locations") + " could not be scanned",
                skipped > 0 ? "warn" : "ok", "#coverage");
        long added = 0;
        long removed = 0;
        long changed = 0;
        boolean anyChanges = false;
        for (SourceReport s : report.sources()) {
            if (s.changes().available()) {
                anyChanges = true;
                added += s.changes().count(LocationChange.Kind.NEW);
                removed += s.changes().count(LocationChange.Kind.REMOVED);
                changed += s.changes().count(LocationChange.Kind.CHANGED);
            }
        }
        long changes = added + removed + changed;
        if (anyChanges) {
            card(Labels.count(changes), (db ? (changes == 1 ? "table" : "tables") : changes == 1 ? "location"
                    : "locations") + " with changed personal data "
                    + "since the previous run: " + added + " new, " + removed + " removed, " + changed + " changed",
                    "", "#changes");
        } else {
            card("&ndash;", "changes: no previous run to compare with", "", "#changes");
        }
        h.append("</div>\n");

        h.append("<div class=\"facts\">\n<p><strong>What was scanned.</strong> This report covers ");
        for (int i = 0; i < report.sources().size(); i++) {
            SourceReport s = report.sources().get(i);
            h.append(i == 0 ? "" : i == report.sources().size() - 1 ? " and " : ", ");
            h.append(s.kind() == ScanKind.DB ? "the database " : "the folder ").append("<span class=\"path\">")
                    .append(Html.esc(s.source().locator())).append("</span> (")
                    .append(Html.esc(Labels.plural(s.coverage().locations(), "location", "locations"))).append(")");
        }
        h.append(".</p>\n");
        Map<DataCategory, Long> held = new EnumMap<>(DataCategory.class);
        for (SourceReport s : report.sources()) {
            s.inventory().forEach(e -> held.merge(e.category(), e.locations(), Long::sum));
        }
        h.append("<p><strong>What was found.</strong> ");
        if (held.isEmpty()) {
            h.append("No personal data was found.");
        } else {
            List<String> parts = new ArrayList<>();
            held.forEach((c, n) -> parts.add(chip(c) + " in " + Html.esc(Labels.plural(n, "location", "locations"))));
            h.append(String.join(", ", parts)).append('.');
        }
        h.append("</p>\n");
        if (special > 0 || criminal > 0) {
            h.append("<p><strong>Needs attention.</strong> ");
            if (special > 0) {
                h.append(Html.esc(Labels.plural(special, "location holds", "locations hold")))
                        .append(" special-category data, which needs an Art. 9 condition to be processed lawfully. ");
            }
            if (criminal > 0) {
                h.append(Html.esc(Labels.plural(criminal, "location holds", "locations hold")))
                        .append(" criminal-offence data (Art. 10).");
            }
            h.append("</p>\n");
        }
        h.append("</div>\n</section>\n");
    }

    /** "location holds" or "locations hold" ("table(s)" for databases). */
    private static String hold(long n, boolean db) {
        String noun = db ? "table" : "location";
        return n == 1 ? noun + " holds" : noun + "s hold";
    }

    private void card(String number, String label, String tone, String href) {
        h.append("<a class=\"card").append(tone.isEmpty() ? "" : " t-" + tone).append("\" href=\"").append(href)
                .append("\"><span class=\"n\">")
                .append(number).append("</span><span class=\"l\">").append(Html.esc(label)).append("</span></a>\n");
    }

    // ------------------------------------------------------------------------------------------------ chart

    private void chart() {
        h.append("<section id=\"chart\">\n<h2>Categories of personal data by source</h2>\n<p class=\"muted\">Number "
                + "of locations holding each category. A location counts once in every category it holds.</p>\n"
                + "<div class=\"charts\">\n");
        for (SourceReport s : report.sources()) {
            Map<DataCategory, Long> counts = new EnumMap<>(DataCategory.class);
            s.inventory().forEach(e -> counts.put(e.category(), e.locations()));
            long max = counts.values().stream().mapToLong(Long::longValue).max().orElse(0);
            int labelWidth = 215;
            int barWidth = 250;
            int row = 26;
            int height = DataCategory.values().length * row + 8;
            h.append("<figure class=\"chart\"><figcaption><span class=\"path\">").append(Html.esc(s.source().locator()))
                    .append("</span></figcaption>\n<svg role=\"img\" width=\"").append(labelWidth + barWidth + 60)
                    .append("\" height=\"").append(height).append("\" viewBox=\"0 0 ")
                    .append(labelWidth + barWidth + 60)
                    .append(' ').append(height).append("\" aria-label=\"Locations per category in ")
                    .append(Html.esc(s.source().locator())).append("\">\n");
            int y = 4;
            for (DataCategory c : DataCategory.values()) {
                long n = counts.getOrDefault(c, 0L);
                int w = max == 0 ? 0 : (int) Math.max(n > 0 ? 3 : 0, Math.round((double) n / max * barWidth));
                h.append("<g><title>").append(Html.esc(c.label())).append(": ")
                        .append(Html.esc(Labels.plural(n, "location", "locations"))).append("</title>")
                        .append("<text x=\"").append(labelWidth - 8).append("\" y=\"").append(y + 17)
                        .append("\" text-anchor=\"end\" class=\"cl").append(n == 0 ? " zero" : "").append("\">")
                        .append(Html.esc(c.label())).append("</text>")
                        .append("<rect x=\"").append(labelWidth).append("\" y=\"").append(y + 4).append("\" width=\"")
                        .append(barWidth).append("\" height=\"18\" rx=\"3\" fill=\"#eef1f6\"/>");
                if (w > 0) {
                    h.append("<rect x=\"").append(labelWidth).append("\" y=\"").append(y + 4).append("\" width=\"")
                            .append(w).append("\" height=\"18\" rx=\"3\" fill=\"").append(COLOURS.get(c))
                            .append("\"/>");
                }
                h.append("<text x=\"").append(labelWidth + barWidth + 8).append("\" y=\"").append(y + 17)
                        .append("\" class=\"cv").append(n == 0 ? " zero" : "").append("\">").append(Labels.count(n))
                        .append("</text></g>\n");
                y += row;
            }
            h.append("</svg></figure>\n");
        }
        h.append("</div>\n</section>\n");
    }

    // ------------------------------------------------------------------------------------------------ inventory

    private void inventory() {
        h.append("<section id=\"inventory\">\n<h2>Inventory of personal data</h2>\n<p class=\"muted\">In the spirit "
                + "of a record of processing activities (UK GDPR Art. 30): the categories of personal data each "
                + "source holds, with the kinds of data found. A finding counts in each of its categories (a "
                + "National Insurance number is Identity and Financial data).</p>\n");
        for (SourceReport s : report.sources()) {
            h.append("<h3><span class=\"kind\">").append(s.kind() == ScanKind.DB ? "Database" : "Folder")
                    .append("</span> <span class=\"path\">").append(Html.esc(s.source().locator()))
                    .append("</span></h3>\n");
            if (s.inventory().isEmpty()) {
                h.append("<p>No personal data found.</p>\n");
                continue;
            }
            h.append("<div class=\"scroll\"><table class=\"sortable\">\n<thead><tr>").append(th("Category", false))
                    .append(th("Kinds of data (findings)", false)).append(th("Locations", true))
                    .append(th("Findings", true)).append("</tr></thead>\n<tbody>\n");
            for (InventoryEntry e : s.inventory()) {
                h.append("<tr><td data-v=\"").append(e.category().ordinal()).append("\">").append(chip(e.category()))
                        .append("</td><td>");
                List<String> types = new ArrayList<>();
                e.entityTypes().forEach((t, n) -> types.add(Html.esc(Labels.entityType(t)) + " <span class=\"muted\">("
                        + Labels.count(n) + ")</span>"));
                h.append(String.join(", ", types));
                if (!e.specialCategories().isEmpty()) {
                    h.append("<br><span class=\"muted\">Art. 9 kinds: ")
                            .append(Html.esc(specials(e.specialCategories())))
                            .append("</span>");
                }
                h.append("</td>").append(num(e.locations())).append(num(e.findings())).append("</tr>\n");
            }
            h.append("</tbody></table></div>\n");
        }
        h.append("</section>\n");
    }

    // ------------------------------------------------------------------------------------------------ retention

    private void retention() {
        h.append("<section id=\"retention\">\n<h2>Retention</h2>\n");
        RetentionSettings policy = report.retention();
        if (policy == null) {
            h.append("<p>Retention was not checked: no policy file was given (<code>--retention "
                    + "config/retention.yml</code>).</p>\n</section>\n");
            return;
        }
        long uncovered = report.sources().stream().mapToLong(SourceReport::uncoveredLocations).sum();
        record Row(LocationSummary location, RetentionBreach breach) {
        }
        List<Row> all = new ArrayList<>();
        for (SourceReport s : report.sources()) {
            for (LocationSummary l : s.locations()) {
                l.breaches().forEach(b -> all.add(new Row(l, b)));
            }
        }
        all.sort(java.util.Comparator.comparingLong((Row r) -> r.breach().overdueDays()).reversed()
                .thenComparing(r -> r.location().path()));
        int breaches = all.size();
        StringBuilder body = new StringBuilder();
        for (Row row : all.subList(0, Math.min(breaches, MAX_TABLE_ROWS))) {
            LocationSummary l = row.location();
            RetentionBreach b = row.breach();
            body.append("<tr><td class=\"path\">").append(Html.esc(l.path())).append("</td><td>")
                    .append(Html.esc(b.rule().name())).append("</td><td data-v=\"")
                    .append(maxAgeDays(b.rule().maxAge())).append("\">")
                    .append(Html.esc(b.rule().maxAge().words())).append("</td><td data-v=\"").append(b.ageDays())
                    .append("\">").append(Html.esc(Labels.age(b.ageDays()))).append("</td><td data-v=\"")
                    .append(b.overdueDays()).append("\" class=\"bad\">").append(Html.esc(Labels.age(b.overdueDays())))
                    .append("</td><td data-v=\"").append(b.since().toEpochMilli()).append("\">")
                    .append(Html.esc(basis(b.basis()))).append(' ').append(Html.esc(Labels.date(b.since())))
                    .append("</td><td>").append(typeList(b.entityTypes())).append("</td></tr>\n");
        }
        if (breaches == 0) {
            h.append("<p class=\"good\">No location holds personal data for longer than the policy allows.</p>\n");
        } else {
            h.append("<p>").append(Html.esc(Labels.plural(breaches, "breach", "breaches"))).append(" of the retention "
                    + "policy: personal data older than its rule allows. Review, delete or justify each.</p>\n")
                    .append("<div class=\"scroll\"><table class=\"sortable\">\n<thead><tr>")
                    .append(th("Location", false))
                    .append(th("Rule", false)).append(th("Keep for", true)).append(th("Age", true))
                    .append(th("Overdue by", true)).append(th("Age measured from", false))
                    .append(th("Kinds of data", false)).append("</tr></thead>\n<tbody>\n").append(body)
                    .append("</tbody></table></div>\n");
            more(MAX_TABLE_ROWS, breaches, "breaches, most overdue first", "retention.csv");
        }
        if (uncovered > 0) {
            h.append("<p class=\"muted\">")
                    .append(Html.esc(Labels.plural(uncovered, "location holds", "locations hold")))
                    .append(" personal data that no retention rule covers.</p>\n");
        }
        h.append("<details><summary>The policy applied (").append(Html.esc(Labels.plural(policy.rules().size(), "rule",
                "rules"))).append(")</summary>\n<table>\n<thead><tr><th>Rule</th><th>Applies to</th><th>Where</th>"
                        + "<th>Keep for</th><th>Measured from</th></tr></thead>\n<tbody>\n");
        for (RetentionSettings.Rule r : policy.rules()) {
            h.append("<tr><td><strong>").append(Html.esc(r.name())).append("</strong>");
            if (r.description() != null) {
                h.append("<br><span class=\"muted\">").append(Html.esc(r.description())).append("</span>");
            }
            h.append("</td><td>");
            if (r.coversAllTypes()) {
                h.append("all personal data");
            } else {
                StringBuilder what = new StringBuilder(chips(r.categories()));
                what.append(what.isEmpty() || r.entityTypes().isEmpty() ? "" : " ")
                        .append(typeList(r.entityTypes().stream().sorted().toList()));
                h.append(what);
            }
            h.append("</td><td>");
            List<String> where = new ArrayList<>();
            r.sources().forEach(g -> where.add("source <code>" + Html.esc(g.toString()) + "</code>"));
            r.paths().forEach(g -> where.add("<code>" + Html.esc(g.toString()) + "</code>"));
            h.append(where.isEmpty() ? "everywhere" : String.join(", ", where)).append("</td><td>")
                    .append(Html.esc(r.maxAge().words())).append("</td><td>")
                    .append(r.from() == RetentionSettings.AgeBasis.LAST_MODIFIED ? "last change"
                            : "first seen by a scan")
                    .append("</td></tr>\n");
        }
        h.append("</tbody></table>\n<p class=\"muted\">For each kind of data in a location, the first rule that "
                + "matches applies.</p></details>\n</section>\n");
    }

    private static long maxAgeDays(RetentionSettings.MaxAge age) {
        return age.unit().getDuration().toDays() * age.amount();
    }

    private static String basis(String basis) {
        return switch (basis) {
            case RetentionPolicy.MODIFIED -> "last change";
            case RetentionPolicy.CONTAINER_MODIFIED -> "last change of its archive";
            default -> "first seen";
        };
    }

    // ------------------------------------------------------------------------------------------------ changes

    private void changes() {
        h.append("<section id=\"changes\">\n<h2>Changes since the previous run</h2>\n");
        for (SourceReport s : report.sources()) {
            Changes c = s.changes();
            h.append("<h3><span class=\"path\">").append(Html.esc(s.source().locator())).append("</span></h3>\n");
            if (!c.available()) {
                h.append("<p class=\"muted\">").append(Html.esc(c.unavailable())).append("</p>\n");
                continue;
            }
            h.append("<p>Compared with run ").append(c.previousRunId());
            if (c.previousRunEnded() != null) {
                h.append(" (").append(Html.esc(Labels.dateTime(c.previousRunEnded().toInstant()))).append(")");
            }
            h.append(": ").append(Html.esc(Labels.plural(c.newLocations(), "new location", "new locations")))
                    .append(", ").append(Html.esc(Labels.plural(c.deletedLocations(), "deleted location",
                            "deleted locations"))).append("; personal data changed in ")
                    .append(Html.esc(Labels.plural(c.locations().size(), "location", "locations"))).append('.');
            if (!c.categoriesAdded().isEmpty()) {
                h.append(" Categories the source holds now and did not before: ").append(chips(c.categoriesAdded()))
                        .append('.');
            }
            if (!c.categoriesRemoved().isEmpty()) {
                h.append(" Categories it no longer holds: ").append(chips(c.categoriesRemoved())).append('.');
            }
            h.append("</p>\n");
            if (c.locations().isEmpty()) {
                continue;
            }
            h.append("<div class=\"scroll\"><table class=\"sortable\">\n<thead><tr>").append(th("Change", false))
                    .append(th("Location", false))
                    .append(th("Categories added", false)).append(th("Categories removed", false))
                    .append(th("Kinds of data added", false)).append(th("Kinds of data removed", false))
                    .append(th("Findings before", true)).append(th("Findings now", true))
                    .append("</tr></thead>\n<tbody>\n");
            for (LocationChange lc : c.locations().subList(0, Math.min(c.locations().size(), MAX_TABLE_ROWS))) {
                h.append("<tr><td><span class=\"badge ").append(lc.kind().name().toLowerCase(Locale.ROOT)).append("\">")
                        .append(switch (lc.kind()) {
                            case NEW -> "new";
                            case REMOVED -> "removed";
                            case CHANGED -> "changed";
                        }).append("</span></td><td class=\"path\">").append(Html.esc(lc.path())).append("</td><td>")
                        .append(chips(lc.categoriesAdded())).append("</td><td>").append(chips(lc.categoriesRemoved()))
                        .append("</td><td>").append(typeList(lc.typesAdded())).append("</td><td>")
                        .append(typeList(lc.typesRemoved())).append("</td>").append(num(lc.findingsBefore()))
                        .append(num(lc.findingsAfter())).append("</tr>\n");
            }
            h.append("</tbody></table></div>\n");
            more(MAX_TABLE_ROWS, c.locations().size(), "changes", "changes.csv");
        }
        h.append("</section>\n");
    }

    // ------------------------------------------------------------------------------------------------ coverage

    private void coverage() {
        h.append("<section id=\"coverage\">\n<h2>Coverage: what was scanned and what was not</h2>\n");
        for (SourceReport s : report.sources()) {
            Coverage c = s.coverage();
            h.append("<h3><span class=\"path\">").append(Html.esc(s.source().locator())).append("</span></h3>\n<p>")
                    .append(Html.esc(Labels.plural(c.locations(), "location", "locations")))
                    .append(s.kind() == ScanKind.DB ? " (database rows)" : " (files and documents inside archives)")
                    .append(": ").append(Labels.count(c.scanned())).append(" read by the last scan, ")
                    .append(Labels.count(c.unchanged())).append(" unchanged since an earlier scan (its findings "
                            + "stand), ").append("<strong>").append(Labels.count(c.skipped()))
                    .append(" not scanned</strong>.</p>\n");
            if (!c.skippedByReason().isEmpty()) {
                h.append("<ul class=\"reasons\">\n");
                c.skippedByReason().forEach((reason, n) -> h.append("<li>").append(Html.esc(Labels.plural(n, "location",
                        "locations"))).append(": ").append(Html.esc(Labels.skipReason(reason))).append(" <code>")
                        .append(Html.esc(reason)).append("</code></li>\n"));
                h.append("</ul>\n<details><summary>The locations not scanned</summary>\n<div class=\"scroll\">"
                        + "<table class=\"sortable\">\n"
                        + "<thead><tr>").append(th("Location", false)).append(th("Why", false))
                        .append(th("Detail", false)).append(th("Earlier findings kept", true))
                        .append("</tr></thead>\n<tbody>\n");
                for (Coverage.SkippedLocation k : c.skippedLocations().subList(0, Math.min(
                        c.skippedLocations().size(), MAX_TABLE_ROWS))) {
                    h.append("<tr><td class=\"path\">").append(Html.esc(k.path())).append("</td><td>")
                            .append(Html.esc(Labels.skipReason(k.reason()))).append("</td><td class=\"muted\">")
                            .append(Html.esc(k.detail())).append("</td>").append(num(k.findingsKept()))
                            .append("</tr>\n");
                }
                h.append("</tbody></table></div>\n");
                more(MAX_TABLE_ROWS, c.skippedLocations().size(), "locations not scanned", "coverage.csv");
                h.append("</details>\n");
            }
            if (!c.notes().isEmpty()) {
                h.append("<p>Notes from the scan:</p>\n<table>\n<thead><tr><th>Location</th><th>Note</th>"
                        + "<th>Detail</th>"
                        + "</tr></thead>\n<tbody>\n");
                for (CoverageNote n : c.notes().subList(0, Math.min(c.notes().size(), MAX_TABLE_ROWS))) {
                    h.append("<tr><td class=\"path\">").append(Html.esc(n.location())).append("</td><td>")
                            .append(Html.esc(Labels.words(n.kind()))).append("</td><td>").append(Html.esc(n.detail()))
                            .append("</td></tr>\n");
                }
                h.append("</tbody></table>\n");
                more(MAX_TABLE_ROWS, c.notes().size(), "notes", "coverage.csv");
            }
        }
        h.append("</section>\n");
    }

    // ------------------------------------------------------------------------------------------------ locations

    private void locations() {
        h.append("<section id=\"locations\">\n<h2>Locations holding personal data</h2>\n<p class=\"muted\">By source "
                + "and ").append("folder (schema for databases). Open a folder to see its locations, and a location "
                        + "to see what was found with masked examples. Click a column heading to sort.</p>\n")
                .append("<p><label>Filter: <input id=\"filter\" type=\"search\" placeholder=\"path, category or kind "
                        + "of data\" autocomplete=\"off\"></label></p>\n");
        for (SourceReport s : report.sources()) {
            h.append("<h3><span class=\"kind\">").append(s.kind() == ScanKind.DB ? "Database" : "Folder")
                    .append("</span> <span class=\"path\">").append(Html.esc(s.source().locator()))
                    .append("</span></h3>\n");
            Map<String, List<LocationSummary>> groups = new TreeMap<>();
            s.withPersonalData().forEach(l -> groups.computeIfAbsent(l.group(), g -> new ArrayList<>()).add(l));
            if (groups.isEmpty()) {
                h.append("<p>No personal data found.</p>\n");
                continue;
            }
            for (Map.Entry<String, List<LocationSummary>> g : groups.entrySet()) {
                group(s, g.getKey(), g.getValue());
            }
        }
        h.append("</section>\n");
    }

    private void group(SourceReport s, String name, List<LocationSummary> rows) {
        Set<DataCategory> categories = java.util.EnumSet.noneOf(DataCategory.class);
        long findings = 0;
        boolean special = false;
        boolean criminal = false;
        boolean breach = false;
        for (LocationSummary l : rows) {
            categories.addAll(l.categories());
            findings += l.findings();
            special |= l.special();
            criminal |= l.criminal();
            breach |= !l.breaches().isEmpty();
        }
        long clean = s.cleanLocations().getOrDefault(name, 0L);
        boolean db = s.kind() == ScanKind.DB;
        h.append("<details class=\"group\"><summary><span class=\"path\">")
                .append(name.isEmpty() ? (db ? "(no schema)" : "(top folder)") : Html.esc(name))
                .append("</span> <span class=\"muted\">").append(Html.esc(Labels.plural(rows.size(),
                        db ? "table" : "location", db ? "tables" : "locations")))
                .append(" with personal data");
        if (clean > 0) {
            h.append(", ").append(Labels.count(clean)).append(" without");
        }
        h.append(" &middot; ").append(Html.esc(Labels.plural(findings, "finding", "findings"))).append("</span> ")
                .append(chips(categories));
        if (special) {
            h.append(" <span class=\"flag art9\">Art. 9</span>");
        }
        if (criminal) {
            h.append(" <span class=\"flag art10\">Art. 10</span>");
        }
        if (breach) {
            h.append(" <span class=\"flag overdue\">retention</span>");
        }
        h.append("</summary>\n<div class=\"scroll\"><table class=\"sortable grouped locations\">\n<colgroup>"
                + "<col class=\"c-path\"><col class=\"c-cat\"><col class=\"c-n\"><col class=\"c-n\"><col class=\"c-n\">"
                + "<col class=\"c-n\"><col class=\"c-date\"><col class=\"c-ret\"></colgroup>\n<thead><tr>")
                .append(th(db ? "Table" : "Location", false)).append(th("Categories", false))
                .append(th("Findings", true)).append(th("High", true)).append(th("Medium", true))
                .append(th("Low", true)).append(th("Last change", true)).append(th("Retention", true))
                .append("</tr></thead>\n");
        int listed = Math.min(rows.size(), Math.min(MAX_ROWS_PER_GROUP, rowsLeft));
        for (LocationSummary l : rows.subList(0, listed)) {
            row(l, db);
        }
        rowsLeft -= listed;
        h.append("</table></div>\n");
        if (rows.size() > listed) {
            h.append("<p class=\"muted\">Only the first ").append(Labels.count(listed)).append(" of the ")
                    .append(Labels.count(rows.size())).append(db ? " tables" : " locations")
                    .append(" are shown here (at most ").append(Labels.count(MAX_ROWS_PER_GROUP)).append(" per ")
                    .append(db ? "schema" : "folder").append(" and ").append(Labels.count(MAX_ROWS))
                    .append(" in all); locations.csv and report.json list every one.</p>\n");
        }
        h.append("</details>\n");
    }

    /** One location: its row, and under it a drill-down row with what was found (a tbody of two rows). */
    private void row(LocationSummary l, boolean db) {
        h.append("<tbody><tr><td class=\"path\">").append(Html.esc(l.path()));
        if (l.skipped()) {
            h.append(" <span class=\"flag skipped\" title=\"not scanned by the last run: findings of an earlier "
                    + "scan\">not rescanned</span>");
        }
        h.append("</td><td data-v=\"").append(l.categories().stream().mapToInt(Enum::ordinal).min().orElse(99))
                .append("\">").append(chips(l.categories()));
        if (l.special()) {
            h.append(" <span class=\"flag art9\">Art. 9</span>");
        }
        if (l.criminal()) {
            h.append(" <span class=\"flag art10\">Art. 10</span>");
        }
        h.append("</td>").append(num(l.findings())).append(num(l.count(ConfidenceBand.HIGH)))
                .append(num(l.count(ConfidenceBand.MEDIUM))).append(num(l.count(ConfidenceBand.LOW)));
        if (l.modified() != null) {
            h.append("<td data-v=\"").append(l.modified().toEpochMilli()).append("\" class=\"nowrap\">")
                    .append(Html.esc(Labels.date(l.modified()))).append(l.modifiedFromContainer()
                            ? " <span class=\"muted\">(archive)</span>" : "").append("</td>");
        } else {
            h.append("<td data-v=\"0\" class=\"muted\">unknown</td>");
        }
        h.append("<td data-v=\"").append(l.breaches().stream().mapToLong(RetentionBreach::overdueDays).max().orElse(-1))
                .append("\">");
        for (RetentionBreach b : l.breaches()) {
            h.append("<span class=\"flag overdue\" title=\"").append(Html.esc("keep for " + b.rule().maxAge().words()
                    + "; overdue by " + Labels.age(b.overdueDays()))).append("\">")
                    .append(Html.esc(b.rule().name())).append("</span> ");
        }
        h.append("</td></tr>\n<tr class=\"drill\"><td colspan=\"8\"><details><summary>");
        List<String> kinds = new ArrayList<>();
        for (TypeTally t : l.types()) {
            kinds.add(Html.esc(Labels.entityType(t.entityType())) + " <span class=\"muted\">&times;"
                    + Labels.count(t.findings()) + "</span>");
        }
        h.append(String.join(", ", kinds));
        if (db && l.members() > 0) {
            h.append(" <span class=\"muted\">in ")
                    .append(Html.esc(Labels.plural(l.membersWithFindings(), "row", "rows")))
                    .append("</span>");
        }
        h.append("</summary>\n<table class=\"types\"><thead><tr><th>Kind of data</th><th>Categories</th>"
                + "<th class=\"num\">Findings</th><th class=\"num\">High</th><th class=\"num\">Medium</th>"
                + "<th class=\"num\">Low</th><th>Masked examples</th>")
                        .append(db ? "<th>Columns</th>" : "<th>Where</th>")
                .append("</tr></thead><tbody>\n");
        for (TypeTally t : l.types()) {
            h.append("<tr><td>").append(Html.esc(Labels.entityType(t.entityType()))).append(" <code>")
                    .append(Html.esc(t.entityType())).append("</code>");
            if (t.testValues() > 0) {
                h.append("<br><span class=\"muted\">").append(Html.esc(Labels.plural(t.testValues(),
                        "published test value", "published test values"))).append("</span>");
            }
            h.append("</td><td>").append(chip(t.category()));
            for (DataCategory c : t.secondaryCategories()) {
                h.append(chip(c));
            }
            if (!t.specialCategories().isEmpty()) {
                h.append(" <span class=\"muted\">").append(Html.esc(specials(t.specialCategories()))).append("</span>");
            }
            h.append("</td>").append(num(t.findings())).append(num(t.high())).append(num(t.medium()))
                    .append(num(t.low()))
                    .append("<td>");
            for (String p : t.previews()) {
                h.append("<code class=\"preview\">").append(Html.esc(p)).append("</code> ");
            }
            h.append("</td><td class=\"muted\">").append(Html.esc(String.join(", ", t.sections())))
                    .append("</td></tr>\n");
        }
        h.append("</tbody></table>");
        if (l.skipped()) {
            h.append("<p class=\"muted\">Not scanned by the last run (")
                    .append(Html.esc(Labels.skipReason(l.skipReason())))
                    .append("): these findings are from an earlier scan.</p>");
        }
        h.append("</details></td></tr></tbody>\n");
    }

    // ------------------------------------------------------------------------------------------------ help

    private void help() {
        h.append("<section id=\"help\">\n<h2>How to read this report</h2>\n<dl>\n<dt>Location</dt><dd>A file, a "
                + "document inside an archive or e-mail (<code>archive.zip!/letter.docx</code>), or for databases a "
                + "table, whose rows are counted together.</dd>\n<dt>Finding</dt><dd>One piece of personal data "
                + "found in a location. Its value is never shown: masked examples keep at most a quarter of it "
                + "(<code>GB82 **** **** **** **76 32</code>).</dd>\n<dt>Confidence</dt><dd>High: score of at least ")
                .append(CsvReport.score(ConfidenceBand.HIGH.minScore())).append(" (checked by a checksum or format "
                        + "rule, or with clear context). Medium: at least ")
                .append(CsvReport.score(ConfidenceBand.MEDIUM.minScore())).append(". Low: below that; worth a look, "
                        + "may be a false alarm.</dd>\n<dt>Test values</dt><dd>Published test numbers (test card "
                        + "numbers, specimen documents): usually test data rather than a person's.</dd>\n</dl>\n"
                        + "<table>\n<thead><tr><th>Category</th><th>Covers</th></tr></thead>\n<tbody>\n");
        for (DataCategory c : DataCategory.values()) {
            h.append("<tr><td>").append(chip(c)).append("</td><td>").append(Html.esc(MEANINGS.get(c)))
                    .append("</td></tr>\n");
        }
        h.append("</tbody></table>\n</section>\n");
    }

    // ------------------------------------------------------------------------------------------------ bits

    /** A note under a table cut at {@code shown} rows of {@code total}. */
    private void more(int shown, int total, String what, String file) {
        if (total > shown) {
            h.append("<p class=\"muted\">The first ").append(Labels.count(shown)).append(" of ")
                    .append(Labels.count(total)).append(' ').append(Html.esc(what)).append(" are shown; ")
                    .append(file).append(" and report.json list every one.</p>\n");
        }
    }

    private static String th(String label, boolean numeric) {
        return "<th" + (numeric ? " class=\"num\"" : "") + "><button type=\"button\">" + Html.esc(label)
                + "</button></th>";
    }

    private static String num(long n) {
        return "<td class=\"num\" data-v=\"" + n + "\">" + Labels.count(n) + "</td>";
    }

    private static String chip(DataCategory c) {
        return "<span class=\"chip\" style=\"background:" + COLOURS.get(c) + "\">" + Html.esc(c.label()) + "</span>";
    }

    private static String chips(Set<DataCategory> categories) {
        StringBuilder sb = new StringBuilder();
        categories.stream().sorted().forEach(c -> sb.append(chip(c)));
        return sb.toString();
    }

    private static String typeList(List<String> types) {
        List<String> out = new ArrayList<>();
        types.forEach(t -> out.add(Html.esc(Labels.entityType(t))));
        return String.join(", ", out);
    }

    private static String specials(Set<SpecialCategory> s) {
        return String.join(", ", s.stream().sorted().map(Labels::special).toList());
    }

    private static String resource(String name) {
        try (InputStream in = HtmlReport.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
