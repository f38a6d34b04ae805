package org.piiscanner.scanner.report;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Map;
import org.piiscanner.classifiers.SpecialCategory;

/**
 * Words for readers who are not engineers: entity types, skip reasons, ages and dates. Skip reasons are looked
 * up by name, so a reason this class does not know (added or renamed by a scanner) is still shown, in words made
 * from its name. Stateless.
 */
final class Labels {

    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("EMAIL_ADDRESS", "E-mail address"),
            Map.entry("PHONE_NUMBER", "Phone number"),
            Map.entry("CREDIT_CARD", "Payment card number"),
            Map.entry("IBAN_CODE", "Bank account (IBAN)"),
            Map.entry("BIC", "Bank identifier (BIC)"),
            Map.entry("UK_NINO", "National Insurance number"),
            Map.entry("UK_NHS", "NHS number"),
            Map.entry("UK_SORT_CODE_ACCOUNT", "Sort code and account number"),
            Map.entry("UK_POSTCODE", "Postcode"),
            Map.entry("UK_PASSPORT", "Passport number"),
            Map.entry("UK_DRIVING_LICENCE", "Driving licence number"),
            Map.entry("UK_VAT", "UK VAT number"),
            Map.entry("UK_UTR", "Unique Taxpayer Reference"),
            Map.entry("EU_VAT", "EU VAT number"),
            Map.entry("US_SSN", "US Social Security number"),
            Map.entry("IP_ADDRESS", "IP address"),
            Map.entry("MAC_ADDRESS", "Device (MAC) address"),
            Map.entry("URL", "Web address"),
            Map.entry("DATE_OF_BIRTH", "Date of birth"),
            Map.entry("PERSON", "Person's name"),
            Map.entry("LOCATION", "Place name"),
            Map.entry("ORGANIZATION", "Organisation name"),
            Map.entry("SPECIAL_CATEGORY_HEALTH", "Health"),
            Map.entry("SPECIAL_CATEGORY_ETHNIC_ORIGIN", "Racial or ethnic origin"),
            Map.entry("SPECIAL_CATEGORY_POLITICAL_OPINION", "Political opinions"),
            Map.entry("SPECIAL_CATEGORY_RELIGIOUS_BELIEF", "Religious or philosophical beliefs"),
            Map.entry("SPECIAL_CATEGORY_TRADE_UNION", "Trade union membership"),
            Map.entry("SPECIAL_CATEGORY_GENETIC", "Genetic data"),
            Map.entry("SPECIAL_CATEGORY_BIOMETRIC", "Biometric data"),
            Map.entry("SPECIAL_CATEGORY_SEX_LIFE", "Sex life or sexual orientation"),
            Map.entry("CRIMINAL_OFFENCE", "Criminal offence"));

    private static final Map<String, String> REASONS = Map.ofEntries(
            Map.entry("TOO_LARGE", "larger than the size limit"),
            Map.entry("ENCRYPTED", "encrypted or password-protected"),
            Map.entry("UNSUPPORTED_FORMAT", "format not supported"),
            Map.entry("PARSE_ERROR", "damaged or unreadable file"),
            Map.entry("TIMEOUT", "took too long to read"),
            Map.entry("PERMISSION_DENIED", "no permission to read"),
            Map.entry("IO_ERROR", "read error"),
            Map.entry("NESTING_TOO_DEEP", "nested too deeply in archives"),
            Map.entry("ZIP_BOMB", "suspected archive bomb"),
            Map.entry("SELF_CONTAINING_ARCHIVE", "archive that contains itself"),
            Map.entry("OTHER", "other reason"),
            Map.entry("BINARY", "binary file"),
            Map.entry("NO_TEXT", "no extractable text (image, audio, video)"));

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMM uuuu", Locale.UK)
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("d MMM uuuu, HH:mm 'UTC'",
            Locale.UK).withZone(ZoneOffset.UTC);

    private Labels() {
    }

    /** "National Insurance number" for {@code UK_NINO}; other names in words ("Employee id" for EMPLOYEE_ID). */
    static String entityType(String name) {
        String known = TYPES.get(name);
        return known != null ? known : words(name);
    }

    /** "encrypted or password-protected" for {@code ENCRYPTED}; unknown names in words. */
    static String skipReason(String name) {
        String known = REASONS.get(name);
        return known != null ? known : words(name).toLowerCase(Locale.ROOT);
    }

    /** "Health" for {@code HEALTH}. */
    static String special(SpecialCategory c) {
        return entityType("SPECIAL_CATEGORY_" + c.name());
    }

    /** {@code SOME_NAME} as "Some name". */
    static String words(String name) {
        String s = name.replace('_', ' ').strip().toLowerCase(Locale.ROOT);
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /** An age in words: "12 days", "5 months", "7 years 3 months" (months of 30.44 days). */
    static String age(long days) {
        if (days < 61) {
            return days + (days == 1 ? " day" : " days");
        }
        long months = Math.round(days / 30.436875);
        if (months < 24) {
            return months + " months";
        }
        long years = months / 12;
        long rest = months % 12;
        return years + " years" + (rest == 0 ? "" : rest == 1 ? " 1 month" : " " + rest + " months");
    }

    /** "21 Nov 2026". */
    static String date(Instant t) {
        return t == null ? "" : DATE.format(t);
    }

    /** "21 Nov 2026, 14:03 UTC". */
    static String dateTime(Instant t) {
        return t == null ? "" : DATE_TIME.format(t);
    }

    /** ISO-8601 in UTC, seconds precision ("2026-11-21T14:03:07Z"), or "" for null. */
    static String iso(Instant t) {
        return t == null ? "" : DateTimeFormatter.ISO_INSTANT.format(t.truncatedTo(ChronoUnit.SECONDS));
    }

    /** A thousands-separated count ("12,345"). */
    static String count(long n) {
        return String.format(Locale.UK, "%,d", n);
    }

    /** "1 location" / "3 locations". */
    static String plural(long n, String one, String many) {
        return count(n) + " " + (n == 1 ? one : many);
    }
}
