package org.piiscanner.classifiers.detectors;

import static org.piiscanner.classifiers.EntityType.CRIMINAL_OFFENCE;
import static org.piiscanner.classifiers.EntityType.SPECIAL_CATEGORY_BIOMETRIC;
import static org.piiscanner.classifiers.EntityType.SPECIAL_CATEGORY_ETHNIC_ORIGIN;
import static org.piiscanner.classifiers.EntityType.SPECIAL_CATEGORY_GENETIC;
import static org.piiscanner.classifiers.EntityType.SPECIAL_CATEGORY_HEALTH;
import static org.piiscanner.classifiers.EntityType.SPECIAL_CATEGORY_POLITICAL_OPINION;
import static org.piiscanner.classifiers.EntityType.SPECIAL_CATEGORY_RELIGIOUS_BELIEF;
import static org.piiscanner.classifiers.EntityType.SPECIAL_CATEGORY_SEX_LIFE;
import static org.piiscanner.classifiers.EntityType.SPECIAL_CATEGORY_TRADE_UNION;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.piiscanner.classifiers.EntityType;
import org.piiscanner.classifiers.text.PhraseMatcher;

/**
 * The special-category (UK GDPR Art. 9) and criminal-offence (Art. 10) phrase lists of identifiers spec §21, with
 * their exclusions, compiled into one multi-phrase automaton for free text ({@link SpecialCategoryDetector}) and
 * one for field and column names ({@link #classifyFieldName}).
 *
 * <p>A phrase is matched as whole words, case-insensitively, with plurals; a word written {@code attend~} also
 * matches its verb forms (attends, attended, attending), see {@link PhraseMatcher#inflected}. Some phrases carry a
 * rule: <em>exact case</em> (acronyms: {@code UNISON} but not "in unison"), <em>not capitalised mid-sentence</em>
 * ({@code cancer} but not the star sign "a Cancer", {@code gay} but not the surname "Mr Gay"), <em>needs an
 * identification purpose</em> (biometric captures such as {@code iris scan}, §21.7: biometric data is special
 * category only when used to identify someone), <em>not after a hyphen</em> ({@code agnostic} but not
 * "platform-agnostic"). An exclusion phrase ({@code health and safety}, {@code European Union}, {@code cardiac
 * arrest}) suppresses every phrase match it overlaps.
 *
 * <p>Field names get the same lists (rules that need running text are skipped) plus a few column-name words that
 * are too ambiguous in prose ({@code race}, {@code religious}, {@code convictions}).
 *
 * <p>Static, immutable and thread-safe.
 */
public final class SpecialCategoryLexicon {

    /**
     * A field name's classification.
     *
     * @param type the special-category or criminal-offence type
     * @param phrase the list phrase that matched, normalised (lower case, single spaces)
     */
    public record FieldMatch(EntityType type, String phrase) {

        public FieldMatch {
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(phrase, "phrase");
        }
    }

    /** How strong a phrase is as evidence; names the pattern in explanations. */
    enum Strength {
        /** A multi-word phrase rarely used in another sense. */
        PHRASE("phrase", 0.7),
        /** A single word, or a phrase with a common other sense. */
        WORD("word", 0.5),
        /** A phrase that reveals the category only weakly (the spec's "low weight" entries). */
        WEAK("weak phrase", 0.45);

        final String label;
        final double score;

        Strength(String label, double score) {
            this.label = label;
            this.score = score;
        }
    }

    /** Rule flag: letters upper-case in the listed form must be upper-case in the text. */
    static final int EXACT_CASE = 1;
    /** Rule flag: a match written with a capital initial is skipped unless it starts a sentence or is all capitals. */
    static final int NOT_CAPITALISED = 2;
    /** Rule flag: reported only with an identification-purpose word in the same sentence (biometrics). */
    static final int NEEDS_PURPOSE = 4;
    /** Rule flag: skipped right after a hyphen ("platform-agnostic"). */
    static final int NOT_AFTER_HYPHEN = 8;

