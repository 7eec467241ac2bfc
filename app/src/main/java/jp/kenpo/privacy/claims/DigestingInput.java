package jp.kenpo.privacy.claims;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import jp.kenpo.privacy.formats.Sha256Input;

/**
 * A file's bytes with their SHA-256 taken as they are read ({@link Sha256Input}): the register
 * knows a file by the content a reader parsed.
 */
final class DigestingInput extends Sha256Input {

    private DigestingInput(Path file) throws IOException {
        super(Files.newInputStream(file));
    }

    static DigestingInput open(Path file) throws IOException {
        return new DigestingInput(file);
    }

    /** The SHA-256 of the whole file, read once. */
    static String sha256(Path file) throws IOException {
        try (DigestingInput in = open(file)) {
            return in.finish();
        }
    }
}
