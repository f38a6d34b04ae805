package org.piiscanner.scanner.extraction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Tika extractor on real documents: Apache Tika's own test files (see {@code extraction/NOTICE}) and files
 * written here. Every test states the exact parts a user (or the file-scan job) gets.
 */
class TikaTextExtractorTest {

    private static final TikaTextExtractor EXTRACTOR = new TikaTextExtractor(ExtractionLimits.DEFAULTS);

    @TempDir
    Path dir;

    /** A test document from {@code src/test/resources/extraction}. */
    static Path resource(String name) {
        try {
            return Path.of(TikaTextExtractorTest.class.getResource("/extraction/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<ExtractedPart> extract(TikaTextExtractor extractor, DocumentSource source) {
        List<ExtractedPart> parts = new ArrayList<>();
        try {
            extractor.extract(source, parts::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return parts;
    }

    static List<ExtractedPart> extract(String name) {
        return extract(EXTRACTOR, DocumentSource.ofFile(name, resource(name)));
    }

    /** Each part as {@code path: text} or {@code path: REASON (detail)}. */
    static List<String> outline(List<ExtractedPart> parts) {
        return parts.stream().map(p -> p.path() + ": " + switch (p.extraction()) {
            case Extraction.Text t -> "text";
            case Extraction.Skipped s -> s.reason() + " (" + s.detail() + ")";
        }).toList();
    }

    static Extraction.Text text(List<ExtractedPart> parts, String path) {
        return parts.stream().filter(p -> p.path().equals(path)).map(p -> (Extraction.Text) p.extraction())
                .findFirst().orElseThrow(() -> new AssertionError("no part " + path + " in " + outline(parts)));
    }

    // ------------------------------------------------------------------ documents and their parts

    @Test
    void aWordDocumentIsOnePartAndItsAuthorsAMetadataPart() {
        List<ExtractedPart> parts = extract("testWORD.docx");

        assertThat(outline(parts)).containsExactly("testWORD.docx: text", "testWORD.docx#metadata: text");
        Extraction.Text doc = text(parts, "testWORD.docx");
        assertThat(doc.text()).contains("This is a sample Microsoft Word Document.");
        assertThat(doc.metadata()).containsEntry(Extraction.CONTENT_TYPE,
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        assertThat(doc.sections()).isEmpty();
        assertThat(text(parts, "testWORD.docx#metadata").text())
                .isEqualTo("Author: Keith Bennett\nLast-Modified-By: Nick Burch\n");
        assertThat(parts.get(1).isMetadata()).isTrue();
        assertThat(parts.get(0).isMetadata()).isFalse();
    }

    @Test
    void documentsEmbeddedInAWordDocumentComeFirstEachWithItsOwnText() {
        List<ExtractedPart> parts = extract("EmbeddedDocument.docx");

        assertThat(outline(parts)).containsExactly(
                "EmbeddedDocument.docx!/image1.emf: text",
                "EmbeddedDocument.docx!/Microsoft_Office_Excel_97-2003_Worksheet1.bin: text",
                "EmbeddedDocument.docx!/Microsoft_Office_Excel_97-2003_Worksheet1.bin#metadata: text",
                "EmbeddedDocument.docx: text",
                "EmbeddedDocument.docx#metadata: text");
        assertThat(text(parts, "EmbeddedDocument.docx!/image1.emf").text().strip()).isEqualTo("1 2 3 4");
        Extraction.Text sheet = text(parts, "EmbeddedDocument.docx!/Microsoft_Office_Excel_97-2003_Worksheet1.bin");
        assertThat(sheet.sections()).extracting(Section::label).containsExactly("Sheet1", "Sheet2", "Sheet3");
        assertThat(sheet.text()).doesNotContain("Let me see what happens");
        assertThat(text(parts, "EmbeddedDocument.docx").text().strip())
                .isEqualTo("Let me see what happens if I insert a worksheet.");
        assertThat(parts.get(0).isEmbedded()).isTrue();
        assertThat(parts.get(3).isEmbedded()).isFalse();
    }

    @Test
    void spreadsheetSheetsAreSectionsNamedAfterTheSheet() {
        Extraction.Text xlsx = text(extract("testEXCEL.xlsx"), "testEXCEL.xlsx");

        assertThat(xlsx.sections()).containsExactly(new Section(Section.SHEET, "Feuil1", 2),
                new Section(Section.SHEET, "Feuil2", 261), new Section(Section.SHEET, "Feuil3", 270));
        assertThat(xlsx.text().substring(2, 261)).startsWith("Feuil1\n")
                .contains("Sample Excel Worksheet - Numbers and their Squares");
        assertThat(xlsx.text().substring(261)).startsWith("Feuil2\n");
    }

    @Test
    void pdfPagesAreSections() {
        Extraction.Text pdf = text(extract("testPDF_bookmarks.pdf"), "testPDF_bookmarks.pdf");

        assertThat(pdf.sections()).containsExactly(new Section(Section.PAGE, "1", 2), new Section(Section.PAGE, "2", 33));
        assertThat(pdf.text().substring(2, 33)).contains("This is a page about France").doesNotContain("Denmark");
        assertThat(pdf.text().substring(33)).contains("This is a page about Denmark");
        assertThat(pdf.metadata()).containsEntry(Extraction.CONTENT_TYPE, "application/pdf")
                .containsEntry("xmpTPg:NPages", "2");
    }

    @Test
    void presentationSlidesAreSectionsAndThumbnailsAreNotParts() {
        List<ExtractedPart> parts = extract("testPPT.pptx");

        assertThat(outline(parts)).containsExactly("testPPT.pptx: text", "testPPT.pptx#metadata: text");
        Extraction.Text pptx = text(parts, "testPPT.pptx");
        assertThat(pptx.sections()).extracting(Section::kind, Section::label)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("slide", "1"),
                        org.assertj.core.groups.Tuple.tuple("slide", "2"),
                        org.assertj.core.groups.Tuple.tuple("slide", "3"));
        int second = pptx.sections().get(1).start();
        assertThat(pptx.text().substring(pptx.sections().get(0).start(), second)).contains("Attachment Test");
        assertThat(text(parts, "testPPT.pptx#metadata").text()).isEqualTo("Author: Rajiv\n");
    }

    @Test
    void anEmailsAttachmentsArePartsAndItsAddressesAMetadataPart() {
        List<ExtractedPart> parts = extract("testRFC822_multipart_attachments.eml");

        assertThat(outline(parts)).containsExactly(
                "testRFC822_multipart_attachments.eml!/Test TxtA.txt: text",
                "testRFC822_multipart_attachments.eml!/Test TxtB.txt: text",
                "testRFC822_multipart_attachments.eml: text",
                "testRFC822_multipart_attachments.eml#metadata: text");
        assertThat(text(parts, "testRFC822_multipart_attachments.eml!/Test TxtA.txt").text())
                .isEqualTo("This is Test TXTA File for parser");
        assertThat(text(parts, "testRFC822_multipart_attachments.eml").text())
                .contains("This is the html body of the main msg.").doesNotContain("TXTA");
        // To is the same address as From: each address is reported once.
        assertThat(text(parts, "testRFC822_multipart_attachments.eml#metadata").text())
                .isEqualTo("From: Bugs Bunny <Bugs.Bunny@acme.com>\n");
    }

    @Test
    void everyAddressHeaderIsALineOfTheMetadataPart() {
        Path sample = Path.of("../samples/mail/complaint.eml");
        List<ExtractedPart> parts = extract(EXTRACTOR, DocumentSource.ofFile("complaint.eml", sample));

        assertThat(outline(parts)).containsExactly("complaint.eml!/refund-details.docx: text",
                "complaint.eml!/refund-details.docx#metadata: text", "complaint.eml: text",
                "complaint.eml#metadata: text");
        assertThat(text(parts, "complaint.eml#metadata").text()).isEqualTo("""
                From: Ines Valverde <ines.valverde@example.net>
                To: Complaints Team <complaints@example.co.uk>
                Cc: Rhys Penhaligon <r.penhaligon@example.com>
                Reply-To: Ines Valverde <ines.v@example.org>
                """);
        // the document's metadata holds no personal value: only its type and dates
        assertThat(text(parts, "complaint.eml").metadata()).containsOnlyKeys(Extraction.CONTENT_TYPE,
                "dcterms:created");
    }

    @Test
    void anOutlookMessagesSenderAndRecipientsAreAMetadataPart() {
        List<ExtractedPart> parts = extract("testMSG.msg");

        assertThat(outline(parts)).containsExactly("testMSG.msg: text", "testMSG.msg#metadata: text");
        assertThat(text(parts, "testMSG.msg").text()).contains("As discussed, I've been working on");
        assertThat(text(parts, "testMSG.msg#metadata").text())
                .isEqualTo("From: Jukka Zitting\nFrom: jukka.zitting@gmail.com\nTo: tika-dev@lucene.apache.org\n");
    }

    @Test
    void mailboxMessagesAreNumberedNotNamedAfterTheirSubject() {
        List<ExtractedPart> parts = extract("complex.mbox");

        assertThat(outline(parts)).containsExactly(
                "complex.mbox!/message-1.eml: text", "complex.mbox!/message-1.eml#metadata: text",
                "complex.mbox!/message-2.eml: text", "complex.mbox!/message-2.eml#metadata: text",
                "complex.mbox!/message-3.eml: text", "complex.mbox!/message-3.eml#metadata: text",
                "complex.mbox: text");
        assertThat(text(parts, "complex.mbox!/message-2.eml#metadata").text())
                .isEqualTo("From: Jianmin Woo <jianmin_woo@yahoo.com>\nTo: core-user@hadoop.apache.org\n");
    }

    @Test
    void outlookStoreMessagesAreReadFromTheStoreNotFromBytes() {
        // Tika hands PST messages over as objects with no bytes of their own: they must not pass for empty files
        List<ExtractedPart> parts = extract("testPST_variousBodyTypes.pst");

        assertThat(outline(parts)).containsExactly(
                "testPST_variousBodyTypes.pst!/message-1.msg: text",
                "testPST_variousBodyTypes.pst!/message-1.msg#metadata: text",
                "testPST_variousBodyTypes.pst!/message-2.msg: text",
                "testPST_variousBodyTypes.pst!/message-2.msg#metadata: text",
                "testPST_variousBodyTypes.pst!/message-3.msg: text",
                "testPST_variousBodyTypes.pst!/message-3.msg#metadata: text",
                "testPST_variousBodyTypes.pst!/message-4.msg: text",
                "testPST_variousBodyTypes.pst!/message-4.msg#metadata: text",
                "testPST_variousBodyTypes.pst: text");
        assertThat(text(parts, "testPST_variousBodyTypes.pst!/message-1.msg").text().strip())
                .isEqualTo("This is the original email (html)");
        assertThat(text(parts, "testPST_variousBodyTypes.pst!/message-2.msg").text())
                .contains("To: Allison, Timothy B. <tallison@mitre.org>");
        assertThat(text(parts, "testPST_variousBodyTypes.pst!/message-1.msg#metadata").text())
                .startsWith("From: Allison, Timothy B.\n");
    }

    @Test
    void archivesAndNestedArchivesGiveOnePartPerEntryWithItsPath() {
        List<ExtractedPart> zip = extract("testEmbedded.zip");
        assertThat(outline(zip)).containsExactly("testEmbedded.zip!/test1.txt: text",
                "testEmbedded.zip!/test2.txt: text", "testEmbedded.zip: text");
        assertThat(text(zip, "testEmbedded.zip!/test1.txt").text()).isEqualTo("Test 1 text.\n");

        assertThat(outline(extract("test-zip-of-zip.zip"))).containsExactly(
                "test-zip-of-zip.zip!/html-within-zip.zip!/text.html: text",
                "test-zip-of-zip.zip!/html-within-zip.zip: text",
                "test-zip-of-zip.zip: text");

        List<ExtractedPart> tar = extract("test-nested-tarball.tar");
        String txt = "test-nested-tarball.tar!/folderContainingTgz/inner/nested.tgz!/nested.tar!/folderWithinTgz/testTXT.txt";
        assertThat(outline(tar)).containsExactly(txt + ": text",
                "test-nested-tarball.tar!/folderContainingTgz/inner/nested.tgz!/nested.tar: text",
                "test-nested-tarball.tar!/folderContainingTgz/inner/nested.tgz: text",
                "test-nested-tarball.tar: text");
        assertThat(text(tar, txt).text()).isEqualTo("Test d'indexation de Txt\r\nhttp://www.apache.org\r\n");
    }

    @Test
    void anImageHasNoExtractableText() {
        assertThat(outline(extract("testJPEG.jpg"))).containsExactly("testJPEG.jpg: NO_TEXT (JPEG)");
    }

    // ------------------------------------------------------------------ what cannot be read

    @Test
    void encryptedDocumentsAndArchiveEntriesAreSkippedAsEncrypted() {
        assertThat(outline(extract("testWORD_protected_passtika.docx")))
                .containsExactly("testWORD_protected_passtika.docx: ENCRYPTED (DOCX)");
        assertThat(outline(extract("testPassword4Spaces.pdf")))
                .containsExactly("testPassword4Spaces.pdf: ENCRYPTED (PDF)");
        assertThat(outline(extract("testZipEncrypted.zip"))).containsExactly(
                "testZipEncrypted.zip!/unencrypted.txt: text",
                "testZipEncrypted.zip!/encrypted.txt: ENCRYPTED (ZIP entry)",
                "testZipEncrypted.zip: text");
    }

    @Test
    void selfContainingArchivesAreBombsAndSkippedWhole() {
        assertThat(outline(extract("quine.gz"))).containsExactly(
                "quine.gz!/quine.gz: ARCHIVE_BOMB (contains a copy of itself)",
                "quine.gz: ARCHIVE_BOMB (contains a copy of itself)");
        assertThat(outline(extract("droste.zip"))).containsExactly(
                "droste.zip!/droste.jpg: NO_TEXT (JPEG)",
                "droste.zip!/droste.zip: ARCHIVE_BOMB (contains a copy of itself)",
                "droste.zip: ARCHIVE_BOMB (contains a copy of itself)");
    }

    @Test
    void corruptAndTruncatedFilesAreParseErrors() {
        // Its directory is broken and its one entry claims 4 GB: no entry can be read.
        assertThat(outline(extract("testZIP_corrupted_oom.zip")))
                .containsExactly("testZIP_corrupted_oom.zip: PARSE_ERROR (ZIP: corrupt, its directory lists no entry)");
        assertThat(outline(extract("testWORD_truncated.docx")))
                .containsExactly("testWORD_truncated.docx: PARSE_ERROR (DOCX: TikaException)");
    }

    @Test
    void contentThatIsNeitherAFormatNorTextIsBinary() throws IOException {
        Path bin = dir.resolve("blob.dat");
        Files.write(bin, new byte[] {'A', 'B', '1', 0, 'x', 7, 0, 0, 1});

        assertThat(outline(extract(EXTRACTOR, DocumentSource.ofFile("blob.dat", bin))))
                .containsExactly("blob.dat: BINARY (NUL byte in the first 8 KB)");
    }

    // ------------------------------------------------------------------ plain text

    @Test
    void plainTextKeepsEveryCharacterWhereItIsInItsDetectedEncoding() throws IOException {
        Path latin = dir.resolve("letter.txt");
        String content = "Caf\u00e9 cr\u00e8me, r\u00e9sum\u00e9 and na\u00efve fa\u00e7ade.\r\nNI number AB123456C\r\n";
        Files.write(latin, content.getBytes(StandardCharsets.ISO_8859_1));
        Path utf8 = dir.resolve("bom.csv");
        Files.write(utf8, ("\uFEFFname,email\nA,a@example.com\n").getBytes(StandardCharsets.UTF_8));

        Extraction.Text latinText = text(extract(EXTRACTOR, DocumentSource.ofFile("letter.txt", latin)), "letter.txt");
        Extraction.Text csv = text(extract(EXTRACTOR, DocumentSource.ofFile("bom.csv", utf8)), "bom.csv");

        assertThat(latinText.text()).isEqualTo(content);
        assertThat(latinText.metadata().get(Extraction.CONTENT_TYPE)).startsWith("text/plain; charset=");
        assertThat(csv.text()).isEqualTo("name,email\nA,a@example.com\n");
        assertThat(csv.metadata()).containsEntry(Extraction.CONTENT_TYPE, "text/csv; charset=UTF-8");
    }

    @Test
    void aTextFileThatLooksLikeAnEmailIsReadAsTheTextItIs() throws IOException {
        Path mail = dir.resolve("thread.txt");
        String content = "From: Ann <ann@example.org>\nTo: Bob <bob@example.org>\nSubject: hi\n\nNI AB123456C\n";
        Files.writeString(mail, content);

        assertThat(extract(EXTRACTOR, DocumentSource.ofFile("thread.txt", mail)))
                .extracting(p -> ((Extraction.Text) p.extraction()).text()).containsExactly(content);
    }

    @Test
    void invalidBytesAreReplacedAndSaid() throws IOException {
        Path broken = dir.resolve("broken.txt");
        byte[] bytes = "Caf\u00e9 cr\u00e8me for na\u00efve Zo\u00eb, UTF-8 with one bad byte: "
                .getBytes(StandardCharsets.UTF_8);
        byte[] withBad = java.util.Arrays.copyOf(bytes, bytes.length + 2);
        withBad[bytes.length] = (byte) 0xC3;
        withBad[bytes.length + 1] = '!';
        Files.write(broken, withBad);

        Extraction.Text t = text(extract(EXTRACTOR, DocumentSource.ofFile("broken.txt", broken)), "broken.txt");

        assertThat(t.text()).endsWith("bad byte: \uFFFD!");
        assertThat(t.metadata()).containsEntry(Extraction.MALFORMED_INPUT_REPLACED, "true")
                .containsEntry(Extraction.CONTENT_TYPE, "text/plain; charset=UTF-8");
    }

    @Test
    void anEmptyFileIsEmptyText() throws IOException {
        Path empty = Files.createFile(dir.resolve("empty.docx"));

        assertThat(extract(EXTRACTOR, DocumentSource.ofFile("empty.docx", empty)))
                .extracting(p -> ((Extraction.Text) p.extraction()).text()).containsExactly("");
    }

    @Test
    void aStreamIsReadLikeAFile() throws IOException {
        try (InputStream in = Files.newInputStream(resource("testEmbedded.zip"))) {
            assertThat(outline(extract(EXTRACTOR, DocumentSource.ofStream("-", in)))).containsExactly(
                    "-!/test1.txt: text", "-!/test2.txt: text", "-: text");
        }
    }

    // ------------------------------------------------------------------ limits

    @Test
    void aFileOverTheSizeLimitIsSkippedUnopenedAndAStreamWhenItPassesIt() {
        TikaTextExtractor small = new TikaTextExtractor(ExtractionLimits.DEFAULTS.withMaxFileSize(300));

        assertThat(outline(extract(small, DocumentSource.ofFile("zip", resource("testEmbedded.zip")))))
                .containsExactly("zip: TOO_LARGE (300 bytes)");
        byte[] big = "word ".repeat(200).getBytes(StandardCharsets.UTF_8);
        assertThat(outline(extract(small, DocumentSource.ofStream("-", new ByteArrayInputStream(big)))))
                .containsExactly("-: TOO_LARGE (300 bytes)");
    }

    @Test
    void textPastTheCharacterLimitIsCutAndSaid() throws IOException {
        TikaTextExtractor limited = new TikaTextExtractor(ExtractionLimits.DEFAULTS.withMaxChars(20));
        Path file = dir.resolve("long.txt");
        Files.writeString(file, "0123456789".repeat(10));

        Extraction.Text plain = text(extract(limited, DocumentSource.ofFile("long.txt", file)), "long.txt");
        Extraction.Text pdf = text(extract(limited, DocumentSource.ofFile("p.pdf", resource("testPDF_bookmarks.pdf"))),
                "p.pdf");

        assertThat(plain.text()).isEqualTo("01234567890123456789");
        assertThat(plain.metadata()).containsEntry(Extraction.TRUNCATED, "20");
        assertThat(pdf.text()).hasSize(20);
        assertThat(pdf.metadata()).containsEntry(Extraction.TRUNCATED, "20");
        assertThat(pdf.sections()).containsExactly(new Section(Section.PAGE, "1", 2));
    }

    @Test
    void documentsNestedTooDeeplyAreSkippedUnopened() {
        TikaTextExtractor shallow = new TikaTextExtractor(ExtractionLimits.DEFAULTS.withMaxDepth(1));

        assertThat(outline(extract(shallow, DocumentSource.ofFile("z.zip", resource("test-zip-of-zip.zip")))))
                .containsExactly("z.zip!/html-within-zip.zip!/text.html: NESTING_TOO_DEEP (more than 1 levels)",
                        "z.zip!/html-within-zip.zip: text", "z.zip: text");
    }

    @Test
    void tooManyEmbeddedDocumentsMakeABomb() {
        TikaTextExtractor few = new TikaTextExtractor(ExtractionLimits.DEFAULTS.withMaxEmbedded(1));

        assertThat(outline(extract(few, DocumentSource.ofFile("z.zip", resource("testEmbedded.zip")))))
                .containsExactly("z.zip!/test1.txt: text", "z.zip: ARCHIVE_BOMB (more than 1 embedded documents)");
    }

    @Test
    void anArchiveExpandingPastTheLimitIsABombAndReadingStopsThere() throws IOException {
        Path bomb = nestedZipOfZeros(dir.resolve("bomb.zip"), 8 << 20);
        TikaTextExtractor limited = new TikaTextExtractor(ExtractionLimits.DEFAULTS.withMaxExpandedBytes(1 << 20));

        assertThat(outline(extract(limited, DocumentSource.ofFile("bomb.zip", bomb)))).containsExactly(
                "bomb.zip!/inner.zip: ARCHIVE_BOMB (expands to more than 1 MB)",
                "bomb.zip: ARCHIVE_BOMB (expands to more than 1 MB)");
    }

    @Test
    void anArchiveExpandingToAHundredTimesItsSizeIsABomb() throws IOException {
        Path bomb = nestedZipOfZeros(dir.resolve("bomb.zip"), 24 << 20);
        assertThat(Files.size(bomb)).isLessThan(100_000);

        assertThat(outline(extract(EXTRACTOR, DocumentSource.ofFile("bomb.zip", bomb)))).containsExactly(
                "bomb.zip!/inner.zip: ARCHIVE_BOMB (expands to more than 100 times its size)",
                "bomb.zip: ARCHIVE_BOMB (expands to more than 100 times its size)");
    }

    /** A zip holding {@code inner.zip}, which stores (uncompressed) {@code zeros} zero bytes. */
    private static Path nestedZipOfZeros(Path file, int zeros) throws IOException {
        try (ZipOutputStream outer = new ZipOutputStream(Files.newOutputStream(file))) {
            outer.setLevel(9);
            outer.putNextEntry(new ZipEntry("inner.zip"));
            ZipOutputStream inner = new ZipOutputStream(nonClosing(outer));
            ZipEntry stored = new ZipEntry("zeros.bin");
            stored.setMethod(ZipEntry.STORED);
            stored.setSize(zeros);
            CRC32 crc = new CRC32();
            byte[] block = new byte[1 << 16];
            for (int i = 0; i < zeros; i += block.length) {
                crc.update(block);
            }
            stored.setCrc(crc.getValue());
            inner.putNextEntry(stored);
            for (int i = 0; i < zeros; i += block.length) {
                inner.write(block);
            }
            inner.closeEntry();
            inner.finish();
            outer.closeEntry();
        }
        return file;
    }

    private static OutputStream nonClosing(OutputStream out) {
        return new java.io.FilterOutputStream(out) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() {
            }
        };
    }

    @Test
    void aParserOverTheTimeLimitIsAbandonedAndTheFileSkipped() throws Exception {
        TikaTextExtractor quick = new TikaTextExtractor(ExtractionLimits.DEFAULTS.withTimeout(Duration.ofMillis(300)));
        CountDownLatch never = new CountDownLatch(1);

        long start = System.nanoTime();
        List<ExtractedPart> parts = extract(quick, DocumentSource.ofStream("stalled.txt",
                new StalledStream("Dear Ann, ".getBytes(StandardCharsets.UTF_8), never, false)));

        assertThat(outline(parts)).containsExactly("stalled.txt: TIMEOUT (over 300 ms of parsing)");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        // The stalled read was interrupted: the parser thread is gone, nothing stays stuck.
        awaitNoStuckParsers(quick);
    }

    @Test
    void aRealParserOverTheTimeLimitIsStoppedAndEveryOpenDocumentSkipped() throws Exception {
        TikaTextExtractor hasty = new TikaTextExtractor(ExtractionLimits.DEFAULTS.withTimeout(Duration.ofMillis(1)));

        List<ExtractedPart> parts = extract(hasty, DocumentSource.ofFile("e.docx", resource("EmbeddedDocument.docx")));

        // wherever the parser was when time ran out, the file itself is skipped last (its type may be unknown yet)
        assertThat(parts).isNotEmpty().last().satisfies(p -> {
            assertThat(p.path()).isEqualTo("e.docx");
            assertThat(p.extraction()).isInstanceOfSatisfying(Extraction.Skipped.class, s -> {
                assertThat(s.reason()).isEqualTo(SkipReason.TIMEOUT);
                assertThat(s.detail()).isEqualTo("over 1 ms of parsing");
            });
        });
        awaitNoStuckParsers(hasty);
    }

    @Test
    void parsersThatIgnoreTheTimeLimitAreCountedAndPastTheLimitNoMoreWorkIsTaken() throws Exception {
        TikaTextExtractor quick = new TikaTextExtractor(ExtractionLimits.DEFAULTS.withTimeout(Duration.ofMillis(200))
                .withMaxStuckParsers(1));
        CountDownLatch release = new CountDownLatch(1);

        assertThat(outline(extract(quick, DocumentSource.ofStream("hung.txt",
                new StalledStream(new byte[0], release, true))))).containsExactly(
                        "hung.txt: TIMEOUT (over 200 ms of parsing)");
        assertThat(quick.stuckParsers()).isEqualTo(1);
        assertThatThrownBy(() -> quick.extract(DocumentSource.ofFile("z", resource("testEmbedded.zip")), p -> { }))
                .isInstanceOf(ExtractionUnavailableException.class)
                .hasMessage("1 parser threads are stuck in documents that exceeded the time limit; restart to "
                        + "reclaim them");

        release.countDown();
        awaitNoStuckParsers(quick);
        assertThat(outline(extract(quick, DocumentSource.ofFile("z", resource("testEmbedded.zip"))))).hasSize(3);
    }

    @Test
    void aFailingSinkAbandonsTheParseAndItsExceptionPropagates() throws InterruptedException {
        TikaTextExtractor extractor = new TikaTextExtractor(ExtractionLimits.DEFAULTS);
        IllegalStateException boom = new IllegalStateException("sink failed");

        assertThatThrownBy(() -> extractor.extract(DocumentSource.ofFile("z", resource("testEmbedded.zip")), p -> {
            throw boom;
        })).isSameAs(boom);
        awaitNoStuckParsers(extractor);
    }

    @Test
    void aMissingFileOrADirectoryIsAnIoExceptionBeforeAnyPart() throws IOException {
        List<ExtractedPart> parts = new ArrayList<>();

        assertThatThrownBy(() -> EXTRACTOR.extract(DocumentSource.ofFile("gone.docx", dir.resolve("gone.docx")),
                parts::add)).isInstanceOf(NoSuchFileException.class);
        Path sub = Files.createDirectory(dir.resolve("sub"));
        assertThatThrownBy(() -> EXTRACTOR.extract(DocumentSource.ofFile("sub", sub), parts::add))
                .isInstanceOf(FileSystemException.class).hasMessageEndingWith("Is a directory");
        assertThat(parts).isEmpty();
    }

    @Test
    void limitsMustBePositive() {
        assertThatThrownBy(() -> ExtractionLimits.DEFAULTS.withMaxChars(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("maxChars must be positive, got 0");
        assertThatThrownBy(() -> ExtractionLimits.DEFAULTS.withTimeout(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static void awaitNoStuckParsers(TikaTextExtractor extractor) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (extractor.stuckParsers() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(extractor.stuckParsers()).isZero();
    }

    /**
     * A source that delivers {@code head} and then stalls until {@code release} (a network share that stops
     * answering). With {@code ignoreInterrupts} it keeps waiting when interrupted, like a parser stuck in a
     * loop; otherwise an interrupt ends the read with an exception, as blocking I/O does.
     */
    private static final class StalledStream extends InputStream {
        private final byte[] head;
        private final CountDownLatch release;
        private final boolean ignoreInterrupts;
        private int pos;

        StalledStream(byte[] head, CountDownLatch release, boolean ignoreInterrupts) {
            this.head = head;
            this.release = release;
            this.ignoreInterrupts = ignoreInterrupts;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (pos < head.length) {
                int n = Math.min(len, head.length - pos);
                System.arraycopy(head, pos, b, off, n);
                pos += n;
                return n;
            }
            while (true) {
                try {
                    release.await();
                    return -1;
                } catch (InterruptedException e) {
                    if (!ignoreInterrupts) {
                        throw new java.io.InterruptedIOException("interrupted");
                    }
                }
            }
        }
    }

    static Map<String, String> metadataOf(List<ExtractedPart> parts, String path) {
        return text(parts, path).metadata();
    }
}
