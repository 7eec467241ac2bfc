package jp.kenpo.privacy.mynumber;

import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;

/** Master key files, for operators: the vault reads them, {@code ./kenpo mynumber new-key} writes them. */
public final class VaultKeyFiles {

    private VaultKeyFiles() {}

    /** Writes a new random key file, readable by its owner only, and returns the key's id (its fingerprint). */
    public static String generate(Path file) throws IOException {
        return MasterKey.generate(file, new SecureRandom()).id();
    }
}
