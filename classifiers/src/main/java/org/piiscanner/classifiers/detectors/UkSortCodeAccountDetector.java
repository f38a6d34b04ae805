package org.piiscanner.classifiers.detectors;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.piiscanner.classifiers.Candidate;
import org.piiscanner.classifiers.CompoundFilter;
import org.piiscanner.classifiers.ContextWords;
import org.piiscanner.classifiers.Detector;
import org.piiscanner.classifiers.EntityType;
import org.piiscanner.classifiers.MatchCollector;
import org.piiscanner.classifiers.ScoredPattern;
import org.piiscanner.classifiers.Trigger;
import org.piiscanner.classifiers.Validation;
import org.piiscanner.classifiers.checksum.VocalinkModulus;

/**
 * UK sort code + account number pairs (identifiers spec §3): a sort code {@code NN-NN-NN}, {@code NN NN NN} or
 * {@code NNNNNN} and an account number {@code NNNNNNNN} or {@code NNNN NNNN} within 60 characters of each other on
 * the same line, in either order. One finding per pair, spanning from the first of the two to the end of the
 * second; a bare 6- or 8-digit number alone is never reported, and a pair only with context (a hotword such as
 * "sort code" or "BACS" near it).
 *
 * <p>Pairs are found from the sort code: the nearest account number before or after it (a following one wins a
 * tie). With a Vocalink weight table configured (option {@value #WEIGHT_TABLE}, plus {@value #SUBSTITUTION_TABLE}
 * for exception 5) pairs failing the modulus check are dropped, passing pairs score higher, and sort codes the
 * table does not list are kept at the format score, as Vocalink specifies. If the nearest account number fails,
 * the account number on the other side is tried. HMRC's published collection accounts are organisations' bank
 * details: they are reported as test values.
 *
 * <p>Context is looked for around the finding, so a label between the two numbers ({@code 08-99-99 acc no
 * 66374958}) does not count by itself; a pair split over two lines (form fields on separate lines) is not paired.
 *
 * <p>Immutable and thread-safe; {@link #configure} returns a new instance.
 */
public final class UkSortCodeAccountDetector extends DeclaredDetector {

    private static final CompoundFilter FILTER = CompoundFilter.of(6, CompoundFilter.DIGIT);

    /** Option: path of a modulus weight table in Vocalink's {@code valacdos.txt} format. */
    public static final String WEIGHT_TABLE = "weightTable";
    /** Option: path of a sorting code substitution table in Vocalink's {@code scsubtab.txt} format. */
    public static final String SUBSTITUTION_TABLE = "substitutionTable";

    static final ScoredPattern CHECKED = ScoredPattern.needsContext("UK_SORT_CODE_ACCOUNT (modulus-checked)", 0.55);
    static final ScoredPattern GROUPED = ScoredPattern.needsContext("UK_SORT_CODE_ACCOUNT (grouped sort code)", 0.4);
    static final ScoredPattern BARE = ScoredPattern.needsContext("UK_SORT_CODE_ACCOUNT (bare sort code, weak)", 0.3);
    static final ScoredPattern ORGANISATION =
            ScoredPattern.needsContext("UK_SORT_CODE_ACCOUNT (published organisation account)", 0.4);

    static final String NOTE_PASSED = "Vocalink modulus check passed";
    static final String NOTE_FAILED = "Vocalink modulus check failed";
    static final String NOTE_NOT_LISTED = "sort code not in the modulus weight table: treated as valid";
    static final String NOTE_FOREIGN = "foreign-currency account (Vocalink exception 6): not checkable";
    static final String NOTE_NO_TABLE = "format and context only: no modulus weight table configured";
    static final String NOTE_ORGANISATION = "organisation account (HMRC collection account)";

    /** Most characters between a sort code and its account number. */
    static final int MAX_GAP = 60;

    private static final Set<String> OPTION_KEYS =
            Collections.unmodifiableSet(new LinkedHashSet<>(List.of(WEIGHT_TABLE, SUBSTITUTION_TABLE)));

