package org.piiscanner.scanner.subject;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.piiscanner.scanner.testing.ScanTestbed;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One person planted across a Word letter, an e-mail inside a zip (its body and its headers), a CSV export and two
 * database tables, with a name variant ("SMITH, Jane", "Jane Smyth") and the phone number in another format
 * (+44 20 7946 0018, +442079460018); a namesake elsewhere with other contact details; an unrelated file. Scanned
 * with the real extractor and detectors into a real store and index ({@link Testbed}), then found, exported and
 * verified through {@link SubjectService}.
 */
class SubjectRequestIT {

    static final String NAME = "Jane Smith";
    static final String EMAIL = "jane.smith@example.com";
    static final String PHONE = "020 7946 0018";
    static final String NINO = "QQ 12 34 56 C";

    @TempDir
    Path dir;

    Testbed bed;
    Path share;
    String crmUrl;
    Connection crm;
    SubjectService service;
    JdbcTestRowReader rows;

    @BeforeEach
    void plant() throws Exception {
        share = Files.createDirectories(dir.resolve("share"));
        Files.createDirectories(share.resolve("letters"));
        Files.write(share.resolve("letters/offer.docx"), ScanTestbed.docx(List.of(
                "Dear Ms " + NAME + ",",
                "We are pleased to offer you the position. We will call you on " + PHONE + " to agree a start date.",
                "Please bring proof of your National Insurance number " + NINO + ".")));
        Files.createDirectories(share.resolve("hr"));
        Map<String, byte[]> mails = new LinkedHashMap<>();
        mails.put("mail/complaint.eml", ScanTestbed.eml("Jane Smyth <" + EMAIL + ">", "hr@example.com",
                "Parking", "Hello,\n\nthis is Jane Smyth from accounts. Please call me back on +44 20 7946 0018.\n"));
        mails.put("mail/rota.txt", "Rota for March: Peter Jones, Amira Khan.\n".getBytes(StandardCharsets.UTF_8));
        Files.write(share.resolve("hr/2021.zip"), ScanTestbed.zip(mails));
        Files.createDirectories(share.resolve("exports"));
        Files.writeString(share.resolve("exports/customers.csv"), "id,name,email,phone\n"
                + "1,\"SMITH, Jane\"," + EMAIL + ",07700 900123\n"
                + "2,\"Jones, Peter\",peter.jones@example.org,07700 900456\n");
        Files.createDirectories(share.resolve("notes"));
        Files.writeString(share.resolve("notes/namesake.txt"), "Jane Smith (facilities) booked room 4. Her email is "
                + "j.smith@example.net, phone 020 7946 0555.\n");
        Files.writeString(share.resolve("notes/unrelated.txt"), "Minutes of the fire drill. Nobody was harmed.\n");

        crmUrl = "jdbc:h2:mem:crm-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        crm = DriverManager.getConnection(crmUrl, "sa", "");
        try (Statement s = crm.createStatement()) {
            s.execute("CREATE SCHEMA crm");
            s.execute("CREATE SCHEMA billing");
            s.execute("CREATE TABLE crm.customers (id INT PRIMARY KEY, name VARCHAR(100), email VARCHAR(100), "
                    + "phone VARCHAR(40))");
            s.execute("INSERT INTO crm.customers VALUES (42, 'Jane Smith', 'JANE.SMITH@EXAMPLE.COM', '+442079460018')");
            s.execute("INSERT INTO crm.customers VALUES (43, 'Peter Jones', 'peter.jones@example.org', "
                    + "'07700 900456')");
            s.execute("CREATE TABLE billing.invoices (id INT PRIMARY KEY, customer_email VARCHAR(100), "
                    + "amount VARCHAR(20))");
            s.execute("INSERT INTO billing.invoices VALUES (7, 'jane.smith@example.com', '120.00')");
        }

        bed = Testbed.h2(dir.resolve("data"));
        bed.scanFiles(share);
        Map<String, Map<String, String>> customers = new LinkedHashMap<>();
        customers.put("id=42", ScanTestbed.columns("name", "Jane Smith", "email", "JANE.SMITH@EXAMPLE.COM", "phone",
                "+442079460018"));
        customers.put("id=43", ScanTestbed.columns("name", "Peter Jones", "email", "peter.jones@example.org", "phone",
                "07700 900456"));
        bed.scanRows(crmUrl, "crm.customers", customers, List.of("name"));
        bed.scanRows(crmUrl, "billing.invoices", Map.of("id=7", ScanTestbed.columns("customer_email",
                "jane.smith@example.com", "amount", "120.00")), List.of());
        rows = new JdbcTestRowReader(crmUrl);
        service = bed.service(List.of(rows), Clock.systemUTC());
    }

