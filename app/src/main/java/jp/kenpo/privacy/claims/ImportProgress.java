package jp.kenpo.privacy.claims;

import java.nio.file.Path;

/** Told how far the import of a file has got. */
@FunctionalInterface
public interface ImportProgress {

    /** @param total what {@code done} counts up to, or -1 when not known in advance */
    void update(Path file, long done, long total, String unit);

    ImportProgress NONE = (file, done, total, unit) -> {};
}
