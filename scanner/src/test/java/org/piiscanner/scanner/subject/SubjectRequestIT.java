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
                "hr/2021.zip!/mail/complaint.eml", "hr/2021.zip!/mail/complaint.eml#metadata",
                "notes/namesake.txt");

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
                    assertThat(e.details()).contains("\"results\":7")
                            .contains(bed.protector.valueHash("EMAIL_ADDRESS", EMAIL));
                });
    }
}