    @AfterEach
    void close() throws Exception {
        bed.close();
        crm.close();
    }

    List<SubjectIdentifier> person() {
        return List.of(SubjectIdentifier.name(NAME), SubjectIdentifier.of("email", EMAIL),
                SubjectIdentifier.of("phone", PHONE));
    }

    /** The matches by path (the display path in its source). */
    static Map<String, SubjectMatch> byPath(List<SubjectMatch> matches) {
        Map<String, SubjectMatch> m = new LinkedHashMap<>();
        matches.forEach(x -> m.put(x.location().path(), x));
        return m;
    }

    @Test
    void findsThePersonInEveryPlaceWithVariantsAndRanksTheNamesakeBelow() {
        SubjectService.FindOutcome found = service.find(person(), 100, SubjectService.DEFAULT_MIN_SCORE);
        Map<String, SubjectMatch> m = byPath(found.matches());

        assertThat(m.keySet()).containsExactlyInAnyOrder(
                "crm.customers!/id=42", "billing.invoices!/id=7", "exports/customers.csv", "letters/offer.docx",
                "hr/2021.zip!/mail/complaint.eml", "notes/namesake.txt");

        // the namesake (same name, nothing else) comes last, below every location with a strong identifier
        SubjectMatch namesake = m.get("notes/namesake.txt");
        assertThat(found.matches().getLast()).isEqualTo(namesake);
        assertThat(namesake.evidence().matchedTypes()).containsExactly("PERSON");
        assertThat(namesake.evidence().confidence()).isEqualTo(Confidence.MEDIUM);
        assertThat(namesake.evidence().score()).isEqualTo(0.5);
        for (SubjectMatch x : found.matches()) {
            if (x != namesake) {
                assertThat(x.evidence().confidence()).as(x.location().path()).isEqualTo(Confidence.HIGH);
                assertThat(x.evidence().score()).isGreaterThan(0.85);
            }
        }

        // rows: kind, source, table, key, the columns the identifiers are in
        SubjectMatch row = m.get("crm.customers!/id=42");
        assertThat(row.location().kind()).isEqualTo(LocationKind.ROW);
        assertThat(row.location().source()).isEqualTo(crmUrl);
        assertThat(row.location().table()).isEqualTo("crm.customers");
        assertThat(row.location().rowKey()).isEqualTo("id=42");
        assertThat(row.columns()).containsExactlyInAnyOrder("name", "email", "phone");
        assertThat(row.evidence().matchedTypes()).containsExactly("EMAIL_ADDRESS", "PHONE_NUMBER", "PERSON");
        assertThat(row.evidence().score()).isEqualTo(0.993);
        assertThat(m.get("billing.invoices!/id=7").columns()).containsExactly("customer_email");
        assertThat(m.get("billing.invoices!/id=7").categories()).containsExactly(
                org.piiscanner.classifiers.DataCategory.CONTACT);

        // the phone number in another format (+44 20 7946 0018 in the e-mail, +442079460018 in the row)
        assertThat(how(m.get("hr/2021.zip!/mail/complaint.eml"), "PHONE_NUMBER")).isEqualTo(MatchKind.EXACT);
        // the e-mail's headers (its metadata part) count for the e-mail, in the section "metadata"
        assertThat(m.get("hr/2021.zip!/mail/complaint.eml").evidence().matchedTypes())
                .containsExactly("EMAIL_ADDRESS", "PHONE_NUMBER", "PERSON");
        assertThat(m.get("hr/2021.zip!/mail/complaint.eml").occurrences()).anySatisfy(o -> {
            assertThat(o.type()).isEqualTo("EMAIL_ADDRESS");
            assertThat(o.position().section()).isEqualTo("metadata");
        });
        assertThat(how(row, "PHONE_NUMBER")).isEqualTo(MatchKind.EXACT);
        // name variants: "Jane Smyth" (a spelling variant) and "SMITH, Jane" in a CSV cell (no detector: words)
        assertThat(how(m.get("hr/2021.zip!/mail/complaint.eml"), "PERSON")).isEqualTo(MatchKind.NAME_VARIANT);
        assertThat(how(m.get("exports/customers.csv"), "PERSON")).isEqualTo(MatchKind.NAME_VARIANT);
        assertThat(how(m.get("letters/offer.docx"), "PERSON")).isEqualTo(MatchKind.NAME_FULL);

        // a document inside an archive: file and embedded path
        SubjectLocation mail = m.get("hr/2021.zip!/mail/complaint.eml").location();
        assertThat(mail.kind()).isEqualTo(LocationKind.FILE);
        assertThat(mail.root()).isEqualTo("hr/2021.zip");
        assertThat(mail.embeddedPath()).isEqualTo("mail/complaint.eml");
        assertThat(mail.display()).isEqualTo(share + "/hr/2021.zip!/mail/complaint.eml");

        // where: line and column of each identifier from the store's findings
        assertThat(m.get("exports/customers.csv").occurrences()).singleElement().satisfies(o -> {
            assertThat(o.type()).isEqualTo("EMAIL_ADDRESS");
            assertThat(o.position().line()).isEqualTo(2);
            assertThat(o.position().column()).isEqualTo(17);
            assertThat(o.maskedPreview()).isEqualTo("j***@***.com");
        });
        assertThat(m.get("letters/offer.docx").occurrences()).extracting(Occurrence::type)
                .containsExactlyInAnyOrder("PERSON", "PHONE_NUMBER");
        // categories found there: the NINO makes the letter Financial too
        assertThat(m.get("letters/offer.docx").categories()).contains(
                org.piiscanner.classifiers.DataCategory.IDENTITY, org.piiscanner.classifiers.DataCategory.CONTACT,
                org.piiscanner.classifiers.DataCategory.FINANCIAL);
        assertThat(found.belowMinimum()).isZero();
        assertThat(found.truncated()).isFalse();
    }

