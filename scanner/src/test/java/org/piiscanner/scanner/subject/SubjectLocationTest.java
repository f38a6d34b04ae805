package org.piiscanner.scanner.subject;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SubjectLocationTest {

    @Test
    void fileLocationsSplitIntoFileAndEmbeddedPath() {
        SubjectLocation l = new SubjectLocation(1, 2, LocationKind.FILE, "/srv/share",
                "hr/2021.zip!/mail/a.eml!/cv.pdf");
        assertThat(l.root()).isEqualTo("hr/2021.zip");
        assertThat(l.embeddedPath()).isEqualTo("mail/a.eml!/cv.pdf");
        assertThat(l.table()).isNull();
        assertThat(l.display()).isEqualTo("/srv/share/hr/2021.zip!/mail/a.eml!/cv.pdf");
        assertThat(new SubjectLocation(1, 2, LocationKind.FILE, "/srv/share/", "a.txt").display())
                .isEqualTo("/srv/share/a.txt");
        assertThat(new SubjectLocation(1, 2, LocationKind.FILE, "/srv", "/abs/a.txt").display())
                .isEqualTo("/abs/a.txt");
        assertThat(new SubjectLocation(1, 2, LocationKind.FILE, "/srv/a.zip", "/srv/a.zip!/b.txt").embeddedPath())
                .isEqualTo("b.txt");
        assertThat(new SubjectLocation(1, 2, LocationKind.FILE, "/srv", "a.txt").embeddedPath()).isNull();
    }

    @Test
    void rowLocationsSplitIntoTableAndKey() {
        SubjectLocation r = new SubjectLocation(1, 2, LocationKind.ROW, "jdbc:postgresql://db:5432/crm",
                "crm.customers!/id=42!/x");
        assertThat(r.table()).isEqualTo("crm.customers");
        assertThat(r.rowKey()).isEqualTo("id=42!/x");
        assertThat(r.embeddedPath()).isNull();
        assertThat(r.display()).isEqualTo("jdbc:postgresql://db:5432/crm!/crm.customers!/id=42!/x");
    }

    @Test
    void identifierKindsResolveByNameOrAliasAndNamesGoThroughName() {
        assertThat(SubjectIdentifier.of("Passport", "123456789").type()).isEqualTo("UK_PASSPORT");
        assertThat(SubjectIdentifier.of("iban_code", "x").type()).isEqualTo("IBAN_CODE");
        assertThat(SubjectIdentifier.of("email", "jane@example.com").toString()).doesNotContain("jane");
        assertThatThrownBy(() -> SubjectIdentifier.of("PERSON", "x")).hasMessageContaining("--name");
        assertThatThrownBy(() -> SubjectIdentifier.of("colour", "x")).hasMessageContaining("UK_NHS");
        assertThatThrownBy(() -> SubjectIdentifier.of("email", " ")).hasMessageContaining("empty");
        assertThat(IdentifierTypes.strong("EMAIL_ADDRESS")).isTrue();
        assertThat(IdentifierTypes.strong("DATE_OF_BIRTH")).isFalse();
    }

    @Test
    void csvCellsASpreadsheetWouldEvaluateAreNeutralisedButPhoneNumbersAreNot() {
        assertThat(ExportBuilder.formulaLike("=HYPERLINK(\"x\")")).isTrue();
        assertThat(ExportBuilder.formulaLike("+cmd|' /C calc'!A0")).isTrue();
        assertThat(ExportBuilder.formulaLike("@SUM(1)")).isTrue();
        assertThat(ExportBuilder.formulaLike("+44 (0)20 7946 0018")).isFalse();
        assertThat(ExportBuilder.formulaLike("-0.5")).isFalse();
        assertThat(ExportBuilder.formulaLike("Jane")).isFalse();
    }
}
