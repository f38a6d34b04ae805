package org.piiscanner.classifiers.detectors;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
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

/**
 * Dates of birth (identifiers spec §17): day-first numeric dates ({@code 01/02/1985}, {@code 1-2-1985},
 * {@code 31.12.1999}, one separator throughout), ISO dates ({@code 1985-02-01}), textual dates
 * ({@code 12th March 1985}, {@code 01 February, 1985}, {@code 1-Feb-1985}) and two-digit years ({@code 01/02/85}).
 *
 * <p>A date is personal data only when it is someone's birth date, so every pattern needs a date-of-birth context
 * word near it; dates near invoice, expiry or timestamp words score lower. The date must exist in the calendar and
 * be a plausible birth date: not in the future and at most 120 years ago (two-digit years take the century that
 * satisfies this). Immutable and thread-safe; "today" comes from the injected clock.
 */
public final class DateOfBirthDetector extends DeclaredDetector {

    private static final CompoundFilter FILTER = new CompoundFilter(1, CompoundFilter.DIGIT,
            CompoundFilter.HYPHEN | CompoundFilter.DOT | CompoundFilter.SLASH | CompoundFilter.SPACE
                    | CompoundFilter.WORD_AFTER);

    static final ScoredPattern NUMERIC = ScoredPattern.needsContext("DOB (numeric d/m/yyyy)", 0.35);
    static final ScoredPattern ISO = ScoredPattern.needsContext("DOB (ISO yyyy-mm-dd)", 0.35);
    static final ScoredPattern TEXTUAL = ScoredPattern.needsContext("DOB (textual)", 0.35);
    static final ScoredPattern TWO_DIGIT_YEAR = ScoredPattern.needsContext("DOB (two-digit year, weak)", 0.25);

    private static final ContextWords CONTEXT = new ContextWords(List.of(
            "date of birth", "dob", "d.o.b.", "d.o.b", "d/o/b", "born", "born on", "birth date", "birthdate",
            "birthday", "age", "geboren", "geb.", "geburtsdatum", "n\u00e9 le", "n\u00e9e le", "date de naissance"),
            List.of("invoice date", "due date", "expiry", "expiry date", "expires", "expiration", "issued",
                    "issue date", "date of issue", "created", "modified", "timestamp", "released", "released on",
                    "published", "updated", "last updated", "dated", "posted", "effective", "valid from",
                    "valid until", "order date", "payment date", "start date", "end date", "deadline"));

    private static final int MAX_AGE = 120;

    private final Clock clock;

    /** A detector judging plausibility against the system clock. */
    public DateOfBirthDetector() {
        this(Clock.systemDefaultZone());
    }

    /** A detector judging plausibility against {@code clock} (for tests). */
    DateOfBirthDetector(Clock clock) {
        super("date_of_birth", Set.of(EntityType.DATE_OF_BIRTH), List.of(NUMERIC, ISO, TEXTUAL, TWO_DIGIT_YEAR),
                CONTEXT, Set.of(Trigger.COMPOUND), FILTER);
        this.clock = Objects.requireNonNull(clock, "clock");
    }







    @Override
    public void scan(Candidate c, MatchCollector out) {
        int words = c.wordCount();
        for (int w = 0; w < words; w++) {
            int len = c.wordLength(w);
            if (len > 4 || !Candidate.isDigit(c.charAt(c.wordStart(w)))) {
                continue;
            }
            if (c.isDigits(w) && w + 2 < words) {
                int last = len == 4 ? iso(c, w, out) : len <= 2 ? numeric(c, w, out) : -1;
                if (last > 0) {
                    w = last;
                    continue;
                }
            }
            textual(c, w, out);
        }
    }

    /** {@code d/m/yyyy}, {@code d-m-yyyy}, {@code d.m.yyyy} or the same with {@code yy}; the last word or -1. */
    private int numeric(Candidate c, int w, MatchCollector out) {
        char sep = c.joinerAfter(w);
        if ((sep != '/' && sep != '-' && sep != '.') || c.joinerAfter(w + 1) != sep
                || !c.isDigits(w + 1) || c.wordLength(w + 1) > 2 || !c.isDigits(w + 2)) {
            return -1;
        }
        int yearLength = c.wordLength(w + 2);
        if ((yearLength != 4 && yearLength != 2) || !freeBefore(c, w) || !freeAfter(c, c.wordEnd(w + 2))) {
            return -1;
        }
        int day = number(c, w);
        int month = number(c, w + 1);
        int year = number(c, w + 2);
        int today = today();
        ScoredPattern pattern;
        if (yearLength == 4) {
            if (year < 1900 || year > 2099 || !plausible(year, month, day, today)) {
                return -1;
            }
            pattern = NUMERIC;
        } else {
            year = resolveCentury(year, month, day, today);
            if (year < 0) {
                return -1;
            }
            pattern = TWO_DIGIT_YEAR;
        }
        out.add(EntityType.DATE_OF_BIRTH, c.wordStart(w), c.wordEnd(w + 2), pattern, Validation.VALID, false,
                yearLength == 2 ? "century inferred from the age window" : "");
        return w + 2;
    }

    /** {@code yyyy-mm-dd}; the last word or -1. */
    private int iso(Candidate c, int w, MatchCollector out) {
        if (c.joinerAfter(w) != '-' || c.joinerAfter(w + 1) != '-' || c.wordLength(w + 1) != 2
                || c.wordLength(w + 2) != 2 || !c.isDigits(w + 1) || !c.isDigits(w + 2) || !freeBefore(c, w)
                || !freeAfter(c, c.wordEnd(w + 2))) {
            return -1;
        }
        int year = number(c, w);
        int month = number(c, w + 1);
        int day = number(c, w + 2);
        if (year < 1900 || year > 2099 || !plausible(year, month, day, today())) {
            return -1;
        }
        out.add(EntityType.DATE_OF_BIRTH, c.wordStart(w), c.wordEnd(w + 2), ISO, Validation.VALID);
        return w + 2;
    }

