package org.piiscanner.scanner.subject;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.piiscanner.scanner.index.LocationDocument;
import org.piiscanner.scanner.index.LocationIndex;
import org.piiscanner.scanner.protect.Protector;
import org.piiscanner.scanner.testing.Fixtures;
import org.piiscanner.classifiers.EntityType;
import org.piiscanner.scanner.protect.FindingPosition;
import org.piiscanner.scanner.protect.ProtectedFinding;
import org.piiscanner.scanner.store.FindingStore;
import org.piiscanner.scanner.store.Fingerprint;
import org.piiscanner.scanner.store.LocationPath;
import org.piiscanner.scanner.store.ScanKind;
import org.piiscanner.scanner.store.ScannedLocation;
import org.piiscanner.scanner.testing.TestStores;

/**
 * Builds a large synthetic index and measures subject searches on it (not a unit test: run it by hand).
 *
 * <h2>What is generated</h2>
 * A population of synthetic people (first names and surnames drawn with realistic skew, so that a few names are
 * very common; e-mail, mobile number, NINO, date of birth, postcode derived from the person's number) and
 * locations, each holding one person (one in ten a second one): the person's name plus three of their other
 * identifiers as findings, and 20 ordinary words plus the name's words as word tokens. Every term goes through the
 * {@link Protector} and every document through {@link LocationIndex#upsert}, exactly as a scan indexes a location;
 * only the text and the store are skipped (the search reads neither). Findings per location average 4.4, so
 * {@code --findings 10000000} writes about 2.3 million locations.
 *
 * <h2>What is measured</h2>
 * {@code search} runs warm-up queries, then {@code --queries} searches through {@link SubjectSearch} (hashing the
 * identifiers, both index queries, scoring, ranking; limit 500, minimum score 0.3), mixing: a person's e-mail and
 * name (30%), their phone number written nationally and name (20%), a NINO alone (10%), a date of birth and name
 * (10%), and a full name alone drawn from the most common names (30%, the expensive case). It prints p50, p95,
 * p99 and max per kind and overall, and hits per query.
 *
 * <p>With {@code generate --store h2} (an H2 file store in {@code DIR}) or {@code --store URL} (a PostgreSQL
 * database, {@code jdbc:postgresql://127.0.0.1:5432/bench?user=postgres}, which must exist) every location is also
 * recorded in a findings store as a scan records it ({@code FindingStore.recordScanned} in batches of 200), and
 * {@code search} then also measures
 * {@link SubjectService#find} end to end: the search, the store lookups of every listed location (source,
 * findings, positions, categories), and the request and its audit entry written and committed.
 *
 * <pre>
 * mvn -B -q -pl scanner -am test-compile dependency:build-classpath -Dmdep.outputFile=target/test-cp.txt \
 *     -Dmdep.includeScope=test
 * CP=scanner/target/test-classes:scanner/target/classes:$(cat scanner/target/test-cp.txt)
 * java -Xmx3g -cp $CP org.piiscanner.scanner.subject.SubjectSearchBenchmark generate /tmp/bench --findings 10000000 \
 *     [--store jdbc:postgresql://127.0.0.1:5432/bench?user=postgres]
 * java -Xmx1g -cp $CP org.piiscanner.scanner.subject.SubjectSearchBenchmark search /tmp/bench --queries 1000
 * </pre>
 */
public final class SubjectSearchBenchmark {

