package org.piiscanner.scanner.extraction;

import java.io.IOException;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.tika.config.TikaConfig;
import org.apache.tika.detect.Detector;
import org.apache.tika.detect.EncodingDetector;
import org.apache.tika.extractor.EmbeddedDocumentExtractor;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MediaTypeRegistry;
import org.apache.tika.mime.MimeType;
import org.apache.tika.mime.MimeTypeException;
import org.apache.tika.mime.MimeTypes;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.CompositeParser;
import org.apache.tika.parser.EmptyParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.Parser;
import org.apache.tika.parser.csv.TextAndCSVParser;
import org.apache.tika.parser.microsoft.OfficeParserConfig;
import org.apache.tika.parser.ocr.TesseractOCRConfig;
import org.apache.tika.parser.pdf.PDFParserConfig;
import org.apache.tika.parser.pkg.CompressorParser;
import org.apache.tika.parser.pkg.PackageParser;
import org.apache.tika.parser.txt.TXTParser;

/**
 * Tika's configuration, detectors and parsers, loaded once per JVM on first use (about a second) and shared:
 * all of them are thread-safe. Also the scanner's choices about them: OCR off, deleted and moved Word content
 * included, which formats are plain text, archives or mailboxes.
 */
final class TikaRuntime {

    private static final class Holder {
        static final TikaRuntime INSTANCE = new TikaRuntime();
    }

    private static final Set<String> MAILBOXES = Set.of("application/mbox", "application/vnd.ms-outlook-pst");

    final Detector detector;
    final EncodingDetector encodingDetector;
    final MediaTypeRegistry registry;
    private final MimeTypes mimeTypes;
    private final CompositeParser parser;
    private final AutoDetectParser autoDetectParser;
    private final Map<MediaType, Parser> parsers;
    private final Set<MediaType> archives = new HashSet<>();
    private final PDFParserConfig pdf;
    private final OfficeParserConfig office;
    private final TesseractOCRConfig ocr;

    private TikaRuntime() {
        TikaConfig config = TikaConfig.getDefaultConfig();
        detector = config.getDetector();
        encodingDetector = config.getEncodingDetector();
        registry = config.getMediaTypeRegistry();
        mimeTypes = config.getMimeRepository();
        parser = (CompositeParser) config.getParser();
        autoDetectParser = new AutoDetectParser(config);
        ParseContext empty = new ParseContext();
        parsers = parser.getParsers(empty);
        archives.addAll(new PackageParser().getSupportedTypes(empty));
        archives.addAll(new CompressorParser().getSupportedTypes(empty));

        pdf = new PDFParserConfig();
        pdf.setOcrStrategy(PDFParserConfig.OCR_STRATEGY.NO_OCR);
        pdf.setExtractInlineImages(false);
        office = new OfficeParserConfig();
        office.setIncludeDeletedContent(true);
        office.setIncludeMoveFromContent(true);
        ocr = new TesseractOCRConfig();
        ocr.setSkipOcr(true);
    }

    static TikaRuntime get() {
        return Holder.INSTANCE;
    }

    /** A context for one file's parse, sending embedded documents to {@code embedded}. */
    ParseContext newContext(EmbeddedDocumentExtractor embedded) {
        ParseContext context = new ParseContext();
        context.set(EmbeddedDocumentExtractor.class, embedded);
        // Some parsers parse inline content (an e-mail's HTML body) with the context's parser.
        context.set(Parser.class, autoDetectParser);
        context.set(PDFParserConfig.class, pdf);
        context.set(OfficeParserConfig.class, office);
        context.set(TesseractOCRConfig.class, ocr);
        return context;
    }

    /** The parser for {@code type} or its nearest supertype, or {@code null} when there is none. */
    Parser parserFor(MediaType type) {
        for (MediaType t = type; t != null; t = registry.getSupertype(t)) {
            Parser p = parsers.get(t);
            if (p != null) {
                return p instanceof EmptyParser ? null : p;
            }
        }
        return null;
    }

    /** The parser that picks the format's parser from the metadata's content type. */
    Parser dispatcher() {
        return parser;
    }

    /** Whether Tika would read {@code type} as plain text (text, CSV, logs, markdown...). */
    static boolean isPlainText(Parser p) {
        return p instanceof TXTParser || p instanceof TextAndCSVParser;
    }

    /**
     * The type the document's name gives if that is a plain-text type (text, CSV, log...), else {@code null}.
     */
    MediaType plainTextByName(Metadata metadata) {
        String name = metadata.get(TikaCoreProperties.RESOURCE_NAME_KEY);
        if (name == null || name.indexOf('.') < 0) {
            return null;
        }
        Metadata byName = new Metadata();
        byName.set(TikaCoreProperties.RESOURCE_NAME_KEY, name);
        MediaType type;
        try {
            type = mimeTypes.detect(null, byName);
        } catch (IOException e) {
            return null; // without a stream, detection reads nothing
        }
        return isPlainText(parserFor(type)) ? type : null;
    }

    /** Whether {@code type} is a kind of plain text (some, like ISA-Tab, have no parser of their own). */
    boolean isText(MediaType type) {
        return registry.isSpecializationOf(type.getBaseType(), MediaType.TEXT_PLAIN);
    }

    boolean isArchive(MediaType type) {
        return archives.contains(type.getBaseType());
    }

    static boolean isMailbox(MediaType type) {
        return MAILBOXES.contains(type.getBaseType().toString());
    }

    static boolean isSpreadsheet(MediaType type) {
        String subtype = type.getSubtype();
        return subtype.contains("ms-excel") || subtype.contains("spreadsheet");
    }

    /** Formats whose content is not text: without text they are {@link SkipReason#NO_TEXT}, not scanned. */
    static boolean holdsNoText(MediaType type) {
        String top = type.getType();
        return top.equals("image") || top.equals("audio") || top.equals("video")
                || type.getBaseType().toString().equals("application/pdf");
    }

    /** A short name for {@code type} for messages: its acronym ({@code PDF}), extension ({@code DOCX}) or type. */
    String label(MediaType type) {
        try {
            MimeType mime = mimeTypes.forName(type.getBaseType().toString());
            if (!mime.getAcronym().isEmpty()) {
                return mime.getAcronym();
            }
            if (mime.getExtension().length() > 1) {
                return mime.getExtension().substring(1).toUpperCase(Locale.ROOT);
            }
        } catch (MimeTypeException e) {
            // fall through
        }
        return type.getBaseType().toString();
    }
}
