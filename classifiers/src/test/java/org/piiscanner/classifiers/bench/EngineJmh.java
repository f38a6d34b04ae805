package org.piiscanner.classifiers.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.piiscanner.classifiers.DetectionEngine;
import org.piiscanner.classifiers.Finding;

/**
 * JMH benchmark of {@code DetectionEngine.createDefault().detect} on one generated 1 MB text (about 1,000,000
 * bytes of UTF-8 prose from {@link CorpusGenerator}, seed 42, with planted identifiers and decoys): the score in
 * ops/s is (to within 0.1 %) the engine's throughput in MB/s on one thread.
 *
 * <p>Run (from the repository root; the dependency plugin writes the test classpath to a file):
 * <pre>{@code
 * export JAVA_HOME=/path/to/jdk-21-or-newer
 * mvn -B -q -pl classifiers -am test-compile
 * mvn -B -q -pl classifiers dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/jmh.cp
 * $JAVA_HOME/bin/java -cp classifiers/target/test-classes:classifiers/target/classes:$(cat classifiers/target/jmh.cp) \
 *     org.openjdk.jmh.Main EngineJmh -f 1 -wi 3 -i 5
 * }</pre>
 * ({@code NormalizerJmh} the same way; {@code -h} lists JMH's options, e.g. {@code -prof gc} for allocation rates.)
 * The class is not final because JMH generates a subclass of it.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "-Xmx1g")
public class EngineJmh {

    private DetectionEngine engine;
    private String text;

    @Setup
    public void setUp() {
        engine = DetectionEngine.createDefault();
        text = new CorpusGenerator(42).text(1_000_000);
    }

    @Benchmark
    public List<Finding> detect() {
        return engine.detect(text);
    }
}
