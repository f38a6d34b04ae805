package org.piiscanner.scanner;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.ConsoleAppender;
import org.apache.commons.logging.LogFactory;
import org.apache.logging.log4j.LogManager;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Tika and the format libraries under it log through slf4j to logback, on standard error only: Tika from WARN,
 * POI (log4j-api) and PDFBox (commons-logging) from ERROR (see {@code logback.xml}).
 */
class LoggingConfigurationTest {

    @Test
    void everyAppenderWritesToStandardError() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        ch.qos.logback.classic.Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);

        assertThat(root.iteratorForAppenders()).toIterable().isNotEmpty().allSatisfy(appender ->
                assertThat(appender).isInstanceOfSatisfying(ConsoleAppender.class,
                        console -> assertThat(console.getTarget()).isEqualTo("System.err")));
    }

    @Test
    void tikaWarnsAndTheFormatLibrariesOnlyReportErrorsWhateverApiTheyLogWith() {
        assertThat(LoggerFactory.getLogger("org.apache.tika.parser.pdf.PDFParser").isWarnEnabled()).isTrue();
        assertThat(LoggerFactory.getLogger("org.apache.tika.parser.pdf.PDFParser").isInfoEnabled()).isFalse();

        // POI logs with log4j-api, routed to slf4j by log4j-to-slf4j
        org.apache.logging.log4j.Logger poi = LogManager.getLogger("org.apache.poi.hslf.record.Record");
        assertThat(poi.getClass().getName()).startsWith("org.apache.logging.slf4j");
        assertThat(poi.isWarnEnabled()).isFalse();
        assertThat(poi.isErrorEnabled()).isTrue();

        // PDFBox logs with commons-logging 1.3, which finds slf4j by itself
        org.apache.commons.logging.Log pdfbox = LogFactory.getLog("org.apache.pdfbox.pdfparser.COSParser");
        assertThat(pdfbox.isWarnEnabled()).isFalse();
        assertThat(pdfbox.isErrorEnabled()).isTrue();
    }
}
