package org.piiscanner.classifiers.names;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import opennlp.tools.namefind.BioCodec;
import opennlp.tools.namefind.NameFinderME;
import opennlp.tools.namefind.NameSample;
import opennlp.tools.namefind.TokenNameFinderFactory;
import opennlp.tools.namefind.TokenNameFinderModel;
import opennlp.tools.util.ObjectStream;
import opennlp.tools.util.ObjectStreamUtils;
import opennlp.tools.util.Span;
import opennlp.tools.util.TrainingParameters;
import opennlp.tools.util.ext.ExtensionLoader;

/**
 * Trains the name-finder model shipped as {@code org/piiscanner/classifiers/names/en-ner-pii.bin}: an opt-in command,
 * never part of the normal build.
 *
 * <p>Run it with the {@code train-ner} profile from the repository root. By default it reads the {@code shared/datasets}
 * folder beside the repository; point {@code -Dner.data} at it with an absolute path otherwise (a relative path is
 * resolved from {@code classifiers/}):
 * <pre>{@code
 * export JAVA_HOME=/path/to/jdk-21-or-newer; export PATH=$JAVA_HOME/bin:$PATH
 * mvn -B -pl classifiers -Ptrain-ner verify -Dner.data=/path/to/shared/datasets
 * }</pre>
 * It writes the model to {@code classifiers/src/main/resources/org/piiscanner/classifiers/names/en-ner-pii.bin}
 * (override with {@code -Dner.out=FILE}; extra options with {@code -Dner.args="--iterations 150"}).
 * Training takes 30-110 s and up to 4 GB of heap on one core (the profile gives it 6 GB). It is deterministic: the
 * same data, options and OpenNLP version give identical weights and feature descriptor (only the training timestamp
 * in the model's manifest differs). Check a new model with the {@code eval-ner} profile and
 * {@code NameModelScoreFloorTest} before committing it.
 *
 * <p>The shipped model: data {@code ner/all-train.txt} (UNER English-EWT train + dev, wikigold, WNUT-17 train + dev,
 * Broad Twitter Corpus; see the NOTICE next to the model) plus a second copy of {@code ewt-train.txt} and
 * {@code ewt-dev.txt} (the in-domain web and e-mail text counts twice), with the person spans that are
 * {@code @}-handles dropped (44,526 sentences), types person, location and organization trained together,
 * OpenNLP perceptron, 100 iterations, cutoff 0, BIO codec, the default name-finder features plus the bundled name
 * lists as features ({@link NameListFeatureGeneratorFactory}). The options below reproduce the experiments in
 * {@code docs/ner-experiments.md}:
 * <ul>
 *   <li>{@code --data DIR} the datasets folder (holds {@code ner/}); required</li>
 *   <li>{@code --train a.txt,b.txt} training files under {@code DIR/ner}, read in order; a file may repeat
 *       (default {@code all-train.txt,ewt-train.txt,ewt-dev.txt})</li>
 *   <li>{@code --types person,location,organization} entity types kept (others are dropped from the samples)</li>
 *   <li>{@code --algorithm PERCEPTRON|MAXENT}, {@code --iterations N} (100), {@code --cutoff N} (0)</li>
 *   <li>{@code --features default|names|affix} feature set: OpenNLP's defaults; defaults plus name lists (default);
 *       names plus 4-character prefixes and suffixes</li>
 *   <li>{@code --keep-handles} keep the person spans that are {@code @}-handles (about 2,500 in the Broad Twitter
 *       Corpus); by default they are dropped (they teach the model that lower-case tokens are people)</li>
 *   <li>{@code --swap N} add N copies of the EWT sentences with person names swapped for list names
 *       (seeded, deterministic)</li>
 *   <li>{@code --out FILE} where to write the model</li>
 * </ul>
 */
public final class NameModelTrainer {