    static MatchKind how(SubjectMatch m, String type) {
        return m.evidence().matches().stream().filter(x -> x.type().equals(type)).findFirst().orElseThrow().how();
    }

    @Test
    void aStrongIdentifierInAnotherFormatIsEnoughOnItsOwn() {
        Map<String, SubjectMatch> phone = byPath(service.find(
                List.of(SubjectIdentifier.of("phone", "+44 (0)20 7946 0018")), 100, 0.3).matches());
        assertThat(phone.keySet()).containsExactlyInAnyOrder("letters/offer.docx", "hr/2021.zip!/mail/complaint.eml",
                "crm.customers!/id=42");
        assertThat(phone.values()).allSatisfy(x -> assertThat(x.evidence().confidence()).isEqualTo(Confidence.HIGH));

        Map<String, SubjectMatch> nino = byPath(service.find(List.of(SubjectIdentifier.of("UK_NINO", "qq123456c")),
                100, 0.3).matches());
        assertThat(nino.keySet()).containsExactly("letters/offer.docx");
    }

    @Test
    void aNameAloneMatchesAcrossOrderCaseAndSpellingButOnlyWithLowOrMediumConfidence() {
        List<SubjectMatch> matches = service.find(List.of(SubjectIdentifier.name("SMITH, Jayne")), 100, 0.3)
                .matches();
        Map<String, SubjectMatch> m = byPath(matches);
        assertThat(m).containsKeys("letters/offer.docx", "crm.customers!/id=42", "notes/namesake.txt",
                "hr/2021.zip!/mail/complaint.eml");
        assertThat(matches).allSatisfy(x -> assertThat(x.evidence().confidence()).isNotEqualTo(Confidence.HIGH));
        assertThat(how(m.get("letters/offer.docx"), "PERSON")).isEqualTo(MatchKind.NAME_VARIANT);

        // the exact full name outranks tokens and variants
        List<SubjectMatch> exact = service.find(List.of(SubjectIdentifier.name("smith, JANE")), 100, 0.3).matches();
        assertThat(exact.getFirst().evidence().matches().getFirst().how()).isEqualTo(MatchKind.NAME_FULL);
        assertThat(byPath(exact)).doesNotContainKey("notes/unrelated.txt");
    }

