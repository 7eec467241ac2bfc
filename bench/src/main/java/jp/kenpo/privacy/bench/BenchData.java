package jp.kenpo.privacy.bench;

import java.nio.file.Path;

/** Where benchmarks keep the synthetic data they generate once and reuse (bench-out/, git-ignored). */
public final class BenchData {

    /**
     * The synthetic generator's version, in every kept file's name: raise it when the generator
     * writes something else, so that data made by an older generator is not reused (g4: 歯科 files
     * with their UK record and 9-field IR, GO counting HO and KO records).
     */
    private static final String GENERATOR = "g4";

    private BenchData() {}

    /** {@code bench-out/AREA/} and the versioned name. */
    public static Path path(String area, String name) {
        return Path.of("bench-out", area, name(name));
    }

    /** The name with the generator's version in front. */
    public static String name(String name) {
        return GENERATOR + "-" + name;
    }
}
