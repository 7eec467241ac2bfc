package jp.kenpo.privacy.testing;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import jp.kenpo.privacy.formats.InsurerNumber;
import jp.kenpo.privacy.members.ImportReport;
import jp.kenpo.privacy.members.MemberImport;
import jp.kenpo.privacy.members.MemberKey;

/**
 * Synthetic members for tests: each call gets a household under a symbol no other test uses, so
 * tests sharing a database never see each other's members. No real person's data.
 */
public final class TestMembers {

    public static final String INSURER = "061399" + "1" + InsurerNumber.checkDigit("0613991");
    public static final String HEADER =
            "insurer_number,symbol,number,branch,kind,insured_branch,name_kanji,name_kana,sex,birth_date,acquired_on,lost_on";
    private static final AtomicInteger NEXT = new AtomicInteger((int) (System.nanoTime() % 100_000));

    private TestMembers() {}

    /** A symbol no other test in this run uses. */
    public static String freshSymbol() {
        return "T" + NEXT.incrementAndGet();
    }

    /** A CSV row of an insured person. */
    public static String insured(String symbol, String number, String acquired, String lost) {
        return String.join(
                ",",
                INSURER,
                symbol,
                number,
                "00",
                "insured",
                "",
                "試験 太郎",
                "シケン タロウ",
                "1",
                "1980-04-01",
                acquired,
                lost == null ? "" : lost);
    }

    /** A CSV row of a dependent of branch 00. */
    public static String dependent(String symbol, String number, String branch, String acquired) {
        return String.join(
                ",",
                INSURER,
                symbol,
                number,
                branch,
                "dependent",
                "00",
                "試験 花子",
                "シケン ハナコ",
                "2",
                "2012-06-15",
                acquired,
                "");
    }

    public static String csv(List<String> rows) {
        var all = new ArrayList<String>();
        all.add(HEADER);
        all.addAll(rows);
        return String.join("\n", all) + "\n";
    }

    /** Registers one insured person eligible from 2020-04-01 and returns their key. */
    public static MemberKey register(MemberImport members) {
        String symbol = freshSymbol();
        importRows(members, List.of(insured(symbol, "1", "2020-04-01", null)));
        return new MemberKey(symbol, "1", "00");
    }

    public static ImportReport importRows(MemberImport members, List<String> rows) {
        return members.importCsv(
                new ByteArrayInputStream(csv(rows).getBytes(StandardCharsets.UTF_8)),
                "test.csv",
                StandardCharsets.UTF_8,
                false);
    }
}
