package org.piiscanner.scanner.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.piiscanner.classifiers.DetectionEngine;
import org.piiscanner.classifiers.config.ConfigurationException;
import org.piiscanner.classifiers.config.DetectionSettings;
import org.piiscanner.scanner.eval.EvalInputException;
import org.piiscanner.scanner.eval.LabelMapping;
import org.piiscanner.scanner.eval.LabelledText;
import org.piiscanner.scanner.eval.PresidioDatasetReader;
import org.piiscanner.scanner.eval.SpanEvaluation;
import org.piiscanner.scanner.eval.SpanPredictor;
import org.piiscanner.scanner.eval.SpanReport;
import org.piiscanner.scanner.eval.VectorCase;
import org.piiscanner.scanner.eval.VectorEvaluation;
import org.piiscanner.scanner.eval.VectorFileReader;
import org.piiscanner.scanner.eval.VectorReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code pii-scanner eval}: scores the detection engine against Presidio's labelled synthetic corpus (span-level
 * precision, recall, F1 and F2 per entity type, strict and overlap matching) and, optionally, against Presidio's
 * recognizer test vectors (pass/fail per recognizer), and reports the detection throughput of the run.
 *
 * <p>Exit codes: 0 done (whatever the scores), 1 unexpected error, 2 bad usage, a missing or invalid input file,
 * or an invalid configuration. Output goes to the command line's writers (standard output / error), nothing else.
 * One instance per invocation; not thread-safe.
 */
@Command(name = "eval", sortOptions = false, mixinStandardHelpOptions = true,
        description = {
            "Scores detection against Presidio's labelled corpus (span-level precision, recall, F1, F2 per entity "
                    + "type; strict and overlap matching) and Presidio's recognizer test vectors.",
            "Example: eval --presidio generated_large.json --vectors presidio_recognizer_test_vectors.jsonl"},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:done", "1:unexpected error", "2:bad usage, missing or invalid input file or configuration"})
public final class EvalCommand implements Callable<Integer> {

    /** Loads detection settings from a configuration file (the scanner's YAML binding). */
    @FunctionalInterface
    public interface SettingsLoader {
        /**
         * Reads {@code file}.
         *
         * @throws IOException if it cannot be read
         * @throws ConfigurationException if its content is invalid
         */
        DetectionSettings load(Path file) throws IOException;
    }

    @Spec
    private CommandSpec spec;

    @Option(names = "--presidio", required = true, paramLabel = "FILE",
            description = "Labelled corpus in presidio-research format (e.g. generated_large.json).")
    private Path presidio;

    @Option(names = "--vectors", paramLabel = "FILE",
            description = "Presidio recognizer test vectors (JSONL) to score case by case.")
    private Path vectors;

    @Option(names = "--config", paramLabel = "FILE",
            description = "Detector configuration (YAML); default: built-in settings, every detector enabled.")
    private Path config;

    @Option(names = "--json", description = "Print one JSON document instead of tables.")
    private boolean json;

    @Option(names = {"-v", "--verbose"},
            description = "Also list the failing test vectors with their (published test) texts.")
    private boolean verbose;

    private final SettingsLoader settingsLoader;

    /** A command without a configuration loader: {@code --config} is then rejected with exit code 2. */
    public EvalCommand() {
        this(null);
    }

    /** A command reading {@code --config} files with {@code settingsLoader}. */
    public EvalCommand(SettingsLoader settingsLoader) {
        this.settingsLoader = settingsLoader;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            DetectionSettings settings = settings();
            DetectionEngine engine = DetectionEngine.builder().settings(settings).build();
            List<LabelledText> corpus = PresidioDatasetReader.read(presidio);
            List<VectorCase> cases = vectors == null ? null : VectorFileReader.read(vectors);

            SpanPredictor predictor = SpanPredictor.of(engine);
            LabelMapping mapping = LabelMapping.presidio();
            warmUp(predictor, corpus);
            SpanReport spans = SpanEvaluation.evaluate(corpus, predictor, mapping);
            VectorReport vectorReport = cases == null ? null
                    : VectorEvaluation.evaluate(cases, predictor, mapping, settings.minScore());

            EvalReportFormat format = new EvalReportFormat(presidio, vectors, engine.detectorIds(),
                    settings.minScore());
            if (json) {
                out.println(format.json(spans, vectorReport, verbose));
            } else {
                format.table(out, spans, vectorReport, verbose);
            }
            out.flush();
            return 0;
        } catch (EvalInputException | ConfigurationException e) {
            err.println("eval: " + e.getMessage());
            err.flush();
            return 2;
        }
    }

    private DetectionSettings settings() {
        if (config == null) {
            return DetectionSettings.defaults();
        }
        if (settingsLoader == null) {
            throw new EvalInputException("--config " + config + ": this build of 'eval' has no configuration "
                    + "loader; run without --config to use the built-in settings");
        }
        try {
            return settingsLoader.load(config);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new EvalInputException("configuration file not found: " + config, e);
        } catch (IOException e) {
            throw new EvalInputException("cannot read configuration file " + config + ": " + e.getMessage(), e);
        }
    }

    /** One untimed pass so the reported throughput is not dominated by class loading and JIT compilation. */
    private static void warmUp(SpanPredictor predictor, List<LabelledText> corpus) {
        for (LabelledText t : corpus) {
            predictor.predict(t.text());
        }
    }
}
