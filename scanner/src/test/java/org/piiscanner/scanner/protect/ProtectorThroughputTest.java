package org.piiscanner.scanner.protect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How fast word-token hashes are computed for a whole text: the cost the index adds to every scanned document.
 * The text is synthetic prose: a 50,000-word vocabulary drawn with a Zipf distribution (as in real text, a few
 * words are most of the tokens), 5% of words capitalised, 2% accented, 3% numbers. Prints tokens/s and the unique
 * HMACs/s; the floors are a tenth of what a 2-core laptop does, so that only a gross regression fails.
 */
class ProtectorThroughputTest {

    private static final Logger LOG = LoggerFactory.getLogger(ProtectorThroughputTest.class);

    @Test
    void wordTokenHashingKeepsUpWithExtraction() {
        Protector protector = ProtectorTest.protector(7);
        String[] vocabulary = vocabulary(50_000, new Random(42));
        // 200 documents of 20,000 tokens each (about 140 KB of text per document)
        String[] documents = new String[200];
        Random random = new Random(7);
        long tokens = 0;
        for (int d = 0; d < documents.length; d++) {
            StringBuilder sb = new StringBuilder(160_000);
            for (int t = 0; t < 20_000; t++) {
                sb.append(vocabulary[zipf(random, vocabulary.length)]).append(t % 17 == 16 ? ".\n" : " ");
                tokens++;
            }
            documents[d] = sb.toString();
        }
        long chars = 0;
        for (String doc : documents) {
            chars += doc.length();
        }

        double best = 0;
        long unique = 0;
        for (int round = 0; round < 5; round++) {
            unique = 0;
            long t0 = System.nanoTime();
            for (String doc : documents) {
                unique += protector.wordTokenHashes(doc).size();
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            best = Math.max(best, tokens / seconds);
        }
        double mbPerSecond = best * chars / tokens / 1e6;
        LOG.info(String.format(Locale.ROOT, "word-token hashing: %.2f M tokens/s (%.1f MB/s of text), "
                + "%d unique tokens per document on average", best / 1e6, mbPerSecond, unique / documents.length));

        // every unique token is one HMAC: measure that cost alone (worst case, all tokens distinct)
        KeyedHasher hasher = new KeyedHasher(new byte[32]);
        double bestHmac = 0;
        for (int round = 0; round < 5; round++) {
            long t0 = System.nanoTime();
            for (String word : vocabulary) {
                hasher.base64Url("pii1/word", word, 16);
            }
            bestHmac = Math.max(bestHmac, vocabulary.length / ((System.nanoTime() - t0) / 1e9));
        }
        LOG.info(String.format(Locale.ROOT, "HMAC-SHA256 of distinct tokens: %.2f M/s", bestHmac / 1e6));

        assertThat(best).as("tokens/s").isGreaterThan(500_000);
        assertThat(bestHmac).as("HMACs/s").isGreaterThan(100_000);
    }

    private static int zipf(Random random, int n) {
        // inverse-CDF approximation of Zipf(s = 1) over ranks 1..n
        double u = random.nextDouble();
        int rank = (int) Math.floor(Math.exp(u * Math.log(n + 1.0))) - 1;
        return Math.min(n - 1, Math.max(0, rank));
    }

    private static String[] vocabulary(int size, Random random) {
        String[] words = new String[size];
        String letters = "etaoinshrdlcumwfgypbvkjxqz";
        for (int i = 0; i < size; i++) {
            int kind = random.nextInt(100);
            if (kind < 3) {
                words[i] = Integer.toString(random.nextInt(1_000_000));
                continue;
            }
            int len = 2 + Math.min(10, (int) Math.abs(random.nextGaussian() * 3 + 3));
            StringBuilder w = new StringBuilder(len);
            for (int k = 0; k < len; k++) {
                w.append(letters.charAt(Math.min(letters.length() - 1, (int) Math.abs(random.nextGaussian() * 8))));
            }
            if (kind < 5) {
                w.setCharAt(0, 'é');
            } else if (kind < 10) {
                w.setCharAt(0, Character.toUpperCase(w.charAt(0)));
            }
            words[i] = w.toString();
        }
        return words;
    }
}