    @Test
    void theRequestIsRecordedByIdWithItsHashesAndCanBeSearchedAgain() {
        SubjectService.FindOutcome found = service.find(person(), 100, 0.3);
        SubjectRequests.StoredRequest stored = new SubjectRequests(bed.handle.dataSource()).find(found.requestId())
                .orElseThrow();
        assertThat(stored.createdBy()).isEqualTo("dpo-test");
        assertThat(stored.subject().types()).containsExactly("PERSON", "EMAIL_ADDRESS", "PHONE_NUMBER");
        assertThat(stored.subject()).isEqualTo(new QueryHasher(bed.protector).hash(person()));
        assertThat(stored.results()).extracting(r -> r.location().path())
                .containsExactlyElementsOf(found.matches().stream().map(x -> x.location().path()).toList());
        assertThat(bed.audit(Clock.systemUTC()).entriesOf(found.requestId())).singleElement()
                .satisfies(e -> {
                    assertThat(e.action()).isEqualTo("SUBJECT_FIND");
                    assertThat(e.actor()).isEqualTo("dpo-test");
                    assertThat(e.details()).contains("\"results\":6")
                            .contains(bed.protector.valueHash("EMAIL_ADDRESS", EMAIL));
                });
    }

    @Test
    void anExportWithValuesReadsThePersonsValuesFromTheSourcesAndWithholdsOtherPeoplesData() throws Exception {
        long id = service.find(person(), 100, 0.3).requestId();
        // the CSV changed since the scan: the value moved, it is found again by the detectors
        Files.writeString(share.resolve("exports/customers.csv"), "# exported 2024-03-04\n"
                + Files.readString(share.resolve("exports/customers.csv")));

        SubjectService.ExportOutcome export = service.export(id, SubjectService.ExportFormat.JSON, true, bed.engine);
        JsonNode root = JsonMapper.shared().readTree(export.content());
        assertThat(root.path("with_values").asBoolean()).isTrue();
        Map<String, JsonNode> locations = new LinkedHashMap<>();
        root.path("locations").forEach(l -> locations.put(l.path("path").asString(), l));
        assertThat(locations).hasSize(6);

        assertThat(values(locations.get("letters/offer.docx"))).containsEntry("PHONE_NUMBER", PHONE)
                .containsEntry("PERSON", NAME);
        assertThat(status(locations.get("letters/offer.docx"), "UK_NINO"))
                .startsWith("withheld: not one of the person's identifiers");
        // a row found with high confidence is the person's record: every value
        assertThat(values(locations.get("crm.customers!/id=42"))).containsEntry("PERSON", "Jane Smith")
                .containsEntry("EMAIL_ADDRESS", "JANE.SMITH@EXAMPLE.COM").containsEntry("PHONE_NUMBER", "+442079460018");
        assertThat(locations.get("crm.customers!/id=42").path("items").get(0).path("db_column").asString())
                .isEqualTo("name");
        // the e-mail: the phone from its body, the address from its headers (the metadata text)
        assertThat(values(locations.get("hr/2021.zip!/mail/complaint.eml"))).containsEntry("PHONE_NUMBER",
                "+44 20 7946 0018").containsEntry("EMAIL_ADDRESS", EMAIL);
        // the CSV: the person's e-mail read where it is now; another customer's address withheld
        assertThat(values(locations.get("exports/customers.csv"))).containsEntry("EMAIL_ADDRESS", EMAIL);
        assertThat(new String(export.content(), StandardCharsets.UTF_8)).doesNotContain("peter.jones@example.org");
        assertThat(export.valuesRead()).isEqualTo(count(root, "read"));
        assertThat(rows.reads).isEqualTo(2);

        // the audit log has the export, with the SHA-256 of exactly these bytes
        List<AuditLog.Entry> entries = bed.audit(Clock.systemUTC()).entriesOf(id);
        assertThat(entries).extracting(AuditLog.Entry::action).containsExactly("SUBJECT_FIND", "SUBJECT_EXPORT");
        assertThat(entries.getLast().details()).contains("\"with_values\":true")
                .contains("\"sha256\":\"" + export.sha256() + "\"");
        assertThat(export.sha256()).isEqualTo(SubjectService.sha256(export.content()));
    }

