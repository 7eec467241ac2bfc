package jp.kenpo.privacy.release;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import jp.kenpo.privacy.catalog.PurposeCode;
import jp.kenpo.privacy.claims.HealthDataImport;
import jp.kenpo.privacy.claims.ImportProgress;
import jp.kenpo.privacy.formats.ReadMode;
import jp.kenpo.privacy.formats.synthetic.SyntheticYear;
import jp.kenpo.privacy.members.MemberImport;
import jp.kenpo.privacy.recipients.NewRecipient;
import jp.kenpo.privacy.recipients.RecipientKind;
import jp.kenpo.privacy.recipients.RecipientRegister;
import jp.kenpo.privacy.testing.ApplicationTest;
import jp.kenpo.privacy.testing.TestAccounts;
import jp.kenpo.privacy.testing.TestDatabases;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A database of its own for the release tests: a release reads the whole registry and every
 * stored receipt, so it must not see the members and files other tests leave in the shared one.
 * The generator's population (fiscal year 2025) is imported once, through the real importers.
 */
abstract class ReleaseDatabaseTest extends ApplicationTest {

    static final int MEMBERS = 500;
    static final long SEED = 20240401L;

    private static Path generated;

    @DynamicPropertySource
    static void releaseDatabase(DynamicPropertyRegistry registry) {
        register(registry, TestDatabases.named("releases"));
        registry.add("kenpo.mynumber.master-key", () -> "file:" + MASTER_KEY);
    }

    /** Generates and imports the population on first use (members, receipts, checkups). */
    static synchronized Path population(MemberImport members, HealthDataImport health, RecipientRegister recipients)
            throws Exception {
        if (generated == null) {
            String key = Files.readString(Path.of("..", "examples", "releases", "example-vendor.public.asc"));
            TestAccounts.operator(() -> {
                recipients.add(vendor(VENDOR, Optional.empty(), Optional.of(key)));
                // a vendor whose contract ended, and one without a key for electronic delivery
                recipients.add(vendor(EXPIRED, Optional.of(LocalDate.of(2025, 12, 31)), Optional.of(key)));
                return recipients.add(vendor(KEYLESS, Optional.empty(), Optional.empty()));
            });
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

    static final String VENDOR = "EXAMPLE-VENDOR";
    static final String EXPIRED = "EXPIRED-VENDOR";
    static final String KEYLESS = "KEYLESS-VENDOR";

    private static NewRecipient vendor(String id, Optional<LocalDate> contractTo, Optional<String> key) {
        return new NewRecipient(
                id,
                RecipientKind.THIRD_PARTY,
                "株式会社見本レセプト分析",
                "東京都千代田区見本町1-2-3",
                "代表取締役 見本 一郎",
                List.of(new PurposeCode(9, 1)),
                "EX-2025-01",
                LocalDate.of(2025, 4, 1),
                contractTo,
                Optional.empty(),
                key);
    }

    /** The files of a sealed release as its recipient reads them: decrypted with the example vendor's secret key. */
    static Map<String, byte[]> opened(Path out, String releaseId) throws Exception {
        String secret = Files.readString(Path.of("..", "examples", "releases", "example-vendor.secret.asc"));
        byte[] zip = OpenPgpTestDecryption.decrypt(out.resolve(releaseId + ".zip.pgp"), secret)
                .bytes();
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (var in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                entries.put(e.getName(), in.readAllBytes());
            }
        }
        return entries;
    }

    static List<String> lines(byte[] file) {
        return new ArrayList<>(List.of(new String(file, StandardCharsets.UTF_8).split("\n")));
    }

    static String example() throws Exception {
        return Files.readString(Path.of("..", "examples", "releases", "monthly.yaml"), StandardCharsets.UTF_8);
    }
}
