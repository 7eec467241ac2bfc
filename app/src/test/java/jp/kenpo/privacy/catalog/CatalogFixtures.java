package jp.kenpo.privacy.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The catalog shipped with the application, and edits of it for tests. */
public final class CatalogFixtures {

    private CatalogFixtures() {}

    public static String defaultSource() {
        return resource("/" + DefaultCatalog.RESOURCE);
    }

    public static CatalogVersion defaultVersion() {
        return CatalogFile.parse(defaultSource(), "catalog-v1.yaml");
    }

    public static String publishedNotice() {
        return resource("/notice/purposes-of-use.ja.txt");
    }

    /** The purpose {@link #version2} adds, as its lines in the file. */
    public static final String PURPOSE_3_10 = """
                      - code: "3.10"
                        ja: 健康増進アプリの提供事業者への健診結果の提供
                        en: Providing checkup results to the provider of a health promotion app
                        flow: THIRD_PARTY_PROVISION
                        policy: DEEMED
                        reason: A new voluntary service.
            """;

    /**
     * A version 2 of the default catalog effective on {@code effective}: purpose 3.10 added to the
     * provisions of category 3, and 3.7 retired on {@code retire3_7}.
     */
    public static String version2(String effective, String retire3_7) {
        String s = defaultSource()
                .replace("version: 1", "version: 2")
                .replace("effective_from: 2025-04-01", "effective_from: " + effective);
        String after39 =
                "            reason: The notice shows dependents' treatments to the insured person; a dependent may reserve it.\n";
        s = s.replace(after39, after39 + PURPOSE_3_10);
        String reason37 = "            reason: Consignment of a voluntary service; a member may reserve it.\n";
        return s.replace(reason37, reason37 + "            retired_on: " + retire3_7 + "\n");
    }

    private static String resource(String path) {
        try (InputStream in = CatalogFixtures.class.getResourceAsStream(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