    @Test
    void anExportWithoutValuesHoldsNoValueAndReadsNothing() {
        long id = service.find(person(), 100, 0.3).requestId();
        SubjectService.ExportOutcome export = service.export(id, SubjectService.ExportFormat.CSV, false, null);
        String csv = new String(export.content(), StandardCharsets.UTF_8);
        assertThat(csv.lines().findFirst().orElseThrow()).isEqualTo(String.join(",", ExportBuilder.CSV_HEADER));
        assertThat(csv).contains("j***@***.com").contains("not requested").contains(",crm.customers,id=42,email,")
                .contains("hr/2021.zip,mail/complaint.eml");
        for (String raw : List.of(NAME, EMAIL, PHONE, "7946", "QQ 12", "+442079460018", "JANE.SMITH")) {
            assertThat(csv).doesNotContainIgnoringCase(raw);
        }
        assertThat(export.valuesRead()).isZero();
        assertThat(rows.reads).isZero();
    }

    @Test
    void verifySaysStillPresentBeforeErasureAndGoneOnceThePersonsFilesAndRowsAreDeleted() throws Exception {
        SubjectService.FindOutcome found = service.find(person(), 100, 0.3);
        int namesake = byPath(found.matches()).get("notes/namesake.txt").rank();

        SubjectService.VerifyOutcome before = service.verify(found.requestId(), null, bed.engine);
        assertThat(before.report().verdict()).isEqualTo(ErasureReport.Verdict.STILL_PRESENT);
        assertThat(before.report().locations()).allSatisfy(c -> assertThat(c.status())
                .isEqualTo(ErasureReport.Status.STILL_PRESENT));

        // erasure: the letter deleted, the e-mail taken out of the archive, the CSV line removed, the rows deleted
        Files.delete(share.resolve("letters/offer.docx"));
        Files.write(share.resolve("hr/2021.zip"), ScanTestbed.zip(Map.of("mail/rota.txt",
                "Rota for March: Peter Jones, Amira Khan.\n".getBytes(StandardCharsets.UTF_8))));
        Files.writeString(share.resolve("exports/customers.csv"), "id,name,email,phone\n"
                + "2,\"Jones, Peter\",peter.jones@example.org,07700 900456\n");
        try (Statement s = crm.createStatement()) {
            s.execute("DELETE FROM crm.customers WHERE id = 42");
            s.execute("DELETE FROM billing.invoices WHERE id = 7");
        }

        Path out = dir.resolve("erasure.report");
        SubjectService.VerifyOutcome after = service.verify(found.requestId(), out, bed.engine, Set.of(namesake));
        ErasureReport report = after.report();
        Map<String, ErasureReport.LocationCheck> checks = new LinkedHashMap<>();
        report.locations().forEach(c -> checks.put(c.location().path(), c));
        assertThat(report.verdict()).isEqualTo(ErasureReport.Verdict.GONE);
        assertThat(checks.get("letters/offer.docx").status()).isEqualTo(ErasureReport.Status.LOCATION_MISSING);
        assertThat(checks.get("letters/offer.docx").detail()).isEqualTo("file deleted");
        assertThat(checks.get("hr/2021.zip!/mail/complaint.eml").status())
                .isEqualTo(ErasureReport.Status.LOCATION_MISSING);
        assertThat(checks.get("hr/2021.zip!/mail/complaint.eml").detail()).isEqualTo("no longer inside hr/2021.zip");
        assertThat(checks.get("exports/customers.csv").status()).isEqualTo(ErasureReport.Status.GONE);
        assertThat(checks.get("exports/customers.csv").detail()).isEqualTo("re-read");
        assertThat(checks.get("crm.customers!/id=42").status()).isEqualTo(ErasureReport.Status.LOCATION_MISSING);
        assertThat(checks.get("crm.customers!/id=42").detail()).isEqualTo("row deleted");
        assertThat(checks.get("billing.invoices!/id=7").status()).isEqualTo(ErasureReport.Status.LOCATION_MISSING);
        assertThat(checks.get("notes/namesake.txt").status()).isEqualTo(ErasureReport.Status.EXCLUDED);
        assertThat(report.tally()).isEqualTo(new ErasureReport.Tally(1, 4, 0, 0, 1, 0));
        // the index is as of the last scan: until a rescan it still lists the deleted locations
        assertThat(checks.get("letters/offer.docx").indexed()).isTrue();

        // the signed report on disk checks out with the data directory's public key, and names the key
        byte[] file = Files.readAllBytes(out);
        SigningKeys keys = SigningKeys.loadOrCreate(bed.dataDir.resolve(SigningKeys.DIRECTORY));
        SignedReport.Check check = SignedReport.verify(file, keys.publicKey());
        assertThat(check.valid()).as(check.reason()).isTrue();
        JsonNode json = JsonMapper.shared().readTree(check.report());
        assertThat(json.path("verdict").asString()).isEqualTo("GONE");
        assertThat(json.path("signing_key_id").asString()).isEqualTo(keys.keyId());
        assertThat(json.path("summary").path("location_missing").asInt()).isEqualTo(4);
        assertThat(after.sha256()).isEqualTo(SubjectService.sha256(file));
        assertThat(Files.getPosixFilePermissions(bed.dataDir.resolve("signing/report-signing.key")))
                .containsExactlyInAnyOrder(java.nio.file.attribute.PosixFilePermission.OWNER_READ,
                        java.nio.file.attribute.PosixFilePermission.OWNER_WRITE);

        // without excluding the namesake, its file still names the person: not gone
        assertThat(service.verify(found.requestId(), dir.resolve("again.report"), bed.engine).report().verdict())
                .isEqualTo(ErasureReport.Verdict.STILL_PRESENT);
        assertThat(bed.audit(Clock.systemUTC()).entriesOf(found.requestId())).extracting(AuditLog.Entry::action)
                .containsExactly("SUBJECT_FIND", "SUBJECT_VERIFY", "SUBJECT_VERIFY", "SUBJECT_VERIFY");
    }