    private static final String[] FIRST = ("Oliver George Harry Jack Jacob Noah Charlie Muhammad Thomas Oscar William "
            + "James Henry Leo Alfie Joshua Freddie Ethan Archie Isaac Joseph Alexander Samuel Daniel Logan Edward "
            + "Lucas Max Mohammed Benjamin Mason Harrison Theo Jake Sebastian Finley Arthur Adam Dylan Riley Zachary "
            + "Teddy David Toby Theodore Elijah Matthew Jenson Jayden Harvey Reuben John Peter Paul Michael Robert "
            + "Olivia Amelia Isla Ava Emily Isabella Mia Poppy Ella Lily Evie Sophia Charlotte Grace Jessica Sophie "
            + "Ruby Daisy Alice Freya Florence Chloe Phoebe Millie Sienna Matilda Evelyn Layla Rosie Elsie Scarlett "
            + "Willow Esme Maya Mary Jane Sarah Elizabeth Anne Margaret Susan Helen Karen Joan Janet Amira Priya "
            + "Aisha Fatima Zainab Wei Mei Chen Siobhan Niamh Aoife Ciaran Eilidh Morag Catrin Rhys Dafydd Gareth")
            .split(" ");
    private static final String[] SURNAMES = ("Smith Jones Williams Taylor Brown Davies Evans Wilson Thomas Johnson "
            + "Roberts Robinson Thompson Wright Walker White Edwards Hughes Green Hall Lewis Harris Clarke Patel "
            + "Jackson Wood Turner Martin Cooper Hill Ward Morris Moore Clark Lee King Baker Harrison Morgan Allen "
            + "James Scott Phillips Watson Davis Parker Price Bennett Young Griffiths Mitchell Kelly Cook Carter "
            + "Richardson Bailey Collins Bell Shaw Murphy Miller Cox Richards Khan Marshall Anderson Simpson Ellis "
            + "Adams Singh Begum Wilkinson Foster Chapman Powell Webb Rogers Gray Mason Ali Hunt Hussain Campbell "
            + "Matthews Owen Palmer Holmes Mills Barnes Knight Lloyd Butler Russell Barker Fisher Stevens Jenkins "
            + "Murray Dixon Harvey Graham Pearson Ahmed Fletcher Walsh Kaur Gibson Howard Andrews Stewart Elliott "
            + "Reynolds Saunders Payne Fox Ford Pearce Day Brooks West Lawrence Cole Atkinson Bradley Spencer Gill "
            + "Dawson Ball Burton OBrien Watts Rose Booth Perry Ryan Grant Wells Armstrong Francis Rees Hayes Hart "
            + "Hudson Newman Barrett Webster Hunter Gregory Carr Lowe Page Marsh Riley Dunn Woods Parsons Berry Stone "
            + "Reid Holland Hawkins Harding Porter Robertson Newton Oliver Reed Kennedy Williamson Bird Gardner Shah "
            + "Dean Lane Cooke Bates Henderson Parry Burgess Bishop Walton Burns Nicholson Shepherd Ross Cross Long "
            + "Freeman Warren Nicholls Hamilton Byrne Sutton McDonald Yates Hodgson Robson Curtis Hopkins Obrien "
            + "Quillfeather Nakamura Kowalski Nowak Novak Silva Santos Rossi Russo Muller Schmidt Schneider Fischer")
            .split(" ");
    private static final String[] SYLLABLES = ("ab ac ad al am an ar as at ba be bi bo bu ca ce ci co cu da de di do "
            + "du el em en er es fa fe fi fo ga ge gi go ha he hi ho hu il in ir is ja jo ka ke ki ko la le li lo lu "
            + "ma me mi mo mu na ne ni no nu ol om on or os pa pe pi po ra re ri ro ru sa se si so su ta te ti to tu "
            + "ul um un ur va ve vi vo wa we wi wo ya yo za ze zi zo").split(" ");
    private static final String NINO_PREFIX = "ABCEGHJKLMNPRSTWXYZ";
    private static final int SOURCES = 16;

    private final Protector protector = Fixtures.protector();
    private final String[] surnames;
    private final double[] surnameCdf;
    private final double[] firstCdf;
    private final String[] vocabulary;
    private final String[] vocabularyHashes;
    private final double[] wordCdf;

    private SubjectSearchBenchmark() {
        // 30,000 surnames: the real ones first (most common first), then synthetic ones for the long tail
        List<String> names = new ArrayList<>(List.of(SURNAMES));
        Random r = new Random(7);
        Set<String> seen = new LinkedHashSet<>(names);
        while (names.size() < 30_000) {
            String s = syllables(r, 2 + r.nextInt(3));
            if (seen.add(s)) {
                names.add(s);
            }
        }
        surnames = names.toArray(String[]::new);
        // skew: the most common surname is about 1% of people, the most common first names about 2-3%
        surnameCdf = cdf(surnames.length, 0.95, 25);
        firstCdf = cdf(FIRST.length, 0.9, 12);
        vocabulary = new String[20_000];
        vocabularyHashes = new String[vocabulary.length];
        for (int i = 0; i < vocabulary.length; i++) {
            vocabulary[i] = syllables(r, 1 + r.nextInt(4)).toLowerCase(Locale.ROOT) + (i % 7 == 0 ? i : "");
            vocabularyHashes[i] = protector.wordTokenHashes(vocabulary[i]).iterator().next();
        }
        wordCdf = cdf(vocabulary.length, 1.0, 5);
    }