    /**
     * One listed phrase.
     *
     * @param type the type it reveals
     * @param section the spec section of its list, e.g. {@code §21.8}
     * @param form the phrase as listed (original case, {@code ~} marks)
     * @param phrase the normalised phrase without marks, for explanations and field matches
     * @param strength its strength as evidence
     * @param flags its rules ({@link #EXACT_CASE}...)
     */
    record Entry(EntityType type, String section, String form, String phrase, Strength strength, int flags) {

        boolean has(int flag) {
            return (flags & flag) != 0;
        }
    }

    private static final List<Entry> TEXT_ENTRIES = new ArrayList<>();
    private static final List<Entry> FIELD_ONLY_ENTRIES = new ArrayList<>();

    static {
        section(SPECIAL_CATEGORY_ETHNIC_ORIGIN, "§21.2")
                .phrases("ethnic origin", "ethnic group", "ethnic background", "racial origin", "ethnic monitoring",
                        "equal opportunities monitoring", "ethnic minority", "Black, Asian and minority ethnic",
                        "Black Asian and minority ethnic", "White British", "White Irish", "Gypsy or Irish Traveller",
                        "Gypsy, Roma and Traveller", "Gypsy, Roma or Traveller", "Any other White background",
                        "White and Black Caribbean", "White and Black African", "White and Asian",
                        "mixed ethnic background", "Asian British", "British Indian", "British Pakistani",
                        "British Bangladeshi", "Black British", "Black Caribbean", "Black African",
                        "ethnic category code")
                .words("ethnicity")
                .strong("race/ethnicity")
                .exact("BAME", "Arab")
                .fieldOnly("race", "ethnic", "ethnic code");
        section(SPECIAL_CATEGORY_POLITICAL_OPINION, "§21.3")
                .phrases("political opinion", "political views", "political beliefs", "political affiliation",
                        "political party member", "party membership", "member of the Labour Party",
                        "Labour Party member", "member of the Conservative Party", "Conservative Party member",
                        "Liberal Democrat member", "member of the Liberal Democrats", "Plaid Cymru member",
                        "Green Party member", "member of the Green Party", "Reform UK member", "voting intention",
                        "vote~ Leave", "vote~ Remain", "political donation", "donate~ to the party",
                        "party activist", "canvass~ for", "political activism")
                .exact("SNP member")
                .words("campaign volunteer", "far-right", "far-left")
                .fieldOnly("political", "politics", "party affiliation");
        section(SPECIAL_CATEGORY_RELIGIOUS_BELIEF, "§21.4")
                .phrases("religious belief", "religious affiliation", "faith group", "place of worship",
                        "places of worship", "attend~ church", "church attendance", "attend~ mosque",
                        "attend~ the mosque", "attend~ synagogue", "attend~ the synagogue", "Church of England",
                        "Roman Catholic", "Islamic faith", "Jehovah's Witness", "Jehovahs Witness", "halal meal",
                        "kosher meal", "observe~ Ramadan", "prayer room", "religious holiday request")
                .words("religion", "synagogue", "gurdwara", "atheist", "humanist")
                .exact("Anglican", "Muslim", "Jewish", "Hindu", "Sikh", "Buddhist", "Methodist", "Baptist")
                .rule(NOT_AFTER_HYPHEN, "agnostic")
                .fieldOnly("religious", "faith", "denomination", "belief");
        section(SPECIAL_CATEGORY_TRADE_UNION, "§21.5")
                .phrases("trade union", "trade union member", "union member", "union membership", "union dues",
                        "union subscription", "union representative", "union rep", "shop steward")
                .words("check-off")
                .exact("TUC", "Unite the Union", "UNISON", "GMB union", "RMT", "CWU", "PCS union", "Usdaw",
                        "NEU member", "NASUWT", "RCN member", "BMA member")
                .fieldOnly("union status", "unionised", "unionized");
        section(SPECIAL_CATEGORY_GENETIC, "§21.6")
                .phrases("genetic test", "genetic testing", "genetic screening", "genetic counselling",
                        "genetic counseling", "whole genome sequencing", "exome sequencing", "DNA test",
                        "DNA sample", "DNA profile", "gene variant", "pathogenic variant", "carrier status",
                        "hereditary condition", "paternity test")
                .words("genome", "genomic", "genotype", "karyotype", "pharmacogenomic", "BRCA1", "BRCA2", "23andMe")
                .fieldOnly("dna", "genetic", "genetic data");
        section(SPECIAL_CATEGORY_BIOMETRIC, "§21.7")
                .rule(NEEDS_PURPOSE, "fingerprint scan", "facial geometry", "iris scan", "retina scan",
                        "retinal scan", "palm vein", "biometric data")
                .phrases("fingerprint template", "facial recognition", "face recognition", "face template",
                        "voice biometrics", "biometric template", "biometric identifier", "biometric matching",
                        "liveness check", "gait recognition")
                .words("faceprint", "voiceprint")
                .exact("Face ID", "Touch ID")
                .fieldOnly("biometric", "biometrics", "face encoding", "face embedding");
        section(SPECIAL_CATEGORY_HEALTH, "§21.8")
                .phrases("diagnose~ with", "medical history", "medical condition", "medical record",
                        "clinical notes", "hospital admission", "discharge summary", "A&E attendance",
                        "mental health", "anxiety disorder", "sick note", "fit note", "sickness absence",
                        "occupational health", "reasonable adjustment", "blood test", "blood type",
                        "vaccination status", "test~ positive", "long-term condition", "long term condition",
                        "counselling session", "counseling session")
                .words("diagnosis", "medication", "prescription", "prescribed", "disability", "disabled",
                        "pregnant", "pregnancy", "chemotherapy", "diabetes", "allergy")
                .rule(NOT_CAPITALISED, "depression", "cancer")
                .exact("GP surgery", "HIV", "NHS number", "SNOMED CT")
                .weak("maternity leave")
                .fieldOnly("health condition", "health status", "health notes", "medical", "illness", "sickness",
                        "sick leave", "blood group", "nhs", "nhs no", "chi number", "gp", "gp practice", "symptom",
                        "vaccination", "vaccinated", "bmi");
        section(SPECIAL_CATEGORY_SEX_LIFE, "§21.9")
                .phrases("sexual orientation", "same-sex partner", "same sex partner", "same-sex relationship",
                        "same sex relationship", "sexual partner", "sexual history", "sexual activity",
                        "sexual health clinic", "sexually transmitted", "sexual preference")
                .words("sexuality", "lesbian", "bisexual", "heterosexual", "homosexual", "pansexual", "asexual",
                        "queer", "contraception")
                .rule(NOT_CAPITALISED, "gay")
                .exact("LGBT", "LGBTQ", "LGBTQ+", "LGBTQIA", "LGBTQIA+", "STI test")
                .weak("came out as", "come~ out as", "civil partner", "civil union")
                .fieldOnly("sex life");
        section(CRIMINAL_OFFENCE, "§21.10")
                .phrases("criminal record", "criminal records check", "criminal record check",
                        "criminal conviction", "convicted of", "convicted for", "conviction for", "convictions for", "spent conviction",
                        "unspent conviction", "Disclosure Scotland", "AccessNI", "police caution", "simple caution",
                        "conditional caution", "arrest~ for", "charged with", "plead~ guilty", "pled guilty",
                        "found guilty", "sentenced to", "custodial sentence", "suspended sentence",
                        "community order", "released on licence", "released on license", "sex offenders register",
                        "sex offender register", "sex offenders' register", "bail conditions", "remanded in custody",
                        "Magistrates' Court", "Magistrates Court", "Crown Court", "penalty notice for disorder",
                        "driving disqualification", "Rehabilitation of Offenders Act", "alleged offence",
                        "alleged offense")
                .words("parole", "on probation")
                .exact("DBS check", "DBS certificate", "enhanced DBS", "enhanced DBS check", "PVG scheme")
                .fieldOnly("conviction", "offence", "offense", "criminal", "criminal history", "dbs", "dbs number",
                        "dbs status", "arrest", "pnc id", "pnc number");
    }

