package org.piiscanner.scanner.eval;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Maps Presidio entity labels (and, for cases that name no entity, Presidio recognizers) to our entity type names.
 *
 * <p>Only labels that mean the same thing are mapped. {@code DATE_TIME} is not {@code DATE_OF_BIRTH} (most dates
 * are not birth dates), {@code DOMAIN_NAME} is not {@code URL}, {@code US_DRIVER_LICENSE} is not
 * {@code UK_DRIVING_LICENCE}; those, and ADDRESS (a whole postal address, of which we find postcodes and place names),
 * TITLE, PREFIX..., stay unmapped and are reported as not detected. PERSON, LOCATION and ORGANIZATION mean the same
 * in both. Immutable and thread-safe.
 */
public final class LabelMapping {

    private static final LabelMapping PRESIDIO = new LabelMapping(Map.ofEntries(
            Map.entry("CREDIT_CARD", "CREDIT_CARD"),
            Map.entry("PHONE_NUMBER", "PHONE_NUMBER"),
            Map.entry("EMAIL_ADDRESS", "EMAIL_ADDRESS"),
            Map.entry("US_SSN", "US_SSN"),
            Map.entry("IBAN_CODE", "IBAN_CODE"),
            Map.entry("IP_ADDRESS", "IP_ADDRESS"),
            Map.entry("MAC_ADDRESS", "MAC_ADDRESS"),
            Map.entry("URL", "URL"),
            Map.entry("UK_NINO", "UK_NINO"),
            Map.entry("UK_NHS", "UK_NHS"),
            Map.entry("UK_POSTCODE", "UK_POSTCODE"),
            Map.entry("UK_PASSPORT", "UK_PASSPORT"),
            Map.entry("UK_DRIVING_LICENCE", "UK_DRIVING_LICENCE"),
            Map.entry("PERSON", "PERSON"),
            Map.entry("LOCATION", "LOCATION"),
            Map.entry("ORGANIZATION", "ORGANIZATION")),
            Map.of("PhoneRecognizer", "PHONE_NUMBER"));

    private final Map<String, String> labels;
    private final Map<String, String> recognizers;

    private LabelMapping(Map<String, String> labels, Map<String, String> recognizers) {
        this.labels = Map.copyOf(labels);
        this.recognizers = Map.copyOf(recognizers);
    }

    /** The mapping for Presidio's labels. */
    public static LabelMapping presidio() {
        return PRESIDIO;
    }

    /** A mapping from these labels, and these recognizers (used when a test case names no entity). */
    public static LabelMapping of(Map<String, String> labels, Map<String, String> recognizers) {
        return new LabelMapping(labels, recognizers);
    }

    /** Our type for a Presidio label, if it has one. */
    public Optional<String> type(String label) {
        return Optional.ofNullable(labels.get(label));
    }

    /**
     * Our types for a test case: every entity label mapped, or, when the case names no entity, its recognizer's
     * type. Empty when any label has no mapping (the case is not about our types).
     */
    public List<String> types(VectorCase c) {
        if (c.entities().isEmpty()) {
            String t = c.recognizer() == null ? null : recognizers.get(c.recognizer());
            return t == null ? List.of() : List.of(t);
        }
        List<String> out = new java.util.ArrayList<>();
        for (String e : c.entities()) {
            String t = labels.get(e);
            if (t == null) {
                return List.of();
            }
            if (!out.contains(t)) {
                out.add(t);
            }
        }
        return List.copyOf(out);
    }
}
