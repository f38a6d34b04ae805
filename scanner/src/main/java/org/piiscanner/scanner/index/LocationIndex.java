package org.piiscanner.scanner.index;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
import org.piiscanner.classifiers.DataCategory;
import org.piiscanner.scanner.protect.HashedTerm;
import org.piiscanner.scanner.protect.TermKind;
import org.piiscanner.scanner.store.KeyMismatchException;

/**
 * The Lucene index of locations by keyed-hash terms: one document per location, found by the HMACs of the
 * identifiers, names and words it holds. The only class (with its package) that uses Lucene.
 *
 * <h2>What a document holds</h2>
 * Indexed and stored: {@code id} (location id), {@code source}, {@code category} and {@code type} (multi-valued);
 * stored only: {@code path}, {@code words} (whether word tokens are present). Indexed only, one field per
 * {@link TermKind}: {@code t.value}, {@code t.name}, {@code t.name_token}, {@code t.name_phonetic},
 * {@code t.word} holding base64url HMACs. No plaintext personal value is indexed or stored (paths are stored as
 * the store has them, and are never indexed as words).
 *
 * <h2>Durability and the key</h2>
 * Changes become durable at {@link #commit()} (a Lucene commit; a crash or {@link #close()} reverts to the last
 * one) and visible to {@link #search} at the same time (a read-only index sees another process's commits).
 * Every commit carries the HMAC key id; opening an index made under another key
 * throws {@link KeyMismatchException}. A writable index holds Lucene's write lock: one writing process at a time.
 *
 * <p>Thread-safe: any number of threads may upsert, delete and search; {@link #close()} once, at the end.
 */
public final class LocationIndex implements Closeable {

    static final String ID = "id";
    static final String ID_SORT = "id_sort";
    static final String SOURCE = "source";
    static final String PATH = "path";
    static final String CATEGORY = "category";
    static final String TYPE = "type";
    static final String WORDS = "words";
    static final String KEY_ID = "hmac_key_id";
    static final String FORMAT = "pii_index_format";
    static final String FORMAT_VERSION = "1";
    private static final Map<TermKind, String> FIELDS = fields();
    private static final Sort BY_SCORE_THEN_ID = new Sort(SortField.FIELD_SCORE, new SortField(ID_SORT,
            SortField.Type.LONG));

    private final Directory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;

    private LocationIndex(Directory directory, IndexWriter writer, SearcherManager searchers) {
        this.directory = directory;
        this.writer = writer;
        this.searchers = searchers;
    }

    /**
     * Opens (creating if needed) the index in {@code dir} for writing and searching.
     *
     * @param keyId the HMAC key id of the {@link org.piiscanner.scanner.protect.Protector} producing the terms
     * @throws KeyMismatchException if the index was built under another key
     */
    public static LocationIndex open(Path dir, String keyId) throws IOException {
        Objects.requireNonNull(keyId, "keyId");
        Files.createDirectories(dir);
        Directory directory = FSDirectory.open(dir);
        try {
            checkKey(directory, keyId, dir);
            IndexWriterConfig config = new IndexWriterConfig()
                    .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                    .setRAMBufferSizeMB(32);
            IndexWriter writer = new IndexWriter(directory, config);
            writer.setLiveCommitData(Map.of(KEY_ID, keyId, FORMAT, FORMAT_VERSION).entrySet());
            if (!DirectoryReader.indexExists(directory)) {
                writer.commit(); // record the key id at once
            }
            return new LocationIndex(directory, writer, new SearcherManager(writer, null));
        } catch (IOException | RuntimeException e) {
            directory.close();
            throw e;
        }
    }

    /**
     * Opens the index in {@code dir} for searching only (another process may be writing it: searches see its
     * commits).
     *
     * @throws KeyMismatchException if the index was built under another key
     * @throws IOException if there is no index
     */
    public static LocationIndex openReadOnly(Path dir, String keyId) throws IOException {
        Directory directory = FSDirectory.open(dir);
        try {
            if (!DirectoryReader.indexExists(directory)) {
                throw new IOException("no index in " + dir);
            }
            checkKey(directory, keyId, dir);
            return new LocationIndex(directory, null, new SearcherManager(directory, null));
        } catch (IOException | RuntimeException e) {
            directory.close();
            throw e;
        }
    }

