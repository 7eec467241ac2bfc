package jp.kenpo.privacy.release;

import static org.assertj.core.api.Assertions.assertThat;

import it.unimi.dsi.fastutil.longs.LongArrayList;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The database hands a release's rows over in no set order: what the build makes of them must not
 * depend on it.
 */
class ReleaseRowsTest {

    private static final String ANNE = "0".repeat(31) + "a";
    private static final String BEN = "f".repeat(31) + "b";

    @TempDir
    Path staging;

    private String written(List<Object[]> rows) throws Exception {
        Path folder = Files.createTempDirectory(staging, "t");
        try (CsvTable table = new CsvTable(folder, "lines", List.of("person", "code"))) {
            for (Object[] r : rows) {
                table.add((String) r[0], (Long) r[1], (Integer) r[2], new String[] {(String) r[0], (String) r[3]});
            }
        }
        return Files.readString(folder.resolve("lines.csv"), StandardCharsets.UTF_8);
    }

    @Test
    void aPersonsRowsAreWrittenInTheirPlaceWhateverOrderTheyCameIn() throws Exception {
        Object[] a1 = {ANNE, 7L << 32 | 2, 1, "A1"};
        Object[] a2 = {ANNE, 7L << 32 | 2, 2, "A2"};
        Object[] a3 = {ANNE, 9L << 32 | 1, 1, "A3"};
        Object[] b1 = {BEN, 1L << 32 | 5, 1, "B1"};
        String inOrder = written(List.of(a1, a2, a3, b1));
        assertThat(written(List.of(b1, a3, a2, a1))).isEqualTo(inOrder);
        assertThat(written(List.of(a2, b1, a1, a3))).isEqualTo(inOrder);
        assertThat(inOrder)
                .isEqualTo("person,code\n" + ANNE + ",A1\n" + ANNE + ",A2\n" + ANNE + ",A3\n" + BEN + ",B1\n");
    }

    @Test
    void personsWhosePseudonymsBeginAlikeAreNotMixedWhateverOrderTheirRowsCameIn() throws Exception {
        // the same first 16 hex digits (one bin of the sort, one prefix), then the same first 8 only
        String carl = "0".repeat(31) + "c";
        String dora = "0".repeat(8) + "1" + "0".repeat(23);
        Object[] a1 = {ANNE, 3L << 32 | 1, 1, "A1"};
        Object[] a2 = {ANNE, 3L << 32 | 1, 2, "A2"};
        Object[] c1 = {carl, 1L << 32 | 1, 1, "C1"};
        Object[] c2 = {carl, 2L << 32 | 1, 1, "C2"};
        Object[] d1 = {dora, 1L << 32 | 1, 1, "D1"};
        String expected =
                "person,code\n" + ANNE + ",A1\n" + ANNE + ",A2\n" + carl + ",C1\n" + carl + ",C2\n" + dora + ",D1\n";
        assertThat(written(List.of(d1, c2, a2, c1, a1))).isEqualTo(expected);
        assertThat(written(List.of(a1, c1, d1, a2, c2))).isEqualTo(expected);
    }

    @Test
    void cellsAreQuotedAsRfc4180WhetherStoredOrSetOnTheWayOut() throws Exception {
        Path folder = Files.createTempDirectory(staging, "q");
        try (CsvTable table = new CsvTable(folder, "q", List.of("person", "a", "b"), List.of("person", "a", "b"))) {
            table.add(ANNE, new String[] {ANNE, "血圧, 高い", "say \"hi\""});
            table.add(BEN, new String[] {BEN, null, "二行\n目"});
            table.close(row -> {
                if (row.person().equals(BEN)) {
                    row.set(1, "a,b");
                }
                return true;
            });
        }
        assertThat(Files.readString(folder.resolve("q.csv"), StandardCharsets.UTF_8))
                .isEqualTo("person,a,b\n" + ANNE + ",\"血圧, 高い\",\"say \"\"hi\"\"\"\n" + BEN + ",\"a,b\",\"二行\n目\"\n");
    }

    @Test
    void aCodeIsCountedOncePerPersonHoweverTheirRowsAreScattered() {
        RareCodes codes = new RareCodes();
        // person 1's rows of X come apart, between person 2's
        codes.add(1, "X");
        codes.add(2, "X");
        codes.add(1, "X");
        codes.add(2, "Y");
        codes.add(1, "X");
        codes.fix(3);
        assertThat(codes.keeps("X")).as("two persons hold X, not three").isFalse();
        codes = new RareCodes();
        for (long member : new long[] {1, 2, 3, 1, 2}) {
            codes.add(member, "X");
        }
        codes.fix(3);
        assertThat(codes.keeps("X")).isTrue();
    }

