package org.piiscanner.scanner.subject;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The identifier types a subject search accepts, and how much a match of each one says about the person: the
 * strength is the probability-like weight the {@link EvidenceScorer} combines. An identifier of strength
 * {@value #STRONG} or more (an e-mail address, a NINO, a phone number, an account...) is enough on its own; a date
 * of birth or a postcode is shared by many people and only adds to other evidence.
 *
 * <p>Type names are the detectors' entity type names; {@code --id} also accepts the short aliases listed in
 * {@link #ALIASES}. Person names are searched through {@code --name} and scored by name evidence, not here.
 */
public final class IdentifierTypes {

    /** Strength from which one exact match is enough on its own. */
    public static final double STRONG = 0.8;

    /** The person-name type. */
    public static final String PERSON = "PERSON";

    /** Types by name, with the strength of an exact match. */
    private static final Map<String, Double> STRENGTH = strengths();

    /** Short names accepted by {@code --id KIND=VALUE}. */
    static final Map<String, String> ALIASES = Map.ofEntries(
            Map.entry("email", "EMAIL_ADDRESS"), Map.entry("phone", "PHONE_NUMBER"), Map.entry("nino", "UK_NINO"),
            Map.entry("dob", "DATE_OF_BIRTH"), Map.entry("nhs", "UK_NHS"), Map.entry("passport", "UK_PASSPORT"),
            Map.entry("licence", "UK_DRIVING_LICENCE"), Map.entry("driving-licence", "UK_DRIVING_LICENCE"),
            Map.entry("utr", "UK_UTR"), Map.entry("iban", "IBAN_CODE"), Map.entry("card", "CREDIT_CARD"),
            Map.entry("account", "UK_SORT_CODE_ACCOUNT"), Map.entry("postcode", "UK_POSTCODE"),
            Map.entry("ip", "IP_ADDRESS"), Map.entry("mac", "MAC_ADDRESS"), Map.entry("ssn", "US_SSN"),
            Map.entry("vat", "UK_VAT"), Map.entry("url", "URL"));

    private IdentifierTypes() {
    }

    /**
     * The entity type named by {@code kind} (a type name in any case, or an alias).
     *
     * @throws IllegalArgumentException if it is not an identifier a person can be searched by
     */
    public static String resolve(String kind) {
        String k = kind.strip();
        String alias = ALIASES.get(k.toLowerCase(Locale.ROOT));
        String type = alias != null ? alias : k.toUpperCase(Locale.ROOT);
        if (type.equals(PERSON)) {
            throw new IllegalArgumentException("search names with --name, not --id");
        }
        if (!STRENGTH.containsKey(type)) {
            throw new IllegalArgumentException("'" + kind + "' is not an identifier type a person can be searched "
                    + "by; use one of " + String.join(", ", STRENGTH.keySet()) + " (or " + String.join(", ",
                    new java.util.TreeSet<>(ALIASES.keySet())) + ")");
        }
        return type;
    }

    /** The strength of an exact match of an identifier of {@code type}. */
    static double strength(String type) {
        Double s = STRENGTH.get(type);
        if (s == null) {
            throw new IllegalArgumentException("not an identifier type: " + type);
        }
        return s;
    }

    /** True if one exact match of {@code type} is enough on its own. */
    static boolean strong(String type) {
        return strength(type) >= STRONG;
    }

    private static Map<String, Double> strengths() {
        Map<String, Double> m = new LinkedHashMap<>();
        // unique to one person
        m.put("EMAIL_ADDRESS", 0.9);
        m.put("UK_NINO", 0.95);
        m.put("UK_NHS", 0.95);
        m.put("UK_PASSPORT", 0.95);
        m.put("UK_DRIVING_LICENCE", 0.95);
        m.put("US_SSN", 0.95);
        m.put("UK_UTR", 0.9);
        m.put("IBAN_CODE", 0.9);
        m.put("UK_SORT_CODE_ACCOUNT", 0.9);
        m.put("CREDIT_CARD", 0.9);
        // usually one person, sometimes a household or a switchboard
        m.put("PHONE_NUMBER", 0.85);
        m.put("EU_VAT", 0.8);
        // weaker: shared, reassigned or not always personal
        m.put("UK_VAT", 0.6);
        m.put("MAC_ADDRESS", 0.6);
        m.put("IP_ADDRESS", 0.4);
        m.put("URL", 0.4);
        m.put("DATE_OF_BIRTH", 0.25);
        m.put("UK_POSTCODE", 0.2);
        return java.util.Collections.unmodifiableMap(m);
    }
}