    /** Exclusions (§21.2-§21.10): each suppresses the phrase matches it overlaps. */
    static final List<String> EXCLUSIONS = List.of(
            // §21.2
            "Arab horse", "Arab Spring", "Arab League", "Arab world", "United Arab Emirates", "Arab states",
            "Arab countries",
            // §21.3
            "conservative estimate", "liberal use", "green energy", "third party", "far-right corner",
            "far-left corner", "far-right column", "far-left column", "far-right side", "far-left side",
            // §21.4
            "Church Street", "Church Road", "Church Lane", "Temple Bar", "Temple station", "Chapel Lane",
            "good faith", "John the Baptist", "platform agnostic", "vendor agnostic", "cloud agnostic",
            "technology agnostic", "device agnostic", "language agnostic", "framework agnostic", "database agnostic",
            "agnostic to", "agnostic of",
            // §21.5
            "European Union", "EU", "Union Jack", "credit union", "Students' Union", "Students Union",
            "Student Union", "UNION ALL", "union type", "tagged union", "discriminated union", "rugby union",
            "Union Street",
            // §21.6
            "genetic algorithm", "genetic programming", "genetic operator",
            // §21.7
            "biometric residence permit", "BRP", "SSH key fingerprint", "key fingerprint", "browser fingerprint",
            "browser fingerprinting", "device fingerprint", "certificate fingerprint",
            // §21.8
            "health and safety", "health check", "healthcheck", "health endpoint", "financial health",
            "system health", "Cancer star sign", "star sign Cancer", "star sign is Cancer", "star sign was Cancer",
            "Tropic of Cancer", "Cancer horoscope", "tropical depression", "Great Depression", "economic depression",
            "fault diagnosis", "diagnosis of the fault", "prescribed form", "prescribed manner", "prescribed period",
            "prescribed by law", "prescribed by regulations", "prescribed in regulations", "prescribed fee",
            "prescribed information", "disabled by default", "account disabled", "account is disabled",
            "account was disabled", "account has been disabled", "is disabled by", "disabled state",
            "disabled button", "feature is disabled", "setting is disabled",
            // §21.9
            "asexual reproduction", "come~ out as expected", "come~ out as planned", "come~ out as predicted",
            "come~ out as intended", "come~ out as normal", "come~ out as usual", "come~ out as negative",
            "come~ out as positive", "came out as expected", "came out as planned", "came out as predicted",
            "came out as intended", "came out as normal", "came out as usual", "came out as negative",
            "came out as positive",
            // §21.10
            "cardiac arrest", "charged with a fee", "charged with fees", "charged with interest", "charged with VAT",
            "charged with the cost", "charged with the task", "charged with responsibility",
            "charged with the responsibility", "charged with overseeing", "charged with managing",
            "charged with delivering", "charged with ensuring", "charged with leading", "charged with £",
            "charged with $", "charged with €", "fully charged", "strong conviction", "deep conviction",
            "firm conviction", "personal conviction", "use with caution", "probation period",
            "bail out", "bailout");

