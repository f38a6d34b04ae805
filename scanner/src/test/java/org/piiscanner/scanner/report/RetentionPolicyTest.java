package org.piiscanner.scanner.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.piiscanner.classifiers.DataCategory;
import org.piiscanner.classifiers.SpecialCategory;
import org.piiscanner.scanner.config.PathGlob;
import org.piiscanner.scanner.config.RetentionSettings;
import org.piiscanner.scanner.config.RetentionSettings.AgeBasis;
import org.piiscanner.scanner.config.RetentionSettings.MaxAge;
import org.piiscanner.scanner.config.RetentionSettings.Rule;

class RetentionPolicyTest {

    static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");
    static final Instant MODIFIED = Instant.parse("2020-01-01T00:00:00Z");
    static final Instant FIRST_SEEN = Instant.parse("2026-01-01T00:00:00Z");

    static final Rule BACKUPS = new Rule("Backups", null, Set.of(), Set.of(), List.of(),
            List.of(PathGlob.of("backups/**")), new MaxAge(35, ChronoUnit.DAYS), AgeBasis.LAST_MODIFIED);
    static final Rule NINO = new Rule("NINO", null, Set.of(), Set.of("UK_NINO"), List.of(), List.of(),
            new MaxAge(10, ChronoUnit.YEARS), AgeBasis.LAST_MODIFIED);
    static final Rule FINANCE_SHARE = new Rule("Finance share", null, Set.of(DataCategory.FINANCIAL), Set.of(),
            List.of(PathGlob.of("/srv/finance")), List.of(), new MaxAge(1, ChronoUnit.YEARS), AgeBasis.LAST_MODIFIED);
    static final Rule FINANCIAL = new Rule("Financial", null, Set.of(DataCategory.FINANCIAL), Set.of(), List.of(),
            List.of(), new MaxAge(6, ChronoUnit.YEARS), AgeBasis.LAST_MODIFIED);
    static final Rule SPECIAL = new Rule("Special", null, Set.of(DataCategory.SPECIAL_CATEGORY), Set.of(), List.of(),
            List.of(), new MaxAge(6, ChronoUnit.MONTHS), AgeBasis.FIRST_SEEN);

    final RetentionPolicy policy = new RetentionPolicy(new RetentionSettings(List.of(BACKUPS, NINO, FINANCE_SHARE,
            FINANCIAL, SPECIAL)));

    static TypeTally tally(String type, DataCategory category, DataCategory... secondary) {
        return new TypeTally(type, category, Set.of(secondary), Set.of(), 1, 1, 0, 0, 0, 0.9, List.of(), List.of());
    }

    static final TypeTally NINO_TALLY = tally("UK_NINO", DataCategory.IDENTITY, DataCategory.FINANCIAL);
    static final TypeTally IBAN = tally("IBAN_CODE", DataCategory.FINANCIAL);
    static final TypeTally EMAIL = tally("EMAIL_ADDRESS", DataCategory.CONTACT);
    static final TypeTally NHS = new TypeTally("UK_NHS", DataCategory.IDENTITY, Set.of(DataCategory.SPECIAL_CATEGORY),
            Set.of(SpecialCategory.HEALTH), 1, 1, 0, 0, 0, 0.9, List.of(), List.of());

    @Test
    void theFirstMatchingRuleAppliesToEachType() {
        assertThat(policy.ruleFor("/srv/share", "a.txt", NINO_TALLY)).isEqualTo(NINO);
        assertThat(policy.ruleFor("/srv/share", "a.txt", IBAN)).isEqualTo(FINANCIAL);
        assertThat(policy.ruleFor("/srv/finance", "a.txt", IBAN)).isEqualTo(FINANCE_SHARE);
        assertThat(policy.ruleFor("/srv/finance", "backups/a.txt", IBAN)).isEqualTo(BACKUPS);
        assertThat(policy.ruleFor("/srv/share", "a.txt", NHS)).as("by a secondary category").isEqualTo(SPECIAL);
        assertThat(policy.ruleFor("/srv/share", "a.txt", EMAIL)).isNull();
    }

    @Test
    void aBreachSaysTheRuleTheTypesTheBasisTheAgeAndTheDeadline() {
        RetentionPolicy.Outcome o = policy.evaluate("/srv/share", "a.txt", List.of(IBAN, NINO_TALLY, EMAIL, NHS),
                MODIFIED, false, FIRST_SEEN, NOW);

        assertThat(o.uncovered()).as("the e-mail address has no rule").isTrue();
        assertThat(o.breaches()).containsExactly(
                new RetentionBreach(FINANCIAL, List.of("IBAN_CODE"), Set.of(DataCategory.FINANCIAL), "MODIFIED",
                        MODIFIED, 2516, Instant.parse("2026-01-01T00:00:00Z"), 324),
                new RetentionBreach(SPECIAL, List.of("UK_NHS"), Set.of(DataCategory.IDENTITY,
                        DataCategory.SPECIAL_CATEGORY), "FIRST_SEEN", FIRST_SEEN, 324,
                        Instant.parse("2026-07-01T00:00:00Z"), 143));
        // NINO: 10 years from 2020 is not yet reached
    }

    @Test
    void withoutAModificationTimeTheAgeIsCountedFromTheFirstScan() {
        RetentionPolicy.Outcome o = policy.evaluate("/srv/share", "backups/x.sql", List.of(EMAIL), null, false,
                Instant.parse("2026-10-01T00:00:00Z"), NOW);
        assertThat(o.breaches()).singleElement().satisfies(b -> {
            assertThat(b.basis()).isEqualTo("FIRST_SEEN");
            assertThat(b.ageDays()).isEqualTo(51);
            assertThat(b.overdueDays()).isEqualTo(16);
        });
        RetentionPolicy.Outcome container = policy.evaluate("/srv/share", "backups/x.zip!/y.sql", List.of(EMAIL),
                Instant.parse("2026-10-01T00:00:00Z"), true, NOW, NOW);
        assertThat(container.breaches()).singleElement().extracting(RetentionBreach::basis)
                .isEqualTo("CONTAINER_MODIFIED");
    }

    @Test
    void dataYoungerThanItsRuleAndAnEmptyPolicyBreachNothing() {
        assertThat(policy.evaluate("/srv/share", "backups/x", List.of(EMAIL), NOW.minusSeconds(86_400), false, NOW,
                NOW).breaches()).isEmpty();
        RetentionPolicy none = new RetentionPolicy(RetentionSettings.none());
        RetentionPolicy.Outcome o = none.evaluate("/srv", "a", List.of(IBAN), MODIFIED, false, MODIFIED, NOW);
        assertThat(o.breaches()).isEmpty();
        assertThat(o.uncovered()).isTrue();
    }
}
