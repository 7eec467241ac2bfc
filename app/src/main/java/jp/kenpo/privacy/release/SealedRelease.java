package jp.kenpo.privacy.release;

import java.nio.file.Path;
import java.util.List;

/**
 * A release as sealed: the folder it was moved to, the files the manifest lists (in archive
 * order), the SHA-256 of {@code manifest.json} and of the archive file as written (encrypted
 * when it was encrypted) — what the registry records as the release's proof.
 */
public record SealedRelease(Path location, List<ManifestEntry> files, String manifestSha256, String archiveSha256) {

    public SealedRelease {
        files = List.copyOf(files);
    }
}
