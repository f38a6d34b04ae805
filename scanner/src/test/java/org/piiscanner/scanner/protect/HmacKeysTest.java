package org.piiscanner.scanner.protect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HmacKeysTest {

    private static final String KEY_A = Base64.getEncoder().encodeToString(bytes(32, 1));
    private static final String KEY_B = Base64.getEncoder().encodeToString(bytes(32, 2));

    @TempDir
    Path dir;

    @Test
    void thePropertyWinsOverTheEnvironmentWhichWinsOverTheFile() throws Exception {
        Path file = dir.resolve("hmac.key");
        HmacKeys.Loaded generated = HmacKeys.load(null, null, file);
        assertThat(generated.source()).isEqualTo(HmacKeys.Source.GENERATED);

        HmacKeys.Loaded fromProperty = HmacKeys.load(KEY_A, KEY_B, file);
        HmacKeys.Loaded fromEnvironment = HmacKeys.load("  ", KEY_B, file);
        HmacKeys.Loaded fromFile = HmacKeys.load(null, "", file);

        assertThat(fromProperty.source()).isEqualTo(HmacKeys.Source.PROPERTY);
        assertThat(fromProperty.hasher().keyId()).isEqualTo(new KeyedHasher(bytes(32, 1)).keyId());
        assertThat(fromEnvironment.source()).isEqualTo(HmacKeys.Source.ENVIRONMENT);
        assertThat(fromEnvironment.hasher().keyId()).isEqualTo(new KeyedHasher(bytes(32, 2)).keyId());
        assertThat(fromFile.source()).isEqualTo(HmacKeys.Source.KEY_FILE);
        assertThat(fromFile.hasher().keyId()).isEqualTo(generated.hasher().keyId());
    }

    @Test
    void aGeneratedKeyIs32RandomBytesInAnOwnerOnlyFileInANewOwnerOnlyDirectory() throws Exception {
        Path file = dir.resolve("new-data-dir").resolve("hmac.key");
        HmacKeys.Loaded loaded = HmacKeys.load(null, null, file);

        assertThat(loaded.keyFile()).isEqualTo(file.toAbsolutePath());
        byte[] key = Base64.getDecoder().decode(Files.readString(file, StandardCharsets.US_ASCII).strip());
        assertThat(key).hasSize(32);
        assertThat(new KeyedHasher(key).keyId()).isEqualTo(loaded.hasher().keyId());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())))
                .isEqualTo("rwx------");
        try (var listing = Files.list(file.getParent())) {
            assertThat(listing.map(p -> p.getFileName().toString())).containsExactly("hmac.key");
        }
        // a second data directory gets another key
        assertThat(HmacKeys.load(null, null, dir.resolve("other").resolve("hmac.key")).hasher().keyId())
                .isNotEqualTo(loaded.hasher().keyId());
    }

    @Test
    void concurrentFirstRunsAgreeOnOneKey() throws Exception {
        Path file = dir.resolve("race").resolve("hmac.key");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<String>> tasks = IntStream.range(0, 8)
                    .<Callable<String>>mapToObj(i -> () -> HmacKeys.load(null, null, file).hasher().keyId())
                    .toList();
            List<String> ids = pool.invokeAll(tasks).stream().map(HmacKeysTest::get).toList();
            assertThat(ids).containsOnly(HmacKeys.load(null, null, file).hasher().keyId());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void refusesAKeyFileThatGroupOrOthersCanRead() throws Exception {
        Path file = dir.resolve("hmac.key");
        HmacKeys.load(null, null, file);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        assertThatThrownBy(() -> HmacKeys.load(null, null, file))
                .isInstanceOf(HmacKeyException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("rw-r--r--")
                .hasMessageContaining("chmod 600");

        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw----r--"));
        assertThatThrownBy(() -> HmacKeys.load(null, null, file)).isInstanceOf(HmacKeyException.class);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        assertThat(HmacKeys.load(null, null, file).source()).isEqualTo(HmacKeys.Source.KEY_FILE);
    }

    @Test
    void rejectsMalformedAndShortKeysWithoutEchoingThem() {
        String notBase64 = "this is not base64!";
        assertThatThrownBy(() -> HmacKeys.load(notBase64, null, dir.resolve("k")))
                .isInstanceOf(HmacKeyException.class)
                .hasMessageContaining("pii.hmac-key").hasMessageContaining("not valid base64")
                .hasMessageNotContaining(notBase64);
        String shortKey = Base64.getEncoder().encodeToString(bytes(8, 3));
        assertThatThrownBy(() -> HmacKeys.load(null, shortKey, dir.resolve("k")))
                .isInstanceOf(HmacKeyException.class)
                .hasMessageContaining(HmacKeys.ENVIRONMENT_VARIABLE).hasMessageContaining("8 bytes")
                .hasMessageNotContaining(shortKey);
        assertThat(dir.resolve("k")).doesNotExist();
    }

    @Test
    void acceptsBase64urlAndWhitespace() {
        byte[] key = new byte[32];
        java.util.Arrays.fill(key, (byte) 0xfb);
        String url = Base64.getUrlEncoder().withoutPadding().encodeToString(key);
        assertThat(url).containsAnyOf("-", "_");
        assertThat(HmacKeys.load(" " + url + "\n", null, dir.resolve("k")).hasher().keyId())
                .isEqualTo(new KeyedHasher(key).keyId());
    }

    private static String get(Future<String> f) {
        try {
            return f.get();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static byte[] bytes(int n, int seed) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) (seed * 31 + i * 7);
        }
        return b;
    }
}
