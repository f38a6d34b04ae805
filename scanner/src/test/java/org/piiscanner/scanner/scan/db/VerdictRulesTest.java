package org.piiscanner.scanner.scan.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Types;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.piiscanner.classifiers.DataCategory;

/** The verdict rules on names, comments, SQL types and sample figures alone (no database). */
class VerdictRulesTest {

    static ColumnProfile empty(long rows) {
        return new ColumnProfile(rows, rows, rows, rows, 5, 20, 12, 0, Map.of(), Map.of(), Map.of());
    }

    static Catalog.Column column(String name, int type, String typeName, String comment) {
        return new Catalog.Column(name, type, typeName, comment, 1);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "email            | 12 | VARCHAR | PERSONAL | EMAIL_ADDRESS        | CONTACT",
        "EmailAddress     | 12 | VARCHAR | PERSONAL | EMAIL_ADDRESS        | CONTACT",
        "e-mail address   | 12 | VARCHAR | PERSONAL | EMAIL_ADDRESS        | CONTACT",
        "email_count      | 4  | INTEGER | NONE     |                      |",
        "email_verified   | 16 | BOOLEAN | NONE     |                      |",
        "email            | 4  | INTEGER | NONE     |                      |",
        "ni_number        | 12 | VARCHAR | PERSONAL | UK_NINO              | IDENTITY",
        "sortCode         | 12 | VARCHAR | PERSONAL | UK_SORT_CODE_ACCOUNT | FINANCIAL",
        "date_of_birth    | 91 | DATE    | PERSONAL | DATE_OF_BIRTH        | IDENTITY",
        "dob              | 4  | INTEGER | NONE     |                      |",
        "client_ip        | 12 | VARCHAR | PERSONAL | IP_ADDRESS           | TECHNICAL",
        "marketing_opt_in | 16 | BOOLEAN | PERSONAL |                      | MARKETING_AND_COMMUNICATIONS",
        "is_union_member  | 16 | BOOLEAN | PERSONAL | SPECIAL_CATEGORY_TRADE_UNION | SPECIAL_CATEGORY",
        "ethnicity        | 12 | VARCHAR | PERSONAL | SPECIAL_CATEGORY_ETHNIC_ORIGIN | SPECIAL_CATEGORY",
        "name             | 12 | VARCHAR | NONE     |                      |",
        "status           | 12 | VARCHAR | NONE     |                      |",
    })
    void namesAndTypes(String name, int type, String typeName, String verdict, String types, String category) {
        ColumnVerdict v = VerdictRules.verdict(column(name, type, typeName, null), empty(0), 42);
        assertThat(v.kind().name()).isEqualTo(verdict);
        assertThat(v.types()).isEqualTo(types == null ? List.of() : List.of(types.split(",")));
        assertThat(v.category()).isEqualTo(category == null ? null : DataCategory.valueOf(category));
    }

    @Test
    void aCommentHintsToo() {
        ColumnVerdict v = VerdictRules.verdict(column("ref", Types.VARCHAR, "VARCHAR",
                "the customer's National Insurance number"), empty(0), 42);
        assertThat(v.types()).containsExactly("UK_NINO");
        assertThat(v.confidence()).isEqualTo(0.5);
        assertThat(v.evidence()).startsWith("comment 'national insurance number' -> UK_NINO");
    }

    @Test
    void theSampleConfirmsContradictsOrFindsAlone() {
        Catalog.Column zip = column("zip", Types.VARCHAR, "VARCHAR", null);
        ColumnProfile usZips = new ColumnProfile(30, 30, 30, 28, 5, 5, 5, 0, Map.of(), Map.of(), Map.of());
        ColumnVerdict contradicted = VerdictRules.verdict(zip, usZips, 42);
        assertThat(contradicted.types()).isEmpty();
        assertThat(contradicted.category()).isEqualTo(DataCategory.CONTACT);
        assertThat(contradicted.evidence()).contains("UK_POSTCODE contradicted by the sample (0/30): category only");

        ColumnProfile emails = new ColumnProfile(2_300_000, 1000, 990, 990, 12, 40, 20, 0,
                Map.of("EMAIL_ADDRESS", 990), Map.of("EMAIL_ADDRESS", List.of("a***@***.com")), Map.of());
        ColumnVerdict contact = VerdictRules.verdict(column("contact", Types.VARCHAR, "VARCHAR", null), emails, 42);
        assertThat(contact.types()).containsExactly("EMAIL_ADDRESS");
        assertThat(contact.confidence()).isEqualTo(0.95);
        assertThat(contact.coverage()).isEqualTo("1,000 of 2,300,000 rows sampled, seed 42");

        ColumnVerdict named = VerdictRules.verdict(column("email", Types.VARCHAR, "VARCHAR", null), emails, 42);
        assertThat(named.confidence()).isEqualTo(0.99);

        ColumnProfile notes = new ColumnProfile(100, 100, 100, 100, 40, 300, 120, 95, Map.of("PHONE_NUMBER", 3),
                Map.of(), Map.of());
        ColumnVerdict text = VerdictRules.verdict(column("comments", Types.VARCHAR, "TEXT", null), notes, 42);
        assertThat(text.kind()).isEqualTo(ColumnVerdict.Kind.PERSONAL);
        assertThat(text.types()).containsExactly("PHONE_NUMBER");
        ColumnVerdict plain = VerdictRules.verdict(column("comments", Types.VARCHAR, "TEXT", null),
                new ColumnProfile(100, 100, 100, 100, 40, 300, 120, 95, Map.of(), Map.of(), Map.of()), 42);
        assertThat(plain.kind()).isEqualTo(ColumnVerdict.Kind.FREE_TEXT);
        assertThat(plain.detectable()).isTrue();
    }

    @Test
    void wordsSplitNamesLikeAPerson() {
        assertThat(VerdictRules.words("customerEmailAddress")).containsExactly("customer", "email", "address");
        assertThat(VerdictRules.words("DBSCheck_2024")).containsExactly("dbs", "check", "2024");
        assertThat(VerdictRules.words("e-mail address")).containsExactly("e", "mail", "address");
    }

    @Test
    void theSampleHashIsStable() {
        assertThat(ColumnProfiler.hash(42, "id=1")).isEqualTo(ColumnProfiler.hash(42, "id=1"))
                .isNotEqualTo(ColumnProfiler.hash(43, "id=1"));
    }
}
