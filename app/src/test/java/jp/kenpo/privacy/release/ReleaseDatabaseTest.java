package jp.kenpo.privacy.release;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import jp.kenpo.privacy.claims.HealthDataImport;
import jp.kenpo.privacy.claims.ImportProgress;
import jp.kenpo.privacy.formats.ReadMode;
import jp.kenpo.privacy.formats.synthetic.SyntheticYear;
import jp.kenpo.privacy.members.MemberImport;
import jp.kenpo.privacy.testing.DatabaseTest;
import jp.kenpo.privacy.testing.TestDatabases;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A database of its own for the release tests: a release reads the whole registry and every
 * stored receipt, so it must not see the members and files other tests leave in the shared one.
 * The generator's population (fiscal year 2025) is imported once, through the real importers.
 */
abstract class ReleaseDatabaseTest extends DatabaseTest {

    static final int MEMBERS = 500;
    static final long SEED = 20240401L;

    private static Path generated;

    @DynamicPropertySource
    static void releaseDatabase(DynamicPropertyRegistry registry) {
        register(registry, TestDatabases.named("releases"));
    }

    /** Generates and imports the population on first use (members, receipts, checkups). */
    static synchronized Path population(MemberImport members, HealthDataImport health) throws Exception {
        if (generated == null) {
            Path dir = Files.createTempDirectory("kenpo-release-population");
            SyntheticYear.write(new SyntheticYear.Options(MEMBERS, 2025, SEED, 0), dir, (d, t) -> {});
            try (InputStream in = Files.newInputStream(dir.resolve("members.csv"))) {
                members.importCsv(in, "members.csv", StandardCharsets.UTF_8, false);
            }
            health.importReceipts(dir.resolve("claims"), ReadMode.STRICT, "test", ImportProgress.NONE);
            health.importCheckups(dir.resolve("checkups"), ReadMode.STRICT, "test", ImportProgress.NONE);
            generated = dir;
        }
        return generated;
    }

    static List<String> lines(Path file) throws Exception {
        return new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8));
    }

    static String example() throws Exception {
        return Files.readString(Path.of("..", "examples", "releases", "monthly.yaml"), StandardCharsets.UTF_8);
    }
}
