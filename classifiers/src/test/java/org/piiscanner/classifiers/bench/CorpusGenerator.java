package org.piiscanner.classifiers.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Generates a deterministic English corpus for benchmarks: prose made from word lists, with one planted
 * identifier about every 270 bytes (every entity type of the identifier pack, each value generated valid by this
 * class's own check-digit code, independent of the detectors) and look-alike decoys at a similar rate (Luhn-invalid
 * 16-digit order numbers, version strings such as {@code 10.2.3.4}, ISO dates, times, amounts, invoice numbers,
 * all-capitals words). It returns the ground truth of both.
 *
 * <p>Names are made from syllables (no real person's name is used); domains are invented. The same seed always
 * gives the same corpus. Not thread-safe (one generator per thread).
 */
public final class CorpusGenerator {

    /** Mean distance in UTF-8 bytes between two planted identifiers (and between two decoys). */
    public static final int MEAN_GAP = 270;

    /**
     * A planted identifier or a decoy.
     *
     * @param type for a planted item our entity type name ({@code IBAN_CODE}); for a decoy its kind
     *     ({@code ORDER_NUMBER}, {@code VERSION}, ...)
     * @param start first character in the document, inclusive
     * @param end last character, exclusive
     */
    public record Item(String type, int start, int end) {
    }

    /**
     * One document of the corpus.
     *
     * @param text the text
     * @param planted identifiers that should be found, by position
     * @param decoys look-alikes that should not be found, by position
     * @param utf8Bytes the size of the text in UTF-8
     */
    public record Document(String text, List<Item> planted, List<Item> decoys, long utf8Bytes) {
    }

    /**
     * The generated documents.
     *
     * @param documents in order
     * @param utf8Bytes total UTF-8 size
     */
    public record Corpus(List<Document> documents, long utf8Bytes) {

        public int planted() {
            return documents.stream().mapToInt(d -> d.planted().size()).sum();
        }

        public int decoys() {
            return documents.stream().mapToInt(d -> d.decoys().size()).sum();
        }
    }

    /** Every type planted, in our entity type names; common ones are listed twice (planted twice as often). */
    static final List<String> PLANTED_TYPES = List.of(
            "EMAIL_ADDRESS", "EMAIL_ADDRESS", "PHONE_NUMBER", "PHONE_NUMBER", "CREDIT_CARD", "CREDIT_CARD",
            "IBAN_CODE", "IBAN_CODE", "UK_POSTCODE", "UK_POSTCODE", "URL", "URL", "IP_ADDRESS", "IP_ADDRESS",
            "DATE_OF_BIRTH", "UK_NINO", "UK_NHS", "UK_SORT_CODE_ACCOUNT", "UK_PASSPORT", "UK_DRIVING_LICENCE",
            "UK_VAT", "UK_UTR", "EU_VAT", "US_SSN", "MAC_ADDRESS", "BIC");

    /** Every decoy kind. */
    static final List<String> DECOY_KINDS = List.of(
            "ORDER_NUMBER", "VERSION", "ISO_DATE", "TIME", "AMOUNT", "INVOICE", "ALL_CAPS");

    private static final String[] NOUNS = {"report", "meeting", "garden", "budget", "window", "letter", "project",
        "kitchen", "contract", "schedule", "parcel", "invoice", "station", "library", "journey", "office",
        "account", "delivery", "weekend", "proposal", "committee", "printer", "market", "bridge", "harbour",
        "festival", "workshop", "newsletter", "survey", "warehouse", "bicycle", "museum", "recipe", "policy",
        "network", "laptop", "ticket", "holiday", "council", "village"};
    private static final String[] ADJECTIVES = {"new", "quiet", "large", "careful", "late", "bright", "small",
        "annual", "local", "draft", "final", "busy", "early", "green", "useful", "formal", "short", "regional",
        "shared", "simple", "revised", "weekly", "public", "private", "rough", "steady"};
    private static final String[] VERBS_PAST = {"reviewed", "moved", "approved", "cancelled", "opened", "finished",
        "discussed", "painted", "ordered", "checked", "repaired", "signed", "booked", "posted", "cleaned",
        "printed", "changed", "visited", "planned", "delayed"};
    private static final String[] VERBS_BASE = {"arrive", "start", "close", "improve", "change", "continue",
        "finish", "open", "expand", "wait", "return", "settle"};
    private static final String[] VERBS_TRANSITIVE = {"repair", "print", "move", "clean", "insure", "paint",
        "deliver", "replace"};
    private static final String[] ADVERBS = {"quickly", "quietly", "yesterday", "again", "carefully", "today",
        "at last", "without fuss", "this morning", "on time"};
    private static final String[] PLACES = {"the town hall", "the north wing", "the car park", "the old mill",
        "the high street", "the riverside", "the main office", "the depot", "the school", "the station"};
    private static final String[] TIMES = {"next week", "before Friday", "in the spring", "by the end of the month",
        "after lunch", "tomorrow", "later this year", "on Monday"};
    private static final String[] SYLLABLES = {"ar", "bel", "cor", "dan", "el", "fen", "gar", "hal", "is", "jor",
        "kel", "lin", "mar", "nor", "ol", "per", "quin", "ros", "sel", "tam", "ur", "val", "wen", "yar", "zel",
        "bri", "cal", "dor", "fin", "lor", "mir", "tor"};
    private static final String[] SURNAME_ENDINGS = {"by", "ton", "ford", "wick", "more", "ley", "well", "son",
        "ham", "field"};
    private static final String[] DOMAIN_WORDS = {"brightmail", "northpost", "hedgerow", "kestrel", "millbank",
        "oakline", "riverton", "stonegate", "tidewell", "westmere"};
    private static final String[] EMAIL_TLDS = {"co.uk", "com", "org.uk", "net", "org", "uk"};
    private static final String[] POSTCODE_AREAS = {"AB", "AL", "B", "BA", "BB", "BD", "BH", "BL", "BN", "BR",
        "BS", "CA", "CB", "CF", "CH", "CM", "CO", "CR", "CT", "CV", "DA", "DE", "DH", "DL", "DN", "DT", "E", "EH",
        "EX", "G", "GL", "GU", "HA", "HD", "HG", "HP", "HU", "IP", "KT", "L", "LA", "LE", "LS", "M", "ME", "MK",
        "N", "NE", "NG", "NN", "NR", "NW", "OX", "PE", "PL", "PO", "RG", "S", "SE", "SK", "SN", "SO", "ST", "SW",
        "TN", "TQ", "W", "WF", "YO"};
    private static final String INWARD_LETTERS = "ABDEFGHJLNPQRSTUWXYZ";
    private static final String MONTHS = "January February March April May June July August September October "
            + "November December";
    private static final String[] CAPS_WORDS = {"URGENT", "NOTE", "ASAP", "FYI", "TBC", "IMPORTANT", "DRAFT",
        "REMINDER", "UPDATE", "ACTION"};
    private static final String[] BIC_COUNTRIES = {"GB", "DE", "FR", "IE", "NL", "ES", "IT"};

    private final SplittableRandom random;

    public CorpusGenerator(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /**
     * Generates about {@code targetBytes} of UTF-8 text split into documents of about {@code documentBytes} each
     * (documents end at a sentence boundary once they reach the size).
     */
    public Corpus generate(long targetBytes, int documentBytes) {
        if (targetBytes <= 0 || documentBytes <= 0) {
            throw new IllegalArgumentException("sizes must be positive");
        }
        List<Document> documents = new ArrayList<>();
        long total = 0;
        long nextPlant = gap();
        long nextDecoy = gap() / 2;
        while (total < targetBytes) {
            Builder doc = new Builder();
            while (doc.bytes < documentBytes && total + doc.bytes < targetBytes) {
                int sentences = 3 + random.nextInt(5);
                for (int s = 0; s < sentences; s++) {
                    long position = total + doc.bytes;
                    if (position >= nextPlant) {
                        plant(doc, PLANTED_TYPES.get(random.nextInt(PLANTED_TYPES.size())));
                        nextPlant += gap();
                    } else if (position >= nextDecoy) {
                        decoy(doc, DECOY_KINDS.get(random.nextInt(DECOY_KINDS.size())));
                        nextDecoy += gap();
                    } else {
                        filler(doc);
                    }
                    doc.text(s + 1 < sentences ? " " : "");
                }
                doc.text("\n\n");
            }
            total += doc.bytes;
            documents.add(doc.build());
        }
        return new Corpus(Collections.unmodifiableList(documents), total);
    }

    /** About {@code bytes} of text as one string (for micro-benchmarks). */
    public String text(int bytes) {
        Corpus c = generate(bytes, bytes);
        StringBuilder sb = new StringBuilder();
        c.documents().forEach(d -> sb.append(d.text()));
        return sb.toString();
    }

    private long gap() {
        return MEAN_GAP - 100 + random.nextInt(201);
    }

    // ------------------------------------------------------------------ prose

    private void filler(Builder b) {
        switch (random.nextInt(7)) {
            case 0 -> b.text(name() + " " + pick(VERBS_PAST) + " the " + pick(ADJECTIVES) + " " + pick(NOUNS)
                    + " at " + pick(PLACES) + ".");
            case 1 -> b.text("The " + pick(NOUNS) + " was " + pick(VERBS_PAST) + " " + pick(ADVERBS) + " by "
                    + name() + ".");
            case 2 -> b.text("We expect the " + pick(ADJECTIVES) + " " + pick(NOUNS) + " to " + pick(VERBS_BASE)
                    + " " + pick(TIMES) + ".");
            case 3 -> b.text(name() + " said that " + (2 + random.nextInt(40)) + " " + plural(pick(NOUNS))
                    + " had been " + pick(VERBS_PAST) + " " + pick(TIMES) + ".");
            case 4 -> b.text("After the " + pick(NOUNS) + ", " + firstName() + " and " + firstName() + " "
                    + pick(VERBS_PAST) + " the " + pick(NOUNS) + " \u2013 " + pick(ADVERBS) + ".");
            case 5 -> b.text("Please ask " + firstName() + " whether the " + pick(ADJECTIVES) + " " + pick(NOUNS)
                    + " can " + pick(VERBS_BASE) + " " + pick(TIMES) + "?");
            default -> b.text("It cost about \u00a3" + (5 + random.nextInt(900)) + " to " + pick(VERBS_TRANSITIVE)
                    + " the " + pick(NOUNS) + ", according to " + name() + ".");
        }
    }

    private static String plural(String noun) {
        return noun.endsWith("y") && "aeiou".indexOf(noun.charAt(noun.length() - 2)) < 0
                ? noun.substring(0, noun.length() - 1) + "ies" : noun + "s";
    }

    private String firstName() {
        String s = pick(SYLLABLES) + pick(SYLLABLES);
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private String surname() {
        String s = pick(SYLLABLES) + pick(SURNAME_ENDINGS);
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private String name() {
        return firstName() + " " + surname();
    }

    // ------------------------------------------------------------------ planted identifiers

    private void plant(Builder b, String type) {
        switch (type) {
            case "EMAIL_ADDRESS" -> b.plant(type, email(), "Send the signed form to # before noon.", "Email: #.",
                    "You can reach " + firstName() + " at # any time.");
            case "PHONE_NUMBER" -> b.plant(type, phone(), "Call " + firstName() + " on # after six.",
                    "Her mobile is #.", "Tel: # if the line is busy.");
            case "CREDIT_CARD" -> b.plant(type, card(), "I paid with card # on Tuesday.", "Card number: #.",
                    "Please charge # for the deposit.");
            case "IBAN_CODE" -> b.plant(type, iban(), "Transfer the balance to IBAN # by Friday.",
                    "Our account is #.", "Refunds go to # as agreed.");
            case "UK_POSTCODE" -> b.plant(type, postcode(), "She moved to " + (1 + random.nextInt(90)) + " "
                    + surname() + " Road, " + surname() + " # last spring.", "Postcode: #.",
                    "The depot is near # in the north.");
            case "URL" -> b.plant(type, url(), "More details are at # if needed.", "See # for the agenda.",
                    "The form is on # today.");
            case "IP_ADDRESS" -> b.plant(type, random.nextInt(3) == 0 ? ipv6() : ipv4(),
                    "Login from IP address # was blocked.", "The client # connected at night.",
                    "Requests came from # twice.");
            case "DATE_OF_BIRTH" -> b.plant(type, dateOfBirth(), "Date of birth: #.",
                    firstName() + " was born on # in a small village.", "DOB # according to the form.");
            case "UK_NINO" -> b.plant(type, nino(), "Her National Insurance number is #.",
                    "NI number # for the new starter.", "The payroll record shows NINO # again.");
            case "UK_NHS" -> b.plant(type, nhs(), "NHS number # was recorded at the clinic.",
                    "The patient's NHS number is #.", "Quote NHS no # when you call.");
            case "UK_SORT_CODE_ACCOUNT" -> b.plant(type, sortCodeAccount(), "Please pay sort code # by Friday.",
                    "Bank details: sort code #.", "Pay the refund into sort code #.");
            case "UK_PASSPORT" -> b.plant(type, digits(9, true), "His passport number is # and it expires soon.",
                    "Passport no. #.", "The passport number # was checked.");
            case "UK_DRIVING_LICENCE" -> b.plant(type, drivingLicence(), "Driving licence # was checked.",
                    "The DVLA driver number is #.", "Licence number # is on file.");
            case "UK_VAT" -> b.plant(type, ukVat(), "VAT registration number # appears on the invoice.",
                    "Our VAT number is #.", "VAT reg # (UK).");
            case "UK_UTR" -> b.plant(type, utr(), "Her UTR is #.", "Unique Taxpayer Reference # for the return.",
                    "Self assessment UTR # was quoted.");
            case "EU_VAT" -> b.plant(type, euVat(), "Our EU VAT number is #.", "VAT ID # applies.",
                    "Intra-community VAT # for reverse charge.");
            case "US_SSN" -> b.plant(type, ssn(), "SSN # is on the form.", "Social security number: #.",
                    "The W-2 shows SSN # for the contractor.");
            case "MAC_ADDRESS" -> b.plant(type, mac(), "The router saw MAC address # on the network.",
                    "Device MAC #.", "Hardware address # appeared at startup.");
            case "BIC" -> b.plant(type, bic(), "The BIC is # for international payments.", "SWIFT code #.",
                    "Use SWIFT/BIC # with the IBAN.");
            default -> throw new IllegalArgumentException(type);
        }
    }

    private String email() {
        String local = switch (random.nextInt(3)) {
            case 0 -> firstName().toLowerCase(Locale.ROOT) + "." + surname().toLowerCase(Locale.ROOT);
            case 1 -> firstName().toLowerCase(Locale.ROOT) + (10 + random.nextInt(90));
            default -> firstName().substring(0, 1).toLowerCase(Locale.ROOT) + surname().toLowerCase(Locale.ROOT);
        };
        return local + "@" + pick(DOMAIN_WORDS) + "." + pick(EMAIL_TLDS);
    }

    /** UK numbers libphonenumber accepts, avoiding Ofcom's drama ranges (07700 900xxx, 020 7946 0xxx, 0xxx 496). */
    private String phone() {
        return switch (random.nextInt(6)) {
            case 0 -> "07400 " + digits(6, false);
            case 1 -> "07" + mobilePrefix() + " " + digits(6, false);
            case 2 -> "020 7" + threeDigitsExcept(200, 999, 946) + " " + digits(4, false);
            case 3 -> "020 8" + digits(3, false) + " " + digits(4, false);
            case 4 -> pickOf("0161", "0113", "0121") + " " + threeDigitsExcept(200, 599, 496) + " " + digits(4, false);
            default -> "+44 7400 " + digits(6, false);
        };
    }

    /** 710-799 without 76x (pagers and unallocated) and 770 (drama block). */
    private int mobilePrefix() {
        int p;
        do {
            p = 710 + random.nextInt(90);
        } while (p >= 760 && p <= 770);
        return p;
    }

    private String threeDigitsExcept(int from, int to, int avoid) {
        int v;
        do {
            v = from + random.nextInt(to - from + 1);
        } while (v == avoid);
        return Integer.toString(v);
    }

    private String card() {
        String body;
        int length;
        switch (random.nextInt(4)) {
            case 0 -> {
                body = "4" + digits(5, true);
                length = 16;
            }
            case 1 -> {
                body = "5" + (1 + random.nextInt(5)) + digits(4, false);
                length = 16;
            }
            case 2 -> {
                body = (random.nextBoolean() ? "34" : "37") + digits(4, false);
                length = 15;
            }
            default -> {
                body = "6011" + digits(2, false);
                length = 16;
            }
        }
        String partial = body + digits(length - 1 - body.length(), false);
        String pan = partial + luhnCheckDigit(partial);
        int style = random.nextInt(3);
        if (style == 0) {
            return pan;
        }
        char sep = style == 1 ? ' ' : '-';
        return length == 15
                ? pan.substring(0, 4) + sep + pan.substring(4, 10) + sep + pan.substring(10)
                : pan.substring(0, 4) + sep + pan.substring(4, 8) + sep + pan.substring(8, 12) + sep
                        + pan.substring(12);
    }

    /** The Luhn check digit for {@code partial} (ISO/IEC 7812-1). */
    static int luhnCheckDigit(String partial) {
        int sum = 0;
        boolean dbl = true;
        for (int i = partial.length() - 1; i >= 0; i--) {
            int d = partial.charAt(i) - '0';
            if (dbl) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            dbl = !dbl;
        }
        return (10 - sum % 10) % 10;
    }

    private String iban() {
        String country;
        String bban;
        switch (random.nextInt(7)) {
            case 0 -> {
                country = "GB";
                bban = letters(4) + digits(14, false);
            }
            case 1 -> {
                country = "DE";
                bban = digits(18, false);
            }
            case 2 -> {
                country = "IE";
                bban = letters(4) + digits(14, false);
            }
            case 3 -> {
                country = "AT";
                bban = digits(16, false);
            }
            case 4 -> {
                country = "CH";
                bban = digits(17, false);
            }
            case 5 -> {
                country = "DK";
                bban = digits(14, false);
            }
            default -> {
                country = "LU";
                bban = digits(16, false);
            }
        }
        String check = String.format(Locale.ROOT, "%02d", 98 - mod97(bban + country + "00"));
        String iban = country + check + bban;
        if (random.nextBoolean()) {
            return iban;
        }
        StringBuilder paper = new StringBuilder();
        for (int i = 0; i < iban.length(); i += 4) {
            if (i > 0) {
                paper.append(' ');
            }
            paper.append(iban, i, Math.min(iban.length(), i + 4));
        }
        return paper.toString();
    }

    /** ISO 7064 MOD 97-10 remainder of an alphanumeric string (letters count A=10 ... Z=35). */
    static int mod97(String s) {
        int r = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                r = (r * 100 + (c - 'A' + 10)) % 97;
            } else {
                r = (r * 10 + (c - '0')) % 97;
            }
        }
        return r;
    }

    private String postcode() {
        String area = pick(POSTCODE_AREAS);
        String outward;
        int shape = random.nextInt(3);
        if (shape == 0) {
            outward = area + (1 + random.nextInt(9));
        } else if (shape == 1) {
            outward = area + (10 + random.nextInt(20));
        } else if (area.length() == 1) {
            outward = area + (1 + random.nextInt(9)) + "ABCDEFGHJKPSTUW".charAt(random.nextInt(15));
        } else {
            outward = area + (1 + random.nextInt(9)) + "ABEHMNPRVWXY".charAt(random.nextInt(12));
        }
        return outward + " " + random.nextInt(10) + INWARD_LETTERS.charAt(random.nextInt(INWARD_LETTERS.length()))
                + INWARD_LETTERS.charAt(random.nextInt(INWARD_LETTERS.length()));
    }

    private String url() {
        String host = pick(DOMAIN_WORDS) + pick(new String[] {"", "-events", "-shop", "-news"});
        return switch (random.nextInt(3)) {
            case 0 -> "https://www." + host + ".co.uk/" + pick(NOUNS) + "/" + pick(NOUNS);
            case 1 -> "http://" + host + ".com/" + pick(NOUNS) + "?id=" + digits(4, true);
            default -> "www." + host + ".org";
        };
    }

    private String ipv4() {
        int first;
        do {
            first = 11 + random.nextInt(213);
        } while (first == 100 || first == 127 || first == 169 || first == 172 || first == 192 || first == 198
                || first == 203);
        return first + "." + random.nextInt(256) + "." + random.nextInt(256) + "." + (1 + random.nextInt(254));
    }

    private String ipv6() {
        StringBuilder sb = new StringBuilder(pickOf("2a02", "2a01", "2a00", "2001:4860"));
        int groups = sb.indexOf(":") > 0 ? 2 : 1;
        boolean compress = random.nextBoolean();
        int total = compress ? 3 + random.nextInt(3) : 8;
        while (groups < total) {
            sb.append(':').append(Integer.toHexString(1 + random.nextInt(0xffff)));
            groups++;
        }
        if (compress) {
            sb.append("::").append(Integer.toHexString(1 + random.nextInt(0xff)));
        }
        return sb.toString();
    }

    private String dateOfBirth() {
        int year = 1935 + random.nextInt(70);
        int month = 1 + random.nextInt(12);
        int day = 1 + random.nextInt(28);
        return switch (random.nextInt(3)) {
            case 0 -> String.format(Locale.ROOT, "%02d/%02d/%d", day, month, year);
            case 1 -> String.format(Locale.ROOT, "%d-%02d-%02d", year, month, day);
            default -> day + " " + MONTHS.split(" ")[month - 1] + " " + year;
        };
    }

    private String nino() {
        String first = "ABCEGHJKLMNOPRSTWXYZ";
        String second = "ABCEGHJKLMNPRSTWXYZ";
        String prefix;
        do {
            prefix = "" + first.charAt(random.nextInt(first.length())) + second.charAt(random.nextInt(second.length()));
        } while ("BG GB KN NK NT TN ZZ".contains(prefix));
        String d = digits(6, false);
        char suffix = "ABCD".charAt(random.nextInt(4));
        return random.nextBoolean()
                ? prefix + d + suffix
                : prefix + " " + d.substring(0, 2) + " " + d.substring(2, 4) + " " + d.substring(4) + " " + suffix;
    }

    private String nhs() {
        String base;
        int check;
        do {
            base = pickOf("4", "6", "7") + digits(8, false);
            int sum = 0;
            for (int i = 0; i < 9; i++) {
                sum += (10 - i) * (base.charAt(i) - '0');
            }
            check = 11 - sum % 11;
            if (check == 11) {
                check = 0;
            }
        } while (check == 10);
        String n = base + check;
        return random.nextBoolean() ? n : n.substring(0, 3) + " " + n.substring(3, 6) + " " + n.substring(6);
    }

    private String sortCodeAccount() {
        return digits(2, true) + "-" + digits(2, false) + "-" + digits(2, false)
                + pickOf(", account number ", " account no. ", ", account ") + digits(8, true);
    }

    private String drivingLicence() {
        String surname = surname().toUpperCase(Locale.ROOT);
        String block = (surname + "99999").substring(0, 5);
        int year = 1940 + random.nextInt(65);
        int month = 1 + random.nextInt(12) + (random.nextBoolean() ? 50 : 0);
        int day = 1 + random.nextInt(28);
        String initials = "" + (char) ('A' + random.nextInt(26))
                + (random.nextInt(4) == 0 ? '9' : (char) ('A' + random.nextInt(26)));
        return String.format(Locale.ROOT, "%s%d%02d%02d%d%s9%s", block, (year / 10) % 10, month, day, year % 10,
                initials, letters(2));
    }

    private String ukVat() {
        String d = (1 + random.nextInt(9)) + digits(6, false);
        int sum = 0;
        for (int i = 0; i < 7; i++) {
            sum += (8 - i) * (d.charAt(i) - '0');
        }
        String n = d + String.format(Locale.ROOT, "%02d", (97 - sum % 97) % 97);
        return random.nextBoolean() ? "GB" + n
                : "GB " + n.substring(0, 3) + " " + n.substring(3, 7) + " " + n.substring(7);
    }

    private String utr() {
        String rest = digits(9, false);
        int[] weights = {6, 7, 8, 9, 10, 5, 4, 3, 2};
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += weights[i] * (rest.charAt(i) - '0');
        }
        String n = "21987654321".charAt(sum % 11) + rest;
        return random.nextBoolean() ? n : n.substring(0, 5) + " " + n.substring(5);
    }

    private String euVat() {
        if (random.nextBoolean()) {
            String body = (1 + random.nextInt(9)) + digits(7, false);
            return "DE" + body + mod1110CheckDigit(body);
        }
        String body = (1 + random.nextInt(9)) + digits(6, false)
                + String.format(Locale.ROOT, "%03d", 1 + random.nextInt(100));
        return "IT" + body + luhnCheckDigit(body);
    }

    /** ISO 7064 MOD 11,10 check digit (German VAT numbers). */
    static int mod1110CheckDigit(String digits) {
        int check = 5;
        for (int i = 0; i < digits.length(); i++) {
            check = ((check == 0 ? 10 : check) * 2 % 11 + digits.charAt(i) - '0') % 10;
        }
        return (1 - (check == 0 ? 10 : check) * 2 % 11 + 10) % 10;
    }

    private String ssn() {
        int area;
        do {
            area = 1 + random.nextInt(899);
        } while (area == 666 || area == 78 || area == 219 || area == 457);
        return String.format(Locale.ROOT, "%03d-%02d-%04d", area, 1 + random.nextInt(99), 1 + random.nextInt(9999));
    }

    private String mac() {
        int[] b = new int[6];
        b[0] = (random.nextInt(64) << 2);
        if (b[0] == 0) {
            b[0] = 0x3c;
        }
        for (int i = 1; i < 6; i++) {
            b[i] = random.nextInt(256);
        }
        StringBuilder sb = new StringBuilder();
        int style = random.nextInt(4);
        if (style == 3) {
            for (int i = 0; i < 6; i += 2) {
                if (i > 0) {
                    sb.append('.');
                }
                sb.append(String.format(Locale.ROOT, "%02x%02x", b[i], b[i + 1]));
            }
            return sb.toString();
        }
        char sep = style == 2 ? '-' : ':';
        String fmt = style == 0 ? "%02x" : "%02X";
        for (int i = 0; i < 6; i++) {
            if (i > 0) {
                sb.append(sep);
            }
            sb.append(String.format(Locale.ROOT, fmt, b[i]));
        }
        return sb.toString();
    }

    private String bic() {
        String location = "" + (char) ('A' + random.nextInt(26)) + (char) ('1' + random.nextInt(9));
        String branch = switch (random.nextInt(3)) {
            case 0 -> "";
            case 1 -> "XXX";
            default -> letters(1) + digits(2, false);
        };
        return letters(4) + pick(BIC_COUNTRIES) + location + branch;
    }

    // ------------------------------------------------------------------ decoys

    private void decoy(Builder b, String kind) {
        switch (kind) {
            case "ORDER_NUMBER" -> b.decoy(kind, orderNumber(), "Order number # has shipped.",
                    "Your order # is being packed.", "Tracking reference #.");
            case "VERSION" -> b.decoy(kind, random.nextInt(20) + "." + random.nextInt(10) + "." + random.nextInt(30)
                    + "." + random.nextInt(250), "Upgrade to version # before Monday.",
                    "The server runs release #.", "Firmware version # has been stable since March.");
            case "ISO_DATE" -> b.decoy(kind, String.format(Locale.ROOT, "%d-%02d-%02d", 2015 + random.nextInt(11),
                    1 + random.nextInt(12), 1 + random.nextInt(28)), "The meeting on # was moved.",
                    "Invoice date #.", "Updated on # by the team.");
            case "TIME" -> b.decoy(kind, String.format(Locale.ROOT, random.nextBoolean() ? "%02d:%02d"
                    : "%02d:%02d:%02d", random.nextInt(24), random.nextInt(60), random.nextInt(60)),
                    "The train left at # sharp.", "Doors open at #.", "The job was logged at # on the dot.");
            case "AMOUNT" -> b.decoy(kind, pickOf("\u00a3", "$", "EUR ") + String.format(Locale.ROOT, "%,d.%02d",
                    100 + random.nextInt(2_000_000), random.nextInt(100)), "The invoice total was #.",
                    "We received # in total.", "Budget: # net.");
            case "INVOICE" -> b.decoy(kind, pickOf("INV-", "PO-", "TCK-") + (2015 + random.nextInt(11)) + "-"
                    + digits(6, false), "Invoice # is overdue.", "Purchase order # was approved.", "Ticket #.");
            default -> b.decoy(kind, pick(CAPS_WORDS), "#: please review the " + pick(NOUNS) + ".",
                    "# \u2013 the " + pick(NOUNS) + " is " + pick(ADJECTIVES) + ".");
        }
    }

    private String orderNumber() {
        String partial = digits(15, true);
        int check = (luhnCheckDigit(partial) + 1 + random.nextInt(9)) % 10;
        String n = partial + check;
        return random.nextBoolean() ? n
                : n.substring(0, 4) + " " + n.substring(4, 8) + " " + n.substring(8, 12) + " " + n.substring(12);
    }

    // ------------------------------------------------------------------ helpers

    private String digits(int n, boolean nonZeroFirst) {
        char[] c = new char[n];
        for (int i = 0; i < n; i++) {
            c[i] = (char) ('0' + (i == 0 && nonZeroFirst ? 1 + random.nextInt(9) : random.nextInt(10)));
        }
        return new String(c);
    }

    private String letters(int n) {
        char[] c = new char[n];
        for (int i = 0; i < n; i++) {
            c[i] = (char) ('A' + random.nextInt(26));
        }
        return new String(c);
    }

    private String pick(String[] words) {
        return words[random.nextInt(words.length)];
    }

    private String pickOf(String... words) {
        return words[random.nextInt(words.length)];
    }

    /** A document under construction, tracking its UTF-8 size and its items. */
    private final class Builder {
        final StringBuilder sb = new StringBuilder(70_000);
        final List<Item> planted = new ArrayList<>();
        final List<Item> decoys = new ArrayList<>();
        long bytes;

        void text(String s) {
            sb.append(s);
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
            }
        }

        /** Appends one of the templates (a sentence with {@code #} where the value goes) and records the value. */
        void plant(String type, String value, String... templates) {
            put(planted, type, value, templates);
        }

        void decoy(String kind, String value, String... templates) {
            put(decoys, kind, value, templates);
        }

        private void put(List<Item> list, String type, String value, String[] templates) {
            String t = templates[random.nextInt(templates.length)];
            int hash = t.indexOf('#');
            text(t.substring(0, hash));
            int start = sb.length();
            text(value);
            list.add(new Item(type, start, sb.length()));
            text(t.substring(hash + 1));
        }

        Document build() {
            return new Document(sb.toString(), List.copyOf(planted), List.copyOf(decoys), bytes);
        }
    }
}
