package org.piiscanner.scanner.config;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A glob over location paths ({@code hr/payroll/2021.xlsx}, {@code backups/db.zip!/dump.sql}, {@code hr.people}):
 * {@code **} matches anything, separators included ({@code **}{@code /} also matches no folder at all), {@code *}
 * anything but {@code /}, {@code ?} one character but {@code /}; every other character stands for itself. The
 * whole path must match, ignoring case (file shares and database names are often case-insensitive, and a
 * retention rule that silently missed {@code Backups/} would be worse than one that also matched it).
 *
 * <p>Immutable and thread-safe.
 */
public final class PathGlob {

    private final String glob;
    private final Pattern pattern;

    private PathGlob(String glob, Pattern pattern) {
        this.glob = glob;
        this.pattern = pattern;
    }

    /**
     * The glob {@code glob}.
     *
     * @throws IllegalArgumentException if it is blank or has three or more {@code *} in a row
     */
    public static PathGlob of(String glob) {
        Objects.requireNonNull(glob, "glob");
        if (glob.isBlank()) {
            throw new IllegalArgumentException("a path pattern must not be blank");
        }
        if (glob.contains("***")) {
            throw new IllegalArgumentException("'***' is not a pattern: use '**' for any folders, '*' within one");
        }
        StringBuilder re = new StringBuilder(glob.length() * 2);
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c == '*' && i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
                if (i + 2 < glob.length() && glob.charAt(i + 2) == '/') {
                    re.append("(?:.*/)?");
                    i += 2;
                } else {
                    re.append(".*");
                    i++;
                }
            } else if (c == '*') {
                re.append("[^/]*");
            } else if (c == '?') {
                re.append("[^/]");
            } else {
                re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return new PathGlob(glob, Pattern.compile(re.toString(),
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.DOTALL));
    }

    /** True if the whole of {@code path} matches. */
    public boolean matches(String path) {
        return pattern.matcher(path).matches();
    }

    /** The glob as written. */
    @Override
    public String toString() {
        return glob;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PathGlob g && g.glob.equals(glob);
    }

    @Override
    public int hashCode() {
        return glob.hashCode();
    }
}
