package org.piiscanner.scanner.store;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes credentials from JDBC URLs before they are stored, logged or shown: user info before the host
 * ({@code //user:secret@host}), Oracle's {@code thin:user/secret@}, and query or semicolon properties named like a
 * user or a secret ({@code user}, {@code password}, {@code sslpassword}, {@code token}, {@code apikey}...).
 * Stateless.
 */
public final class JdbcUrls {

    private static final Pattern USER_INFO = Pattern.compile("(//)[^/@?;]*@");
    private static final Pattern ORACLE_THIN = Pattern.compile("(?i)(:thin:)[^@/]*/[^@]*@");
    private static final Pattern QUERY = Pattern.compile("([?&;])([^=&;?]*)=([^&;]*)");

    private JdbcUrls() {
    }

    /** {@code url} without user names and secrets; null stays null. */
    public static String withoutCredentials(String url) {
        if (url == null) {
            return null;
        }
        String s = USER_INFO.matcher(url).replaceFirst("$1");
        s = ORACLE_THIN.matcher(s).replaceFirst("$1@");
        Matcher m = QUERY.matcher(s);
        StringBuilder sb = new StringBuilder(s.length());
        while (m.find()) {
            m.appendReplacement(sb, isCredential(m.group(2)) ? Matcher.quoteReplacement(m.group(1))
                    : Matcher.quoteReplacement(m.group()));
        }
        m.appendTail(sb);
        // tidy separators left behind: "?&a=1" -> "?a=1", "?" at the end, ";;"
        return sb.toString().replaceAll("\\?&+", "?").replaceAll("&{2,}", "&").replaceAll(";{2,}", ";")
                .replaceAll("[?&;]+$", "");
    }

    private static boolean isCredential(String name) {
        String n = name.strip().toLowerCase(Locale.ROOT);
        return n.equals("user") || n.equals("username") || n.equals("uid") || n.equals("pwd")
                || n.contains("password") || n.contains("secret") || n.contains("token")
                || n.contains("credential") || n.contains("apikey") || n.contains("api_key")
                || n.equals("sslkey");
    }
}
