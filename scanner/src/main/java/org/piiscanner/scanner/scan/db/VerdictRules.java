package org.piiscanner.scanner.scan.db;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.piiscanner.classifiers.DataCategory;
import org.piiscanner.classifiers.EntityType;
import org.piiscanner.classifiers.detectors.SpecialCategoryLexicon;

/**
 * Turns a column's signals into a {@link ColumnVerdict}, deterministically: name and comment hints, SQL type and
 * the sample's detections and statistics.
 *
 * <h2>The rules</h2>
 * <ul>
 *   <li><b>Name hints</b>: the column name is split into words ({@code _ - .}, spaces, camelCase) and matched
 *       against word sequences per entity type ({@code email}, {@code ni number}, {@code sort code},
 *       {@code date of birth}...): a strong hint gives the type {@value #STRONG_HINT}, a weak one ({@code name},
 *       {@code state}) {@value #WEAK_HINT}; the same words in the column's comment give {@value #COMMENT_HINT}.
 *       The special-category lists ({@link SpecialCategoryLexicon#classifyFieldName}) give their
 *       {@code SPECIAL_CATEGORY_*} type {@value #STRONG_HINT} whatever the SQL type ({@code is_union_member}
 *       boolean is special-category data).</li>
 *   <li>A type hint is <b>dropped</b> when the name also has a qualifier word ({@code count}, {@code total},
 *       {@code flag}, {@code is}, {@code has}, {@code type}, {@code status}, {@code verified}...: an
 *       {@code email_count} counts e-mails) or the SQL type cannot hold such a value (a boolean, or a number
 *       for an e-mail address).</li>
 *   <li><b>Category hints</b> ({@code gender}, {@code marketing}, {@code opt_in}, {@code consent},
 *       {@code salary}, {@code cvv}...) give a category without an entity type, {@value #CATEGORY_HINT}.</li>
 *   <li><b>Sample</b>: a type found in at least half of the sampled non-null values gives
 *       {@code 0.55 + 0.4 x share}; in a free-text column (average length at least {@value #FREE_TEXT_LENGTH},
 *       most values with a space) any type found at all gives {@value #IN_TEXT}.</li>
 *   <li>A name hint <b>contradicted</b> by at least {@value #CONTRADICTION_MIN} sampled values (fewer than 10 %
 *       match a type whose detector recognises whole values) keeps only its category: a US {@code zip} column is
 *       contact data but not {@code UK_POSTCODE}.</li>
 *   <li>Name and sample agreeing add 0.1 (at most 0.99). Types with at least 0.5 are listed, best first (then by
 *       name); the verdict's category is the best type's, else the best category hint's.</li>
 * </ul>
 * Stateless and thread-safe.
 */
final class VerdictRules {

    static final double STRONG_HINT = 0.6;
    static final double WEAK_HINT = 0.4;
    static final double COMMENT_HINT = 0.5;
    static final double CATEGORY_HINT = 0.5;
    static final double IN_TEXT = 0.5;
    static final int FREE_TEXT_LENGTH = 30;
    static final int CONTRADICTION_MIN = 10;

    /** A word sequence that hints at a type (or, with a null type, at a category only). */
    private record Hint(List<String> words, String type, DataCategory category, boolean weak) {
    }

    private static final List<Hint> HINTS = new ArrayList<>();

    /** Types whose detectors recognise a whole value on its own (so a sample that never matches contradicts). */
    private static final Set<String> WHOLE_VALUE_TYPES = Set.of("EMAIL_ADDRESS", "UK_NINO", "UK_POSTCODE",
            "IBAN_CODE", "CREDIT_CARD", "US_SSN", "IP_ADDRESS", "MAC_ADDRESS", "UK_NHS", "URL");

    private static final Set<String> QUALIFIERS = Set.of("count", "cnt", "total", "flag", "is", "has", "type",
            "status", "verified", "valid", "validated", "enabled", "sent", "bounced", "length", "len", "hash",
            "hashed", "format", "domain", "mask", "masked", "kind", "pref", "preference", "hint", "last4");

