package org.piiscanner.scanner.extraction;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.TimeZone;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.poi.ooxml.POIXMLProperties;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;

/**
 * Writes the synthetic office documents of {@code samples/} (a Word offer letter, an Excel payroll with two
 * sheets, a two-page PDF reference, an e-mail with a Word attachment, and a zip of a CSV and a Word document)
 * with POI and PDFBox. Every identifier in them is a published test value or specimen already used in
 * {@code samples/*.txt} (see {@code samples/README.md}); every name is made up.
 *
 * <p>Run {@link #main} (argument: the samples folder, default {@code ../samples}), or {@code SampleDocumentsTest}
 * with {@code -Dsamples.regenerate=true}, after changing a document; then update the rows of
 * {@code samples/README.md}, which {@code SamplesTest} checks. The files are committed, so that the quick start
 * needs no generation; {@code SampleDocumentsTest} checks that they still match this code. Output is
 * byte-for-byte the same on every run (fixed dates, zip entry times and PDF id).
 */
public final class SampleDocuments {

    /** Fixed dates, so that the documents' metadata does not change between runs. */
    private static final String CREATED = "2024-03-01T09:00:00Z";
    private static final String MODIFIED = "2024-03-04T16:30:00Z";
    private static final long ZIP_TIME = 1625050800000L;

    private SampleDocuments() {
    }

    public static void main(String[] args) throws IOException {
        write(Path.of(args.length > 0 ? args[0] : "../samples"));
    }

    /** Writes (overwrites) every document under {@code samples}. */
    public static void write(Path samples) throws IOException {
        write(samples.resolve("hr/offer-letter.docx"), offerLetter());
        write(samples.resolve("finance/payroll.xlsx"), payroll());
        write(samples.resolve("letters/reference.pdf"), reference());
        write(samples.resolve("mail/complaint.eml"), complaint());
        write(samples.resolve("archive/2021-hr.zip"), archive());
    }

    private static void write(Path file, byte[] content) throws IOException {
        Files.createDirectories(file.getParent());
        Files.write(file, content);
    }

    /** An offer letter: postcode, date of birth, NI number, e-mail, mobile, sort code and account, in a table. */
    static byte[] offerLetter() throws IOException {
        return docx("Tomasz Whitfield", "Helen Achterberg", "Offer of employment", List.of(
                "Northgate Lighting Ltd, 14 Cable Street, Manchester M1 1AE",
                "Private and confidential",
                "Ms Priya Castellano-Reid, Flat 5, 9 Hardman Street, Manchester M1 1AE",
                "Dear Priya,",
                "Offer of employment: Lighting Technician",
                "We are pleased to offer you the post, starting on Monday 1 April. Please check the details we hold "
                        + "for you and tell us of any mistake:"),
                new String[][] {
                    {"Date of birth", "06/08/1969"},
                    {"National Insurance number", "AB 12 34 56 C"},
                    {"Personal e-mail", "priya.castellano@example.com"},
                    {"Mobile", "07400 123456"},
                    {"Bank (sort code, account number)", "sort code 08-99-99, account number 66374958"}},
                List.of("Yours sincerely,", "Tomasz Whitfield, HR Business Partner"));
    }