    private static String syllables(Random r, int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append(SYLLABLES[r.nextInt(SYLLABLES.length)]);
        }
        return Character.toUpperCase(sb.charAt(0)) + sb.substring(1);
    }

    /** The cumulative distribution of ranks 1..n with weight 1 / (rank + offset)^s. */
    private static double[] cdf(int n, double s, int offset) {
        double[] c = new double[n];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += 1 / Math.pow(i + 1 + offset, s);
            c[i] = sum;
        }
        for (int i = 0; i < n; i++) {
            c[i] /= sum;
        }
        return c;
    }

    private static int draw(double[] cdf, double u) {
        int i = Arrays.binarySearch(cdf, u);
        return Math.min(cdf.length - 1, i >= 0 ? i : -i - 1);
    }

    /** Synthetic person number {@code id}: everything derived from it, so queries can rebuild any person. */
    record Person(long id, String first, String last, String email, String phone, String nino, String dob,
            String postcode) {

        String name() {
            return first + " " + last;
        }

        /** The phone as written in a query: national format with spaces (the index has it as found). */
        String nationalPhone() {
            return phone.substring(0, 5) + " " + phone.substring(5);
        }
    }

    Person person(long id) {
        SplittableRandom r = new SplittableRandom(id * 0x9E3779B97F4A7C15L + 17);
        String first = FIRST[draw(firstCdf, r.nextDouble())];
        String last = surnames[draw(surnameCdf, r.nextDouble())];
        String email = (first + "." + last + "." + id + "@example.com").toLowerCase(Locale.ROOT);
        String phone = String.format(Locale.ROOT, "07%d%08d", 4 + r.nextInt(6), id % 100_000_000L);
        String nino = "" + NINO_PREFIX.charAt(r.nextInt(NINO_PREFIX.length()))
                + NINO_PREFIX.charAt(r.nextInt(NINO_PREFIX.length())) + String.format(Locale.ROOT, "%06d",
                        id % 1_000_000L) + "ABCD".charAt(r.nextInt(4));
        String dob = String.format(Locale.ROOT, "%02d/%02d/%d", 1 + r.nextInt(28), 1 + r.nextInt(12),
                1940 + r.nextInt(66));
        String postcode = String.format(Locale.ROOT, "SW%d %d%s", 1 + r.nextInt(20), r.nextInt(10),
                "" + (char) ('A' + r.nextInt(26)) + (char) ('A' + r.nextInt(26)));
        return new Person(id, first, last, email, phone, nino, dob, postcode);
    }

    /** What location {@code n} holds: findings (type and raw value) and the word-token hashes of its text. */
    record Spec(List<String[]> findings, Set<String> words) {
    }

    Spec location(long people, SplittableRandom r) {
        List<String[]> findings = new ArrayList<>();
        Set<String> words = new LinkedHashSet<>();
        int persons = r.nextInt(10) == 0 ? 2 : 1;
        for (int p = 0; p < persons; p++) {
            Person person = person(r.nextLong(people));
            findings.add(new String[] {"PERSON", person.name()});
            int[] others = {0, 1, 2, 3, 4};
            for (int k = 0; k < 3; k++) { // three of the person's other identifiers
                int j = k + r.nextInt(others.length - k);
                int t = others[j];
                others[j] = others[k];
                others[k] = t;
                findings.add(switch (t) {
                    case 0 -> new String[] {"EMAIL_ADDRESS", person.email()};
                    case 1 -> new String[] {"PHONE_NUMBER", person.phone()};
                    case 2 -> new String[] {"UK_NINO", person.nino()};
                    case 3 -> new String[] {"DATE_OF_BIRTH", person.dob()};
                    default -> new String[] {"UK_POSTCODE", person.postcode()};
                });
            }
            words.addAll(protector.wordTokenHashes(person.name()));
        }
        for (int w = 0; w < 20; w++) {
            words.add(vocabularyHashes[draw(wordCdf, r.nextDouble())]);
        }
        return new Spec(findings, words);
    }

    /** The findings of a spec, through the Protector as a scan protects them (line numbers as positions). */
    List<ProtectedFinding> protect(Spec spec) {
        List<ProtectedFinding> out = new ArrayList<>(spec.findings().size());
        int line = 1;
        for (String[] f : spec.findings()) {
            EntityType type = EntityType.builtIn(f[0]).orElseThrow();
            out.add(protector.protect(Fixtures.finding(type, f[1], line * 80), FindingPosition.lineColumn(line, 1)));
            line++;
        }
        findingsWritten.addAndGet(out.size());
        return out;
    }

    private final AtomicLong findingsWritten = new AtomicLong();

    void generate(Path dir, long targetFindings, long people, int threads, String storeUrl) throws Exception {
        boolean withStore = storeUrl != null;
        if (Files.exists(dir.resolve("index"))) {
            throw new IllegalArgumentException(dir.resolve("index") + " exists: remove it or choose another DIR");
        }
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("people"), Long.toString(people));
        long locations = Math.round(targetFindings / 4.4);
        long started = System.nanoTime();
        AtomicLong done = new AtomicLong();
        TestStores.Handle handle = withStore ? store(dir, storeUrl) : null;
        if (withStore) {
            Files.writeString(dir.resolve("store-url"), storeUrl);
        }
        try (LocationIndex index = LocationIndex.open(dir.resolve("index"), protector.keyId())) {
            FindingStore store = withStore ? handle.store() : null;
            long run = 0;
            long[] sources = new long[SOURCES];
            if (withStore) {
                store.bindKey(protector.keyId());
                run = store.startRun(ScanKind.FILES, "benchmark", "cfg");
                for (int i = 0; i < SOURCES; i++) {
                    sources[i] = store.upsertSource(run, ScanKind.FILES, "/srv/share-" + i);
                }
            }
            long runId = run;
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int worker = t;
                futures.add(pool.submit(() -> {
                    SplittableRandom r = new SplittableRandom(1000 + worker);
                    List<ScannedLocation> batch = new ArrayList<>();
                    List<Spec> specs = new ArrayList<>();
                    for (long n = worker; n < locations; n += threads) {
                        Spec spec = location(people, r);
                        String path = "dept-" + (n % 97) + "/doc-" + n + ".docx";
                        List<ProtectedFinding> findings = protect(spec);
                        if (!withStore) {
                            index.upsert(LocationDocument.of(n + 1, 1 + n % SOURCES, path, findings, spec.words()));
                        } else {
                            batch.add(new ScannedLocation(LocationPath.of(path), Fingerprint.of(4096, 1L), "cfg",
                                    findings));
                            specs.add(spec);
                            if (batch.size() == 200 || n + threads >= locations) {
                                long source = sources[(int) (n % SOURCES)];
                                List<Long> ids = store.recordScanned(runId, source, batch);
                                for (int i = 0; i < ids.size(); i++) {
                                    index.upsert(LocationDocument.of(ids.get(i), source, batch.get(i).path()
                                            .display(), batch.get(i).findings(), specs.get(i).words()));
                                }
                                batch.clear();
                                specs.clear();
                            }
                        }
                        long d = done.incrementAndGet();
                        if (d % 250_000 == 0) {
                            System.err.printf(Locale.ROOT, "%,d locations, %,d findings, %.0f s%n", d,
                                    findingsWritten.get(), (System.nanoTime() - started) / 1e9);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
            pool.shutdown();
            long beforeCommit = System.nanoTime();
            index.commit();
            if (withStore) {
                store.finishRun(run, org.piiscanner.scanner.store.RunStatus.COMPLETED);
            }
            long end = System.nanoTime();
            System.out.printf(Locale.ROOT, "generated %,d locations holding %,d findings (%,d people) in %.0f s "
                    + "(final commit %.0f s), %d threads; index %.2f GB, %,d documents%s%n", locations,
                    findingsWritten.get(), people, (end - started) / 1e9, (end - beforeCommit) / 1e9, threads,
                    size(dir.resolve("index")) / 1e9, index.count(), withStore ? "; store " + storeUrl : "");
        } finally {
            if (handle != null) {
                handle.close();
            }
        }
    }

    /**
     * The store named by {@code url}: {@code h2} for an H2 file database in {@code dir}, or a PostgreSQL JDBC URL
     * with the user as a parameter ({@code jdbc:postgresql://127.0.0.1:5432/bench?user=postgres}; the database must
     * exist).
     */
    private static TestStores.Handle store(Path dir, String url) {
        if (url.equals("h2")) {
            return TestStores.h2(dir);
        }
        String user = url.replaceFirst(".*[?&]user=([^&]*).*", "$1");
        return TestStores.handle(url.replaceFirst("\\?.*", ""), user.equals(url) ? "postgres" : user, "",
                "postgresql");
    }

    private static long size(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }

    /** One benchmark query. */
    record Query(String kind, List<SubjectIdentifier> identifiers) {
    }

    List<Query> queries(int n, long people, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        List<Query> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Person p = person(r.nextLong(people));
            int kind = r.nextInt(10);
            out.add(switch (kind) {
                case 0, 1, 2 -> new Query("email+name", List.of(SubjectIdentifier.name(p.name()),
                        SubjectIdentifier.of("email", p.email())));
                case 3, 4 -> new Query("phone+name", List.of(SubjectIdentifier.name(p.last().toUpperCase(Locale.ROOT)
                        + ", " + p.first()), SubjectIdentifier.of("phone", p.nationalPhone())));
                case 5 -> new Query("nino", List.of(SubjectIdentifier.of("nino", p.nino())));
                case 6 -> new Query("dob+name", List.of(SubjectIdentifier.name(p.name()),
                        SubjectIdentifier.of("dob", p.dob())));
                default -> {
                    // a common name: first name and surname from the top 10 of each
                    String first = FIRST[draw(firstCdf, r.nextDouble() * firstCdf[9])];
                    String last = surnames[draw(surnameCdf, r.nextDouble() * surnameCdf[9])];
                    yield new Query("common name", List.of(SubjectIdentifier.name(first + " " + last)));
                }
            });
        }
        return out;
    }

    void search(Path dir, int queries, int warmup) throws Exception {
        long people = Long.parseLong(Files.readString(dir.resolve("people")).strip());
        try (LocationIndex index = LocationIndex.openReadOnly(dir.resolve("index"), protector.keyId())) {
            System.out.printf(Locale.ROOT, "index: %,d locations, %.2f GB%n", index.count(),
                    size(dir.resolve("index")) / 1e9);
            SubjectSearch search = new SubjectSearch(index);
            QueryHasher hasher = new QueryHasher(protector);
            for (Query q : queries(warmup, people, 1)) {
                search.search(hasher.hash(q.identifiers()), SubjectService.DEFAULT_LIMIT,
                        SubjectService.DEFAULT_MIN_SCORE);
            }
            List<Query> measured = queries(queries, people, 2);
            long[] nanos = new long[measured.size()];
            long[] cpu = new long[measured.size()];
            long hits = 0;
            java.util.Map<String, List<Long>> byKind = new java.util.TreeMap<>();
            java.util.Map<String, List<Long>> cpuByKind = new java.util.TreeMap<>();
            java.util.Map<String, Long> hitsByKind = new java.util.TreeMap<>();
            java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
            double load = java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
            for (int i = 0; i < measured.size(); i++) {
                Query q = measured.get(i);
                long c0 = threads.getCurrentThreadCpuTime();
                long t0 = System.nanoTime();
                SubjectSearch.Ranked ranked = search.search(hasher.hash(q.identifiers()),
                        SubjectService.DEFAULT_LIMIT, SubjectService.DEFAULT_MIN_SCORE);
                nanos[i] = System.nanoTime() - t0;
                cpu[i] = threads.getCurrentThreadCpuTime() - c0;
                hits += ranked.candidates().size();
                byKind.computeIfAbsent(q.kind(), k -> new ArrayList<>()).add(nanos[i]);
                cpuByKind.computeIfAbsent(q.kind(), k -> new ArrayList<>()).add(cpu[i]);
                hitsByKind.merge(q.kind(), (long) ranked.candidates().size(), Long::sum);
            }
            System.out.printf(Locale.ROOT, "elapsed (wall-clock) time per search; load average %.1f on %d cores "
                    + "before the run, %.1f after%n", load, Runtime.getRuntime().availableProcessors(),
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
            for (var e : byKind.entrySet()) {
                long[] k = e.getValue().stream().mapToLong(Long::longValue).toArray();
                System.out.println(line(e.getKey(), k, hitsByKind.get(e.getKey())));
            }
            System.out.println(line("all", nanos, hits));
            System.out.println("CPU time of the searching thread per search (what an idle core would take):");
            for (var e : cpuByKind.entrySet()) {
                long[] k = e.getValue().stream().mapToLong(Long::longValue).toArray();
                System.out.println(line(e.getKey(), k, hitsByKind.get(e.getKey())));
            }
            System.out.println(line("all", cpu, hits));
        }
    }

    /**
     * End to end: {@link SubjectService#find} on the store and index, as {@code subject find} runs it (search, store
     * lookups of every listed location, the request and its audit entry written and committed).
     */
    void find(Path dir, int queries, int warmup) throws Exception {
        long people = Long.parseLong(Files.readString(dir.resolve("people")).strip());
        try (TestStores.Handle handle = store(dir, Files.readString(dir.resolve("store-url")).strip());
                LocationIndex index = LocationIndex.openReadOnly(dir.resolve("index"), protector.keyId())) {
            java.time.Clock clock = java.time.Clock.systemUTC();
            AuditLog audit = new AuditLog(handle.dataSource(), handle.transactions(), Testbed.keyedHasher(),
                    dir.resolve(AuditLog.ANCHOR_FILE), clock);
            SubjectService service = new SubjectService(protector, handle.store(), SubjectIndex.of(index),
                    new SubjectRequests(handle.dataSource()), audit, new LocationReader(
                            new org.piiscanner.scanner.extraction.TikaTextExtractor(
                                    org.piiscanner.scanner.extraction.ExtractionLimits.DEFAULTS), List.of()),
                    () -> {
                        throw new IllegalStateException("find needs no detectors");
                    }, () -> {
                        throw new IllegalStateException("find signs nothing");
                    }, dir.resolve("reports"), handle.transactions(), clock, () -> "benchmark");
            for (Query q : queries(warmup, people, 3)) {
                service.find(q.identifiers(), SubjectService.DEFAULT_LIMIT, SubjectService.DEFAULT_MIN_SCORE);
            }
            List<Query> measured = queries(queries, people, 2);
            long[] nanos = new long[measured.size()];
            long hits = 0;
            java.util.Map<String, List<Long>> byKind = new java.util.TreeMap<>();
            java.util.Map<String, Long> hitsByKind = new java.util.TreeMap<>();
            for (int i = 0; i < measured.size(); i++) {
                Query q = measured.get(i);
                long t0 = System.nanoTime();
                SubjectService.FindOutcome o = service.find(q.identifiers(), SubjectService.DEFAULT_LIMIT,
                        SubjectService.DEFAULT_MIN_SCORE);
                nanos[i] = System.nanoTime() - t0;
                hits += o.matches().size();
                byKind.computeIfAbsent(q.kind(), k -> new ArrayList<>()).add(nanos[i]);
                hitsByKind.merge(q.kind(), (long) o.matches().size(), Long::sum);
            }
            System.out.printf(Locale.ROOT, "subject find end to end (search + store lookups + request and audit "
                    + "entry committed), wall-clock; load average %.1f%n",
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
            for (var e : byKind.entrySet()) {
                long[] k = e.getValue().stream().mapToLong(Long::longValue).toArray();
                System.out.println(line(e.getKey(), k, hitsByKind.get(e.getKey())));
            }
            System.out.println(line("all", nanos, hits));
            System.out.println("audit log after the run: " + audit.verify(java.util.Optional.empty()).entries()
                    + " entries, " + (audit.verify(java.util.Optional.empty()).intact() ? "intact" : "BROKEN"));
        }
    }

    private static String line(String what, long[] nanos, long hits) {
        long[] s = nanos.clone();
        Arrays.sort(s);
        return String.format(Locale.ROOT, "%-12s %5d queries  p50 %6.1f ms  p95 %6.1f ms  p99 %6.1f ms  max %6.1f ms"
                + "  %6.1f locations listed per query", what, s.length, pct(s, 0.50), pct(s, 0.95), pct(s, 0.99),
                s[s.length - 1] / 1e6, hits / (double) s.length);
    }

    private static double pct(long[] sorted, double p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)] / 1e6;
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: generate DIR [--findings N] [--people N] [--threads N] [--store h2|URL] | "
                    + "search DIR [--queries N] [--warmup N]");
            System.exit(2);
        }
        Path dir = Path.of(args[1]);
        long findings = option(args, "--findings", 10_000_000);
        long people = option(args, "--people", 1_000_000);
        int threads = (int) option(args, "--threads", 2);
        int queries = (int) option(args, "--queries", 1000);
        int warmup = (int) option(args, "--warmup", 300);
        SubjectSearchBenchmark bench = new SubjectSearchBenchmark();
        switch (args[0]) {
            case "generate" -> bench.generate(dir, findings, people, threads, stringOption(args, "--store", null));
            case "search" -> {
                bench.search(dir, queries, warmup);
                if (Files.exists(dir.resolve("store-url"))) {
                    bench.find(dir, queries, warmup);
                }
            }
            default -> throw new IllegalArgumentException("generate or search, not " + args[0]);
        }
    }

    private static String stringOption(String[] args, String name, String dflt) {
        for (int i = 2; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return dflt;
    }

    private static long option(String[] args, String name, long dflt) {
        for (int i = 2; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return Long.parseLong(args[i + 1].replace("_", ""));
            }
        }
        return dflt;
    }
}
