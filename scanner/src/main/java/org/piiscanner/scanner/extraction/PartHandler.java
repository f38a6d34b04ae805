package org.piiscanner.scanner.extraction;

import java.util.ArrayList;
import java.util.List;
import org.xml.sax.Attributes;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Collects the text of one document from Tika's XHTML events, as Tika's {@code BodyContentHandler} would (body
 * text and whitespace; not the head, scripts or styles), up to a character limit, and notes where pages, sheets
 * and slides start. Not thread-safe: one per document, used by the parser thread.
 *
 * <p>Tika marks PDF and XPS pages with {@code <div class="page">} and slides with
 * {@code <div class="slide-content">}; a spreadsheet's sheets are the top-level {@code <div>}s whose first
 * element is an {@code <h1>} with the sheet's name (whatever their class, which differs between xls, xlsx and
 * xlsb).
 */
final class PartHandler extends DefaultHandler {

    /** Thrown to stop a parse once the limit is reached, when nothing after it matters. */
    static final class LimitReached extends SAXException {
        private static final long serialVersionUID = 1L;

        LimitReached() {
            super("character limit reached");
        }

        @Override
        public synchronized Throwable fillInStackTrace() {
            return this;
        }
    }

    private static final int MAX_LABEL = 200;
    /** Element depth of a sheet's div: html (1), body (2), div (3). */
    private static final int SHEET_DEPTH = 3;

    private final ParseJob job;
    private final int maxChars;
    private final boolean stopAtLimit;
    private final boolean spreadsheet;
    private final StringBuilder text = new StringBuilder();
    private final List<Section> sections = new ArrayList<>();

    private int depth;
    private int headDepth = -1;
    private int skipDepth = -1;
    private int pages;
    private int slides;
    private int sheetStart = -1;
    private StringBuilder sheetName;
    private int sheetNameStart;
    private boolean truncated;
    private boolean stopped;

    /**
     * @param stopAtLimit stop the parse when the limit is reached (for formats without embedded documents,
     *     which would otherwise be parsed to the end for nothing)
     */
    PartHandler(ParseJob job, int maxChars, boolean stopAtLimit, boolean spreadsheet) {
        this.job = job;
        this.maxChars = maxChars;
        this.stopAtLimit = stopAtLimit;
        this.spreadsheet = spreadsheet;
    }

    @Override
    public void startElement(String uri, String localName, String qName, Attributes atts) throws SAXException {
        job.checkAbort();
        depth++;
        String name = localName.isEmpty() ? qName : localName;
        if (headDepth >= 0 || skipDepth >= 0) {
            return;
        }
        switch (name) {
            case "head" -> headDepth = depth;
            case "script", "style" -> skipDepth = depth;
            case "div" -> {
                sheetStart = -1;
                if (spreadsheet) {
                    if (depth == SHEET_DEPTH) {
                        sheetStart = text.length();
                    }
                } else {
                    String cls = atts.getValue("class");
                    if ("page".equals(cls)) {
                        section(Section.PAGE, Integer.toString(++pages), text.length());
                    } else if ("slide-content".equals(cls)) {
                        section(Section.SLIDE, Integer.toString(++slides), text.length());
                    }
                }
            }
            case "h1" -> {
                if (sheetStart >= 0 && depth == SHEET_DEPTH + 1) {
                    sheetName = new StringBuilder();
                    sheetNameStart = sheetStart;
                }
                sheetStart = -1;
            }
            default -> sheetStart = -1;
        }
    }

    @Override
    public void endElement(String uri, String localName, String qName) throws SAXException {
        job.checkAbort();
        if (depth == headDepth) {
            headDepth = -1;
        } else if (depth == skipDepth) {
            skipDepth = -1;
        } else if (sheetName != null && depth == SHEET_DEPTH + 1) {
            section(Section.SHEET, sheetName.toString().strip(), sheetNameStart);
            sheetName = null;
        }
        depth--;
    }

    @Override
    public void characters(char[] ch, int start, int length) throws SAXException {
        job.checkAbort();
        if (headDepth >= 0 || skipDepth >= 0) {
            return;
        }
        if (sheetName != null && sheetName.length() < MAX_LABEL) {
            sheetName.append(ch, start, Math.min(length, MAX_LABEL - sheetName.length()));
        }
        append(ch, start, length);
    }

    @Override
    public void ignorableWhitespace(char[] ch, int start, int length) throws SAXException {
        characters(ch, start, length);
    }

    private void append(char[] ch, int start, int length) throws SAXException {
        int room = maxChars - text.length();
        if (length <= room) {
            text.append(ch, start, length);
            return;
        }
        if (room > 0) {
            int n = room;
            if (Character.isHighSurrogate(ch[start + n - 1])) {
                n--;
            }
            text.append(ch, start, n);
        }
        truncated = true;
        if (stopAtLimit) {
            stopped = true;
            throw new LimitReached();
        }
    }

    private void section(String kind, String label, int start) {
        if (!truncated && (sections.isEmpty() || sections.get(sections.size() - 1).start() <= start)) {
            sections.add(new Section(kind, label, start));
        }
    }

    /** True when the text was cut at the limit. */
    boolean truncated() {
        return truncated;
    }

    /** True when this handler stopped the parse at the limit (the parser's exception is then expected). */
    boolean stopped() {
        return stopped;
    }

    /** True when some non-whitespace text was collected. */
    boolean hasText() {
        for (int i = 0; i < text.length(); i++) {
            if (!Character.isWhitespace(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    String text() {
        return text.toString();
    }

    List<Section> sections() {
        return sections;
    }
}
