package org.piiscanner.scanner.scan.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.piiscanner.scanner.protect.KeyedHasher;
import org.piiscanner.scanner.store.FindingStore;
import org.piiscanner.scanner.store.LocationPath;
import org.piiscanner.scanner.store.LocationState;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/**
 * Reads the rows of one table (or one key range of it) for the row scan: keyset pagination on the primary key
 * ({@code WHERE key > ? ORDER BY key LIMIT n}, never {@code OFFSET}), pages of {@code pageSize} rows, each page's
 * rows looked up in the store at once. A table without a usable key is read in one streaming pass and its rows
 * located by a keyed hash of their values (see the package documentation).
 *
 * <p>Not final: step scope proxies it. Restartable: the execution context holds the last key read ({@value #LAST_KEY}, the rendered key segment),
 * never another column's value. Not thread-safe: one per partition (step-scoped). Owns its connection.
 */
class TableRowReader implements ItemStreamReader<RowItem> {

    static final String LAST_KEY = "dbScan.lastKey";

    private final DbSource source;
    private final UnaryOperator<String> environment;
    private final TablePlan plan;
    private final FindingStore store;
    private final long sourceId;
    private final Long lo;
    private final Long hi;
    private final int pageSize;
    private final KeyedHasher hasher;

    private Connection connection;
    private String quote;
    private String lastKey;
    private boolean exhausted;
    private final Deque<RowItem> page = new ArrayDeque<>();
    private PreparedStatement streaming;
    private ResultSet streamingRows;
    private final Map<String, Integer> repeats = new HashMap<>();

    TableRowReader(DbSource source, UnaryOperator<String> environment, TablePlan plan, FindingStore store,
            long sourceId, Long lo, Long hi, int pageSize, KeyedHasher hasher) {
        this.source = source;
        this.environment = environment;
        this.plan = plan;
        this.store = store;
        this.sourceId = sourceId;
        this.lo = lo;
        this.hi = hi;
        this.pageSize = pageSize;
        this.hasher = hasher;
    }