    /** A payroll workbook: employees' NI numbers and bank details on one sheet, suppliers' IBANs on another. */
    static byte[] payroll() throws IOException {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            properties(book.getProperties(), "Helen Achterberg", "Helen Achterberg", "Payroll March 2024");
            rows(book.createSheet("Payroll March 2024"), new String[][] {
                {"Employee", "NI number", "Sort code", "Account number", "Net pay (GBP)"},
                {"Priya Castellano-Reid", "AB123456C", "08-99-99", "66374958", "2874.15"},
                {"Sarah Morgan", "(pending)", "", "", "3120.00"}});
            rows(book.createSheet("Suppliers"), new String[][] {
                {"Supplier", "IBAN", "BIC", "VAT number"},
                {"Kestrel Fittings Ltd", "GB29 NWBK 6016 1331 9268 19", "NWBKGB2L", "GB980780684"},
                {"Lichtwerk GmbH", "DE89370400440532013000", "", "DE136695976"}});
            book.write(out);
            return fixedTimes(out.toByteArray());
        }
    }

    private static void rows(XSSFSheet sheet, String[][] cells) {
        for (int r = 0; r < cells.length; r++) {
            XSSFRow row = sheet.createRow(r);
            for (int c = 0; c < cells[r].length; c++) {
                row.createCell(c).setCellValue(cells[r][c]);
            }
        }
    }

    /** A two-page reference letter: contact details on page 1, NHS and NI numbers on page 2. */
    static byte[] reference() throws IOException {
        try (PDDocument pdf = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDDocumentInformation info = pdf.getDocumentInformation();
            info.setAuthor("Marguerite Oyelaran");
            info.setTitle("Reference for Callum Oduya");
            Calendar created = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
            created.setTimeInMillis(1709283600000L);
            info.setCreationDate(created);
            info.setModificationDate(created);
            page(pdf, List.of(
                    "Aldersgate Community Health Trust",
                    "2 Aldersgate Gardens, London EC1A 1BB",
                    "",
                    "To whom it may concern,",
                    "",
                    "Reference for Mr Callum Oduya",
                    "",
                    "I have known Callum for six years, as his line manager in our patient-support team.",
                    "You can reach me on +44 121 234 5678 or at m.oyelaran@example.org.",
                    "Callum's own address for correspondence is callum.oduya@example.co.uk."));
            COSArray id = new COSArray();
            id.add(new COSString("pii-scanner-sample-reference".getBytes(StandardCharsets.US_ASCII)));
            id.add(new COSString("pii-scanner-sample-reference".getBytes(StandardCharsets.US_ASCII)));
            pdf.getDocument().getTrailer().setItem(COSName.ID, id);
            page(pdf, List.of(
                    "Reference for Mr Callum Oduya (continued)",
                    "",
                    "For your pre-employment checks, his NHS number is 999 000 0018",
                    "and his National Insurance number is AB 12 34 56 C.",
                    "",
                    "Yours faithfully,",
                    "Marguerite Oyelaran, Head of Patient Support"));
            pdf.save(out);
            return out.toByteArray();
        }
    }

    private static void page(PDDocument pdf, List<String> lines) throws IOException {
        PDPage page = new PDPage(PDRectangle.A4);
        pdf.addPage(page);
        try (PDPageContentStream text = new PDPageContentStream(pdf, page)) {
            text.beginText();
            text.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 11);
            text.setLeading(16);
            text.newLineAtOffset(60, 770);
            for (String line : lines) {
                text.showText(line);
                text.newLine();
            }
            text.endText();
        }
    }

    /** A complaint e-mail (card, phone in the body) with a Word attachment (IBAN, SSN); addresses in headers. */
    static byte[] complaint() throws IOException {
        byte[] attachment = docx("Ines Valverde", "Ines Valverde", "Refund details", List.of(
                "Refund details for case 4471",
                "Please pay the refund of 18.99 GBP to my Dutch account:",
                "IBAN NL91 ABNA 0417 1643 00",
                "When I lived in the US my account there was opened with my Social Security number 536-90-4399; "
                        + "please delete it from your records."), new String[0][], List.of());
        String boundary = "=_sample_boundary_4471";
        StringBuilder mail = new StringBuilder();
        mail.append("From: Ines Valverde <ines.valverde@example.net>\r\n")
                .append("To: Complaints Team <complaints@example.co.uk>\r\n")
                .append("Cc: Rhys Penhaligon <r.penhaligon@example.com>\r\n")
                .append("Reply-To: Ines Valverde <ines.v@example.org>\r\n")
                .append("Subject: Complaint: refund not received (case 4471)\r\n")
                .append("Date: Wed, 20 Mar 2024 10:02:00 +0000\r\n")
                .append("Message-ID: <complaint-4471@example.net>\r\n")
                .append("MIME-Version: 1.0\r\n")
                .append("Content-Type: multipart/mixed; boundary=\"").append(boundary).append("\"\r\n")
                .append("\r\n")
                .append("--").append(boundary).append("\r\n")
                .append("Content-Type: text/plain; charset=UTF-8\r\n")
                .append("Content-Transfer-Encoding: 8bit\r\n")
                .append("\r\n")
                .append("Dear Complaints Team,\r\n")
                .append("\r\n")
                .append("I am still waiting for the refund of order PAY-0004. I paid with my card\r\n")
                .append("6011 1111 1111 1117 on 16 March and was promised the money within five days.\r\n")
                .append("My bank details are in the attached document. Please call me on 07400 123456.\r\n")
                .append("\r\n")
                .append("Ines Valverde\r\n")
                .append("\r\n")
                .append("--").append(boundary).append("\r\n")
                .append("Content-Type: application/vnd.openxmlformats-officedocument.wordprocessingml.document;")
                .append(" name=\"refund-details.docx\"\r\n")
                .append("Content-Disposition: attachment; filename=\"refund-details.docx\"\r\n")
                .append("Content-Transfer-Encoding: base64\r\n")
                .append("\r\n")
                .append(Base64.getMimeEncoder(76, "\r\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(attachment)).append("\r\n")
                .append("--").append(boundary).append("--\r\n");
        return mail.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** A zip of an HR folder: a CSV of leavers (e-mail, postcode, phone) and exit-interview notes (UTR, NHS). */
    static byte[] archive() throws IOException {
        byte[] leavers = ("employee,email,leaving_date,forwarding_postcode,phone\n"
                + "Rhys Penhaligon,r.penhaligon@example.com,2021-06-30,EC1A 1BB,0121 234 5678\n"
                + "Maya Okonkwo-Hart,maya.oh@example.org,2021-09-17,M1 1AE,07400 123456\n")
                .getBytes(StandardCharsets.UTF_8);
        byte[] notes = docx("Tomasz Whitfield", "Tomasz Whitfield", "Exit interview", List.of(
                "Exit interview: Rhys Penhaligon, 28 June 2021",
                "Rhys asked that his P45 show his Unique Taxpayer Reference (UTR) 22345 67890 correctly.",
                "He has asked occupational health to send his records, NHS number 999 000 0018, to his new GP.",
                "Reason for leaving: relocation to London."), new String[0][], List.of());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            entry(zip, "2021-hr/leavers.csv", leavers);
            entry(zip, "2021-hr/exit-interview.docx", notes);
        }
        return out.toByteArray();
    }

    /**
     * The same zip (an Office document) with every entry dated {@link #ZIP_TIME}, so that regenerating the samples
     * gives the same bytes.
     */
    private static byte[] fixedTimes(byte[] zip) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip));
                ZipOutputStream rewritten = new ZipOutputStream(out)) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                entry(rewritten, e.getName(), in.readAllBytes());
            }
        }
        return out.toByteArray();
    }

    private static void entry(ZipOutputStream zip, String name, byte[] content) throws IOException {
        ZipEntry entry = new ZipEntry(name);
        entry.setTime(ZIP_TIME);
        zip.putNextEntry(entry);
        zip.write(content);
        zip.closeEntry();
    }

    /** A Word document: paragraphs, then a two-column table (if any rows), then closing paragraphs. */
    private static byte[] docx(String author, String lastModifiedBy, String title, List<String> before,
            String[][] table, List<String> after) throws IOException {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            properties(doc.getProperties(), author, lastModifiedBy, title);
            for (String text : before) {
                doc.createParagraph().createRun().setText(text);
            }
            if (table.length > 0) {
                XWPFTable t = doc.createTable(table.length, 2);
                for (int r = 0; r < table.length; r++) {
                    t.getRow(r).getCell(0).setText(table[r][0]);
                    t.getRow(r).getCell(1).setText(table[r][1]);
                }
            }
            for (String text : after) {
                doc.createParagraph().createRun().setText(text);
            }
            doc.write(out);
            return fixedTimes(out.toByteArray());
        }
    }

    private static void properties(POIXMLProperties properties, String author, String lastModifiedBy, String title)
            throws IOException {
        POIXMLProperties.CoreProperties core = properties.getCoreProperties();
        core.setCreator(author);
        core.setLastModifiedByUser(lastModifiedBy);
        core.setTitle(title);
        try {
            core.setCreated(CREATED);
            core.setModified(MODIFIED);
        } catch (InvalidFormatException e) {
            throw new IOException(e);
        }
    }
}