    /** HMRC's published collection accounts (gov.uk "Pay your Self Assessment tax bill"): sort code + account. */
    private static final Set<String> ORGANISATION_ACCOUNTS = Set.of("08321012001039", "08321012001020");
    private static final char[] ORGANISATION_SORT_CODE = "083210".toCharArray();

    private static final ContextWords CONTEXT = new ContextWords(List.of(
            "sort code", "sorting code", "sortcode", "s/c", "account number", "account no", "acc no", "acct no",
            "a/c", "a/c no", "bank account", "bank details", "banking details", "bacs", "direct debit",
            "standing order", "payee", "faster payments", "building society roll number"),
            List.of("date", "dob", "time"));

    private final VocalinkModulus modulus;

    /** A detector checking format and context only (no weight table). */
    public UkSortCodeAccountDetector() {
        this(null);
    }

    private UkSortCodeAccountDetector(VocalinkModulus modulus) {
        super("uk_sort_code_account", Set.of(EntityType.UK_SORT_CODE_ACCOUNT), List.of(CHECKED, GROUPED, BARE,
                ORGANISATION), CONTEXT, Set.of(Trigger.COMPOUND), FILTER);
        this.modulus = modulus;
    }





    /** A label between the sort code and the account ("08-99-99 acc no 66374958") is context. */
    @Override
    public boolean contextInsideMatches() {
        return true;
    }



    @Override
    public Set<String> optionKeys() {
        return OPTION_KEYS;
    }

    /**
     * A detector using the Vocalink tables named by {@value #WEIGHT_TABLE} and (optional)
     * {@value #SUBSTITUTION_TABLE}, read and parsed now; without options, this detector unchanged (the engine
     * configures every detector, with no options by default).
     *
     * @throws IllegalArgumentException naming the option for an unknown key, a missing or unreadable file, or
     *     (with file name and line number) a malformed row
     */
    @Override
    public Detector configure(Map<String, String> options) {
        if (options.isEmpty()) {
            return this;
        }
        for (String key : options.keySet()) {
            if (!OPTION_KEYS.contains(key)) {
                throw new IllegalArgumentException("unknown option '" + key + "'");
            }
        }
        Path weights = path(options, WEIGHT_TABLE);
        Path substitutions = path(options, SUBSTITUTION_TABLE);
        if (weights == null) { // options is not empty, so it holds only the substitution table
            throw new IllegalArgumentException("option '" + SUBSTITUTION_TABLE + "' needs option '" + WEIGHT_TABLE
                    + "'");
        }
        return new UkSortCodeAccountDetector(VocalinkModulus.load(weights, source(WEIGHT_TABLE, weights),
                substitutions, substitutions == null ? "" : source(SUBSTITUTION_TABLE, substitutions)));
    }

    private static Path path(Map<String, String> options, String key) {
        String value = options.get(key);
        if (value == null) {
            return null;
        }
        if (value.isBlank()) {
            throw new IllegalArgumentException("option '" + key + "' must name a file");
        }
        try {
            return Path.of(value.strip());
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException("option '" + key + "': invalid path '" + value + "'");
        }
    }

    private static String source(String key, Path file) {
        Path name = file.getFileName();
        return "option '" + key + "' (" + (name == null ? file : name) + ")";
    }

    @Override
    public void scan(Candidate c, MatchCollector out) {
        int words = c.wordCount();
        for (int w = 0; w < words; w++) {
            if (!c.isDigits(w)) {
                continue;
            }
            int len = c.wordLength(w);
            if (len == 6) {
                pair(c, out, c.wordStart(w), c.wordEnd(w), false);
            } else if (len == 2 && isGroupedSortCode(c, w)) {
                pair(c, out, c.wordStart(w), c.wordEnd(w + 2), true);
            }
        }
    }

    /** True if words {@code w, w+1, w+2} are two digits each, joined by the same space or hyphen. */
    private static boolean isGroupedSortCode(Candidate c, int w) {
        if (w + 2 >= c.wordCount()) {
            return false;
        }
        char j = c.joinerAfter(w);
        return (j == ' ' || j == '-') && c.joinerAfter(w + 1) == j
                && c.isDigits(w + 1) && c.wordLength(w + 1) == 2 && c.isDigits(w + 2) && c.wordLength(w + 2) == 2;
    }