    /** The feature set "names": OpenNLP's default name-finder features plus the name-list features. */
    static final String NAMES_FEATURES = """
            <featureGenerators cache="true" name="nameFinder">
              <generator class="opennlp.tools.util.featuregen.WindowFeatureGeneratorFactory">
                <int name="prevLength">2</int>
                <int name="nextLength">2</int>
                <generator class="opennlp.tools.util.featuregen.TokenClassFeatureGeneratorFactory"/>
              </generator>
              <generator class="opennlp.tools.util.featuregen.WindowFeatureGeneratorFactory">
                <int name="prevLength">2</int>
                <int name="nextLength">2</int>
                <generator class="opennlp.tools.util.featuregen.TokenFeatureGeneratorFactory">
                  <bool name="lowercase">true</bool>
                </generator>
              </generator>
              <generator class="opennlp.tools.util.featuregen.DefinitionFeatureGeneratorFactory"/>
              <generator class="opennlp.tools.util.featuregen.PreviousMapFeatureGeneratorFactory"/>
              <generator class="opennlp.tools.util.featuregen.BigramNameFeatureGeneratorFactory"/>
              <generator class="opennlp.tools.util.featuregen.SentenceFeatureGeneratorFactory">
                <bool name="begin">true</bool>
                <bool name="end">false</bool>
              </generator>
              <generator class="org.piiscanner.classifiers.names.NameListFeatureGeneratorFactory"/>
            </featureGenerators>
            """;

    /** The feature set "affix": {@link #NAMES_FEATURES} plus 4-character prefix and suffix of the token. */
    static final String AFFIX_FEATURES = NAMES_FEATURES.replace("</featureGenerators>", """
              <generator class="opennlp.tools.util.featuregen.SuffixFeatureGeneratorFactory">
                <int name="length">4</int>
              </generator>
              <generator class="opennlp.tools.util.featuregen.PrefixFeatureGeneratorFactory">
                <int name="length">4</int>
              </generator>
            </featureGenerators>
            """);

    /** The shipped model's training files: all-train plus a second copy of the EWT train and dev parts. */
    static final String DEFAULT_TRAIN = "all-train.txt,ewt-train.txt,ewt-dev.txt";

    private NameModelTrainer() {
    }

    /** Training options (see the class Javadoc). */
    record Options(Path data, List<String> train, Set<String> types, String algorithm, int iterations, int cutoff,
            String features, boolean dropHandles, int swap, Path out) {

        static Options parse(String... args) {
            Map<String, String> m = new LinkedHashMap<>();
            List<String> tokens = new ArrayList<>();
            for (String a : args) {
                for (String t : a.trim().split("\\s+")) {
                    if (!t.isEmpty()) {
                        tokens.add(t);
                    }
                }
            }
            boolean dropHandles = true;
            for (int i = 0; i < tokens.size(); i++) {
                String k = tokens.get(i);
                if (k.equals("--keep-handles")) {
                    dropHandles = false;
                    continue;
                }
                if (!Set.of("--data", "--train", "--types", "--algorithm", "--iterations", "--cutoff", "--features",
                        "--swap", "--out").contains(k)) {
                    throw new IllegalArgumentException("unknown option " + k);
                }
                if (i + 1 >= tokens.size()) {
                    throw new IllegalArgumentException("missing value for " + k);
                }
                m.put(k, tokens.get(++i));
            }
            if (!m.containsKey("--data")) {
                throw new IllegalArgumentException("--data DIR (the shared datasets folder) is required");
            }
            String features = m.getOrDefault("--features", "names");
            if (!Set.of("names", "default", "affix").contains(features)) {
                throw new IllegalArgumentException("--features must be names, affix or default, got " + features);
            }
            return new Options(Path.of(m.get("--data")),
                    List.of(m.getOrDefault("--train", DEFAULT_TRAIN).split(",")),
                    new TreeSet<>(List.of(m.getOrDefault("--types", "person,location,organization").split(","))),
                    m.getOrDefault("--algorithm", "PERCEPTRON").toUpperCase(Locale.ROOT),
                    Integer.parseInt(m.getOrDefault("--iterations", "100")),
                    Integer.parseInt(m.getOrDefault("--cutoff", "0")),
                    features, dropHandles, Integer.parseInt(m.getOrDefault("--swap", "0")),
                    Path.of(m.getOrDefault("--out", "en-ner-pii.bin")));
        }
    }

    /** Command-line entry point; see the class Javadoc for the options. */
    public static void main(String[] args) throws IOException {
        Options o = Options.parse(args);
        long t0 = System.nanoTime();
        List<NameSample> samples = new ArrayList<>();
        for (String file : o.train()) {
            samples.addAll(read(o.data().resolve("ner").resolve(file.trim()), o.types(), o.dropHandles()));
        }
        if (o.swap() > 0) {
            samples.addAll(swapNames(samples, o.swap()));
        }
        System.out.printf(Locale.ROOT, "training on %d sentences, types %s, %s it=%d cutoff=%d features=%s%n",
                samples.size(), o.types(), o.algorithm(), o.iterations(), o.cutoff(), o.features());
        TokenNameFinderModel model = train(samples, o);
        Files.createDirectories(o.out().toAbsolutePath().getParent());
        try (OutputStream out = Files.newOutputStream(o.out())) {
            model.serialize(out);
        }
        System.out.printf(Locale.ROOT, "wrote %s (%.1f MB) in %.0f s%n", o.out(), Files.size(o.out()) / 1e6,
                (System.nanoTime() - t0) / 1e9);
    }

