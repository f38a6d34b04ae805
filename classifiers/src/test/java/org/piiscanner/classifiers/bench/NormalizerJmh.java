package org.piiscanner.classifiers.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.piiscanner.classifiers.text.NormalizedText;
import org.piiscanner.classifiers.text.TextNormalizer;

/**
 * JMH benchmark of {@link TextNormalizer#normalize(CharSequence)} on 1 MB of generated prose in three variants:
 * {@code ascii} (pure ASCII: the fast path, no mapping), {@code nbsp-fullwidth} (one space in 20 is an NBSP and one
 * digit in 10 is full-width: in-place replacements) and {@code zero-width} (additionally a zero-width space about
 * every 1,000 characters: characters are dropped, so the offset map is built). Scores in ops/s are about MB/s.
 *
 * <p>Run as described in {@link EngineJmh}, with {@code org.openjdk.jmh.Main NormalizerJmh -f 1 -wi 3 -i 5}.
 * Not final because JMH generates a subclass.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "-Xmx1g")
public class NormalizerJmh {

    @Param({"ascii", "nbsp-fullwidth", "zero-width"})
    public String kind;

    private String text;

    @Setup
    public void setUp() {
        String base = new CorpusGenerator(42).text(1_000_000);
        StringBuilder sb = new StringBuilder(base.length() + 1024);
        int spaces = 0;
        int digits = 0;
        for (int i = 0; i < base.length(); i++) {
            char c = base.charAt(i);
            if (c >= 0x80) {
                c = c == '\u00a3' ? '$' : '-';
            }
            if (!kind.equals("ascii")) {
                if (c == ' ' && ++spaces % 20 == 0) {
                    c = '\u00a0';
                } else if (c >= '0' && c <= '9' && ++digits % 10 == 0) {
                    c = (char) ('\uff10' + (c - '0'));
                }
                if (kind.equals("zero-width") && i % 1000 == 999) {
                    sb.append('\u200b');
                }
            }
            sb.append(c);
        }
        text = sb.toString();
    }

    @Benchmark
    public NormalizedText normalize() {
        return TextNormalizer.normalize(text);
    }
}