    /**
     * A day word ({@code 1}, {@code 01}, {@code 12th}) followed in the raw text by a month name and a four-digit
     * year: {@code 12th March 1985}, {@code 1 Feb, 1985}, {@code 01-Feb-1985}.
     */
    private static final String[] MONTH_NAMES = {"january", "february", "march", "april", "may", "june", "july",
            "august", "september", "october", "november", "december"};

    /**
     * The month (1-12) named by the letters {@code [start, end)}: its three-letter abbreviation, its full name, or
     * "sept"; 0 if none. Allocates nothing.
     */
    static int month(Candidate c, int start, int end) {
        int len = end - start;
        if (len < 3) {
            return 0;
        }
        for (int m = 0; m < 12; m++) {
            String name = MONTH_NAMES[m];
            if (len != 3 && len != name.length() && !(m == 8 && len == 4)) {
                continue;
            }
            boolean same = true;
            for (int k = 0; k < len && same; k++) {
                same = k < name.length() && (c.charAt(start + k) | 0x20) == name.charAt(k);
            }
            if (same) {
                return m + 1;
            }
        }
        return 0;
    }

    private void textual(Candidate c, int w, MatchCollector out) {
        int ws = c.wordStart(w);
        int we = c.wordEnd(w);
        int digits = Candidate.isDigit(c.charAt(ws + 1)) ? 2 : 1;
        int suffix = we - ws - digits;
        if (suffix != 0 && (suffix != 2 || !ordinalSuffix(c.charAt(ws + digits), c.charAt(ws + digits + 1)))) {
            return;
        }
        char sep = c.charAt(we);
        if (sep != ' ' && sep != '-') {
            return;
        }
        int i = we + 1;
        int monthStart = i;
        if ("jfmasondJFMASOND".indexOf(c.charAt(i)) < 0) {
            return; // no month name starts here: most numbers are followed by ordinary words
        }
        while (i - monthStart < 10 && isLetter(c.charAt(i))) {
            i++;
        }
        int month = month(c, monthStart, i);
        if (month == 0) {
            return;
        }
        if (sep == ' ' && c.charAt(i) == ',') {
            i++;
        }
        if (c.charAt(i) != sep) {
            return;
        }
        int yearStart = i + 1;
        for (int k = yearStart; k < yearStart + 4; k++) {
            if (!Candidate.isDigit(c.charAt(k))) {
                return;
            }
        }
        int end = yearStart + 4;
        if (Candidate.isAlnum(c.charAt(end))) {
            return;
        }
        int day = (c.charAt(ws) - '0') * (digits == 2 ? 10 : 1) + (digits == 2 ? c.charAt(ws + 1) - '0' : 0);
        int year = Groups.number(c.text(), yearStart, end);
        if (year < 1900 || year > 2099 || !plausible(year, month, day, today())) {
            return;
        }
        out.add(EntityType.DATE_OF_BIRTH, ws, end, TEXTUAL, Validation.VALID);
    }

    /** Today as {@code yyyymmdd}. */
    private int today() {
        LocalDate today = LocalDate.now(clock);
        return today.getYear() * 10_000 + today.getMonthValue() * 100 + today.getDayOfMonth();
    }

    /**
     * True if the date exists and lies between 120 years ago and today ({@code yyyymmdd}), inclusive. Dates are
     * compared as {@code yyyymmdd} integers: no allocation per candidate.
     */
    private static boolean plausible(int year, int month, int day, int today) {
        if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
            return false;
        }
        int date = year * 10_000 + month * 100 + day;
        int earliest = today - MAX_AGE * 10_000;
        if (earliest % 10_000 == 229 && !isLeap(earliest / 10_000)) {
            earliest--;
        }
        return date <= today && date >= earliest;
    }

    /** The four-digit year for {@code yy} that makes a plausible birth date (latest first), or -1. */
    private static int resolveCentury(int yy, int month, int day, int today) {
        int thisYear = today / 10_000;
        for (int year = thisYear / 100 * 100 + yy; year > thisYear - MAX_AGE - 100; year -= 100) {
            if (plausible(year, month, day, today)) {
                return year;
            }
        }
        return -1;
    }

    private static int daysInMonth(int year, int month) {
        return switch (month) {
            case 2 -> isLeap(year) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
    }

    private static boolean isLeap(int year) {
        return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    }

    /** The spec's {@code (?<![0-9A-Za-z/.-])} (letters and digits are excluded by word boundaries). */
    private static boolean freeBefore(Candidate c, int w) {
        char ch = c.charAt(c.wordStart(w) - 1);
        return ch != '/' && ch != '.' && ch != '-';
    }

    /** The spec's {@code (?![0-9A-Za-z]|[/.-][0-9])}. */
    private static boolean freeAfter(Candidate c, int end) {
        char ch = c.charAt(end);
        boolean separator = ch == '/' || ch == '.' || ch == '-';
        return !Candidate.isAlnum(ch) && !(separator && Candidate.isDigit(c.charAt(end + 1)));
    }

    private static boolean ordinalSuffix(char a, char b) {
        String s = new String(new char[] {(char) (a | 0x20), (char) (b | 0x20)});
        return s.equals("st") || s.equals("nd") || s.equals("rd") || s.equals("th");
    }

    private static boolean isLetter(char ch) {
        char lower = (char) (ch | 0x20);
        return lower >= 'a' && lower <= 'z';
    }

    private static int number(Candidate c, int w) {
        return Groups.number(c.text(), c.wordStart(w), c.wordEnd(w));
    }
}
