package org.piiscanner.scanner.scan.db;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeMap;
import org.piiscanner.classifiers.DataCategory;
import org.piiscanner.classifiers.DetectionContext;
import org.piiscanner.classifiers.DetectionEngine;
import org.piiscanner.classifiers.Finding;

/**
 * Draws a seeded sample of a table's rows and profiles each readable column: statistics and the detectors' matches.
 *
 * <p>The sample is the {@code n} rows with the smallest seeded 64-bit hash of their key (of their values when the
 * table has no key): the same data and seed always give the same sample, whatever order the database returns rows
 * in, and the table is read once, streaming, holding at most {@code n} rows. Values stay in memory only while the
 * table is profiled. Not thread-safe; one per table.
 */
final class ColumnProfiler {

    private static final int FETCH_SIZE = 500;
    private static final int EXAMPLES = 2;

    private final DetectionEngine engine;
    private final int sampleSize;
    private final long seed;

    ColumnProfiler(DetectionEngine engine, int sampleSize, long seed) {
        if (sampleSize < 1) {
            throw new IllegalArgumentException("the sample size must be at least 1");
        }
        this.engine = engine;
        this.sampleSize = sampleSize;
        this.seed = seed;
    }

    /** A sampled row: its hash and values (readable columns, in order). */
    private record Sampled(long hash, String tiebreak, String[] values) {
    }

    /** The profiles of the table's readable columns, by column name, in column order. */
    Map<String, ColumnProfile> profile(Connection connection, Catalog catalog, Catalog.Table table)
            throws SQLException {
        List<Catalog.Column> columns = table.columns().stream().filter(Catalog.Column::readable).toList();
        Map<String, ColumnProfile> out = new LinkedHashMap<>();
        if (columns.isEmpty()) {
            return out;
        }
        List<Integer> keyIndexes = new ArrayList<>();
        for (Catalog.Column k : table.key()) {
            keyIndexes.add(columns.indexOf(k));
        }
        StringBuilder sql = new StringBuilder("SELECT ");
        for (int i = 0; i < columns.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append(catalog.quote(columns.get(i).name()));
        }
        sql.append(" FROM ").append(catalog.qualified(table));
        Comparator<Sampled> order = Comparator.comparingLong(Sampled::hash).thenComparing(Sampled::tiebreak);
        PriorityQueue<Sampled> heap = new PriorityQueue<>(order.reversed());
        long rows = 0;
        try (Statement st = connection.createStatement()) {
            st.setFetchSize(FETCH_SIZE);
            try (ResultSet rs = st.executeQuery(sql.toString())) {
                while (rs.next()) {
                    rows++;
                    String[] values = new String[columns.size()];
                    for (int i = 0; i < values.length; i++) {
                        values[i] = rs.getString(i + 1);
                    }
                    String identity = keyIndexes.isEmpty() || keyIndexes.contains(-1) ? joined(values)
                            : joined(keyIndexes.stream().map(i -> values[i]).toArray(String[]::new));
                    Sampled s = new Sampled(hash(seed, identity), identity, values);
                    if (heap.size() < sampleSize) {
                        heap.add(s);
                    } else if (order.compare(s, heap.peek()) < 0) {
                        heap.poll();
                        heap.add(s);
                    }
                }
            }
        }
        List<Sampled> sample = new ArrayList<>(heap);
        sample.sort(order);
        for (int c = 0; c < columns.size(); c++) {
            out.put(columns.get(c).name(), profileColumn(columns.get(c), c, sample, rows));
        }
        return out;
    }

    private ColumnProfile profileColumn(Catalog.Column column, int index, List<Sampled> sample, long rows) {
        long nonNull = 0;
        long withSpace = 0;
        long totalLength = 0;
        int min = Integer.MAX_VALUE;
        int max = 0;
        Set<String> distinct = new HashSet<>();
        Map<String, Integer> matches = new TreeMap<>();
        Map<String, List<String>> examples = new TreeMap<>();
        Map<String, DataCategory> categories = new TreeMap<>();
        DetectionContext context = DetectionContext.forField(column.name());
        for (Sampled s : sample) {
            String v = s.values()[index];
            if (v == null) {
                continue;
            }
            nonNull++;
            distinct.add(v);
            totalLength += v.length();
            min = Math.min(min, v.length());
            max = Math.max(max, v.length());
            if (v.indexOf(' ') >= 0) {
                withSpace++;
            }
            if (v.isBlank()) {
                continue;
            }
            Set<String> seen = new HashSet<>();
            for (Finding f : engine.detect(v, context)) {
                String type = f.type().name();
                categories.putIfAbsent(type, f.category());
                if (seen.add(type)) {
                    matches.merge(type, 1, Integer::sum);
                    List<String> ex = examples.computeIfAbsent(type, k -> new ArrayList<>());
                    if (ex.size() < EXAMPLES) {
                        ex.add(f.maskedPreview());
                    }
                }
            }
        }
        return new ColumnProfile(rows, sample.size(), nonNull, distinct.size(), nonNull == 0 ? 0 : min, max,
                nonNull == 0 ? 0 : (double) totalLength / nonNull, withSpace, matches, examples, categories);
    }

    private static String joined(String[] values) {
        StringBuilder b = new StringBuilder();
        for (String v : values) {
            b.append(v == null ? "\u0001" : v).append('\u0000');
        }
        return b.toString();
    }

    /** A seeded 64-bit hash (FNV-1a, then the SplitMix64 finaliser): stable across runs and machines. */
    static long hash(long seed, String s) {
        long h = 0xcbf29ce484222325L ^ seed;
        for (int i = 0; i < s.length(); i++) {
            h ^= s.charAt(i);
            h *= 0x100000001b3L;
        }
        h += 0x9e3779b97f4a7c15L;
        h = (h ^ (h >>> 30)) * 0xbf58476d1ce4e5b9L;
        h = (h ^ (h >>> 27)) * 0x94d049bb133111ebL;
        return h ^ (h >>> 31);
    }
}