    @Test
    void verifySearchesAgainAndReadsWhatItCannotReachAsUnverified() throws Exception {
        long id = service.find(List.of(SubjectIdentifier.of("email", EMAIL)), 100, 0.3).requestId();
        Files.writeString(share.resolve("notes/new.txt"), "Forwarded by " + EMAIL + " yesterday.\n");
        bed.scanFiles(share);

        ErasureReport report = service.verify(id, dir.resolve("r1.report"), bed.engine).report();
        ErasureReport.LocationCheck found = report.locations().stream()
                .filter(c -> c.location().path().equals("notes/new.txt")).findFirst().orElseThrow();
        assertThat(found.foundBy()).isEqualTo("search again");
        assertThat(found.status()).isEqualTo(ErasureReport.Status.STILL_PRESENT);
        assertThat(found.stillMatched()).containsExactly("EMAIL_ADDRESS");
        assertThat(report.tally().newLocations()).isEqualTo(1);

        // the share is unmounted and the database has no reader: nothing can be said, so no proof of erasure
        Files.move(share, dir.resolve("share-unmounted"));
        SubjectService blind = bed.service(List.of(), Clock.systemUTC());
        ErasureReport unreachable = blind.verify(id, dir.resolve("r2.report"), bed.engine).report();
        assertThat(unreachable.locations()).allSatisfy(c -> assertThat(c.status())
                .isEqualTo(ErasureReport.Status.UNVERIFIED));
        assertThat(unreachable.locations()).extracting(ErasureReport.LocationCheck::detail)
                .contains("the source " + share + " is not reachable (not mounted, moved or permission denied)",
                        "no row reader for this database source (the database scan provides one)");
        assertThat(unreachable.verdict()).isEqualTo(ErasureReport.Verdict.INCOMPLETE);
    }

