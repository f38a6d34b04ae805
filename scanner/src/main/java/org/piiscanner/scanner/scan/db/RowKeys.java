package org.piiscanner.scanner.scan.db;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Renders a row's key into its location path segment and parses it back: {@code id=42} for a numeric key,
 * {@code code='AB-1'} for a text key (single quotes doubled inside), key columns joined by {@code ,}
 * ({@code order_id=7,line=2}). Parsing knows the key's columns and kinds, so a name or value containing
 * {@code =} or {@code ,} is still unambiguous. Stateless.
 */
final class RowKeys {

    private RowKeys() {
    }

    /** The segment of a row whose key columns hold {@code values} (as {@code ResultSet.getString} gave them). */
    static String render(List<String> columns, List<Catalog.KeyKind> kinds, List<String> values) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < columns.size(); i++) {
            if (i > 0) {
                b.append(',');
            }
            b.append(columns.get(i)).append('=');
            String v = values.get(i);
            if (kinds.get(i) == Catalog.KeyKind.TEXT) {
                b.append('\'').append(v.replace("'", "''")).append('\'');
            } else {
                b.append(v);
            }
        }
        return b.toString();
    }

    /**
     * The key values of a rendered segment.
     *
     * @throws IllegalArgumentException if the segment does not render a key of these columns
     */
    static List<String> parse(String segment, List<String> columns, List<Catalog.KeyKind> kinds) {
        List<String> values = new ArrayList<>();
        int pos = 0;
        for (int i = 0; i < columns.size(); i++) {
            String prefix = (i > 0 ? "," : "") + columns.get(i) + "=";
            if (!segment.startsWith(prefix, pos)) {
                throw new IllegalArgumentException("the row key does not name the key column " + (i + 1));
            }
            pos += prefix.length();
            if (kinds.get(i) == Catalog.KeyKind.TEXT) {
                if (pos >= segment.length() || segment.charAt(pos) != '\'') {
                    throw new IllegalArgumentException("the row key's text value is not quoted");
                }
                StringBuilder v = new StringBuilder();
                pos++;
                while (true) {
                    if (pos >= segment.length()) {
                        throw new IllegalArgumentException("the row key's text value is not closed");
                    }
                    char c = segment.charAt(pos++);
                    if (c == '\'') {
                        if (pos < segment.length() && segment.charAt(pos) == '\'') {
                            v.append('\'');
                            pos++;
                        } else {
                            break;
                        }
                    } else {
                        v.append(c);
                    }
                }
                values.add(v.toString());
            } else {
                int end = segment.indexOf(',', pos);
                end = end < 0 ? segment.length() : end;
                String v = segment.substring(pos, end);
                try {
                    new BigDecimal(v);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("the row key's number is malformed");
                }
                values.add(v);
                pos = end;
            }
        }
        if (pos != segment.length()) {
            throw new IllegalArgumentException("the row key has more parts than the table's key");
        }
        return values;
    }

    /** Binds a key value as its kind's Java type (never as SQL text). */
    static void bind(PreparedStatement ps, int index, Catalog.KeyKind kind, String value) throws SQLException {
        switch (kind) {
            case INTEGER -> ps.setLong(index, Long.parseLong(value));
            case DECIMAL -> ps.setBigDecimal(index, new BigDecimal(value));
            case TEXT -> ps.setString(index, value);
        }
    }
}
