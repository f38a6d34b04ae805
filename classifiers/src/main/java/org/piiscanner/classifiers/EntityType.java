package org.piiscanner.classifiers;

import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A kind of personal data a detector reports, with its place in the {@link DataCategory} taxonomy.
 *
 * <p>The built-in names are a contract: scripts, reports and the index rely on them, so they are never renamed.
 * Custom detectors from configuration create further types with {@link #custom}. Instances are immutable and
 * compared by name.
 */
public final class EntityType implements Comparable<EntityType> {

    private static final Pattern NAME = Pattern.compile("[A-Z][A-Z0-9_]{1,63}");
    private static final Map<String, EntityType> BUILT_INS = new LinkedHashMap<>();

    public static final EntityType EMAIL_ADDRESS = builtIn("EMAIL_ADDRESS", DataCategory.CONTACT);
    public static final EntityType PHONE_NUMBER = builtIn("PHONE_NUMBER", DataCategory.CONTACT);
    public static final EntityType CREDIT_CARD = builtIn("CREDIT_CARD", DataCategory.FINANCIAL);
    public static final EntityType IBAN_CODE = builtIn("IBAN_CODE", DataCategory.FINANCIAL);
    public static final EntityType BIC = builtIn("BIC", DataCategory.FINANCIAL);
    public static final EntityType UK_NINO = builtIn("UK_NINO", DataCategory.IDENTITY, DataCategory.FINANCIAL);
    public static final EntityType UK_NHS = builtIn("UK_NHS", DataCategory.IDENTITY,
            EnumSet.of(DataCategory.SPECIAL_CATEGORY), EnumSet.of(SpecialCategory.HEALTH));
    public static final EntityType UK_SORT_CODE_ACCOUNT = builtIn("UK_SORT_CODE_ACCOUNT", DataCategory.FINANCIAL);
    public static final EntityType UK_POSTCODE = builtIn("UK_POSTCODE", DataCategory.CONTACT);
    public static final EntityType UK_PASSPORT = builtIn("UK_PASSPORT", DataCategory.IDENTITY);
    public static final EntityType UK_DRIVING_LICENCE = builtIn("UK_DRIVING_LICENCE", DataCategory.IDENTITY);
    public static final EntityType UK_VAT = builtIn("UK_VAT", DataCategory.FINANCIAL);
    public static final EntityType UK_UTR = builtIn("UK_UTR", DataCategory.IDENTITY, DataCategory.FINANCIAL);
    public static final EntityType EU_VAT = builtIn("EU_VAT", DataCategory.FINANCIAL);
    public static final EntityType US_SSN = builtIn("US_SSN", DataCategory.IDENTITY, DataCategory.FINANCIAL);
    public static final EntityType IP_ADDRESS = builtIn("IP_ADDRESS", DataCategory.TECHNICAL, DataCategory.USAGE);
    public static final EntityType MAC_ADDRESS = builtIn("MAC_ADDRESS", DataCategory.TECHNICAL);
    public static final EntityType URL = builtIn("URL", DataCategory.TECHNICAL, DataCategory.USAGE);
    public static final EntityType DATE_OF_BIRTH = builtIn("DATE_OF_BIRTH", DataCategory.IDENTITY);
    /** A person's name: identity data. */
    public static final EntityType PERSON = builtIn("PERSON", DataCategory.IDENTITY);
    /** A place name (town, street, country): contact data when it locates a person. */
    public static final EntityType LOCATION = builtIn("LOCATION", DataCategory.CONTACT);
    /**
     * An organisation's name: profile data, because next to a person it is their employer, school, bank or club
     * (the employer is the most common case in business documents); on its own it is not personal data.
     */
    public static final EntityType ORGANIZATION = builtIn("ORGANIZATION", DataCategory.PROFILE);
    /** Data concerning health (Art. 9), found by the phrase lists of identifiers spec §21.8. */
    public static final EntityType SPECIAL_CATEGORY_HEALTH = special("SPECIAL_CATEGORY_HEALTH",
            SpecialCategory.HEALTH);
    /** Racial or ethnic origin (Art. 9), spec §21.2. */
    public static final EntityType SPECIAL_CATEGORY_ETHNIC_ORIGIN = special("SPECIAL_CATEGORY_ETHNIC_ORIGIN",
            SpecialCategory.ETHNIC_ORIGIN);
    /** Political opinions (Art. 9), spec §21.3. */
    public static final EntityType SPECIAL_CATEGORY_POLITICAL_OPINION = special(
            "SPECIAL_CATEGORY_POLITICAL_OPINION", SpecialCategory.POLITICAL_OPINION);
    /** Religious or philosophical beliefs (Art. 9), spec §21.4. */
    public static final EntityType SPECIAL_CATEGORY_RELIGIOUS_BELIEF = special("SPECIAL_CATEGORY_RELIGIOUS_BELIEF",
            SpecialCategory.RELIGIOUS_BELIEF);
    /** Trade union membership (Art. 9), spec §21.5. */
    public static final EntityType SPECIAL_CATEGORY_TRADE_UNION = special("SPECIAL_CATEGORY_TRADE_UNION",
            SpecialCategory.TRADE_UNION);
    /** Genetic data (Art. 9), spec §21.6. */
    public static final EntityType SPECIAL_CATEGORY_GENETIC = special("SPECIAL_CATEGORY_GENETIC",
            SpecialCategory.GENETIC);
    /** Biometric data used for identification (Art. 9), spec §21.7. */
    public static final EntityType SPECIAL_CATEGORY_BIOMETRIC = special("SPECIAL_CATEGORY_BIOMETRIC",
            SpecialCategory.BIOMETRIC);
    /** Sex life and sexual orientation (Art. 9), spec §21.9. */
    public static final EntityType SPECIAL_CATEGORY_SEX_LIFE = special("SPECIAL_CATEGORY_SEX_LIFE",
            SpecialCategory.SEX_LIFE);
    /** Criminal convictions and offences, alleged ones and their absence included (Art. 10), spec §21.10. */
    public static final EntityType CRIMINAL_OFFENCE = builtIn("CRIMINAL_OFFENCE", DataCategory.CRIMINAL_OFFENCE);

    private final String name;
    private final DataCategory category;
    private final Set<DataCategory> secondaryCategories;
    private final Set<SpecialCategory> specialCategories;
    private final boolean builtIn;

    private EntityType(String name, DataCategory category, Set<DataCategory> secondary,
            Set<SpecialCategory> special, boolean builtIn) {
        if (!NAME.matcher(Objects.requireNonNull(name, "name")).matches()) {
            throw new IllegalArgumentException(
                    "entity type name must be upper-case letters, digits and '_' (2-64 chars), got '" + name + "'");
        }
        this.name = name;
        this.category = Objects.requireNonNull(category, "category");
        this.secondaryCategories = secondary.isEmpty()
                ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(secondary));
        this.specialCategories = special.isEmpty()
                ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(special));
        this.builtIn = builtIn;
        if (category == DataCategory.SPECIAL_CATEGORY && special.isEmpty()) {
            throw new IllegalArgumentException(name + ": a special-category type needs its Art. 9 subtype");
        }
    }

    private static EntityType builtIn(String name, DataCategory category, DataCategory... secondary) {
        Set<DataCategory> set = EnumSet.noneOf(DataCategory.class);
        Collections.addAll(set, secondary);
        return builtIn(name, category, set, Set.of());
    }

    private static EntityType special(String name, SpecialCategory subtype) {
        return builtIn(name, DataCategory.SPECIAL_CATEGORY, Set.of(), EnumSet.of(subtype));
    }

    private static EntityType builtIn(String name, DataCategory category, Set<DataCategory> secondary,
            Set<SpecialCategory> special) {
        EntityType type = new EntityType(name, category, secondary, special, true);
        BUILT_INS.put(name, type);
        return type;
    }

    /**
     * A type defined by configuration (a custom regex or deny-list detector).
     *
     * @throws IllegalArgumentException if the name is malformed or is a built-in name
     */
    public static EntityType custom(String name, DataCategory category) {
        if (BUILT_INS.containsKey(name)) {
            throw new IllegalArgumentException("'" + name + "' is a built-in entity type; choose another name");
        }
        return new EntityType(name, category, Set.of(), Set.of(), false);
    }

    /** The built-in type with this name, if there is one. */
    public static Optional<EntityType> builtIn(String name) {
        return Optional.ofNullable(BUILT_INS.get(name));
    }

    /** All built-in types, in declaration order. */
    public static Collection<EntityType> builtIns() {
        return Collections.unmodifiableCollection(BUILT_INS.values());
    }

    /** The stable upper-case name, e.g. {@code UK_NINO}. */
    public String name() {
        return name;
    }

    /** The primary data category. */
    public DataCategory category() {
        return category;
    }

    /** Further categories this data also belongs to (never contains the primary one). */
    public Set<DataCategory> secondaryCategories() {
        return secondaryCategories;
    }

    /** The Art. 9 subtypes this data reveals (e.g. an NHS number reveals health data). */
    public Set<SpecialCategory> specialCategories() {
        return specialCategories;
    }

    public boolean isBuiltIn() {
        return builtIn;
    }

    @Override
    public int compareTo(EntityType other) {
        return name.compareTo(other.name);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EntityType other && name.equals(other.name);
    }

    @Override
    public int hashCode() {
        return name.hashCode();
    }

    @Override
    public String toString() {
        return name;
    }
}
