package jp.kenpo.privacy.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the recipient runs, run here: GnuPG decrypts the sealed archive with the recipient's key
 * (and finds its integrity check), and coreutils checks the disc's {@code SHA256SUMS}. Skipped
 * where the tools are not installed; Debian has both.
 */
class GnuPgInteropTest {

    @TempDir
    Path dir;

    @Test
    void gnupgDecryptsTheSealedArchiveToTheSamePlaintext() throws Exception {
        assumeTrue(onPath("gpg"), "gpg is not installed");
        Path staging = staged();
        String publicKey = ExampleVendorKeysTest.publicKey();
        Path target = dir.resolve("out");
        new ReleaseArchive(ReleaseArchiveTest.NOW)
                .seal(staging, ReleaseArchiveTest.seal(DeliveryMethod.ELECTRONIC, Optional.of(publicKey)), target);

        Path home = Files.createDirectories(dir.resolve("gnupg"));
        Path decrypted = dir.resolve("by-gpg.zip");
        try {
            run(
                    home,
                    "gpg",
                    "--batch",
                    "--quiet",
                    "--import",
                    ExampleVendorKeysTest.SECRET.toAbsolutePath().toString());
            run(
                    home,
                    "gpg",
                    "--batch",
                    "--quiet",
                    "--decrypt",
                    "--output",
                    decrypted.toString(),
                    target.resolve("R-2026-11.zip.pgp").toString());
        } finally {
            // the import started an agent for this home; it must not outlive the test
            if (onPath("gpgconf")) {
                run(home, "gpgconf", "--kill", "gpg-agent");
            }
        }

        byte[] byBouncyCastle = OpenPgpTestDecryption.decrypt(
                        target.resolve("R-2026-11.zip.pgp"), ExampleVendorKeysTest.secretKey())
                .bytes();
        assertThat(Files.readAllBytes(decrypted)).isEqualTo(byBouncyCastle);
    }

    @Test
    void sha256sumChecksTheDisc() throws Exception {
        assumeTrue(onPath("sha256sum"), "sha256sum is not installed");
        Path target = dir.resolve("disc");
        new ReleaseArchive(ReleaseArchiveTest.NOW)
                .seal(
                        staged(),
                        ReleaseArchiveTest.seal(
                                DeliveryMethod.PHYSICAL_MEDIA, Optional.of(ExampleVendorKeysTest.publicKey())),
                        target);

        var check = new ProcessBuilder("sha256sum", "--check", "--strict", "SHA256SUMS")
                .directory(target.toFile())
                .redirectErrorStream(true)
                .start();
        String output = new String(check.getInputStream().readAllBytes());
        assertThat(check.waitFor()).as(output).isZero();
        assertThat(output.lines().toList())
                .containsExactly("R-2026-11.zip.pgp: OK", "cover-statement.ja.txt: OK", "manifest.json: OK");
    }

    private Path staged() throws IOException {
        Path s = Files.createDirectories(dir.resolve("staging"));
        Files.writeString(s.resolve("persons.csv"), "person,sex\np1,1\np2,2\n");
        Files.writeString(s.resolve("report.json"), "{}\n");
        return s;
    }

    private static void run(Path gnupgHome, String... command) throws IOException, InterruptedException {
        var builder = new ProcessBuilder(List.of(command)).redirectErrorStream(true);
        builder.environment().put("GNUPGHOME", gnupgHome.toString());
        Process p = builder.start();
        String output = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor()).as(String.join(" ", command) + "\n" + output).isZero();
    }

    private static boolean onPath(String tool) {
        String path = System.getenv("PATH");
        return path != null
                && Stream.of(path.split(File.pathSeparator)).anyMatch(d -> Files.isExecutable(Path.of(d, tool)));
    }
}