    /** Trains a model on {@code samples} with the options' algorithm and features. */
    static TokenNameFinderModel train(List<NameSample> samples, Options o) throws IOException {
        ExtensionLoader.registerAllowedPackage(NameLists.class.getPackageName());
        TrainingParameters params = new TrainingParameters();
        params.put(TrainingParameters.ALGORITHM_PARAM, o.algorithm());
        params.put(TrainingParameters.ITERATIONS_PARAM, o.iterations());
        params.put(TrainingParameters.CUTOFF_PARAM, o.cutoff());
        byte[] xml = switch (o.features()) {
            case "names" -> NAMES_FEATURES.getBytes(StandardCharsets.UTF_8);
            case "affix" -> AFFIX_FEATURES.getBytes(StandardCharsets.UTF_8);
            default -> null;
        };
        TokenNameFinderFactory factory = TokenNameFinderFactory.create(null, xml, Map.of(), new BioCodec());
        ObjectStream<NameSample> stream = ObjectStreamUtils.createObjectStream(samples);
        return NameFinderME.train("en", null, stream, params, factory);
    }

    /**
     * Reads an OpenNLP name-finder file (one sentence a line, blank line between documents), keeping only spans of
     * {@code types} and, when {@code dropHandles}, dropping person spans that start with {@code @}.
     */
    static List<NameSample> read(Path file, Set<String> types, boolean dropHandles) throws IOException {
        List<NameSample> out = new ArrayList<>();
        boolean clear = true;
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isBlank()) {
                    clear = true;
                    continue;
                }
                NameSample s = NameSample.parse(line, clear);
                clear = false;
                List<Span> kept = new ArrayList<>();
                for (Span span : s.getNames()) {
                    if (!types.contains(span.getType())) {
                        continue;
                    }
                    if (dropHandles && s.getSentence()[span.getStart()].startsWith("@")) {
                        continue;
                    }
                    kept.add(span);
                }
                out.add(new NameSample(s.getSentence(), kept.toArray(Span[]::new), s.isClearAdaptiveDataSet()));
            }
        }
        return out;
    }

    /**
     * Name-swap augmentation: for each copy, every sentence that holds a person span gets each person token
     * replaced by a given name or surname from the bundled lists (the last token of a multi-token name by a surname,
     * others by given names), seeded so the result is deterministic.
     */
    static List<NameSample> swapNames(List<NameSample> samples, int copies) {
        List<String> given = readList("first.txt");
        List<String> surnames = readList("last.txt");
        SplittableRandom random = new SplittableRandom(20_260_101L);
        List<NameSample> out = new ArrayList<>();
        for (int c = 0; c < copies; c++) {
            for (NameSample s : samples) {
                boolean hasPerson = Arrays.stream(s.getNames()).anyMatch(n -> n.getType().equals("person"));
                if (!hasPerson) {
                    continue;
                }
                String[] tokens = s.getSentence().clone();
                for (Span n : s.getNames()) {
                    if (!n.getType().equals("person") || !Character.isUpperCase(tokens[n.getStart()].charAt(0))) {
                        continue;
                    }
                    for (int t = n.getStart(); t < n.getEnd(); t++) {
                        if (!Character.isLetter(tokens[t].charAt(0)) || tokens[t].length() < 2) {
                            continue;
                        }
                        boolean last = t == n.getEnd() - 1 && n.length() > 1;
                        List<String> list = last ? surnames : given;
                        String name = list.get(random.nextInt(Math.min(list.size(), last ? 20_000 : 4_000)));
                        tokens[t] = isUpper(tokens[t]) ? name.toUpperCase(Locale.ROOT) : name;
                    }
                }
                out.add(new NameSample(tokens, s.getNames(), true));
            }
        }
        return out;
    }

    private static boolean isUpper(String token) {
        return token.length() > 1 && token.equals(token.toUpperCase(Locale.ROOT));
    }

    private static List<String> readList(String file) {
        try (InputStream in = NameModelTrainer.class.getResourceAsStream(file)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + file);
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            List<String> names = new ArrayList<>();
            for (String n : text.split("\n")) {
                if (!n.isBlank()) {
                    names.add(n.trim());
                }
            }
            return names;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
