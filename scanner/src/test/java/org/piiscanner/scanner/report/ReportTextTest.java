package org.piiscanner.scanner.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The small text helpers: HTML escaping, CSV records, words for readers, and where a location is listed. */
class ReportTextTest {

    @Test
    void htmlEscapingLeavesNoMarkupAndShowsInvisibleCharacters() {
        assertThat(Html.esc("<a href=\"x\" onclick='y'>&`</a>"))
                .isEqualTo("&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;&#96;&lt;/a&gt;");
        assertThat(Html.esc("invoice\u202Efdp.exe\u2066\u200F")).isEqualTo("invoice\\u202efdp.exe\\u2066\\u200f");
        assertThat(Html.esc("a\nb\u0000c\u0085\u2028")).isEqualTo("a\\u000ab\\u0000c\\u0085\\u2028");
        assertThat(Html.esc("naïve ✓ 😀")).isEqualTo("naïve ✓ 😀");
        assertThat(Html.esc("x\uD800y")).isEqualTo("x\\ud800y");
        assertThat(Html.esc(null)).isEmpty();
    }

    @Test
    void csvRecordsAreQuotedAndFormulasNeutralised() {
        assertThat(CsvReport.line(List.of("a", 1L, true), true)).isEqualTo("a,1,true\r\n");
        assertThat(CsvReport.line(Arrays.asList("x,y", "say \"hi\"", "two\nlines", null, ""), true))
                .isEqualTo("\"x,y\",\"say \"\"hi\"\"\",\"two\nlines\",,\r\n");
        assertThat(CsvReport.line(List.of("=1+1", "+44 20", "-x", "@SUM(A1)", "\tcmd", "a=b"), true))
                .isEqualTo("'=1+1,'+44 20,'-x,'@SUM(A1),'\tcmd,a=b\r\n");
        assertThat(CsvReport.line(List.of(-1L), true)).as("numbers are ours").isEqualTo("-1\r\n");
        assertThat(CsvReport.line(List.of("=header"), false)).isEqualTo("=header\r\n");
    }

    @Test
    void wordsForReaders() {
        assertThat(Labels.entityType("UK_NINO")).isEqualTo("National Insurance number");
        assertThat(Labels.entityType("EMPLOYEE_ID")).isEqualTo("Employee id");
        assertThat(Labels.skipReason("ENCRYPTED")).isEqualTo("encrypted or password-protected");
        assertThat(Labels.skipReason("ROW_LIMIT_REACHED")).as("a reason added by a scanner").isEqualTo(
                "row limit reached");
        assertThat(Labels.age(0)).isEqualTo("0 days");
        assertThat(Labels.age(1)).isEqualTo("1 day");
        assertThat(Labels.age(60)).isEqualTo("60 days");
        assertThat(Labels.age(81)).isEqualTo("3 months");
        assertThat(Labels.age(700)).isEqualTo("23 months");
        assertThat(Labels.age(1046)).isEqualTo("2 years 10 months");
        assertThat(Labels.age(3653)).isEqualTo("10 years");
        assertThat(Labels.age(3684)).isEqualTo("10 years 1 month");
        assertThat(Labels.date(Instant.parse("2026-09-01T23:30:00Z"))).isEqualTo("1 Sept 2026");
        assertThat(Labels.dateTime(Instant.parse("2026-11-20T09:30:00Z"))).isEqualTo("20 Nov 2026, 09:30 UTC");
        assertThat(Labels.iso(Instant.parse("2026-11-20T09:30:00.123456Z"))).isEqualTo("2026-11-20T09:30:00Z");
        assertThat(Labels.count(1234567)).isEqualTo("1,234,567");
    }

    @Test
    void locationsAreListedUnderTheFolderOfTheirTopLevelFileOrTheSchemaOfTheirTable() {
        assertThat(ReportBuilder.root("hr/2021.zip!/letters/offer.docx", 1)).isEqualTo("hr/2021.zip");
        assertThat(ReportBuilder.root("a.zip!/b.zip!/c.txt", 2)).isEqualTo("a.zip");
        assertThat(ReportBuilder.root("odd!/dir/a.zip!/c.txt", 1)).as("'!/' in a folder name").isEqualTo(
                "odd!/dir/a.zip");
        assertThat(ReportBuilder.root("plain.txt", 0)).isEqualTo("plain.txt");
        assertThat(ReportBuilder.folder("hr/payroll/2019.xlsx")).isEqualTo("hr/payroll");
        assertThat(ReportBuilder.folder("top.txt")).isEmpty();
        assertThat(ReportBuilder.schema("hr.people")).isEqualTo("hr");
        assertThat(ReportBuilder.schema("people")).isEmpty();
        assertThat(ConfidenceBand.of(0.85)).isEqualTo(ConfidenceBand.HIGH);
        assertThat(ConfidenceBand.of(0.8499)).isEqualTo(ConfidenceBand.MEDIUM);
        assertThat(ConfidenceBand.of(0.6)).isEqualTo(ConfidenceBand.MEDIUM);
        assertThat(ConfidenceBand.of(0.5999)).isEqualTo(ConfidenceBand.LOW);
    }
}