    /** Identification-purpose words that make a biometric capture special category (§21.1 rule 6). */
    static final List<String> PURPOSES = List.of(
            "identify~", "identification", "identity", "verify~", "verification", "authenticate~", "authentication",
            "recognition", "recognise~", "recognize~", "match~", "template", "unlock~", "log in", "login",
            "sign in", "sign-in", "access control", "clock~ in", "enrol", "enrolment", "enroll~", "enrollment",
            "ID check");

    private static final Entry[] TEXT;
    private static final PhraseMatcher TEXT_MATCHER;
    private static final Entry[] FIELD;
    private static final PhraseMatcher FIELD_MATCHER;
    private static final Set<EntityType> TYPES;

    static {
        TEXT = TEXT_ENTRIES.toArray(Entry[]::new);
        List<String> forms = new ArrayList<>();
        for (Entry e : TEXT) {
            forms.add(e.form());
        }
        forms.addAll(EXCLUSIONS);
        TEXT_MATCHER = PhraseMatcher.inflected(forms);

        List<Entry> field = new ArrayList<>(TEXT_ENTRIES);
        field.addAll(FIELD_ONLY_ENTRIES);
        FIELD = field.toArray(Entry[]::new);
        List<String> fieldForms = new ArrayList<>();
        for (Entry e : FIELD) {
            fieldForms.add(fieldForm(e.form()));
        }
        for (String x : EXCLUSIONS) {
            fieldForms.add(fieldForm(x));
        }
        FIELD_MATCHER = PhraseMatcher.inflected(fieldForms);

        Set<EntityType> types = new LinkedHashSet<>();
        for (Entry e : TEXT) {
            types.add(e.type());
        }
        TYPES = Collections.unmodifiableSet(types);
    }

