package org.piiscanner.scanner.testing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.piiscanner.classifiers.EntityType;
import org.piiscanner.classifiers.Explanation;
import org.piiscanner.classifiers.Finding;
import org.piiscanner.classifiers.Validation;
import org.piiscanner.scanner.protect.FindingPosition;
import org.piiscanner.scanner.protect.ProtectedFinding;
import org.piiscanner.scanner.protect.Protector;
import org.piiscanner.scanner.store.FindingStore;
import org.piiscanner.scanner.store.Fingerprint;
import org.piiscanner.scanner.store.LocationPath;
import org.piiscanner.scanner.store.RunStatus;
import org.piiscanner.scanner.store.ScanKind;
import org.piiscanner.scanner.store.ScannedLocation;
import org.piiscanner.scanner.store.SkipReason;
import org.piiscanner.scanner.store.UnchangedLocation;

/**
 * The store content the report tests read, written through {@link FindingStore} as a scan job would (no job
 * runs): two file runs over two shares, then a database run. Synthetic and published test values only.
 *
 * <pre>
 * run 1, 2024-01-10 (FILES)           run 2, 2026-11-20 (FILES)
 * /srv/shares/office
 *   hr/payroll/2019.xlsx  NINO, 2 names    unchanged
 *   hr/letters.zip!/offer.docx  e-mail,    rescanned: + criminal offence (archive modified 2026-10-01)
 *       health
 *   old/notes.txt  phone                  deleted
 *   clean/readme.txt  nothing             unchanged
 *   locked.pdf  skipped: encrypted        skipped again
 *                                          new: backups/2026-09-01.bak (2 e-mails), a hostile path (URL), a
 *                                          formula-like name (IP address), a bidi-override name (postcode),
 *                                          media/video.mp4 skipped: too large
 * /srv/shares/finance
 *   cards.csv  test card, IBAN            unchanged
 *                                          new: invoices/2026/inv-1.pdf (UK VAT)
 *
 * run 3, 2026-11-20 13:00 (DB): jdbc:postgresql://db.example:5432/crm
 *   public.customers  rows 1, 2 (e-mails, a phone), row 3 (nothing); hr.staff row 7 (NINO); audit.log skipped
 * </pre>
 */
public final class ReportScenario {

    public static final String OFFICE = "/srv/shares/office";
    public static final String FINANCE = "/srv/shares/finance";
    public static final String CRM = "jdbc:postgresql://db.example:5432/crm";
    public static final String CONFIG = "cfg-1";

    /** A path with markup, quotes and an ampersand. */
    public static final String HOSTILE = "we<i>rd & co/<img src=x onerror=alert(1)> \"q\" 'x'.txt";
    /** A top-level name a spreadsheet would evaluate. */
    public static final String FORMULA = "=HYPERLINK(\"evil.example\",\"click\").csv";
    /** A name with a right-to-left override that displays as "invoiceexe.pdf". */
    public static final String BIDI = "weird/invoice\u202Efdp.exe";

    public static final Instant RUN1 = Instant.parse("2024-01-10T09:00:00Z");
    public static final Instant RUN2 = Instant.parse("2026-11-20T09:00:00Z");
    public static final Instant RUN3 = Instant.parse("2026-11-20T13:00:00Z");
    /** When the reports are made. */
    public static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");

    private final FindingStore store;
    private final MutableClock clock;
    private final Protector protector = Fixtures.protector();
    private long run1;
    private long run2;
    private long run3;
    private long office;
    private long finance;
    private long crm;