    @Test
    void onlyThePersonsReleasedMakeACodeCommonOrSetATopCodingLimit() {
        RareCodes codes = new RareCodes();
        for (long member = 1; member <= 3; member++) {
            codes.add(member, "X");
        }
        codes.fix(3, Set.of(1L, 2L)::contains);
        assertThat(codes.keeps("X"))
                .as("the suppressed third holder does not count")
                .isFalse();

        TopCode points = new TopCode();
        for (long member = 1; member <= 9; member++) {
            points.add(member, member * 10);
        }
        // the suppressed person with the highest value does not lift the limit
        points.add(10, 100_000);
        points.fix(90, member -> member != 10);
        assertThat(points.apply("100")).isEqualTo(">90");
        assertThat(points.apply("90")).isEqualTo("90");
    }

    @Test
    void onTheWayOutOnlyValuesAboveTheLimitAreRewrittenAndTheRestKeepTheirBytes() throws Exception {
        TopCode points = new TopCode();
        TopCode values = new TopCode();
        for (long member = 1; member <= 10; member++) {
            points.add(member, member * 10);
            values.add(member, member * 1.5);
        }
        points.fix(90, member -> true);
        values.fix(90, member -> true);
        Path folder = Files.createTempDirectory(staging, "top");
        try (CsvTable table = new CsvTable(folder, "top", List.of("person", "points", "value"))) {
            String[][] rows = {
                {"100", "15"}, {"90", "13.5"}, {"0090", "13.50"}, {"", ""}, {null, null}, {"-5", "0.25"}, {"91", "13.6"}
            };
            for (int i = 0; i < rows.length; i++) {
                table.add(ANNE, 0, i, new String[] {ANNE, rows[i][0], rows[i][1]});
            }
            table.close(row -> {
                points.applyWhole(row, 1);
                values.applyDecimal(row, 2);
                return true;
            });
        }
        assertThat(Files.readAllLines(folder.resolve("top.csv"), StandardCharsets.UTF_8))
                .containsExactly(
                        "person,points,value",
                        ANNE + ",>90,>13.5",
                        ANNE + ",90,13.5",
                        // at the limit: as filed, leading and trailing zeros kept
                        ANNE + ",0090,13.50",
                        ANNE + ",,",
                        ANNE + ",,",
                        ANNE + ",-5,0.25",
                        ANNE + ",>90,>13.5");
        assertThat(points.coded()).isEqualTo(2);
        assertThat(values.coded()).isEqualTo(2);
    }

    @Test
    void aPersonInScopeIsFoundAndReleasedWhetherRegistryIdsAreDenseOrSparse() {
        for (long[] ids : new long[][] {{3, 4, 5, 7}, {3, 4_000_000_000L, 9, 1L << 39}}) {
            PersonsInScope scope = new PersonsInScope(ids, id -> "p" + id);
            scope.release(ids[1]);
            assertThat(scope.filedUnder(ids[0])).isEqualTo("p" + ids[0]);
            assertThat(scope.filedUnder(6)).isNull();
            assertThat(scope.filedUnder(-1)).isNull();
            assertThat(scope.releasedAs(ids[1])).isEqualTo("p" + ids[1]);
            assertThat(scope.releasedAs(ids[0])).as("in scope, not released").isNull();
            assertThat(scope.released(8)).isFalse();
        }
    }

    @Test
    void aReceiptKeptAsItsTwoHalvesReadsAsItsPseudonym() throws Exception {
        byte[] key = new byte[Pseudonyms.KEY_BYTES];
        key[0] = 42;
        LongArrayList bits = new LongArrayList();
        try (Pseudonyms pseudonyms = new Pseudonyms(key)) {
            pseudonyms.receipt(12, 345, bits);
            pseudonyms.receipt(12, 346, bits);
        }
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        byte[] hash = mac.doFinal("receipt:12:346".getBytes(StandardCharsets.US_ASCII));
        assertThat(Pseudonyms.hex(bits, 1)).isEqualTo(HexFormat.of().formatHex(hash, 0, 16));
        assertThat(Pseudonyms.hex(bits, 0))
                .isNotEqualTo(Pseudonyms.hex(bits, 1))
                .matches("[0-9a-f]{32}");
    }
}