    private SpecialCategoryLexicon() {
    }

    /** The nine types the lists report, in spec order (§21.2 ... §21.10). */
    public static Set<EntityType> types() {
        return TYPES;
    }

    /**
     * Classifies a field, column or JSON key name with the §21 lists: {@code ethnicity}, {@code religion},
     * {@code diagnosis}, {@code dbs_check}, {@code union_member}, {@code sexualOrientation},
     * {@code CRIMINAL_RECORD}... The name is split into words at {@code _ - . /}, spaces, other punctuation and
     * camelCase boundaries ({@code unionMember}, {@code DBSCheck}), then matched as whole words with plurals;
     * exclusions apply ({@code credit_union_member}, {@code health_and_safety_training} match nothing).
     *
     * @return one match per type found, in the order the types first occur in the name (longest phrase of a type
     *     when several overlap); empty when none
     */
    public static List<FieldMatch> classifyFieldName(String name) {
        char[] words = splitFieldName(Objects.requireNonNull(name, "name"));
        if (words.length == 0) {
            return List.of();
        }
        int entries = FIELD.length;
        List<int[]> hits = new ArrayList<>();
        List<int[]> excluded = new ArrayList<>();
        FIELD_MATCHER.find(words, 0, words.length, words.length, (id, start, end) -> {
            (id < entries ? hits : excluded).add(new int[] {id, start, end});
            return true;
        });
        List<int[]> kept = new ArrayList<>();
        for (int[] h : hits) {
            if (overlapsAny(h, excluded) || containedInLonger(h, hits)) {
                continue;
            }
            kept.add(h);
        }
        kept.sort((a, b) -> a[1] != b[1] ? Integer.compare(a[1], b[1]) : Integer.compare(b[2], a[2]));
        List<FieldMatch> out = new ArrayList<>();
        Set<EntityType> seen = new LinkedHashSet<>();
        for (int[] h : kept) {
            Entry e = FIELD[h[0]];
            if (seen.add(e.type())) {
                out.add(new FieldMatch(e.type(), e.phrase()));
            }
        }
        return List.copyOf(out);
    }

    private static boolean overlapsAny(int[] h, List<int[]> others) {
        for (int[] o : others) {
            if (o[1] < h[2] && h[1] < o[2]) {
                return true;
            }
        }
        return false;
    }

    private static boolean containedInLonger(int[] h, List<int[]> others) {
        for (int[] o : others) {
            if (o[1] <= h[1] && h[2] <= o[2] && o[2] - o[1] > h[2] - h[1]) {
                return true;
            }
        }
        return false;
    }

    /**
     * A field name as lower-case words separated by single spaces: non-alphanumeric characters separate words, and
     * so do camelCase boundaries (a lower-case letter or digit followed by a capital, or the last capital of an
     * acronym followed by a lower-case letter: {@code DBSCheck} is "dbs check").
     */
    static char[] splitFieldName(String name) {
        StringBuilder sb = new StringBuilder(name.length() + 8);
        int n = name.length();
        for (int i = 0; i < n; i++) {
            char c = name.charAt(i);
            if (!Character.isLetterOrDigit(c)) {
                if (!sb.isEmpty() && sb.charAt(sb.length() - 1) != ' ') {
                    sb.append(' ');
                }
                continue;
            }
            if (i > 0 && Character.isUpperCase(c) && !sb.isEmpty() && sb.charAt(sb.length() - 1) != ' ') {
                char p = name.charAt(i - 1);
                boolean camel = Character.isLowerCase(p) || Character.isDigit(p);
                boolean acronymEnd = Character.isUpperCase(p) && i + 1 < n && Character.isLowerCase(name.charAt(i + 1));
                if (camel || acronymEnd) {
                    sb.append(' ');
                }
            }
            sb.append(Character.toLowerCase(c));
        }
        int len = sb.length();
        if (len > 0 && sb.charAt(len - 1) == ' ') {
            sb.setLength(len - 1);
        }
        char[] out = new char[sb.length()];
        sb.getChars(0, sb.length(), out, 0);
        return out;
    }