    public ReportScenario(FindingStore store, MutableClock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** The first file run (2024-01-10). */
    public long run1() {
        return run1;
    }

    /** The second file run (2026-11-20). */
    public long run2() {
        return run2;
    }

    /** The database run, the latest completed. */
    public long run3() {
        return run3;
    }

    /** Writes all three runs; leaves the clock at {@link #NOW}. */
    public ReportScenario build() {
        fileRuns();
        databaseRun();
        clock.set(NOW);
        return this;
    }

    private void fileRuns() {
        clock.set(RUN1);
        run1 = store.startRun(ScanKind.FILES, "scan files " + OFFICE + " " + FINANCE, CONFIG);
        office = store.upsertSource(run1, ScanKind.FILES, OFFICE);
        finance = store.upsertSource(run1, ScanKind.FILES, FINANCE);
        scanned(run1, office, LocationPath.of("hr/payroll/2019.xlsx"), 5000, "2019-04-05T00:00:00Z",
                f(EntityType.UK_NINO, "QQ 12 34 56 C", 0.95, "sheet Payroll"),
                f(EntityType.UK_NINO, "QQ 12 34 56 A", 0.92, "sheet Payroll"),
                f(EntityType.PERSON, "Zebedee Quillfeather", 0.70, "sheet Payroll"),
                f(EntityType.PERSON, "Ada Quill", 0.50, "sheet Payroll"));
        scanned(run1, office, LocationPath.of("hr/letters.zip"), 9000, "2021-06-01T00:00:00Z");
        scanned(run1, office, LocationPath.of("hr/letters.zip", "offer.docx"), 3000, null,
                f(EntityType.EMAIL_ADDRESS, "zebedee@example.com", 0.90, null),
                f(EntityType.SPECIAL_CATEGORY_HEALTH, "diagnosed with diabetes", 0.75, null));
        scanned(run1, office, LocationPath.of("old/notes.txt"), 100, "2023-01-01T00:00:00Z",
                f(EntityType.PHONE_NUMBER, "020 7946 0018", 0.80, null));
        scanned(run1, office, LocationPath.of("clean/readme.txt"), 10, "2023-05-05T00:00:00Z");
        store.recordSkipped(run1, office, LocationPath.of("locked.pdf"), SkipReason.ENCRYPTED, "PDF encrypted");
        scanned(run1, finance, LocationPath.of("cards.csv"), 700, "2016-02-01T00:00:00Z",
                test(f(EntityType.CREDIT_CARD, "4111 1111 1111 1111", 0.99, null)),
                f(EntityType.IBAN_CODE, "GB82 WEST 1234 5698 7654 32", 0.90, null));
        store.markDeletedNotSeen(run1, office);
        store.markDeletedNotSeen(run1, finance);
        clock.set(RUN1.plusSeconds(3600));
        store.finishRun(run1, RunStatus.COMPLETED);

        clock.set(RUN2);
        run2 = store.startRun(ScanKind.FILES, "scan files " + OFFICE + " " + FINANCE, CONFIG);
        store.upsertSource(run2, ScanKind.FILES, OFFICE);
        store.upsertSource(run2, ScanKind.FILES, FINANCE);
        store.recordUnchanged(run2, office, List.of(
                new UnchangedLocation(LocationPath.of("hr/payroll/2019.xlsx"), fp(5000, "2019-04-05T00:00:00Z")),
                new UnchangedLocation(LocationPath.of("clean/readme.txt"), fp(10, "2023-05-05T00:00:00Z"))));
        scanned(run2, office, LocationPath.of("hr/letters.zip"), 9500, "2026-10-01T00:00:00Z");
        scanned(run2, office, LocationPath.of("hr/letters.zip", "offer.docx"), 3300, null,
                f(EntityType.EMAIL_ADDRESS, "zebedee@example.com", 0.90, null),
                f(EntityType.SPECIAL_CATEGORY_HEALTH, "diagnosed with diabetes", 0.75, null),
                f(EntityType.CRIMINAL_OFFENCE, "convicted of theft", 0.65, null));
        store.recordSkipped(run2, office, LocationPath.of("locked.pdf"), SkipReason.ENCRYPTED, "PDF encrypted");
        scanned(run2, office, LocationPath.of("backups/2026-09-01.bak"), 2000, "2026-09-01T00:00:00Z",
                f(EntityType.EMAIL_ADDRESS, "ada.quill@example.org", 0.90, null),
                f(EntityType.EMAIL_ADDRESS, "zebedee@example.org", 0.88, null));
        scanned(run2, office, LocationPath.of(HOSTILE), 50, "2026-11-01T00:00:00Z",
                f(EntityType.URL, "https://intranet.example.com/staff/zebedee", 0.60, null));
        scanned(run2, office, LocationPath.of(FORMULA), 60, "2026-11-02T00:00:00Z",
                f(EntityType.IP_ADDRESS, "192.0.2.146", 0.40, null));
        scanned(run2, office, LocationPath.of(BIDI), 70, "2026-11-03T00:00:00Z",
                f(EntityType.UK_POSTCODE, "SW1A 1AA", 0.85, null));
        store.recordSkipped(run2, office, LocationPath.of("media/video.mp4"), SkipReason.TOO_LARGE,
                "larger than 256 MB");
        store.recordUnchanged(run2, finance, List.of(
                new UnchangedLocation(LocationPath.of("cards.csv"), fp(700, "2016-02-01T00:00:00Z"))));
        scanned(run2, finance, LocationPath.of("invoices/2026/inv-1.pdf"), 1000, "2026-03-03T00:00:00Z",
                f(EntityType.UK_VAT, "GB 980 7806 84", 0.85, "page 1"));
        store.markDeletedNotSeen(run2, office);
        store.markDeletedNotSeen(run2, finance);
        clock.set(RUN2.plusSeconds(1800));
        store.finishRun(run2, RunStatus.COMPLETED);
    }

    private void databaseRun() {
        clock.set(RUN3);
        run3 = store.startRun(ScanKind.DB, "scan database " + CRM, CONFIG);
        crm = store.upsertSource(run3, ScanKind.DB, CRM + "?user=alice&password=secret");
        row(LocationPath.of("public.customers", "row:1"),
                f(EntityType.EMAIL_ADDRESS, "zebedee@example.net", 0.90, "email"));
        row(LocationPath.of("public.customers", "row:2"),
                f(EntityType.EMAIL_ADDRESS, "ada@example.net", 0.90, "email"),
                f(EntityType.PHONE_NUMBER, "020 7946 0999", 0.70, "phone"));
        row(LocationPath.of("public.customers", "row:3"));
        row(LocationPath.of("hr.staff", "row:7"), f(EntityType.UK_NINO, "QQ 12 34 56 B", 0.95, "ni_number"));
        store.recordSkipped(run3, crm, LocationPath.of("audit.log"), SkipReason.PERMISSION_DENIED,
                "permission denied for table log");
        store.markDeletedNotSeen(run3, crm);
        clock.set(RUN3.plusSeconds(600));
        store.finishRun(run3, RunStatus.COMPLETED);
    }

    private void row(LocationPath path, Finding... findings) {
        List<ProtectedFinding> pf = new ArrayList<>();
        for (Finding f : findings) {
            pf.add(protector.protect(f, new FindingPosition(sections.remove(0), 0, 0, 0)));
        }
        store.recordScanned(run3, crm, new ScannedLocation(path, new Fingerprint(100, Fingerprint.UNKNOWN_TIME,
                "row-" + path.display().hashCode()), CONFIG, pf));
    }

    private void scanned(long run, long source, LocationPath path, long size, String modified, Finding... findings) {
        List<ProtectedFinding> pf = new ArrayList<>();
        for (Finding f : findings) {
            String section = sections.remove(0);
            pf.add(protector.protect(f, section == null ? FindingPosition.NONE
                    : new FindingPosition(section, 0, 0, 0)));
        }
        store.recordScanned(run, source, new ScannedLocation(path, fp(size, modified), CONFIG, pf));
    }

    private static Fingerprint fp(long size, String modified) {
        return new Fingerprint(size, modified == null ? Fingerprint.UNKNOWN_TIME
                : Instant.parse(modified).toEpochMilli(), "h" + size);
    }

    /** Sections of the findings made by {@link #f}, in order (a finding carries no section of its own). */
    private final List<String> sections = new ArrayList<>();
    private int offset;

    private Finding f(EntityType type, String raw, double score, String section) {
        sections.add(section);
        Explanation e = new Explanation(type.name().toLowerCase(Locale.ROOT), type.name() + " (test)", score,
                Validation.NOT_APPLICABLE, List.of(), score, "");
        int start = offset;
        offset += raw.length() + 1;
        return new Finding(type, start, start + raw.length(), score, false, e, raw);
    }

    private static Finding test(Finding f) {
        return new Finding(f.type(), f.start(), f.end(), f.score(), true, f.explanation(), f.sensitiveValue());
    }
}