    @Test
    void aLocationPathPointingOutsideItsSourceIsNeverRead() throws Exception {
        // someone who can write the store plants a location that climbs out of the share
        Files.writeString(dir.resolve("secret.txt"), "root password of " + EMAIL + "\n");
        long source = bed.store.sources().stream().filter(x -> x.locator().equals(share.toString())).findFirst()
                .orElseThrow().id();
        var finding = bed.protector.protect(org.piiscanner.scanner.testing.Fixtures.finding(
                org.piiscanner.classifiers.EntityType.EMAIL_ADDRESS, EMAIL, 17));
        long run = bed.store.startRun(org.piiscanner.scanner.store.ScanKind.FILES, "forged", "cfg");
        long id = bed.store.recordScanned(run, source, new org.piiscanner.scanner.store.ScannedLocation(
                org.piiscanner.scanner.store.LocationPath.of("../secret.txt"),
                org.piiscanner.scanner.store.Fingerprint.of(40, 1L), "cfg", List.of(finding)));
        bed.sync.upsert(org.piiscanner.scanner.index.LocationDocument.of(id, source, "../secret.txt",
                List.of(finding), null));
        bed.sync.commit();

        long request = service.find(List.of(SubjectIdentifier.of("email", EMAIL)), 100, 0.3).requestId();
        ErasureReport report = service.verify(request, dir.resolve("r.report"), bed.engine).report();
        ErasureReport.LocationCheck forged = report.locations().stream()
                .filter(c -> c.location().path().equals("../secret.txt")).findFirst().orElseThrow();
        assertThat(forged.status()).isEqualTo(ErasureReport.Status.UNVERIFIED);
        assertThat(forged.detail()).isEqualTo("the location is outside its source " + share);
        String export = new String(service.export(request, SubjectService.ExportFormat.CSV, true, bed.engine)
                .content(), StandardCharsets.UTF_8);
        assertThat(export).contains("unreadable: the location is outside its source").doesNotContain("root password");
    }

    static Map<String, String> values(JsonNode location) {
        Map<String, String> m = new LinkedHashMap<>();
        location.path("items").forEach(i -> {
            if (i.has("value")) {
                m.putIfAbsent(i.path("entity_type").asString(), i.path("value").asString());
            }
        });
        return m;
    }

    static String status(JsonNode location, String type) {
        for (JsonNode i : location.path("items")) {
            if (i.path("entity_type").asString().equals(type)) {
                return i.path("value_status").asString();
            }
        }
        throw new AssertionError("no " + type);
    }

    static int count(JsonNode root, String status) {
        int n = 0;
        for (JsonNode l : root.path("locations")) {
            for (JsonNode i : l.path("items")) {
                if (i.path("value_status").asString().equals(status)) {
                    n++;
                }
            }
        }
        return n;
    }
}
