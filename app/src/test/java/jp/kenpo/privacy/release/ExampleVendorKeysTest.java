package jp.kenpo.privacy.release;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The example vendor's test key pair in {@code examples/releases/} is what {@link OpenPgpTestKeys}
 * generates: anyone can make it again, and nobody can slip a different key in. The test writes
 * the generated pair to {@code app/target/example-vendor-keys/}; to regenerate, copy from there.
 */
class ExampleVendorKeysTest {

    static final Path EXAMPLES = Path.of("../examples/releases");
    static final Path PUBLIC = EXAMPLES.resolve("example-vendor.public.asc");
    static final Path SECRET = EXAMPLES.resolve("example-vendor.secret.asc");

    static String publicKey() throws IOException {
        return Files.readString(PUBLIC, StandardCharsets.US_ASCII);
    }

    static String secretKey() throws IOException {
        return Files.readString(SECRET, StandardCharsets.US_ASCII);
    }

    @Test
    void committedExampleKeysAreTheGeneratorsOutput() throws IOException {
        OpenPgpTestKeys.KeyPair generated = OpenPgpTestKeys.generate(OpenPgpTestKeys.EXAMPLE_VENDOR);
        Path out = Files.createDirectories(Path.of("target/example-vendor-keys"));
        Files.writeString(out.resolve(PUBLIC.getFileName()), generated.publicKey(), StandardCharsets.US_ASCII);
        Files.writeString(out.resolve(SECRET.getFileName()), generated.secretKey(), StandardCharsets.US_ASCII);

        assertThat(publicKey()).as("regenerated in " + out).isEqualTo(generated.publicKey());
        assertThat(secretKey()).as("regenerated in " + out).isEqualTo(generated.secretKey());
    }

    @Test
    void exampleKeysSayTheyAreTestKeys() throws IOException {
        assertThat(publicKey()).contains("Comment: " + OpenPgpTestKeys.COMMENT);
        assertThat(secretKey()).contains("Comment: " + OpenPgpTestKeys.COMMENT);
    }

    @Test
    void exampleVendorKeyEncryptsAndNeverExpires() throws IOException {
        var farFuture = Clock.fixed(Instant.parse("2100-01-01T00:00:00Z"), ZoneOffset.UTC);
        new ReleaseArchive(farFuture).checkKey(DeliveryMethod.ELECTRONIC, Optional.of(publicKey()));
    }
}