    private static void checkKey(Directory directory, String keyId, Path dir) throws IOException {
        if (!DirectoryReader.indexExists(directory)) {
            return;
        }
        Map<String, String> data = SegmentInfos.readLatestCommit(directory).getUserData();
        String recorded = data.get(KEY_ID);
        if (recorded != null && !recorded.equals(keyId)) {
            throw new KeyMismatchException("the index in " + dir + " was built with the HMAC key whose id is "
                    + recorded + ", but the configured key has id " + keyId + ": configure the original key, or "
                    + "rotate the key by rescanning into a new data directory (see the protect package "
                    + "documentation)");
        }
    }

    /** Adds or replaces the document of {@code doc.locationId()} (visible and durable after {@link #commit()}). */
    public void upsert(LocationDocument doc) {
        Document d = new Document();
        d.add(new StringField(ID, Long.toString(doc.locationId()), Field.Store.YES));
        d.add(new NumericDocValuesField(ID_SORT, doc.locationId()));
        d.add(new StringField(SOURCE, Long.toString(doc.sourceId()), Field.Store.YES));
        d.add(new StoredField(PATH, doc.path()));
        d.add(new StoredField(WORDS, doc.wordTokens() ? 1 : 0));
        for (DataCategory c : new TreeSet<>(doc.categories())) {
            d.add(new StringField(CATEGORY, c.name(), Field.Store.YES));
        }
        for (String t : new TreeSet<>(doc.entityTypes())) {
            d.add(new StringField(TYPE, t, Field.Store.YES));
        }
        for (HashedTerm term : doc.terms()) {
            d.add(new StringField(FIELDS.get(term.kind()), term.hash(), Field.Store.NO));
        }
        try {
            writable().updateDocument(new Term(ID, Long.toString(doc.locationId())), d);
        } catch (IOException e) {
            throw new UncheckedIOException("index update failed", e);
        }
    }

    /** Removes the document of a location (if any). */
    public void delete(long locationId) {
        try {
            writable().deleteDocuments(new Term(ID, Long.toString(locationId)));
        } catch (IOException e) {
            throw new UncheckedIOException("index delete failed", e);
        }
    }

    /** Removes every document (before a rebuild); the key id stays. */
    public void deleteAll() {
        try {
            writable().deleteAll();
        } catch (IOException e) {
            throw new UncheckedIOException("index delete failed", e);
        }
    }

    /**
     * Makes every change so far durable and visible to searches.
     *
     * @return the sequence number of the commit
     */
    public long commit() {
        try {
            long seq = writable().commit();
            searchers.maybeRefreshBlocking();
            return seq;
        } catch (IOException e) {
            throw new UncheckedIOException("index commit failed", e);
        }
    }

    /** {@link #search(Map, int)} with each term weighted by {@link TermKind#defaultWeight()}. */
    public SearchResult search(Collection<HashedTerm> terms, int limit) {
        Map<HashedTerm, Float> weighted = new LinkedHashMap<>();
        for (HashedTerm t : terms) {
            weighted.put(t, t.kind().defaultWeight());
        }
        return search(weighted, limit);
    }

    /**
     * The locations holding at least one of {@code terms}, best first: a location's score is the sum of the
     * weights of the terms it holds (each counted once), ties by location id. Each hit lists the terms it matched.
     *
     * @param terms query terms and their weights (positive); at most {@link IndexSearcher#getMaxClauseCount()}
     * @param limit the most hits to return
     */
    public SearchResult search(Map<HashedTerm, Float> terms, int limit) {
        return search(List.of(), terms, limit);
    }