    static {
        type("EMAIL_ADDRESS", "email", "e mail", "email address", "e mail address", "mail address");
        type("PHONE_NUMBER", "phone", "telephone", "tel", "mobile", "fax", "msisdn", "cell phone", "phone number");
        type("UK_NINO", "nino", "ni number", "ni no", "national insurance", "national insurance number");
        type("UK_NHS", "nhs", "nhs number", "nhs no", "chi number");
        type("UK_SORT_CODE_ACCOUNT", "sort code", "sortcode", "account number", "account no", "acct no",
                "bank account");
        type("IBAN_CODE", "iban");
        type("BIC", "bic", "swift", "swift code");
        type("CREDIT_CARD", "cc number", "card number", "credit card", "card no", "pan", "cc no");
        type("UK_POSTCODE", "postcode", "post code", "postal code", "zip", "zipcode", "zip code");
        type("DATE_OF_BIRTH", "dob", "birth date", "birthdate", "date of birth", "birthday", "born on");
        type("US_SSN", "ssn", "social security", "social security number");
        type("IP_ADDRESS", "ip", "ip address", "ip addr", "remote addr", "client ip", "ipv4", "ipv6");
        type("MAC_ADDRESS", "mac address", "mac addr");
        type("URL", "url", "website", "homepage", "referer", "referrer", "web site");
        type("UK_PASSPORT", "passport", "passport number", "passport no");
        type("UK_DRIVING_LICENCE", "driving licence", "driving license", "driver license", "licence number");
        type("UK_VAT", "vat number", "vat no", "vat reg");
        type("UK_UTR", "utr");
        type("PERSON", "first name", "last name", "fname", "lname", "surname", "forename", "given name",
                "family name", "maiden name", "full name", "middle name", "customer name", "contact name");
        weak("PERSON", "name");
        type("LOCATION", "address", "street", "city", "town", "address line", "addr");
        weak("LOCATION", "state", "county", "country", "region");
        category(DataCategory.IDENTITY, "gender", "sex", "title", "nationality", "marital status");
        category(DataCategory.MARKETING_AND_COMMUNICATIONS, "marketing", "opt in", "optin", "opted in",
                "consent", "newsletter", "unsubscribe", "unsubscribed", "opt out", "channel preference");
        category(DataCategory.FINANCIAL, "salary", "income", "cvv", "cvc", "expiredate", "expiry", "exp date",
                "expiry date", "balance", "credit limit", "card expiry");
        category(DataCategory.TRANSACTION, "amount", "payment", "paid", "refund", "order total");
        category(DataCategory.TECHNICAL, "user agent", "useragent", "device id", "session id", "cookie");
        category(DataCategory.USAGE, "last login", "visited", "page view", "request path", "clicked");
    }

    /** The hints, longest phrase first (stable), so a longer phrase claims its words before a shorter one. */
    private static final List<Hint> BY_LENGTH;

    static {
        List<Hint> sorted = new ArrayList<>(HINTS);
        sorted.sort(Comparator.comparingInt((Hint h) -> -h.words().size()));
        BY_LENGTH = List.copyOf(sorted);
    }

    private static void type(String type, String... phrases) {
        for (String p : phrases) {
            HINTS.add(new Hint(List.of(p.split(" ")), type, EntityType.builtIn(type).orElseThrow().category(), false));
        }
    }

    private static void weak(String type, String... phrases) {
        for (String p : phrases) {
            HINTS.add(new Hint(List.of(p.split(" ")), type, EntityType.builtIn(type).orElseThrow().category(), true));
        }
    }

    private static void category(DataCategory category, String... phrases) {
        for (String p : phrases) {
            HINTS.add(new Hint(List.of(p.split(" ")), null, category, false));
        }
    }

    private VerdictRules() {
    }