    /** A listed form as a field name would spell it: apostrophes and {@code +} dropped, other punctuation a space. */
    private static String fieldForm(String form) {
        StringBuilder sb = new StringBuilder(form.length());
        for (int i = 0; i < form.length(); i++) {
            char c = form.charAt(i);
            if (c == '\'' || c == '\u2019' || c == '+') {
                continue;
            }
            if (Character.isLetterOrDigit(c) || c == '~') {
                sb.append(c);
            } else if (!sb.isEmpty() && sb.charAt(sb.length() - 1) != ' ') {
                sb.append(' ');
            }
        }
        return sb.toString().strip();
    }

    // ------------------------------------------------------------------ for the detector

    /** The text entries, indexed by the ids {@link #textMatcher()} reports below {@link #textEntryCount()}. */
    static Entry textEntry(int id) {
        return TEXT[id];
    }

    /** Number of text entries: ids at or above it are exclusions. */
    static int textEntryCount() {
        return TEXT.length;
    }

    /** The one automaton for free text: every text entry, then every exclusion. */
    static PhraseMatcher textMatcher() {
        return TEXT_MATCHER;
    }

    /** All text entries (for tests and documentation). */
    static List<Entry> textEntries() {
        return List.of(TEXT);
    }

    // ------------------------------------------------------------------ declaration helpers

    private static Section section(EntityType type, String section) {
        return new Section(type, section);
    }

    /** Declares the entries of one list. */
    private record Section(EntityType type, String section) {

        /** Phrases whose strength follows their shape: several words = phrase, one word = word. */
        Section phrases(String... forms) {
            for (String f : forms) {
                add(TEXT_ENTRIES, f, f.strip().contains(" ") ? Strength.PHRASE : Strength.WORD, 0);
            }
            return this;
        }

        Section words(String... forms) {
            return with(Strength.WORD, 0, forms);
        }

        Section strong(String... forms) {
            return with(Strength.PHRASE, 0, forms);
        }

        Section weak(String... forms) {
            return with(Strength.WEAK, 0, forms);
        }

        /** Case-sensitive forms (acronyms, proper nouns): strength by shape. */
        Section exact(String... forms) {
            return rule(EXACT_CASE, forms);
        }

        /** Forms with a rule flag: strength by shape. */
        Section rule(int flag, String... forms) {
            for (String f : forms) {
                if ((flag & EXACT_CASE) != 0 && f.contains("~")) {
                    throw new IllegalArgumentException("exact-case forms cannot be inflected: " + f);
                }
                add(TEXT_ENTRIES, f, f.strip().contains(" ") ? Strength.PHRASE : Strength.WORD, flag);
            }
            return this;
        }

        /** Column-name words too ambiguous in running text. */
        Section fieldOnly(String... forms) {
            for (String f : forms) {
                add(FIELD_ONLY_ENTRIES, f, Strength.WORD, 0);
            }
            return this;
        }

        private Section with(Strength strength, int flags, String... forms) {
            for (String f : forms) {
                add(TEXT_ENTRIES, f, strength, flags);
            }
            return this;
        }

        private void add(List<Entry> list, String form, Strength strength, int flags) {
            String phrase = PhraseMatcher.normalisePhrase(form).replace("~", "");
            list.add(new Entry(type, section, form, phrase, strength, flags));
        }
    }
}
