package org.piiscanner.classifiers;

/**
 * The categories of personal data that UK privacy notices use, plus the two regimes with extra conditions.
 *
 * <p>Every {@link EntityType} maps to exactly one primary category and optionally to secondary ones.
 */
public enum DataCategory {
    IDENTITY("Identity"),
    CONTACT("Contact"),
    FINANCIAL("Financial"),
    TRANSACTION("Transaction"),
    TECHNICAL("Technical"),
    PROFILE("Profile"),
    USAGE("Usage"),
    MARKETING_AND_COMMUNICATIONS("Marketing & Communications"),
    /** UK GDPR Art. 9; the subtype is a {@link SpecialCategory}. */
    SPECIAL_CATEGORY("Special Category (Art. 9)"),
    /** UK GDPR Art. 10, including alleged offences, proceedings and the absence of convictions. */
    CRIMINAL_OFFENCE("Criminal Offence (Art. 10)");

    private final String label;

    DataCategory(String label) {
        this.label = label;
    }

    /** The human-readable label used in reports. */
    public String label() {
        return label;
    }
}
