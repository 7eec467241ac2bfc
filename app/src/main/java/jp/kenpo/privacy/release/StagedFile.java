package jp.kenpo.privacy.release;

import java.nio.file.Path;

/**
 * A file to be sealed: its name in the archive, where its bytes are, and what one reading of them
 * found — the SHA-256 for the manifest, and the size and CRC-32 a stored zip entry declares before
 * its data.
 */
record StagedFile(String name, Path path, long size, long crc32, String sha256, long rows) {

    ManifestEntry entry() {
        return new ManifestEntry(name, sha256, rows);
    }
}