    /**
     * {@link #search(Map, int)} restricted to the locations that hold at least one term of every group in
     * {@code required} (a conjunction of disjunctions, which score nothing themselves): for example "a strong
     * identifier", or "each token of the name, as a name token, a phonetic key or a word". Hits list the terms
     * they hold among {@code terms} and the required groups. With no group, every location holding one of
     * {@code terms} matches.
     *
     * @param required groups of terms, each non-empty; a location must hold a term of each
     * @param terms scored terms and their weights (positive)
     * @param limit the most hits to return
     */
    public SearchResult search(List<? extends Collection<HashedTerm>> required, Map<HashedTerm, Float> terms,
            int limit) {
        return run(required, terms, limit, (searcher, top, matched) -> {
            List<IndexHit> hits = new ArrayList<>(top.scoreDocs.length);
            StoredFields stored = searcher.storedFields();
            for (int i = 0; i < top.scoreDocs.length; i++) {
                ScoreDoc sd = top.scoreDocs[i];
                hits.add(hit(stored.document(sd.doc), matched.get(i), sd.score));
            }
            return new SearchResult(hits, top.totalHits.value(),
                    top.totalHits.relation() == TotalHits.Relation.EQUAL_TO);
        }, new SearchResult(List.of(), 0, true));
    }

    /**
     * {@link #search(List, Map, int)} returning location ids, matched terms and scores only: no stored field is
     * read (the id comes with the sort), which is most of the cost of a search returning hundreds of locations.
     */
    public LocationMatches match(List<? extends Collection<HashedTerm>> required, Map<HashedTerm, Float> terms,
            int limit) {
        return run(required, terms, limit, (searcher, top, matched) -> {
            List<LocationMatch> matches = new ArrayList<>(top.scoreDocs.length);
            for (int i = 0; i < top.scoreDocs.length; i++) {
                FieldDoc fd = (FieldDoc) top.scoreDocs[i];
                matches.add(new LocationMatch((Long) fd.fields[1], matched.get(i), fd.score));
            }
            return new LocationMatches(matches, top.totalHits.value(),
                    top.totalHits.relation() == TotalHits.Relation.EQUAL_TO);
        }, new LocationMatches(List.of(), 0, true));
    }

    /** Turns the top documents of a search and their matched terms into a result. */
    @FunctionalInterface
    private interface Collect<R> {
        R apply(IndexSearcher searcher, TopDocs top, List<Set<HashedTerm>> matched) throws IOException;
    }