    /** Splits an identifier into lower-case words at punctuation, spaces, digits-letters and camelCase. */
    static List<String> words(String name) {
        if (name == null) {
            return List.of();
        }
        String spaced = name.replaceAll("([a-z0-9])([A-Z])", "$1 $2").replaceAll("([A-Z]+)([A-Z][a-z])", "$1 $2");
        List<String> out = new ArrayList<>();
        for (String w : spaced.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (!w.isEmpty()) {
                out.add(w);
            }
        }
        return out;
    }

    /**
     * The verdict of one column.
     *
     * @param column the column
     * @param profile what the sample showed
     * @param seed the sample's seed
     */
    static ColumnVerdict verdict(Catalog.Column column, ColumnProfile profile, long seed) {
        List<String> signals = new ArrayList<>();
        Map<String, Double> nameConf = new TreeMap<>();
        Map<DataCategory, Double> categories = new EnumMap<>(DataCategory.class);
        List<String> nameWords = words(column.name());
        List<String> commentWords = words(column.remarks());
        String qualifier = nameWords.stream().filter(QUALIFIERS::contains).findFirst().orElse(null);
        boolean[] nameUsed = new boolean[nameWords.size()];
        boolean[] commentUsed = new boolean[commentWords.size()];
        for (Hint h : BY_LENGTH) {
            double conf = claim(nameWords, nameUsed, h.words()) ? (h.weak() ? WEAK_HINT : STRONG_HINT)
                    : claim(commentWords, commentUsed, h.words()) ? COMMENT_HINT : 0;
            if (conf == 0) {
                continue;
            }
            String where = conf == COMMENT_HINT ? "comment" : "name";
            String phrase = String.join(" ", h.words());
            if (h.type() == null) {
                categories.merge(h.category(), CATEGORY_HINT, Math::max);
                signals.add(where + " '" + phrase + "' -> " + h.category());
                continue;
            }
            if (qualifier != null) {
                signals.add(where + " '" + phrase + "' -> " + h.type() + " dropped: qualifier '" + qualifier + "'");
                continue;
            }
            if (!compatible(h.type(), column)) {
                signals.add(where + " '" + phrase + "' -> " + h.type() + " dropped: SQL type " + column.typeName());
                continue;
            }
            if (nameConf.merge(h.type(), conf, Math::max) == conf) {
                signals.add(where + " '" + phrase + "' -> " + h.type());
            }
        }
        for (SpecialCategoryLexicon.FieldMatch m : SpecialCategoryLexicon.classifyFieldName(column.name())) {
            nameConf.merge(m.type().name(), STRONG_HINT, Math::max);
            signals.add("name '" + m.phrase() + "' -> " + m.type().name());
        }
        // the sample
        boolean freeText = column.character() && profile.nonNull() > 0
                && profile.averageLength() >= FREE_TEXT_LENGTH && profile.withSpace() * 2 > profile.nonNull();
        Map<String, Double> sampleConf = new TreeMap<>();
        for (Map.Entry<String, Integer> e : profile.matches().entrySet()) {
            double share = profile.nonNull() == 0 ? 0 : (double) e.getValue() / profile.nonNull();
            double conf = share >= 0.5 ? 0.55 + 0.4 * share : freeText ? IN_TEXT : 0;
            String examples = profile.examples().getOrDefault(e.getKey(), List.of()).isEmpty() ? ""
                    : " e.g. " + String.join(", ", profile.examples().get(e.getKey()));
            signals.add("sample " + e.getKey() + " " + e.getValue() + "/" + profile.nonNull() + examples);
            if (conf > 0) {
                sampleConf.put(e.getKey(), conf);
            }
        }
        // contradictions
        for (String t : List.copyOf(nameConf.keySet())) {
            int matched = profile.matches().getOrDefault(t, 0);
            if (WHOLE_VALUE_TYPES.contains(t) && profile.nonNull() >= CONTRADICTION_MIN
                    && matched * 10 < profile.nonNull()) {
                nameConf.remove(t);
                categories.merge(categoryOf(t, profile), CATEGORY_HINT, Math::max);
                signals.add(t + " contradicted by the sample (" + matched + "/" + profile.nonNull()
                        + "): category only");
            }
        }
        Map<String, Double> conf = new TreeMap<>();
        for (String t : union(nameConf.keySet(), sampleConf.keySet())) {
            double n = nameConf.getOrDefault(t, 0.0);
            double s = sampleConf.getOrDefault(t, 0.0);
            double c = Math.max(n, s) + (n > 0 && s > 0 ? 0.1 : 0);
            c = Math.round(Math.min(0.99, c) * 100) / 100.0;
            if (c >= 0.5) {
                conf.put(t, c);
            }
        }
        List<String> types = new ArrayList<>(conf.keySet());
        types.sort(Comparator.comparing((String t) -> -conf.get(t)).thenComparing(t -> t));
        signals.add(String.format(Locale.ROOT, "type %s; nulls %d%%, distinct %d%%, length %d-%d", column.typeName(),
                percent(profile.nulls(), profile.sampled()), percent(profile.distinct(), profile.nonNull()),
                profile.minLength(), profile.maxLength()));
        if (freeText) {
            signals.add("free text (average length " + Math.round(profile.averageLength()) + ")");
        }
        String evidence = String.join("; ", signals);
        if (!types.isEmpty()) {
            String best = types.getFirst();
            return new ColumnVerdict(column.name(), column.typeName(), ColumnVerdict.Kind.PERSONAL, types,
                    categoryOf(best, profile), conf.get(best), evidence, profile.sampled(),
                    profile.totalRows(), seed);
        }
        if (!categories.isEmpty()) {
            DataCategory best = categories.keySet().iterator().next();
            return new ColumnVerdict(column.name(), column.typeName(), ColumnVerdict.Kind.PERSONAL, List.of(), best,
                    categories.get(best), evidence, profile.sampled(), profile.totalRows(), seed);
        }
        if (freeText) {
            return new ColumnVerdict(column.name(), column.typeName(), ColumnVerdict.Kind.FREE_TEXT, List.of(), null,
                    0.5, evidence, profile.sampled(), profile.totalRows(), seed);
        }
        return new ColumnVerdict(column.name(), column.typeName(), ColumnVerdict.Kind.NONE, List.of(), null, 0.0,
                evidence, profile.sampled(), profile.totalRows(), seed);
    }