    /**
     * Pairs the sort code {@code [s, e)} with the nearest account number and reports the pair; if that pair fails
     * the modulus check, tries the account number on the other side. The spec's digit-group boundaries
     * ({@code (?<![0-9][ -])}, {@code (?![ -][0-9])}) apply to the pair as a whole: a sort code and an account
     * number may touch across one space ({@code 08-99-99 66374958}), nothing else may.
     */
    private void pair(Candidate c, MatchCollector out, int s, int e, boolean grouped) {
        boolean groupBefore = continuesGroupBefore(c, s);
        boolean groupAfter = continuesGroupAfter(c, e);
        if (groupBefore && groupAfter) {
            return;
        }
        int after; // start of the account number after the sort code, or -1
        int before; // end of the account number before the sort code, or -1
        if (groupAfter) {
            after = c.charAt(e) == ' ' && accountEndingFrom(c, e + 1, e) >= 0 ? e + 1 : -1;
            before = -1;
        } else if (groupBefore) {
            after = -1;
            before = c.charAt(s - 1) == ' ' && accountStartingBefore(c, s - 1, s) >= 0 ? s - 1 : -1;
        } else {
            after = nearestAccountAfter(c, e);
            before = nearestAccountBefore(c, s);
        }
        if (after < 0 && before < 0) {
            return;
        }
        boolean afterFirst = before < 0 || (after >= 0 && after - e <= s - before);
        char[] digits = new char[14];
        copyDigits(c, s, e, digits, 0);
        for (int attempt = 0; attempt < 2; attempt++) {
            boolean useAfter = afterFirst == (attempt == 0);
            if ((useAfter ? after : before) < 0) {
                continue;
            }
            int as = useAfter ? after : accountStartingBefore(c, before, s);
            int ae = useAfter ? accountEndingFrom(c, after, e) : before;
            copyDigits(c, as, ae, digits, 6);
            if (report(out, Math.min(s, as), Math.max(e, ae), digits, grouped)) {
                return;
            }
        }
    }

    /** Start of the nearest account number starting at most {@link #MAX_GAP} characters after {@code e}, or -1. */
    private static int nearestAccountAfter(Candidate c, int e) {
        for (int i = e; i <= e + MAX_GAP; i++) {
            char ch = c.charAt(i);
            if (ch == '\n' || ch == '\r' || ch == Candidate.NONE) {
                return -1;
            }
            if (Candidate.isDigit(ch) && !Candidate.isAlnum(c.charAt(i - 1)) && accountEndingFrom(c, i, e) >= 0) {
                return i;
            }
        }
        return -1;
    }

