package org.piiscanner.classifiers.checksum;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * The Vocalink (Pay.UK) modulus check of a UK sort code and account number, driven by the published modulus
 * weight table ({@code valacdos.txt}) and sorting code substitution table ({@code scsubtab.txt}).
 *
 * <p>Implements MOD10, MOD11 and DBLAL (double alternate), one or two checks per sort code, and exceptions 1-14
 * of Vocalink's "Validating account numbers" specification. A pass means only that the pair <em>could</em>
 * exist. Account numbers of 6 or 7 digits are left-padded with zeros; the bank-specific 9- and 10-digit forms
 * (Santander, NatWest, Co-operative) are not supported.
 *
 * <p>The tables are not shipped with this library (no clear redistribution licence): deployments load the
 * current files with {@link #load}. Instances are immutable and thread-safe.
 */
public final class VocalinkModulus {

    /** Outcome of {@link #check}. */
    public enum Result {
        /** Every check the table requires passed. */
        VALID,
        /** A required check failed: no such sort code and account number pair can exist. */
        INVALID,
        /** No table row covers the sort code: Vocalink's specification says to treat the pair as valid. */
        SORT_CODE_NOT_LISTED,
        /** Exception 6: a foreign-currency account the checks cannot be applied to; treated as valid. */
        FOREIGN_CURRENCY;

        /** True unless {@link #INVALID}: the pair could exist. */
        public boolean passes() {
            return this != INVALID;
        }
    }

    private enum Method { MOD10, MOD11, DBLAL }

    /** One row of the weight table. */
    private record Row(int from, int to, Method method, int[] weights, int exception, int line) {
    }

    private static final int A = 6;
    private static final int B = 7;
    private static final int C = 8;
    private static final int G = 12;
    private static final int H = 13;
    private static final int[] EXCEPTION_2_WEIGHTS = {0, 0, 1, 2, 5, 3, 6, 4, 8, 7, 10, 9, 3, 1};
    private static final int[] EXCEPTION_2_WEIGHTS_G9 = {0, 0, 0, 0, 0, 0, 0, 0, 8, 7, 10, 9, 3, 1};
    private static final int EXCEPTION_8_SORT_CODE = 90126;
    private static final int EXCEPTION_9_SORT_CODE = 309634;

    /** Start of each elementary sort-code interval, ascending. */
    private final int[] starts;
    /** Rows covering each interval, in table order (one or two), or null where no row applies. */
    private final Row[][] cover;
    private final Map<Integer, Integer> substitutions;
    private final int rows;

    private VocalinkModulus(int[] starts, Row[][] cover, Map<Integer, Integer> substitutions, int rows) {
        this.starts = starts;
        this.cover = cover;
        this.substitutions = substitutions;
        this.rows = rows;
    }

    /**
     * Reads the weight table and, optionally, the substitution table. Files are read as ISO-8859-1 (they are
     * ASCII); fields may be separated by spaces, tabs or commas; blank lines and lines starting with {@code #}
     * are ignored.
     *
     * @param weightTable a file in {@code valacdos.txt} format
     * @param substitutionTable a file in {@code scsubtab.txt} format, or {@code null} for none
     * @throws IllegalArgumentException if a file is missing or unreadable, or naming the file and line of the
     *     first malformed row
     */
    public static VocalinkModulus load(Path weightTable, Path substitutionTable) {
        return load(weightTable, fileName(weightTable), substitutionTable,
                substitutionTable == null ? "" : fileName(substitutionTable));
    }

    /**
     * As {@link #load(Path, Path)}, with the names error messages give the two files (e.g. the configuration
     * option they came from).
     */
    public static VocalinkModulus load(Path weightTable, String weightSource, Path substitutionTable,
            String substitutionSource) {
        List<String> weights = read(weightTable, weightSource);
        List<String> subs = substitutionTable == null ? List.of() : read(substitutionTable, substitutionSource);
        return parse(weights, weightSource, subs, substitutionSource);
    }

    /**
     * Builds a checker from the lines of a weight table and a substitution table (possibly empty).
     *
     * @param weightSource name of the weight table, used in error messages
     * @param substitutionSource name of the substitution table, used in error messages
     * @throws IllegalArgumentException naming the source and line of the first malformed row
     */
    public static VocalinkModulus parse(List<String> weightLines, String weightSource,
            List<String> substitutionLines, String substitutionSource) {
        List<Row> table = new ArrayList<>();
        for (int i = 0; i < weightLines.size(); i++) {
            String[] f = fields(weightLines.get(i), i);
            if (f != null) {
                table.add(row(f, weightSource, i + 1));
            }
        }
        if (table.isEmpty()) {
            throw new IllegalArgumentException(weightSource + ": no weight table rows");
        }
        Map<Integer, Integer> subs = new HashMap<>();
        for (int i = 0; i < substitutionLines.size(); i++) {
            String[] f = fields(substitutionLines.get(i), i);
            if (f == null) {
                continue;
            }
            String where = substitutionSource + " line " + (i + 1);
            if (f.length != 2) {
                throw new IllegalArgumentException(where + ": expected 2 fields (sorting code, substitute), got "
                        + f.length);
            }
            int from = sortCode(f[0], where);
            if (subs.put(from, sortCode(f[1], where)) != null) {
                throw new IllegalArgumentException(where + ": sorting code " + f[0] + " is listed twice");
            }
        }
        return index(table, Map.copyOf(subs), weightSource);
    }

    /** Number of rows in the weight table. */
    public int rowCount() {
        return rows;
    }

    /**
     * Checks a sort code and account number given as digit strings (no separators).
     *
     * @param sortCode 6 digits
     * @param account 6 to 8 digits (shorter numbers are left-padded with zeros, as Vocalink specifies)
     * @throws IllegalArgumentException if the inputs are not digit strings of those lengths
     */
    public Result check(CharSequence sortCode, CharSequence account) {
        if (sortCode.length() != 6 || account.length() < 6 || account.length() > 8) {
            throw new IllegalArgumentException("expected a 6-digit sort code and a 6- to 8-digit account number");
        }
        int[] d = new int[14];
        for (int i = 0; i < 6; i++) {
            d[i] = digit(sortCode.charAt(i));
        }
        int pad = 8 - account.length();
        for (int i = 0; i < account.length(); i++) {
            d[6 + pad + i] = digit(account.charAt(i));
        }
        return check(d);
    }

    /**
     * Checks the 14 ASCII digits {@code digits[offset, offset + 14)}: sort code (6) then account number (8).
     *
     * @throws IllegalArgumentException if one of them is not a digit
     */
    public Result check(char[] digits, int offset) {
        int[] d = new int[14];
        for (int i = 0; i < 14; i++) {
            d[i] = digit(digits[offset + i]);
        }
        return check(d);
    }

    private Result check(int[] d) {
        Row[] found = lookup(number(d, 0, 6));
        if (found == null) {
            return Result.SORT_CODE_NOT_LISTED;
        }
        Row first = found[0];
        Row second = found.length > 1 ? found[1] : null;
        if ((first.exception == 6 || (second != null && second.exception == 6))
                && d[A] >= 4 && d[A] <= 8 && d[G] == d[H]) {
            return Result.FOREIGN_CURRENCY;
        }
        boolean firstPasses = passes(first, d);
        if (first.exception == 14) {
            return firstPasses || exception14SecondCheck(first, d) ? Result.VALID : Result.INVALID;
        }
        if ((first.exception == 2 && firstPasses) || second == null
                || (second.exception == 3 && (d[C] == 6 || d[C] == 9))) {
            return firstPasses ? Result.VALID : Result.INVALID;
        }
        boolean secondPasses = passes(second, d);
        boolean eitherSuffices = (first.exception == 2 && second.exception == 9)
                || (first.exception == 10 && second.exception == 11)
                || (first.exception == 12 && second.exception == 13);
        boolean valid = eitherSuffices ? firstPasses || secondPasses : firstPasses && secondPasses;
        return valid ? Result.VALID : Result.INVALID;
    }

    /** One check: the row's method and weights, adjusted by its exception. */
    private boolean passes(Row row, int[] account) {
        int[] d = account;
        int[] w = row.weights;
        switch (row.exception) {
            case 2 -> {
                if (d[A] != 0) {
                    w = d[G] == 9 ? EXCEPTION_2_WEIGHTS_G9 : EXCEPTION_2_WEIGHTS;
                }
            }
            case 5 -> {
                Integer substitute = substitutions.get(number(d, 0, 6));
                if (substitute != null) {
                    d = withSortCode(d, substitute);
                }
            }
            case 7 -> {
                if (d[G] == 9) {
                    w = zeroUToB(w);
                }
            }
            case 8 -> d = withSortCode(d, EXCEPTION_8_SORT_CODE);
            case 9 -> d = withSortCode(d, EXCEPTION_9_SORT_CODE);
            case 10 -> {
                if ((d[A] == 0 || d[A] == 9) && d[B] == 9 && d[G] == 9) {
                    w = zeroUToB(w);
                }
            }
            default -> {
                // no adjustment
            }
        }
        if (row.method == Method.DBLAL) {
            int total = row.exception == 1 ? 27 : 0;
            for (int i = 0; i < 14; i++) {
                total += digitSum(d[i] * w[i]);
            }
            int remainder = Math.floorMod(total, 10);
            if (row.exception == 5) {
                return remainder == 0 ? d[H] == 0 : 10 - remainder == d[H];
            }
            return remainder == 0;
        }
        int total = 0;
        for (int i = 0; i < 14; i++) {
            total += d[i] * w[i];
        }
        int modulus = row.method == Method.MOD10 ? 10 : 11;
        int remainder = Math.floorMod(total, modulus);
        if (row.exception == 4) {
            return remainder == d[G] * 10 + d[H];
        }
        if (row.exception == 5 && row.method == Method.MOD11) {
            if (remainder == 0) {
                return d[G] == 0;
            }
            return remainder != 1 && 11 - remainder == d[G];
        }
        return remainder == 0;
    }

    /** Exception 14 (Coutts): if h is 0, 1 or 9, drop it, shift the account right and re-run the MOD11 check. */
    private boolean exception14SecondCheck(Row row, int[] d) {
        if (d[H] != 0 && d[H] != 1 && d[H] != 9) {
            return false;
        }
        int[] shifted = d.clone();
        System.arraycopy(d, A, shifted, A + 1, 7);
        shifted[A] = 0;
        return passes(new Row(row.from, row.to, row.method, row.weights, 0, row.line), shifted);
    }

    private Row[] lookup(int sortCode) {
        int i = Arrays.binarySearch(starts, sortCode);
        if (i < 0) {
            i = -i - 2;
        }
        return i < 0 || i >= cover.length ? null : cover[i];
    }

    // ---------------------------------------------------------------- parsing

    private static List<String> read(Path file, String source) {
        try {
            return Files.readAllLines(file, StandardCharsets.ISO_8859_1);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException(source + ": file not found: " + file);
        } catch (IOException e) {
            throw new IllegalArgumentException(source + ": cannot read " + file + ": " + e, e);
        }
    }

    private static String fileName(Path p) {
        Path name = p.getFileName();
        return name == null ? p.toString() : name.toString();
    }

    /** The fields of a line, or null for a blank or comment line. */
    private static String[] fields(String line, int index) {
        String s = line;
        if (index == 0 && s.startsWith("\u00EF\u00BB\u00BF")) {
            s = s.substring(3); // UTF-8 byte-order mark read as ISO-8859-1
        }
        s = s.strip();
        if (s.isEmpty() || s.charAt(0) == '#') {
            return null;
        }
        return s.split("[\\s,]+");
    }

    private static Row row(String[] f, String source, int line) {
        String where = source + " line " + line;
        if (f.length != 17 && f.length != 18) {
            throw new IllegalArgumentException(where + ": expected 17 or 18 fields (from, to, method, 14 weights,"
                    + " [exception]), got " + f.length);
        }
        int from = sortCode(f[0], where);
        int to = sortCode(f[1], where);
        if (from > to) {
            throw new IllegalArgumentException(where + ": sort code range " + f[0] + "-" + f[1] + " is reversed");
        }
        Method method;
        try {
            method = Method.valueOf(f[2]);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": unknown method '" + f[2] + "' (MOD10, MOD11 or DBLAL)");
        }
        int[] weights = new int[14];
        for (int i = 0; i < 14; i++) {
            weights[i] = integer(f[3 + i], where, "weight");
        }
        int exception = 0;
        if (f.length == 18) {
            exception = integer(f[17], where, "exception");
            if (exception < 1 || exception > 14) {
                throw new IllegalArgumentException(where + ": exception must be 1-14, got " + exception);
            }
        }
        return new Row(from, to, method, weights, exception, line);
    }

    private static int sortCode(String s, String where) {
        if (s.length() != 6 || !s.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IllegalArgumentException(where + ": '" + s + "' is not a 6-digit sorting code");
        }
        return Integer.parseInt(s);
    }

    private static int integer(String s, String where, String what) {
        try {
            int v = Integer.parseInt(s);
            if (Math.abs(v) > 10_000) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(where + ": " + what + " '" + s + "' is not a small integer");
        }
    }

    /** Splits the sort-code space into intervals covered by the same rows (at most two per sort code). */
    private static VocalinkModulus index(List<Row> table, Map<Integer, Integer> subs, String source) {
        TreeSet<Integer> points = new TreeSet<>();
        for (Row r : table) {
            points.add(r.from);
            points.add(r.to + 1);
        }
        int[] starts = points.stream().mapToInt(Integer::intValue).toArray();
        List<List<Row>> lists = new ArrayList<>(starts.length);
        for (int i = 0; i < starts.length; i++) {
            lists.add(null);
        }
        for (Row r : table) {
            for (int i = Arrays.binarySearch(starts, r.from); i < starts.length && starts[i] <= r.to; i++) {
                List<Row> l = lists.get(i);
                if (l == null) {
                    l = new ArrayList<>(2);
                    lists.set(i, l);
                }
                if (l.size() == 2) {
                    throw new IllegalArgumentException(source + " line " + r.line + ": sort code "
                            + String.format(Locale.ROOT, "%06d", starts[i]) + " is already covered by lines "
                            + l.get(0).line + " and " + l.get(1).line + " (at most two rows per sort code)");
                }
                l.add(r);
            }
        }
        Row[][] cover = new Row[starts.length][];
        for (int i = 0; i < starts.length; i++) {
            List<Row> l = lists.get(i);
            cover[i] = l == null ? null : l.toArray(Row[]::new);
        }
        return new VocalinkModulus(starts, cover, subs, table.size());
    }

    // ---------------------------------------------------------------- helpers

    private static int digit(char c) {
        if (c < '0' || c > '9') {
            throw new IllegalArgumentException("not a digit: '" + c + "'");
        }
        return c - '0';
    }

    private static int number(int[] d, int from, int to) {
        int v = 0;
        for (int i = from; i < to; i++) {
            v = v * 10 + d[i];
        }
        return v;
    }

    private static int[] withSortCode(int[] d, int sortCode) {
        int[] copy = d.clone();
        for (int i = 5, v = sortCode; i >= 0; i--, v /= 10) {
            copy[i] = v % 10;
        }
        return copy;
    }

    private static int[] zeroUToB(int[] w) {
        int[] copy = w.clone();
        Arrays.fill(copy, 0, B + 1, 0);
        return copy;
    }

    /** Sum of the decimal digits of a product (negative products, from negative weights, count negatively). */
    private static int digitSum(int product) {
        int v = Math.abs(product);
        int s = 0;
        while (v > 0) {
            s += v % 10;
            v /= 10;
        }
        return product < 0 ? -s : s;
    }
}
