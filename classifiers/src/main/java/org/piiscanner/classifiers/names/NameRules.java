package org.piiscanner.classifiers.names;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Rules for business documents around the name-finder model: they find names the model misses in e-mail headers,
 * labelled fields, all-capitals lines, "Surname, Given" forms, salutations and sign-off blocks; join hyphenated given
 * names and initials to the model's spans; confirm names that match a nearby e-mail address; and drop what looks like
 * a name but is a field label ("Attn", "Bill To") or a defined term of a contract ("Loan Agreement", "the Borrower").
 *
 * <p>Each rule names itself in {@link Name#rule()} (shown as the pattern of the finding) or in {@link Name#note()}.
 * Every rule looks at one line or a bounded window around a span, so the work is linear in the text. Immutable and
 * thread-safe.
 */
final class NameRules {

    static final String MODEL = "model";
    static final String HEADER = "e-mail header";
    static final String LABEL = "labelled field";
    static final String CAPS_LABEL = "all-caps label line";
    static final String CAPS_LINE = "all-caps line";
    static final String SURNAME_GIVEN = "Surname, Given";
    static final String SALUTATION = "salutation";
    static final String SIGN_OFF = "sign-off";
    static final String INITIALS = "initials";
    static final String HYPHENATED = "hyphenated given name";
    static final String EMAIL_LOCAL = "e-mail local part";
    static final String NAME_LINE = "given name alone on a line";
    static final String COMPANY = "company suffix";

    /** Scores of the rule patterns. */
    static final double HEADER_SCORE = 0.85;
    static final double LABEL_SCORE = 0.85;
    static final double CAPS_LINE_SCORE = 0.7;
    static final double SURNAME_GIVEN_SCORE = 0.8;
    static final double SALUTATION_SCORE = 0.75;
    static final double SIGN_OFF_SCORE = 0.7;
    static final double EMAIL_LOCAL_SCORE = 0.7;
    static final double NAME_LINE_SCORE = 0.6;
    static final double COMPANY_SCORE = 0.6;

    private static final int MAX_LABEL = 40;

    /** E-mail and memo header labels whose value is a list of people. */
    private static final Set<String> HEADER_LABELS = words("from", "to", "cc", "bcc", "sent by", "reply-to",
            "reply to", "sender", "recipient", "recipients", "attendees", "attendee", "participants", "author", "email",
            "e-mail", "mail");

    /** Words that make a field label a person label ("EMPLOYEE NAME", "Prepared by", "Attn"). */
    private static final Set<String> PERSON_LABEL_WORDS = words("name", "names", "employee", "manager", "contact",
            "customer", "client", "patient", "applicant", "candidate", "tenant", "landlord", "owner", "holder",
            "signed", "signature", "signatory", "prepared", "approved", "reviewed", "requested", "submitted",
            "witness", "attn", "attention", "supervisor", "director", "officer", "representative", "rep",
            "agent", "doctor", "physician", "nurse", "member", "student", "parent", "guardian", "spouse", "beneficiary",
            "insured", "policyholder", "account holder", "buyer", "seller", "borrower", "lender", "guarantor",
            "claimant", "recipient", "payee", "driver", "passenger", "guest", "author", "contact person",
            "next of kin", "emergency contact", "referee", "interviewer", "interviewee", "assignee", "owner",
            "consultant", "engineer", "technician", "teacher", "pupil", "child", "father", "mother", "by");

    /** Label words that are never names themselves. */
    private static final Set<String> LABEL_WORDS = words("attn", "attention", "bill", "ship", "sold", "remit",
            "to", "from", "subject", "re", "cc", "bcc", "dear", "regards", "invoice", "date", "total", "name", "ref",
            "fao", "c/o", "deliver", "delivery", "billing", "shipping", "customer", "account", "no", "number");

    /** Label words that are labels even alone ("Attn"); "Bill" alone is a name, "Bill To" a label. */
    private static final Set<String> SINGLE_LABELS = words("attn", "attention", "subject", "re", "cc", "bcc", "fao",
            "regards", "dear", "ref", "invoice", "c/o", "regard", "thanks", "signature");

    /** Capitalised nouns of contracts and forms: a PERSON span containing one is a defined term, not a person. */
    private static final Set<String> DEFINED_TERMS = words("agreement", "borrower", "borrowers", "lender",
            "lenders", "holder", "holders", "agent", "guarantor", "guarantors", "trustee", "purchaser", "purchasers",
            "seller", "sellers", "buyer", "company", "party", "parties", "obligor", "obligors", "issuer", "bank",
            "note", "notes", "loan", "loans", "credit", "facility", "collateral", "security", "pledgor", "assignor",
            "assignee", "licensor", "licensee", "landlord", "tenant", "employer", "executive", "consultant",
            "contractor", "subsidiary", "affiliate", "section", "article", "exhibit", "schedule", "clause", "act",
            "court", "board", "committee", "plan", "fund", "account", "amount", "rate", "period", "event", "default",
            "termination", "closing", "debtor", "creditor", "creditors", "guaranty", "guarantee", "mortgage",
            "mortgagor", "mortgagee", "grantor", "secured", "obligations", "indenture", "warrant", "warrants",
            "stock", "shares", "shareholder", "shareholders", "stockholder", "stockholders", "partnership", "partner",
            "partners", "member", "members", "manager", "administrative", "collateral", "lessor", "lessee",
            "servicer", "originator", "depositor", "arranger", "beneficiary", "investor", "investors", "majority",
            "required", "revolving", "term", "tranche", "commitment", "commitments", "maturity", "interest",
            "principal", "payment", "prepayment", "date", "dates", "documents", "document", "certificate",
            "parent", "group", "holdings", "inc", "llc", "ltd", "corp", "corporation", "plc", "gmbh", "lp", "llp",
            "articles", "signature", "page", "venture", "ventures", "recitals", "annex", "appendix");

    /** Titles and roles that precede a name but are not part of it. */
    private static final Set<String> TITLES_AND_ROLES = words("mr", "mrs", "ms", "miss", "dr", "prof", "professor",
            "sir", "dame", "lord", "lady", "president", "senator", "governor", "king", "queen", "prince", "princess",
            "judge", "justice", "ceo", "cfo", "coo", "cto", "chairman", "chairwoman", "general", "captain", "colonel",
            "sergeant", "officer", "detective", "pope", "reverend", "rev", "father", "brother", "sister", "uncle",
            "aunt", "coach", "minister", "secretary", "mayor", "sheriff", "agent", "attorney", "dear", "hi", "hello",
            "hey", "thanks", "regards", "saint", "st", "mx", "doctor", "pastor", "nurse", "bishop", "rabbi", "imam",
            "prophet", "lieutenant", "major", "private", "corporal", "admiral", "inspector", "constable", "chancellor",
            "ambassador", "congressman", "congresswoman", "representative", "speaker", "commissioner", "councillor");

    /** Job-title words that end a name in signature blocks ("Mary Hain Senior Regulatory Counsel"). */
    private static final Set<String> JOB_TITLES = words("senior", "junior", "vice", "president", "counsel",
            "manager", "director", "consultant", "analyst", "engineer", "officer", "chief", "ceo", "cfo", "coo", "cto",
            "head", "lead", "associate", "assistant", "executive", "specialist", "coordinator", "administrator",
            "partner", "principal", "secretary", "treasurer", "chairman", "attorney", "litigation", "department",
            "dept", "unit", "team", "group", "division", "professor", "phd", "md", "esq", "title", "name", "by",
            "signature", "address", "phone", "tel", "fax", "email", "mobile", "cell", "office", "ext", "direct",
            "dial", "administration", "government", "campaign", "family", "era", "doctrine", "estate", "trial");

    /** Words that make a "person" an organisation ("Farrell Electric", "Marvel Consultants"). */
    private static final Set<String> ORGANIZATION_WORDS = words("services", "servicing", "service", "consultants",
            "consulting", "associates", "holdings", "bank", "capital", "energy", "solutions", "systems",
            "technologies", "technology", "international", "hospitality", "foods", "electric", "computers",
            "pharmacy", "foundation", "university", "college", "institute", "hospital", "church", "school",
            "ministry", "council", "agency", "trust", "society", "club", "hotel", "restaurant", "company", "corp",
            "corporation", "inc", "llc", "ltd", "llp", "plc", "gmbh", "motors", "airlines", "insurance", "partners",
            "industries", "enterprises", "communications", "media", "press", "studios", "records", "stores",
            "markets", "clinic", "laboratories", "labs", "pharmaceuticals", "networks", "works", "cafe", "bar",
            "grill", "salon", "spa", "dental", "law", "offices", "realty", "construction", "plumbing", "auto",
            "market", "store", "shop", "liquor", "foundation", "ministry", "sas", "sa", "ag", "nv", "bv", "srl",
            "sarl", "spa", "kg", "oy", "ab", "pty", "pc", "lp");

    /** Role-noun endings of defined terms used with "the": Borrower, Guarantor, Lessee, Servicer, Applicant. */
    private static final java.util.regex.Pattern ROLE_SUFFIX = java.util.regex.Pattern.compile(
            "(er|or|ee|ant|ent|ary|ion|ity|ment|ure|ers|ors|ees|ants|ents)$");

    /** Plural nouns and demonyms ("Americans", "Universities") are not one person. */
    private static final java.util.regex.Pattern PLURAL = java.util.regex.Pattern.compile(
            "(ans|ies|ers|ists|ites|ese)$");

    private static final Set<String> SALUTATIONS = words("dear", "hi", "hello", "hey", "greetings");
    private static final Set<String> SALUTATION_NOT_NAMES = words("sir", "sirs", "madam", "all", "team", "everyone",
            "everybody", "customer", "customers", "colleague", "colleagues", "friend", "friends", "folks", "members",
            "member", "applicant", "manager", "hiring", "there", "guys", "board", "committee", "valued", "partner",
            "partners", "client", "clients", "user", "users", "editor", "mr", "mrs", "ms", "miss", "dr", "prof",
            "and", "or", "of", "the", "my", "our", "to", "whom", "it", "may", "concern", "sales", "support", "hr",
            "again", "good", "morning", "afternoon", "evening", "both");
    private static final Set<String> TITLES = words("mr", "mrs", "ms", "miss", "dr", "prof", "sir", "dame", "rev",
            "mx");
    private static final Set<String> SIGN_OFFS = words("regards", "best regards", "kind regards", "warm regards",
            "best wishes", "kind wishes", "many thanks", "thanks", "thank you", "thanks again", "cheers", "best",
            "sincerely", "yours sincerely", "sincerely yours", "yours faithfully", "faithfully", "yours truly",
            "respectfully", "cordially", "all the best", "love", "take care", "warmly", "with thanks",
            "thanks and regards", "thanks & regards", "rgds", "br", "talk soon", "yours", "thanks and regard", "regard",
            "kisses", "xoxo", "hugs", "ciao", "later", "thx", "tia", "with best regards", "best rgds");

    private final NameLists lists;

    NameRules(NameLists lists) {
        this.lists = lists;
    }

    /** Applies every rule to the model's names in {@code t[0, n)}; returns sorted, non-overlapping names. */
    List<Name> apply(char[] t, int n, List<Name> model) {
        List<Name> ruled = new ArrayList<>();
        List<Name> adjusted = new ArrayList<>(model.size());
        Set<String> organisationWords = new java.util.HashSet<>();
        for (Name m : model) {
            if (m.type() == NameType.ORGANIZATION) {
                organisationWords.addAll(words(t, m.start(), m.end()));
            }
        }
        Set<String> definedTerms = new java.util.HashSet<>();
        for (Name m : model) {
            if (m.type() == NameType.PERSON && followedBy(t, n, m.end(), " (as defined")) {
                definedTerms.add(new String(t, m.start(), m.end() - m.start()));
            }
        }
        for (Name m : splitLists(t, model)) {
            if (m.type() == NameType.PERSON && definedTerms.contains(new String(t, m.start(), m.end() - m.start()))) {
                continue;
            }
            Name a = adjust(t, n, m);
            if (a != null && a.type() == NameType.PERSON && a.rule().equals(MODEL)) {
                a = context(t, n, a, organisationWords);
            }
            if (a != null) {
                adjusted.add(a);
            }
        }
        int ls = 0;
        int previousTextLine = -1;
        int previousTextLineEnd = -1;
        while (ls < n) {
            int le = ls;
            while (le < n && t[le] != '\n') {
                le++;
            }
            int s = skipSpaces(t, ls, le);
            int e = trimEnd(t, s, le);
            if (s < e) {
                lineRules(t, s, e, ruled, adjusted);
                if (previousTextLine >= 0 && isSignOff(t, previousTextLine, previousTextLineEnd)) {
                    signature(t, s, e, ruled, adjusted);
                }
                previousTextLine = s;
                previousTextLineEnd = e;
            }
            ls = le + 1;
        }
        companySuffixes(t, n, ruled);
        List<Name> all = merge(ruled, adjusted);
        emailLocalParts(t, n, all);
        return all;
    }

    // ------------------------------------------------------------------ adjustments and filters of model spans

    /** Joins initials and hyphenated given names, trims labels and titles; null drops a label or defined term. */
    private Name adjust(char[] t, int n, Name m) {
        if (m.type() == NameType.PERSON || m.type() == NameType.ORGANIZATION) {
            if (isLabel(t, n, m.start(), m.end()) || isDefinedTerm(t, m.start(), m.end())) {
                return null;
            }
        }
        if (m.type() != NameType.PERSON) {
            return isShortAcronym(t, m.start(), m.end()) ? null : m;
        }
        Name r = tidy(t, n, m);
        if (r == null) {
            return null;
        }
        if (r.type() != NameType.PERSON) {
            return r;
        }
        // a label or title kept inside the span: "Attn Maria Gonzalez", "Dear John"
        int s = r.start();
        int w = wordEnd(t, s, r.end());
        String first = lower(t, s, w);
        if ((LABEL_WORDS.contains(first) || SALUTATIONS.contains(first)) && w < r.end()) {
            int ns = skipSeparators(t, w, r.end());
            if (ns < r.end()) {
                r = r.withSpan(ns, r.end(), r.rule(), "label trimmed");
            }
        }
        // hyphenated given name split by the tokenizer: "Hans-Peter Mueller" tagged "Peter Mueller"
        s = r.start();
        if (s >= 2 && t[s - 1] == '-' && Character.isUpperCase(t[s]) && Character.isLetter(t[s - 2])) {
            int ws = wordStartBack(t, s - 1);
            if (ws < s - 1 && Character.isUpperCase(t[ws])) {
                r = r.withSpan(ws, r.end(), HYPHENATED, "hyphenated given name joined");
            }
        }
        int e = r.end();
        if (e + 1 < n && t[e] == '-' && Character.isUpperCase(t[e + 1]) && isSingleWord(t, r.start(), e)) {
            int we = wordEnd(t, e + 1, n);
            if (we > e + 2 && we < n && t[we] == ' ' && we + 1 < n && Character.isUpperCase(t[we + 1])) {
                int last = wordEnd(t, we + 1, n);
                r = r.withSpan(r.start(), last, HYPHENATED, "hyphenated given name joined");
            } else if (we > e + 2) {
                r = r.withSpan(r.start(), we, HYPHENATED, "hyphenated given name joined");
            }
        }
        // initials before the span: "J. R. Thompson" tagged "Thompson" or "R. Thompson"
        s = r.start();
        int k = s;
        while (k >= 3 && t[k - 1] == ' ' && t[k - 2] == '.' && Character.isUpperCase(t[k - 3])
                && (k == 3 || !Character.isLetterOrDigit(t[k - 4]) && t[k - 4] != '.')) {
            k -= 3;
        }
        if (k < s) {
            r = r.withSpan(k, r.end(), INITIALS, "initials joined");
        }
        // Surname, Given: "Smith, John" tagged "John" at the start of a field
        s = r.start();
        if (s >= 4 && t[s - 1] == ' ' && t[s - 2] == ',') {
            int we = s - 2;
            int ws = wordStartBack(t, we);
            if (ws < we && Character.isUpperCase(t[ws]) && isFieldStart(t, ws)
                    && (lists.flags(t, ws, we) & NameLists.SURNAME) != 0 && fieldEndsAfter(t, n, r.end())) {
                r = r.withSpan(ws, r.end(), SURNAME_GIVEN, "");
            }
        }
        return r;
    }

    /** "KENNEDY, SOUTER" tagged as one name: one name per comma-separated part (model spans only). */
    private static List<Name> splitLists(char[] t, List<Name> model) {
        List<Name> out = new ArrayList<>(model.size());
        for (Name m : model) {
            int comma = m.type() == NameType.PERSON ? indexOfChar(t, m.start(), m.end(), ',') : -1;
            if (comma < 0) {
                out.add(m);
                continue;
            }
            int s = m.start();
            while (s < m.end()) {
                int c = indexOfChar(t, s, m.end(), ',');
                int e = c < 0 ? m.end() : c;
                int ps = skipSpaces(t, s, e);
                int pe = trimEnd(t, ps, e);
                if (pe > ps) {
                    out.add(new Name(m.type(), ps, pe, m.rule(), m.score(), "list split at commas"));
                }
                s = c < 0 ? m.end() : c + 1;
            }
        }
        return out;
    }

    /**
     * Context of a model PERSON span: followed or preceded by {@code &} or followed by an organisation word, or its
     * word is part of an organisation name in the same text ("Ashford" and "Ashford Hospitality LLC"): an
     * organisation; preceded by capitalised words that the model left out at the start of a field ("Jahmaal
     * [James]"): joined.
     */
    private Name context(char[] t, int n, Name m, Set<String> organisationWords) {
        int s = m.start();
        int e = m.end();
        boolean ampersand = (e + 2 < n && t[e] == ' ' && t[e + 1] == '&') || (s >= 2 && t[s - 1] == ' '
                && t[s - 2] == '&');
        int ns = e < n && t[e] == ' ' ? e + 1 : -1;
        boolean orgFollows = ns > 0 && ORGANIZATION_WORDS.contains(lower(t, ns, wordEnd(t, ns, n)));
        List<String> w = words(t, s, e);
        boolean partOfOrganisation = w.size() == 1 && organisationWords.contains(w.get(0));
        if (ampersand || orgFollows || partOfOrganisation) {
            return new Name(NameType.ORGANIZATION, s, e, m.rule(), NameTagger.modelScore(NameType.ORGANIZATION, 0.5),
                    "organisation context");
        }
        // left extension over up to two capitalised words at a field start
        int k = s;
        for (int step = 0; step < 2; step++) {
            if (k < 2 || t[k - 1] != ' ' || !Character.isLetter(t[k - 2])) {
                break;
            }
            int ws = wordStartBack(t, k - 1);
            if (ws == k - 1 || !Character.isUpperCase(t[ws]) || !isLowerAfterFirst(t, ws, k - 1)) {
                break;
            }
            String word = new String(t, ws, k - 1 - ws);
            String lw = word.toLowerCase(Locale.ROOT);
            if (NameTagger.STARTERS.contains(word) || TITLES_AND_ROLES.contains(lw) || JOB_TITLES.contains(lw)
                    || ORGANIZATION_WORDS.contains(lw) || SINGLE_LABELS.contains(lw) || SALUTATIONS.contains(lw)
                    || DEFINED_TERMS.contains(lw)) {
                break;
            }
            int flags = lists.flags(t, ws, k - 1);
            boolean record = e < n && t[e] == ',';
            if (flags == 0 && !record) {
                break;
            }
            boolean givenBeforeSurname = step == 0 && (flags & NameLists.COMMON_GIVEN) != 0 && s == k
                    && isSingleWord(t, s, e) && (lists.flags(t, s, e) & NameLists.COMMON_GIVEN) == 0;
            if (isFieldStart(t, ws) || givenBeforeSurname) {
                return m.withSpan(ws, e, m.rule(), "joined preceding capitalised words");
            }
            k = ws;
        }
        return m;
    }

    private static boolean followedBy(char[] t, int n, int e, String text) {
        if (e + text.length() > n) {
            return false;
        }
        for (int k = 0; k < text.length(); k++) {
            if (t[e + k] != text.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isLowerAfterFirst(char[] t, int s, int e) {
        for (int i = s + 1; i < e; i++) {
            if (!Character.isLowerCase(t[i])) {
                return false;
            }
        }
        return e - s >= 2;
    }

    /**
     * Cleans a model PERSON span: drops it when it is part of an address or number, made only of initials, or an
     * all-capitals phrase off the name lists; trims titles, job titles, labels and trailing digits or punctuation;
     * relabels it ORGANIZATION when it holds an organisation word ("Farrell Electric").
     */
    private Name tidy(char[] t, int n, Name m) {
        int s = m.start();
        int e = m.end();
        for (int i = s; i < e; i++) {
            if (t[i] == '@' && !isNotesAddress(t, s, i, e) || Character.isDigit(t[i]) && i == s) {
                return null;
            }
        }
        if ((e < n && (t[e] == '@' || (t[e] == '.' || t[e] == '_') && e + 1 < n && Character.isLetter(t[e + 1])
                && addressFollows(t, n, e))) || (s > 0 && (t[s - 1] == '.' || t[s - 1] == '_' || t[s - 1] == '@')
                && s > 1 && Character.isLetter(t[s - 2]))) {
            return null; // part of an e-mail address or host name
        }
        List<int[]> words = new ArrayList<>(4);
        int i = s;
        while (i < e) {
            if (Character.isLetterOrDigit(t[i])) {
                int we = wordEnd(t, i, e);
                words.add(new int[] {i, we});
                i = we;
            } else {
                i++;
            }
        }
        for (int c = s; c < e; c++) {
            if (t[c] == '_' || t[c] == '/') {
                return null; // a file name or path: "Lisa_resume.doc"
            }
        }
        // leading titles and function words ("President Bush", "Mr Dar", "of Defense ..."); trailing labels, job
        // titles, digits ("Elizabeth 36349")
        int first = 0;
        while (first < words.size() - 1 && (TITLES_AND_ROLES.contains(lower(t, words.get(first)[0],
                words.get(first)[1])) || Character.isLowerCase(t[words.get(first)[0]])
                && Character.isUpperCase(t[words.get(words.size() - 1)[0]]))) {
            first++;
        }
        int last = words.size() - 1;
        for (int k = first + 1; k <= last; k++) {
            String w = lower(t, words.get(k)[0], words.get(k)[1]);
            if (JOB_TITLES.contains(w) || LABEL_WORDS.contains(w) || Character.isDigit(w.charAt(0))) {
                last = k - 1;
                break;
            }
        }
        if (words.isEmpty() || last < first) {
            return null;
        }
        int ns = words.get(first)[0];
        int ne = words.get(last)[1];
        if (ne < e && t[ne] == '.' && ne - words.get(last)[0] == 1) {
            ne++; // keep the period of a final initial: "Michael L."
        }
        boolean allInitials = true;
        boolean allCaps = true;
        boolean offList = false;
        for (int k = first; k <= last; k++) {
            int ws = words.get(k)[0];
            int we = words.get(k)[1];
            if (we - ws > 1) {
                allInitials = false;
            }
            for (int c = ws; c < we; c++) {
                if (Character.isLowerCase(t[c])) {
                    allCaps = false;
                }
            }
            if (we - ws > 1 && lists.flags(t, ws, we) == 0) {
                offList = true;
            }
            if (ORGANIZATION_WORDS.contains(lower(t, ws, we)) && k > first) {
                return new Name(NameType.ORGANIZATION, ns, ne, m.rule(), m.score(), "organisation word");
            }
        }
        boolean capsWithInitial = false;
        if (allCaps) {
            for (int k = first; k <= last; k++) {
                if (words.get(k)[1] - words.get(k)[0] == 1) {
                    capsWithInitial = true;
                }
            }
        }
        if (allInitials || (allCaps && (offList || capsWithInitial)) || (first == last && isRomanNumeral(t, words.get(first)[0],
                words.get(first)[1]))) {
            return null;
        }
        if (first == last) {
            String w = lower(t, words.get(first)[0], words.get(first)[1]);
            boolean listed = lists.flags(w) != 0;
            if (TITLES_AND_ROLES.contains(w) || JOB_TITLES.contains(w) || SINGLE_LABELS.contains(w)
                    || (!listed && Character.isLowerCase(t[words.get(first)[0]]))
                    || (!listed && PLURAL.matcher(w).find())) {
                return null;
            }
        }
        if (last - first == 3) {
            // "Melanie King Brandon Luna": two given-name + surname pairs run together
            int g1 = lists.flags(t, words.get(first)[0], words.get(first)[1]);
            int s1 = lists.flags(t, words.get(first + 1)[0], words.get(first + 1)[1]);
            int g2 = lists.flags(t, words.get(first + 2)[0], words.get(first + 2)[1]);
            int s2 = lists.flags(t, words.get(last)[0], words.get(last)[1]);
            if ((g1 & g2 & NameLists.COMMON_GIVEN) != 0 && (s1 & s2 & NameLists.SURNAME) != 0
                    && (s1 & NameLists.COMMON_GIVEN) == 0 && !lower(t, words.get(first)[0], words.get(first + 1)[1])
                            .equals(lower(t, words.get(first + 2)[0], words.get(last)[1]))) {
                ne = words.get(first + 1)[1];
                return m.withSpan(ns, ne, m.rule(), "two names split");
            }
        }
        return ns == s && ne == e ? m : m.withSpan(ns, ne, m.rule(), "trimmed");
    }

    /**
     * A lone all-capitals word of at most three letters ("NI", "UK", "HR"): as a place or organisation it is an
     * abbreviation that identifies nobody, and as a token it is far more often something else.
     */
    private static boolean isShortAcronym(char[] t, int s, int e) {
        if (e - s > 3) {
            return false;
        }
        for (int i = s; i < e; i++) {
            if (!Character.isUpperCase(t[i])) {
                return false;
            }
        }
        return true;
    }

    private static boolean isRomanNumeral(char[] t, int s, int e) {
        for (int i = s; i < e; i++) {
            if ("IVXLC".indexOf(t[i]) < 0) {
                return false;
            }
        }
        return e - s <= 5;
    }

    /** "Kevin Kindall@ENRON": a Lotus Notes address, whose display name is the person (kept whole). */
    private static boolean isNotesAddress(char[] t, int s, int at, int e) {
        for (int i = s; i < at; i++) {
            if (t[i] == '.' || t[i] == '_') {
                return false;
            }
        }
        for (int i = at + 1; i < e; i++) {
            if (!Character.isUpperCase(t[i])) {
                return false;
            }
        }
        return indexOfChar(t, s, at, ' ') > 0;
    }

    private static int indexOfChar(char[] t, int s, int e, char c) {
        for (int i = s; i < e; i++) {
            if (t[i] == c) {
                return i;
            }
        }
        return -1;
    }

    private static boolean addressFollows(char[] t, int n, int e) {
        for (int i = e; i < n && i < e + 40; i++) {
            char c = t[i];
            if (c == '@') {
                return true;
            }
            if (!(Character.isLetterOrDigit(c) || c == '.' || c == '_' || c == '-')) {
                return false;
            }
        }
        return false;
    }

    /** "Attn", "Bill To", "Ship To": a span made only of label words, or a word directly followed by " To". */
    private static boolean isLabel(char[] t, int n, int s, int e) {
        boolean allLabels = true;
        int words = 0;
        String only = "";
        int i = s;
        while (i < e) {
            int we = wordEnd(t, i, e);
            if (we == i) {
                i++;
                continue;
            }
            words++;
            only = lower(t, i, we);
            if (!LABEL_WORDS.contains(only)) {
                allLabels = false;
            }
            i = we;
        }
        if (allLabels && (words > 1 || SINGLE_LABELS.contains(only))) {
            return true;
        }
        String first = lower(t, s, wordEnd(t, s, e));
        return (first.equals("bill") || first.equals("ship") || first.equals("sold") || first.equals("remit"))
                && e + 3 <= n && t[e] == ' ' && (t[e + 1] | 32) == 't' && (t[e + 2] | 32) == 'o';
    }

    /**
     * A capitalised defined term of a contract: the span holds a contract noun ("Loan Agreement", "Holder"), or it
     * is a single word after "the" ("the Borrower"), or it is being defined in quotes ({@code ("Agent")}).
     */
    private boolean isDefinedTerm(char[] t, int s, int e) {
        int words = 0;
        int i = s;
        while (i < e) {
            int we = wordEnd(t, i, e);
            if (we == i) {
                i++;
                continue;
            }
            words++;
            if (DEFINED_TERMS.contains(lower(t, i, we))) {
                return true;
            }
            i = we;
        }
        if (s >= 2 && (t[s - 1] == '"' || t[s - 1] == '\u201C') && t[s - 2] == '(') {
            return true; // being defined: (the "Agent")
        }
        if (words == 1 && s >= 4 && t[s - 1] == ' ' && (t[s - 2] | 32) == 'e' && (t[s - 3] | 32) == 'h'
                && (t[s - 4] | 32) == 't' && (s == 4 || !Character.isLetter(t[s - 5]))) {
            String w = lower(t, s, e);
            return (lists.flags(t, s, e) & NameLists.GIVEN) == 0 && ROLE_SUFFIX.matcher(w).find();
        }
        return false;
    }

    // ------------------------------------------------------------------ line rules

    /** Header, labelled-field, salutation and all-caps rules for the line {@code t[s, e)}. */
    private void lineRules(char[] t, int s, int e, List<Name> ruled, List<Name> model) {
        int colon = -1;
        for (int i = s; i < e && i - s <= MAX_LABEL; i++) {
            char c = t[i];
            if (c == ':') {
                colon = i;
                break;
            }
            if (!(Character.isLetter(c) || c == ' ' || c == '-' || c == '/' || c == '.' || c == '\'' || c == '#')) {
                break;
            }
        }
        if (colon > s) {
            String label = lower(t, s, trimEnd(t, s, colon)).replace('_', ' ');
            int vs = skipSpaces(t, colon + 1, e);
            if (vs >= e) {
                return;
            }
            if (HEADER_LABELS.contains(label)) {
                headerValue(t, vs, e, ruled);
                return;
            }
            if (isPersonLabel(label)) {
                labelledValue(t, vs, e, ruled);
                return;
            }
            return;
        }
        int fw = wordEnd(t, s, e);
        String first = lower(t, s, fw);
        if (SALUTATIONS.contains(first) || (first.equals("good") && e - s > 12)) {
            salutation(t, fw, e, ruled);
            return;
        }
        allCapsLine(t, s, e, ruled);
        givenNameLine(t, s, e, ruled);
    }

    private static boolean isPersonLabel(String label) {
        if (PERSON_LABEL_WORDS.contains(label)) {
            return true;
        }
        for (String w : label.split("[ /.#-]+")) {
            if (PERSON_LABEL_WORDS.contains(w) && !w.equals("by")) {
                return true;
            }
        }
        return label.endsWith(" by");
    }

    /** "From: Maria Gonzalez <maria@example.com>; Smith, John; Jane Doe/HOU/ECT@ECT". */
    private void headerValue(char[] t, int s, int e, List<Name> ruled) {
        int i = s;
        while (i < e) {
            int itemEnd = i;
            boolean inQuote = false;
            boolean inAngle = false;
            while (itemEnd < e) {
                char c = t[itemEnd];
                if (c == '"') {
                    inQuote = !inQuote;
                } else if (c == '<') {
                    inAngle = true;
                } else if (c == '>') {
                    inAngle = false;
                } else if (!inQuote && !inAngle && (c == ';' || c == ',')) {
                    // "Smith, John" inside one item: a comma followed by a single capitalised given name
                    if (c == ',' && isSurnameGivenComma(t, i, itemEnd, e)) {
                        itemEnd++;
                        continue;
                    }
                    break;
                }
                itemEnd++;
            }
            headerItem(t, i, itemEnd, ruled);
            i = skipSpaces(t, itemEnd + 1, e);
        }
    }

    private boolean isSurnameGivenComma(char[] t, int itemStart, int comma, int e) {
        int ws = skipSpaces(t, itemStart, comma);
        if (ws < comma && t[ws] == '"') {
            ws++;
        }
        int we = wordEnd(t, ws, comma);
        if (we != trimEnd(t, ws, comma) || we == ws || !Character.isUpperCase(t[ws])) {
            return false;
        }
        int g = skipSpaces(t, comma + 1, e);
        int ge = wordEnd(t, g, e);
        return ge > g + 1 && Character.isUpperCase(t[g]) && (lists.flags(t, g, ge) & NameLists.GIVEN) != 0;
    }

    /** One header item: the display name before {@code <}, or before {@code /} or {@code @} in Notes addresses. */
    private void headerItem(char[] t, int s, int e, List<Name> ruled) {
        int end = e;
        for (int i = s; i < e; i++) {
            if (t[i] == '<' || t[i] == '/' || t[i] == '@' || t[i] == '(' || t[i] == '[') {
                end = i;
                break;
            }
        }
        int ns = skipSpaces(t, s, end);
        int ne = trimEnd(t, ns, end);
        if (ns < ne && t[ns] == '"') {
            ns++;
        }
        if (ne > ns && t[ne - 1] == '"') {
            ne--;
        }
        if (end < e && t[end] == '@') {
            return; // a bare address: its local part is handled by the e-mail rule
        }
        int fw = wordEnd(t, ns, ne);
        boolean givenFirst = (lists.flags(t, ns, fw) & NameLists.GIVEN) != 0
                || TITLES.contains(lower(t, ns, fw));
        if (!givenFirst && (fw >= ne || t[fw] != ',')) {
            return; // "BBC Breaking News Alert": a display name that does not start with a given name
        }
        nameValue(t, ns, ne, HEADER, HEADER_SCORE, 1, ruled);
    }

    /** The value of a person label: up to a tab, two spaces, ';' or a following label. */
    private void labelledValue(char[] t, int s, int e, List<Name> ruled) {
        int end = s;
        while (end < e) {
            char c = t[end];
            if (c == '\t' || c == ';' || c == '|' || c == '(' || c == '<' || (c == ' ' && end + 1 < e
                    && t[end + 1] == ' ')) {
                break;
            }
            end++;
        }
        int ve = trimEnd(t, s, end);
        boolean caps = isAllCaps(t, s, ve);
        nameValue(t, s, ve, caps ? CAPS_LABEL : LABEL, LABEL_SCORE, 2, ruled);
    }

    /**
     * Reports {@code t[s, e)} as a person if it is shaped like a name: 1 to 4 capitalised (or all-caps) words,
     * optional title first (not included), initials allowed, "Surname, Given" allowed; a single word needs
     * {@code minWords <= 1} and a name-list hit.
     */
    private void nameValue(char[] t, int s, int e, String rule, double score, int minWords, List<Name> ruled) {
        if (s >= e || e - s > 60) {
            return;
        }
        int i = s;
        int tw = wordEnd(t, i, e);
        if (tw > i && TITLES.contains(lower(t, i, tw))) {
            i = skipSeparators(t, tw, e);
            minWords = 1;
        }
        int start = i;
        int words = 0;
        int listHits = 0;
        boolean comma = false;
        while (i < e) {
            char c = t[i];
            if (!Character.isLetter(c)) {
                return;
            }
            if (!Character.isUpperCase(c)) {
                return;
            }
            int we = i;
            while (we < e && (Character.isLetter(t[we]) || t[we] == '\'' || (t[we] == '-' && we + 1 < e
                    && Character.isUpperCase(t[we + 1])))) {
                we++;
            }
            words++;
            if (words > 4) {
                return;
            }
            String w = lower(t, i, we);
            if (DEFINED_TERMS.contains(w) || LABEL_WORDS.contains(w) || SALUTATION_NOT_NAMES.contains(w)
                    && !TITLES.contains(w)) {
                return;
            }
            if (lists.flags(t, i, we) != 0 || we - i == 1) { // an initial counts as evidence too
                listHits++;
            }
            int j = we;
            if (j < e && t[j] == '.') {
                j++;
            }
            if (j < e && t[j] == ',') {
                if (comma || words != 1) {
                    return;
                }
                comma = true;
                j++;
            }
            int next = skipSpaces(t, j, e);
            if (next == j && next < e) {
                return;
            }
            i = next;
        }
        if (words < minWords || words == 0 || listHits == 0) {
            return;
        }
        if (words == 1 && (lists.flags(t, start, trimEnd(t, start, e)) & NameLists.GIVEN) == 0) {
            return;
        }
        int end = trimEnd(t, start, e);
        if (t[end - 1] == '.' && end - 2 >= start && Character.isLowerCase(t[end - 2])) {
            end--;
        }
        ruled.add(new Name(NameType.PERSON, start, end, comma ? SURNAME_GIVEN : rule, comma ? SURNAME_GIVEN_SCORE
                : score, comma ? rule : ""));
    }

    /** "Dear Maria," "Hi John and Jane" "Dear Mr. Smith:". */
    private void salutation(char[] t, int afterWord, int e, List<Name> ruled) {
        int s = skipSpaces(t, afterWord, e);
        int end = s;
        while (end < e && t[end] != ',' && t[end] != ':' && t[end] != '!' && t[end] != ';' && t[end] != '-') {
            end++;
        }
        if (end - s > 40) {
            return;
        }
        int ve = trimEnd(t, s, end);
        // "Hi John and Jane": two names
        int and = indexOfWord(t, s, ve, "and");
        if (and > 0) {
            nameValue(t, s, trimEnd(t, s, and), SALUTATION, SALUTATION_SCORE, 1, ruled);
            nameValue(t, skipSpaces(t, and + 3, ve), ve, SALUTATION, SALUTATION_SCORE, 1, ruled);
            return;
        }
        int before = ruled.size();
        nameValue(t, s, ve, SALUTATION, SALUTATION_SCORE, 1, ruled);
        if (ruled.size() == before && ve > s && isCapitalisedWords(t, s, ve, 2)) {
            // single unknown given name: "Dear Oluwaseun," is still a name in a salutation
            int we = wordEnd(t, s, ve);
            if (we == ve && !SALUTATION_NOT_NAMES.contains(lower(t, s, ve))) {
                ruled.add(new Name(NameType.PERSON, s, ve, SALUTATION, SALUTATION_SCORE, ""));
            }
        }
    }

    private boolean isSignOff(char[] t, int s, int e) {
        int end = e;
        while (end > s && (t[end - 1] == ',' || t[end - 1] == '!' || t[end - 1] == '.' || t[end - 1] == ' ')) {
            end--;
        }
        return end - s <= 24 && SIGN_OFFS.contains(lower(t, s, end).replace("  ", " "));
    }

    /** The line after "Regards,": the writer's name (1-4 capitalised words). */
    private void signature(char[] t, int s, int lineEnd, List<Name> ruled, List<Name> model) {
        int e = leadingNameWords(t, s, lineEnd);
        if (e <= s) {
            return;
        }
        int after = skipSpaces(t, e, lineEnd);
        String next = after < lineEnd ? lower(t, after, wordEnd(t, after, lineEnd)) : "";
        if (after < lineEnd && !JOB_TITLES.contains(next) && !ORGANIZATION_WORDS.contains(next)) {
            // the line goes on ("Kevin A. Boone Accenture -- Houston"): keep the first two full words and the
            // initials between them; a single word must be the whole line
            int full = 0;
            int i = s;
            int cut = s;
            while (i < e && full < 2) {
                int we = wordEnd(t, i, e);
                if (we - i > 1 && !PARTICLES.contains(lower(t, i, we))) {
                    full++;
                }
                cut = we < e && t[we] == '.' ? we + 1 : we;
                i = skipSpaces(t, cut, e);
            }
            if (full < 2) {
                return;
            }
            e = cut;
        }
        int before = ruled.size();
        nameValue(t, s, e, SIGN_OFF, SIGN_OFF_SCORE, 1, ruled);
        if (ruled.size() == before && isCapitalisedWords(t, s, e, 3)) {
            for (Name m : model) {
                if (m.start() == s && m.type() == NameType.PERSON) {
                    return;
                }
            }
            if (wordEnd(t, s, e) == e && e == lineEnd && e - s >= 2 && !SALUTATION_NOT_NAMES.contains(lower(t, s, e))
                    && !NOT_ALONE.contains(lower(t, s, e))) {
                ruled.add(new Name(NameType.PERSON, s, e, SIGN_OFF, SIGN_OFF_SCORE - 0.1, ""));
            }
        }
    }

    /** End of the run of capitalised words (and initials) at the start of {@code t[s, e)}, at most four. */
    private static int leadingNameWords(char[] t, int s, int e) {
        int i = s;
        int end = s;
        int words = 0;
        while (i < e && words < 4 && Character.isUpperCase(t[i])) {
            int we = i;
            while (we < e && (Character.isLetter(t[we]) || t[we] == '\'' || t[we] == '-')) {
                we++;
            }
            if (we < e && t[we] == '.' && we - i == 1) {
                we++;
            }
            if (we < e && t[we] != ' ' && t[we] != ',' && t[we] != '\t') {
                break;
            }
            String w = lower(t, i, we);
            if (JOB_TITLES.contains(w) || ORGANIZATION_WORDS.contains(w)) {
                break;
            }
            words++;
            end = we;
            if (we < e && t[we] == ',') {
                break;
            }
            i = skipSpaces(t, we, e);
        }
        return end;
    }

    /** "Vince" alone on a line (a signature without a sign-off): a listed given name, capitalised. */
    private void givenNameLine(char[] t, int s, int e, List<Name> ruled) {
        if (e - s < 3 || e - s > 15 || !Character.isUpperCase(t[s]) || wordEnd(t, s, e) != e) {
            return;
        }
        for (int i = s + 1; i < e; i++) {
            if (!Character.isLowerCase(t[i])) {
                return;
            }
        }
        int f = lists.flags(t, s, e);
        if ((f & NameLists.GIVEN) != 0 && !NOT_ALONE.contains(lower(t, s, e))) {
            ruled.add(new Name(NameType.PERSON, s, e, NAME_LINE, NAME_LINE_SCORE, ""));
        }
    }

    /** Surname particles: "Van", "de", "von" do not count as a full name word. */
    private static final Set<String> PARTICLES = words("van", "von", "de", "der", "den", "del", "della", "di", "da",
            "du", "la", "le", "st", "bin", "ibn", "al", "el", "ter", "ten", "dos", "das");

    /** Given names that, alone on a line, are usually ordinary words or headings. */
    private static final Set<String> NOT_ALONE = words("will", "may", "june", "april", "august", "summer", "autumn",
            "winter", "spring", "hope", "faith", "joy", "grace", "love", "honor", "justice", "major", "general",
            "china", "india", "paris", "london", "georgia", "virginia", "carolina", "dakota", "austin", "houston",
            "dallas", "phoenix", "denver", "sydney", "florence", "sterling", "price", "page", "case", "note", "rich",
            "cash", "bill", "mark", "chase", "sunny", "golden", "green", "gray", "brown", "king", "prince", "duke",
            "earl", "baron", "judge", "pilot", "deal", "star", "sky", "rain", "storm", "river", "ocean", "forest",
            "dawn", "eve", "christmas", "easter", "monday", "sunday", "friday", "tuesday", "wednesday", "thursday",
            "saturday", "january", "february", "march", "july", "september", "october", "november", "december",
            "thanks", "regards", "cheers", "best", "yes", "no", "ok", "okay", "sure", "great", "nice", "done",
            "attached", "summary", "overview", "introduction", "conclusion", "background", "agenda", "minutes");

    /** "MARIA GONZALEZ" alone on a line: all capitals, given name first and surname last on the lists. */
    private void allCapsLine(char[] t, int s, int e, List<Name> ruled) {
        if (e - s > 40 || !isAllCaps(t, s, e)) {
            return;
        }
        int fw = wordEnd(t, s, e);
        int lastStart = wordStartBack(t, e);
        if (fw >= e || lastStart <= s || (lists.flags(t, s, fw) & NameLists.GIVEN) == 0
                || (lists.flags(t, lastStart, e) & NameLists.SURNAME) == 0) {
            return;
        }
        int before = ruled.size();
        nameValue(t, s, e, CAPS_LINE, CAPS_LINE_SCORE, 2, ruled);
        if (ruled.size() > before && ruled.get(ruled.size() - 1).rule().equals(SURNAME_GIVEN)) {
            ruled.remove(ruled.size() - 1);
        }
    }

    // ------------------------------------------------------------------ company names

    /** Legal-form suffixes that end a company name. */
    private static final Set<String> COMPANY_SUFFIXES = words("Ltd", "Limited", "LLC", "Inc", "plc", "PLC", "GmbH",
            "LLP", "Corp", "Corporation", "AG", "SAS", "SARL", "BV", "NV", "Pty", "LP");

    /** "Northgate Lighting Ltd": one to four capitalised words before a legal-form suffix. */
    private static void companySuffixes(char[] t, int n, List<Name> ruled) {
        int i = 0;
        while (i < n) {
            if (!Character.isUpperCase(t[i]) || (i > 0 && Character.isLetterOrDigit(t[i - 1]))) {
                i++;
                continue;
            }
            int we = wordEnd(t, i, n);
            if (we - i >= 2 && we - i <= 11 && COMPANY_SUFFIXES.contains(new String(t, i, we - i))) {
                int start = i;
                int words = 0;
                int k = i;
                while (words < 4) {
                    int p = k - 1;
                    if (p >= 0 && t[p] == ',') {
                        p--;
                    }
                    if (p < 1 || t[p] != ' ' || !Character.isLetter(t[p - 1])) {
                        break;
                    }
                    int ws = wordStartBack(t, p);
                    if (!Character.isUpperCase(t[ws]) || NameTagger.STARTERS.contains(new String(t, ws, p - ws))) {
                        break;
                    }
                    start = ws;
                    k = ws;
                    words++;
                }
                int end = we < n && t[we] == '.' ? we + 1 : we;
                if (words > 0) {
                    ruled.add(new Name(NameType.ORGANIZATION, start, end, COMPANY, COMPANY_SCORE, ""));
                }
            }
            i = Math.max(we, i + 1);
        }
    }

    // ------------------------------------------------------------------ e-mail local parts

    /**
     * For each e-mail address: a name within 300 characters whose words make up the local part
     * ({@code maria.gonzalez}, {@code mgonzalez}, {@code maria_g}) gets +0.1 and a note; if no name was found but
     * the local part is "given.surname" (both on the lists) and the capitalised pair occurs nearby, that occurrence
     * is reported.
     */
    private void emailLocalParts(char[] t, int n, List<Name> names) {
        for (int at = 0; at < n; at++) {
            if (t[at] != '@') {
                continue;
            }
            int ls = at;
            while (ls > 0 && (Character.isLetterOrDigit(t[ls - 1]) || t[ls - 1] == '.' || t[ls - 1] == '_'
                    || t[ls - 1] == '-') && at - ls < 64) {
                ls--;
            }
            if (ls == at) {
                continue;
            }
            if (at + 1 >= n || !Character.isLetterOrDigit(t[at + 1]) || names.isEmpty() && at - ls < 5) {
                continue;
            }
            String local = new String(t, ls, at - ls).toLowerCase(Locale.ROOT);
            StringBuilder letters = new StringBuilder(local.length());
            for (int k = 0; k < local.length(); k++) {
                char c = local.charAt(k);
                if (c != '.' && c != '_' && c != '-') {
                    letters.append(c);
                }
            }
            String compact = letters.toString();
            boolean matched = false;
            for (int k = 0; k < names.size(); k++) {
                Name m = names.get(k);
                if (m.type() != NameType.PERSON || m.end() < at - 300 || m.start() > at + 300
                        || (m.start() <= at && m.end() > ls)) {
                    continue;
                }
                if (localPartMatches(compact, words(t, m.start(), m.end()))) {
                    names.set(k, m.withScore(Math.min(1.0, m.score() + 0.1), "matches e-mail local part"));
                    matched = true;
                }
            }
            if (matched) {
                continue;
            }
            String[] parts = splitLocal(local);
            if (parts.length != 2 || parts[0].length() < 2 || parts[1].length() < 2
                    || (lists.flags(parts[0]) & NameLists.GIVEN) == 0
                    || (lists.flags(parts[1]) & NameLists.SURNAME) == 0) {
                continue;
            }
            String wanted = capitalise(parts[0]) + " " + capitalise(parts[1]);
            int from = Math.max(0, ls - 300);
            int to = Math.min(n, at + 300);
            int hit = indexOf(t, from, to, wanted);
            if (hit >= 0 && (hit == 0 || !Character.isLetter(t[hit - 1]))
                    && (hit + wanted.length() >= n || !Character.isLetter(t[hit + wanted.length()]))) {
                insert(names, new Name(NameType.PERSON, hit, hit + wanted.length(), EMAIL_LOCAL, EMAIL_LOCAL_SCORE,
                        "given.surname local part"));
            }
        }
    }

    /** A local part split at {@code . _ -}, without regular expressions. */
    private static String[] splitLocal(String local) {
        List<String> parts = new ArrayList<>(3);
        int from = 0;
        for (int k = 0; k <= local.length(); k++) {
            if (k == local.length() || local.charAt(k) == '.' || local.charAt(k) == '_' || local.charAt(k) == '-') {
                parts.add(local.substring(from, k));
                from = k + 1;
            }
        }
        return parts.toArray(String[]::new);
    }

    static boolean localPartMatches(String compact, List<String> words) {
        if (words.isEmpty() || compact.length() < 2) {
            return false;
        }
        String first = words.get(0);
        String last = words.get(words.size() - 1);
        if (words.size() == 1) {
            return compact.equals(first) || compact.startsWith(first) && compact.length() - first.length() <= 1;
        }
        return compact.equals(first + last) || compact.equals(last + first)
                || compact.equals(first.charAt(0) + last) || compact.equals(first + last.charAt(0))
                || compact.equals(String.join("", words)) || compact.equals(first);
    }

    private static void insert(List<Name> names, Name add) {
        for (Name m : names) {
            if (m.start() < add.end() && add.start() < m.end()) {
                return;
            }
        }
        names.add(add);
        names.sort(Comparator.comparingInt(Name::start));
    }

    // ------------------------------------------------------------------ merging

    /** Rule names win over overlapping model names; among rules, the earlier-found wins. */
    private static List<Name> merge(List<Name> ruled, List<Name> model) {
        List<Name> out = new ArrayList<>(ruled.size() + model.size());
        for (Name r : ruled) {
            if (!overlapsAny(out, r)) {
                out.add(r);
            }
        }
        for (Name m : model) {
            if (!overlapsAny(out, m)) {
                out.add(m);
            }
        }
        out.sort(Comparator.comparingInt(Name::start));
        return out;
    }

    private static boolean overlapsAny(List<Name> names, Name x) {
        for (Name m : names) {
            if (m.start() < x.end() && x.start() < m.end()) {
                return true;
            }
        }
        return false;
    }

    // ------------------------------------------------------------------ character helpers

    private static List<String> words(char[] t, int s, int e) {
        List<String> out = new ArrayList<>(3);
        int i = s;
        while (i < e) {
            int we = i;
            while (we < e && Character.isLetter(t[we])) {
                we++;
            }
            if (we > i) {
                out.add(lower(t, i, we));
                i = we;
            } else {
                i++;
            }
        }
        return out;
    }

    static int wordEnd(char[] t, int i, int e) {
        while (i < e && (Character.isLetterOrDigit(t[i]) || t[i] == '\'')) {
            i++;
        }
        return i;
    }

    private static int wordStartBack(char[] t, int end) {
        int i = end;
        while (i > 0 && Character.isLetter(t[i - 1])) {
            i--;
        }
        return i;
    }

    private static boolean isSingleWord(char[] t, int s, int e) {
        return wordEnd(t, s, e) == e;
    }

    private static int skipSpaces(char[] t, int i, int e) {
        while (i < e && (t[i] == ' ' || t[i] == '\t' || t[i] == '\r')) {
            i++;
        }
        return i;
    }

    private static int skipSeparators(char[] t, int i, int e) {
        while (i < e && (t[i] == ' ' || t[i] == '.' || t[i] == ':' || t[i] == ',')) {
            i++;
        }
        return i;
    }

    private static int trimEnd(char[] t, int s, int e) {
        while (e > s && (t[e - 1] == ' ' || t[e - 1] == '\t' || t[e - 1] == '\r')) {
            e--;
        }
        return e;
    }

    /** A field starts at a line start, after a tab, a colon, '(' or ';' (with spaces). */
    private static boolean isFieldStart(char[] t, int ws) {
        int i = ws - 1;
        while (i >= 0 && t[i] == ' ') {
            i--;
        }
        return i < 0 || t[i] == '\n' || t[i] == '\t' || t[i] == ':' || t[i] == '(' || t[i] == ';' || t[i] == '"';
    }

    /** After a "Surname, Given" span: end of line or field. */
    private static boolean fieldEndsAfter(char[] t, int n, int e) {
        int i = e;
        while (i < n && t[i] == ' ') {
            i++;
        }
        return i >= n || t[i] == '\n' || t[i] == '\t' || t[i] == ';' || t[i] == ')' || t[i] == '<' || t[i] == '"'
                || t[i] == '/' || t[i] == ',' || (i > e + 1);
    }

    private static boolean isAllCaps(char[] t, int s, int e) {
        int letters = 0;
        for (int i = s; i < e; i++) {
            char c = t[i];
            if (Character.isLowerCase(c)) {
                return false;
            }
            if (Character.isLetter(c)) {
                letters++;
            }
        }
        return letters >= 4;
    }

    private static boolean isCapitalisedWords(char[] t, int s, int e, int max) {
        int words = 0;
        int i = s;
        while (i < e) {
            if (!Character.isUpperCase(t[i])) {
                return false;
            }
            int we = wordEnd(t, i, e);
            words++;
            i = skipSpaces(t, we, e);
            if (i == we && i < e) {
                return false;
            }
        }
        return words >= 1 && words <= max;
    }

    private static int indexOfWord(char[] t, int s, int e, String word) {
        for (int i = s; i + word.length() <= e; i++) {
            if ((i == s || t[i - 1] == ' ') && (i + word.length() == e || t[i + word.length()] == ' ')) {
                boolean eq = true;
                for (int k = 0; k < word.length(); k++) {
                    if (t[i + k] != word.charAt(k)) {
                        eq = false;
                        break;
                    }
                }
                if (eq) {
                    return i;
                }
            }
        }
        return -1;
    }

    private static int indexOf(char[] t, int from, int to, String s) {
        outer:
        for (int i = from; i + s.length() <= to; i++) {
            for (int k = 0; k < s.length(); k++) {
                if (t[i + k] != s.charAt(k)) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static String capitalise(String w) {
        return Character.toUpperCase(w.charAt(0)) + w.substring(1);
    }

    static String lower(char[] t, int s, int e) {
        return new String(t, s, Math.max(0, e - s)).toLowerCase(Locale.ROOT);
    }

    private static Set<String> words(String... words) {
        return Set.copyOf(java.util.Arrays.asList(words));
    }
}