    /** End of the nearest account number ending at most {@link #MAX_GAP} characters before {@code s}, or -1. */
    private static int nearestAccountBefore(Candidate c, int s) {
        for (int i = s - 1; i >= s - MAX_GAP && i > 0; i--) {
            char ch = c.charAt(i);
            if (ch == '\n' || ch == '\r') {
                return -1;
            }
            if (!Candidate.isAlnum(ch) && Candidate.isDigit(c.charAt(i - 1)) && accountStartingBefore(c, i, s) >= 0) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Reports the pair {@code [start, end)} whose sort code and account number digits are {@code digits}.
     *
     * @return false if the pair failed the modulus check (reported as {@link Validation#INVALID}, i.e. dropped)
     */
    private boolean report(MatchCollector out, int start, int end, char[] digits, boolean grouped) {
        EntityType type = EntityType.UK_SORT_CODE_ACCOUNT;
        ScoredPattern format = grouped ? GROUPED : BARE;
        if (isOrganisationAccount(digits)) {
            out.add(type, start, end, ORGANISATION, Validation.NOT_APPLICABLE, true, NOTE_ORGANISATION);
            return true;
        }
        if (modulus == null) {
            out.add(type, start, end, format, Validation.NOT_APPLICABLE, false, NOTE_NO_TABLE);
            return true;
        }
        switch (modulus.check(digits, 0)) {
            case VALID -> out.add(type, start, end, CHECKED, Validation.VALID, false, NOTE_PASSED);
            case SORT_CODE_NOT_LISTED -> out.add(type, start, end, format, Validation.NOT_APPLICABLE, false,
                    NOTE_NOT_LISTED);
            case FOREIGN_CURRENCY -> out.add(type, start, end, format, Validation.NOT_APPLICABLE, false,
                    NOTE_FOREIGN);
            case INVALID -> {
                out.add(type, start, end, CHECKED, Validation.INVALID, false, NOTE_FAILED);
                return false;
            }
        }
        return true;
    }

    private static boolean isOrganisationAccount(char[] digits) {
        for (int i = 0; i < ORGANISATION_SORT_CODE.length; i++) {
            if (digits[i] != ORGANISATION_SORT_CODE[i]) {
                return false;
            }
        }
        return ORGANISATION_ACCOUNTS.contains(new String(digits));
    }

    /**
     * The end of an account number {@code NNNNNNNN} or {@code NNNN NNNN} starting at {@code i} (whose previous
     * character is not a letter or digit), or -1. It may touch the sort code ending at {@code sortEnd} across one
     * space; otherwise it must not continue or be continued by a digit group.
     */
    private static int accountEndingFrom(Candidate c, int i, int sortEnd) {
        int end;
        if (digits(c, i, 8)) {
            end = i + 8;
        } else if (digits(c, i, 4) && c.charAt(i + 4) == ' ' && digits(c, i + 5, 4)) {
            end = i + 9;
        } else {
            return -1;
        }
        if (Candidate.isAlnum(c.charAt(end)) || continuesGroupAfter(c, end)) {
            return -1;
        }
        boolean touchesSortCode = i - 1 == sortEnd && c.charAt(sortEnd) == ' ';
        return continuesGroupBefore(c, i) && !touchesSortCode ? -1 : end;
    }

    /**
     * The start of an account number ending at {@code end} (whose character is not a letter or digit and whose
     * previous one is a digit), or -1. It may touch the sort code starting at {@code sortStart} across one space.
     */
    private static int accountStartingBefore(Candidate c, int end, int sortStart) {
        int start;
        if (digits(c, end - 8, 8)) {
            start = end - 8;
        } else if (digits(c, end - 4, 4) && c.charAt(end - 5) == ' ' && digits(c, end - 9, 4)) {
            start = end - 9;
        } else {
            return -1;
        }
        if (Candidate.isAlnum(c.charAt(start - 1)) || continuesGroupBefore(c, start)) {
            return -1;
        }
        boolean touchesSortCode = end + 1 == sortStart && c.charAt(end) == ' ';
        return continuesGroupAfter(c, end) && !touchesSortCode ? -1 : start;
    }

    /** The spec's {@code (?<![0-9][ -])} fails at {@code i}: a digit group ends just before it. */
    private static boolean continuesGroupBefore(Candidate c, int i) {
        char sep = c.charAt(i - 1);
        return (sep == ' ' || sep == '-') && Candidate.isDigit(c.charAt(i - 2));
    }

    /** The spec's {@code (?![ -][0-9])} fails at {@code i}: a digit group starts just after it. */
    private static boolean continuesGroupAfter(Candidate c, int i) {
        char sep = c.charAt(i);
        return (sep == ' ' || sep == '-') && Candidate.isDigit(c.charAt(i + 1));
    }

    private static boolean digits(Candidate c, int from, int count) {
        for (int i = from; i < from + count; i++) {
            if (!Candidate.isDigit(c.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** Copies the digits of {@code [from, to)} (skipping separators) to {@code out} at {@code offset}. */
    private static void copyDigits(Candidate c, int from, int to, char[] out, int offset) {
        int n = offset;
        for (int i = from; i < to; i++) {
            char ch = c.charAt(i);
            if (Candidate.isDigit(ch)) {
                out[n++] = ch;
            }
        }
    }
}
