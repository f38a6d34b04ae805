package org.piiscanner.classifiers;

/** The subtypes of special category data listed in UK GDPR Art. 9(1). */
public enum SpecialCategory {
    HEALTH,
    ETHNIC_ORIGIN,
    POLITICAL_OPINION,
    RELIGIOUS_BELIEF,
    TRADE_UNION,
    GENETIC,
    BIOMETRIC,
    SEX_LIFE
}