    private static DataCategory categoryOf(String type, ColumnProfile profile) {
        DataCategory c = profile.categories().get(type);
        return c != null ? c : EntityType.builtIn(type).map(EntityType::category).orElse(DataCategory.IDENTITY);
    }

    private static int percent(long part, long whole) {
        return whole == 0 ? 0 : (int) Math.round(100.0 * part / whole);
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new java.util.TreeSet<>(a);
        all.addAll(b);
        return all;
    }

    /**
     * True if {@code words} contains {@code phrase} as consecutive words not yet claimed by a longer hint; claims
     * them ({@code ip address} is one hint, not also {@code address}).
     */
    private static boolean claim(List<String> words, boolean[] used, List<String> phrase) {
        outer:
        for (int i = 0; i + phrase.size() <= words.size(); i++) {
            for (int j = 0; j < phrase.size(); j++) {
                if (used[i + j] || !words.get(i + j).equals(phrase.get(j))) {
                    continue outer;
                }
            }
            for (int j = 0; j < phrase.size(); j++) {
                used[i + j] = true;
            }
            return true;
        }
        return false;
    }

    /** True if a column of this SQL type can hold a value of the entity type. */
    private static boolean compatible(String type, Catalog.Column c) {
        if (c.bool()) {
            return false;
        }
        if (c.character()) {
            return true;
        }
        return switch (type) {
            case "PHONE_NUMBER", "UK_SORT_CODE_ACCOUNT", "CREDIT_CARD", "UK_NHS", "UK_UTR" -> c.numeric();
            case "DATE_OF_BIRTH" -> c.temporal();
            case "IP_ADDRESS", "MAC_ADDRESS" -> !c.numeric() && !c.temporal();
            default -> false;
        };
    }
}
