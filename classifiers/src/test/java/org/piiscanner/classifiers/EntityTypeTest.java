package org.piiscanner.classifiers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class EntityTypeTest {

    @Test
    void builtInNamesAreTheContract() {
        assertThat(EntityType.builtIns()).extracting(EntityType::name).containsExactly(
                "EMAIL_ADDRESS", "PHONE_NUMBER", "CREDIT_CARD", "IBAN_CODE", "BIC", "UK_NINO", "UK_NHS",
                "UK_SORT_CODE_ACCOUNT", "UK_POSTCODE", "UK_PASSPORT", "UK_DRIVING_LICENCE", "UK_VAT", "UK_UTR",
                "EU_VAT", "US_SSN", "IP_ADDRESS", "MAC_ADDRESS", "URL", "DATE_OF_BIRTH", "PERSON", "LOCATION",
                "ORGANIZATION", "SPECIAL_CATEGORY_HEALTH", "SPECIAL_CATEGORY_ETHNIC_ORIGIN",
                "SPECIAL_CATEGORY_POLITICAL_OPINION", "SPECIAL_CATEGORY_RELIGIOUS_BELIEF", "SPECIAL_CATEGORY_TRADE_UNION", "SPECIAL_CATEGORY_GENETIC",
                "SPECIAL_CATEGORY_BIOMETRIC", "SPECIAL_CATEGORY_SEX_LIFE", "CRIMINAL_OFFENCE");
    }

    @Test
    void categoriesFollowTheSpecTaxonomy() {
        assertThat(EntityType.UK_NHS.category()).isEqualTo(DataCategory.IDENTITY);
        assertThat(EntityType.UK_NHS.secondaryCategories()).containsExactly(DataCategory.SPECIAL_CATEGORY);
        assertThat(EntityType.UK_NHS.specialCategories()).containsExactly(SpecialCategory.HEALTH);
        assertThat(EntityType.UK_NINO.secondaryCategories()).containsExactly(DataCategory.FINANCIAL);
        assertThat(EntityType.IP_ADDRESS.category()).isEqualTo(DataCategory.TECHNICAL);
        assertThat(EntityType.EMAIL_ADDRESS.category()).isEqualTo(DataCategory.CONTACT);
        assertThat(EntityType.UK_POSTCODE.category()).isEqualTo(DataCategory.CONTACT);
        assertThat(EntityType.IBAN_CODE.category()).isEqualTo(DataCategory.FINANCIAL);
        assertThat(EntityType.DATE_OF_BIRTH.category()).isEqualTo(DataCategory.IDENTITY);
        assertThat(EntityType.PERSON.category()).isEqualTo(DataCategory.IDENTITY);
        assertThat(EntityType.LOCATION.category()).isEqualTo(DataCategory.CONTACT);
        assertThat(EntityType.ORGANIZATION.category()).isEqualTo(DataCategory.PROFILE);
        assertThat(EntityType.SPECIAL_CATEGORY_HEALTH.category()).isEqualTo(DataCategory.SPECIAL_CATEGORY);
        assertThat(EntityType.SPECIAL_CATEGORY_HEALTH.specialCategories()).containsExactly(SpecialCategory.HEALTH);
        assertThat(EntityType.SPECIAL_CATEGORY_SEX_LIFE.specialCategories())
                .containsExactly(SpecialCategory.SEX_LIFE);
        assertThat(EntityType.CRIMINAL_OFFENCE.category()).isEqualTo(DataCategory.CRIMINAL_OFFENCE);
        assertThat(EntityType.CRIMINAL_OFFENCE.specialCategories()).isEmpty();
        for (SpecialCategory sc : SpecialCategory.values()) {
            EntityType t = EntityType.builtIn("SPECIAL_CATEGORY_" + sc.name()).orElseThrow();
            assertThat(t.category()).as(t.name()).isEqualTo(DataCategory.SPECIAL_CATEGORY);
            assertThat(t.specialCategories()).as(t.name()).containsExactly(sc);
            assertThat(t.secondaryCategories()).as(t.name()).isEmpty();
        }
        for (EntityType t : EntityType.builtIns()) {
            assertThat(t.secondaryCategories()).as(t.name()).doesNotContain(t.category());
        }
    }

    @Test
    void customTypesAreValidatedAndCannotShadowBuiltIns() {
        EntityType t = EntityType.custom("EMPLOYEE_ID", DataCategory.IDENTITY);
        assertThat(t.isBuiltIn()).isFalse();
        assertThat(EntityType.builtIn("EMPLOYEE_ID")).isEmpty();
        assertThatThrownBy(() -> EntityType.custom("UK_NINO", DataCategory.IDENTITY))
                .hasMessageContaining("built-in");
        assertThatThrownBy(() -> EntityType.custom("employee id", DataCategory.IDENTITY))
                .hasMessageContaining("upper-case");
        assertThatThrownBy(() -> EntityType.custom("HEALTH_NOTE", DataCategory.SPECIAL_CATEGORY))
                .hasMessageContaining("Art. 9 subtype");
    }

    @Test
    void typesCompareByName() {
        assertThat(EntityType.custom("ZZ_TYPE", DataCategory.USAGE))
                .isEqualTo(EntityType.custom("ZZ_TYPE", DataCategory.PROFILE));
        assertThat(List.of(EntityType.URL, EntityType.BIC).stream().sorted().toList())
                .containsExactly(EntityType.BIC, EntityType.URL);
    }
}