    @Override
    public void open(ExecutionContext context) {
        lastKey = context.containsKey(LAST_KEY) ? context.getString(LAST_KEY) : null;
        try {
            connection = source.connect(environment);
            quote = connection.getMetaData().getIdentifierQuoteString();
            quote = quote == null || quote.isBlank() ? null : quote.strip();
        } catch (SQLException e) {
            throw new ItemStreamException("cannot connect to " + source.locator() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void update(ExecutionContext context) {
        if (lastKey != null && !plan.keyColumns().isEmpty()) {
            context.putString(LAST_KEY, lastKey);
        }
    }

    @Override
    public void close() {
        try {
            if (streaming != null) {
                streaming.close();
            }
            if (connection != null) {
                connection.rollback();
                connection.close();
            }
        } catch (SQLException e) {
            // closing: nothing to recover
        } finally {
            connection = null;
            streaming = null;
        }
    }

    @Override
    public RowItem read() throws Exception {
        if (page.isEmpty() && !exhausted) {
            fill();
        }
        RowItem next = page.poll();
        if (next != null && !plan.keyColumns().isEmpty()) {
            lastKey = next.path().segments().get(1);
        }
        return next;
    }

    private void fill() throws SQLException {
        List<RowItem> rows = plan.keyColumns().isEmpty() ? streamPage() : keysetPage();
        if (rows.size() < pageSize) {
            exhausted = true;
        }
        Map<LocationPath, LocationState> prior = store.lookupAll(sourceId, rows.stream().map(RowItem::path).toList());
        for (RowItem r : rows) {
            page.add(r.withPrior(prior.get(r.path())));
        }
    }

    /** The select list: key columns, the version, then the scanned columns. */
    private String selectList() throws SQLException {
        List<String> parts = new ArrayList<>();
        for (String k : plan.keyColumns()) {
            parts.add(Catalog.quote(quote, k));
        }
        switch (plan.mode()) {
            case XMIN -> parts.add("CAST(xmin AS TEXT)");
            case WATERMARK -> parts.add(Catalog.quote(quote, plan.watermarkColumn()));
            case ROW_HASH -> parts.add("NULL");
        }
        for (String c : plan.scanColumns()) {
            parts.add(Catalog.quote(quote, c));
        }
        return String.join(", ", parts);
    }

    private String from() throws SQLException {
        if (plan.schema() != null) {
            return Catalog.quote(quote, plan.schema()) + "." + Catalog.quote(quote, plan.name());
        }
        if (plan.catalog() != null) {
            return Catalog.quote(quote, plan.catalog()) + "." + Catalog.quote(quote, plan.name());
        }
        return Catalog.quote(quote, plan.name());
    }

    private List<RowItem> keysetPage() throws SQLException {
        List<String> keys = plan.keyColumns();
        StringBuilder sql = new StringBuilder("SELECT ").append(selectList()).append(" FROM ").append(from());
        List<String> where = new ArrayList<>();
        if (lo != null) {
            where.add(Catalog.quote(quote, keys.getFirst()) + " >= ?");
        }
        if (hi != null) {
            where.add(Catalog.quote(quote, keys.getFirst()) + " < ?");
        }
        List<String> last = lastKey == null ? null : RowKeys.parse(lastKey, keys, plan.keyKinds());
        if (last != null) {
            List<String> ors = new ArrayList<>();
            for (int i = 0; i < keys.size(); i++) {
                StringBuilder and = new StringBuilder("(");
                for (int j = 0; j < i; j++) {
                    and.append(Catalog.quote(quote, keys.get(j))).append(" = ? AND ");
                }
                and.append(Catalog.quote(quote, keys.get(i))).append(" > ?)");
                ors.add(and.toString());
            }
            where.add("(" + String.join(" OR ", ors) + ")");
        }
        if (!where.isEmpty()) {
            sql.append(" WHERE ").append(String.join(" AND ", where));
        }
        sql.append(" ORDER BY ");
        for (int i = 0; i < keys.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append(Catalog.quote(quote, keys.get(i)));
        }
        sql.append(" LIMIT ").append(pageSize);
        List<RowItem> rows = new ArrayList<>(pageSize);
        try (PreparedStatement ps = connection.prepareStatement(sql.toString())) {
            int p = 1;
            if (lo != null) {
                ps.setLong(p++, lo);
            }
            if (hi != null) {
                ps.setLong(p++, hi);
            }
            if (last != null) {
                for (int i = 0; i < keys.size(); i++) {
                    for (int j = 0; j <= i; j++) {
                        RowKeys.bind(ps, p++, plan.keyKinds().get(j), last.get(j));
                    }
                }
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    List<String> keyValues = new ArrayList<>(keys.size());
                    for (int i = 0; i < keys.size(); i++) {
                        keyValues.add(rs.getString(i + 1));
                    }
                    String segment = RowKeys.render(keys, plan.keyKinds(), keyValues);
                    rows.add(item(rs, keys.size(), segment));
                }
            }
        }
        return rows;
    }

    private List<RowItem> streamPage() throws SQLException {
        if (streaming == null) {
            streaming = connection.prepareStatement("SELECT " + selectList() + " FROM " + from());
            streaming.setFetchSize(pageSize);
            streamingRows = streaming.executeQuery();
        }
        List<RowItem> rows = new ArrayList<>(pageSize);
        while (rows.size() < pageSize && streamingRows.next()) {
            StringBuilder joined = new StringBuilder();
            for (int i = 0; i < plan.scanColumns().size(); i++) {
                String v = streamingRows.getString(i + 2);
                joined.append(v == null ? "\u0001" : v).append('\u0000');
            }
            String base = "#" + hasher.hex("db-row-locator", joined).substring(0, 16);
            int n = repeats.merge(base, 1, Integer::sum);
            rows.add(item(streamingRows, 0, n == 1 ? base : base + "." + n));
        }
        return rows;
    }

    private RowItem item(ResultSet rs, int keyCount, String segment) throws SQLException {
        String version = rs.getString(keyCount + 1);
        List<String> values = new ArrayList<>(plan.scanColumns().size());
        for (int i = 0; i < plan.scanColumns().size(); i++) {
            values.add(rs.getString(keyCount + 2 + i));
        }
        Long v = version == null ? null : ColumnProfiler.hash(0, version);
        return new RowItem(LocationPath.of(plan.display(), segment), plan.scanColumns(), values, v, null);
    }
}