    private <R> R run(List<? extends Collection<HashedTerm>> required, Map<HashedTerm, Float> terms, int limit,
            Collect<R> collect, R empty) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1");
        }
        if (terms.isEmpty() && required.isEmpty()) {
            return empty;
        }
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        Set<HashedTerm> all = new LinkedHashSet<>(terms.keySet());
        for (Collection<HashedTerm> group : required) {
            if (group.isEmpty()) {
                throw new IllegalArgumentException("a required group needs at least one term");
            }
            BooleanQuery.Builder any = new BooleanQuery.Builder();
            for (HashedTerm t : new LinkedHashSet<>(group)) {
                any.add(new TermQuery(term(t)), BooleanClause.Occur.SHOULD);
                all.add(t);
            }
            query.add(any.build(), BooleanClause.Occur.FILTER);
        }
        for (Map.Entry<HashedTerm, Float> e : terms.entrySet()) {
            if (!(e.getValue() > 0)) {
                throw new IllegalArgumentException("term weights must be positive");
            }
            query.add(new BoostQuery(new ConstantScoreQuery(new TermQuery(term(e.getKey()))), e.getValue()),
                    BooleanClause.Occur.SHOULD);
        }
        try {
            refreshIfReadOnly();
            IndexSearcher searcher = searchers.acquire();
            try {
                TopDocs top = searcher.search(query.build(), limit, BY_SCORE_THEN_ID, true);
                return collect.apply(searcher, top, matched(searcher, top.scoreDocs, all));
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("index search failed", e);
        }
    }

    /**
     * The query terms each hit holds, in the order of {@code terms}. Per segment, each term is looked up once and
     * its postings advanced over that segment's hits in document order, so the cost grows with terms x segments
     * plus hits, not terms x hits.
     */
    private static List<Set<HashedTerm>> matched(IndexSearcher searcher, ScoreDoc[] docs,
            Collection<HashedTerm> terms) throws IOException {
        List<Set<HashedTerm>> matched = new ArrayList<>(docs.length);
        for (int i = 0; i < docs.length; i++) {
            matched.add(new LinkedHashSet<>());
        }
        if (docs.length == 0) {
            return matched;
        }
        Integer[] order = new Integer[docs.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> Integer.compare(docs[a].doc, docs[b].doc));
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        int from = 0;
        while (from < order.length) {
            LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(docs[order[from]].doc, leaves));
            int end = leaf.docBase + leaf.reader().maxDoc();
            int to = from;
            while (to < order.length && docs[order[to]].doc < end) {
                to++;
            }
            Map<String, TermsEnum> byField = new HashMap<>();
            for (HashedTerm t : terms) {
                String field = FIELDS.get(t.kind());
                TermsEnum te = byField.get(field);
                if (te == null && !byField.containsKey(field)) {
                    Terms fieldTerms = leaf.reader().terms(field);
                    te = fieldTerms == null ? null : fieldTerms.iterator();
                    byField.put(field, te);
                }
                if (te == null || !te.seekExact(new BytesRef(t.hash()))) {
                    continue;
                }
                PostingsEnum postings = te.postings(null, PostingsEnum.NONE);
                int current = -1;
                for (int k = from; k < to; k++) {
                    int local = docs[order[k]].doc - leaf.docBase;
                    if (current < local) {
                        current = postings.advance(local);
                    }
                    if (current == local) {
                        matched.get(order[k]).add(t);
                    } else if (current == PostingsEnum.NO_MORE_DOCS) {
                        break;
                    }
                }
            }
            from = to;
        }
        return matched;
    }

    /** The stored fields of a location's document, with no terms matched. */
    public Optional<IndexHit> get(long locationId) {
        try {
            refreshIfReadOnly();
            IndexSearcher searcher = searchers.acquire();
            try {
                TopDocs top = searcher.search(new TermQuery(new Term(ID, Long.toString(locationId))), 1);
                if (top.scoreDocs.length == 0) {
                    return Optional.empty();
                }
                return Optional.of(hit(searcher.storedFields().document(top.scoreDocs[0].doc), Set.of(), 0));
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("index read failed", e);
        }
    }

    /** True if the location's document holds {@code term} (as of the last commit). */
    public boolean holds(long locationId, HashedTerm term) {
        BooleanQuery q = new BooleanQuery.Builder()
                .add(new TermQuery(new Term(ID, Long.toString(locationId))), BooleanClause.Occur.FILTER)
                .add(new TermQuery(term(term)), BooleanClause.Occur.FILTER)
                .build();
        try {
            refreshIfReadOnly();
            IndexSearcher searcher = searchers.acquire();
            try {
                return searcher.count(q) > 0;
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("index read failed", e);
        }
    }

    /** The number of documents, as of the last commit. */
    public int count() {
        try {
            refreshIfReadOnly();
            IndexSearcher searcher = searchers.acquire();
            try {
                return searcher.getIndexReader().numDocs();
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("index read failed", e);
        }
    }

    /** Closes the index; uncommitted changes are lost (as in a crash). */
    @Override
    public void close() throws IOException {
        try {
            searchers.close();
        } finally {
            try {
                if (writer != null) {
                    writer.rollback(); // closes without committing: only commit() makes changes durable
                }
            } finally {
                directory.close();
            }
        }
    }

    /** A read-only index follows the writer's commits; a writable one refreshes at its own commits. */
    private void refreshIfReadOnly() throws IOException {
        if (writer == null) {
            searchers.maybeRefresh();
        }
    }

    private IndexWriter writable() {
        if (writer == null) {
            throw new IllegalStateException("the index was opened read-only");
        }
        return writer;
    }

    private static Term term(HashedTerm t) {
        return new Term(FIELDS.get(t.kind()), t.hash());
    }

    private static IndexHit hit(Document d, Set<HashedTerm> matched, float score) {
        Set<DataCategory> categories = EnumSet.noneOf(DataCategory.class);
        for (String c : d.getValues(CATEGORY)) {
            categories.add(DataCategory.valueOf(c));
        }
        Set<String> types = new TreeSet<>(List.of(d.getValues(TYPE)));
        return new IndexHit(Long.parseLong(d.get(ID)), Long.parseLong(d.get(SOURCE)), d.get(PATH), categories, types,
                matched, score, d.getField(WORDS).numericValue().intValue() == 1);
    }

    private static Map<TermKind, String> fields() {
        Map<TermKind, String> m = new EnumMap<>(TermKind.class);
        for (TermKind k : TermKind.values()) {
            m.put(k, "t." + k.name().toLowerCase(java.util.Locale.ROOT));
        }
        return m;
    }
}
