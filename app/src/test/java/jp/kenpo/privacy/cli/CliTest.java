package jp.kenpo.privacy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import jp.kenpo.privacy.catalog.CatalogFixtures;
import jp.kenpo.privacy.testing.DatabaseTest;
import jp.kenpo.privacy.testing.RunRecord;
import jp.kenpo.privacy.testing.TestMembers;
import jp.kenpo.privacy.testing.TestNumbers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ./kenpo commands, run in process against the test application and its database. */
class CliTest extends DatabaseTest {

    @TempDir
    Path dir;

    record Run(int code, String out, String err) {
        String firstLine() {
            return out.lines().findFirst().orElse("");
        }
    }

    private Run kenpo(String... args) {
        var out = new StringWriter();
        var err = new StringWriter();
        int code = Kenpo.execute(args, () -> context, new PrintWriter(out, true), new PrintWriter(err, true));
        RunRecord.append("./kenpo " + String.join(" ", args) + " -> " + code, out + "\n" + err);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void noticeIsThePublishedText() {
        Run r = kenpo("notice");

        assertThat(r.code()).isZero();
        assertThat(r.out().strip()).isEqualTo(CatalogFixtures.publishedNotice().strip());
        assertThat(kenpo("notice", "--lang", "en", "--format", "md").out()).startsWith("# Main purposes of use");
        assertThat(kenpo("notice", "--format", "pdf").err()).contains("unknown notice format 'pdf'");
    }

    @Test
    void aNumberInAnImportErrorIsMaskedOnTheCommandLine() throws Exception {
        String s = TestMembers.freshSymbol();
        String n = TestNumbers.next();
        Path csv = dir.resolve("typo.csv");
        Files.writeString(
                csv,
                TestMembers.csv(List.of(
                        TestMembers.insured(s, "1", "2020-04-01", null).replace(",insured,", "," + n + ","),
                        TestMembers.insured(s, "2", "2020-04-01", null)
                                .replace(
                                        "シケン タロウ",
                                        n.substring(0, 4) + "-" + n.substring(4, 8) + "-" + n.substring(8)))));
        Run r = kenpo("members", "import", csv.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err())
                .contains("typo.csv:2: column kind: '********" + n.substring(8) + "' must be insured or dependent")
                .contains("typo.csv:3: column name_kana: holds what may be an individual number")
                .doesNotContain(n)
                .doesNotContain(n.substring(0, 4) + "-");
    }

    @Test
    void importReserveDecideShow() throws Exception {
        String s = TestMembers.freshSymbol();
        Path csv = dir.resolve("members.csv");
        Files.writeString(
                csv,
                TestMembers.csv(List.of(
                        TestMembers.insured(s, "1", "2020-04-01", null),
                        TestMembers.dependent(s, "1", "01", "2021-04-01"))),
                Charset.forName("Windows-31J"));

        Run imported = kenpo("members", "import", csv.toString(), "--encoding", "Windows-31J");
        assertThat(imported.code()).as(imported.err()).isZero();
        assertThat(imported.out()).contains("2 members added");

        String child = s + "-1-01";
        assertThat(kenpo("decide", "--member", child, "--purpose", "3.9", "--at", "2026-03-01")
                        .firstLine())
                .isEqualTo("PERMIT DEEMED_CONSENT");
        Run reserved = kenpo(
                "consent",
                "reserve",
                "--member",
                child,
                "--purpose",
                "3.9",
                "--received",
                "2026-02-01",
                "--channel",
                "counter",
                "--filed-by",
                "INSURED_PERSON",
                "--note",
                "parent asked at the counter");
        assertThat(reserved.code()).as(reserved.err()).isZero();
        assertThat(reserved.out()).contains("recorded RESERVE 3.9 for " + child);

        assertThat(kenpo("decide", "--member", child, "--purpose", "3.9", "--at", "2026-03-01")
                        .firstLine())
                .isEqualTo("DENY RESERVED_WITHOUT_CONSENT");
        assertThat(kenpo("decide", "--member", child, "--purpose", "3.9", "--at", "2026-01-31")
                        .firstLine())
                .as("before it was received")
                .isEqualTo("PERMIT DEEMED_CONSENT");

        kenpo("consent", "give", "--member", child, "--purpose", "3.9", "--received", "2026-02-10");
        assertThat(kenpo("decide", "--member", child, "--purpose", "3.9", "--at", "2026-03-01")
                        .firstLine())
                .isEqualTo("PERMIT EXPLICIT_CONSENT");

        Run show = kenpo("consent", "show", "--member", child, "--at", "2026-02-05");
        assertThat(show.out())
                .contains("3.9   RESERVED")
                .contains("#1")
                .contains("#2")
                .contains("parent asked at the counter");

        Path population = dir.resolve("population.txt");
        Files.writeString(population, s + "-1-00\n" + child + "\n");
        Run batch = kenpo("decide", "--purpose", "3.9", "--members-file", population.toString(), "--at", "2026-02-05");
        assertThat(batch.firstLine()).startsWith("PERMIT 1 DENY 1 of 2");
        assertThat(batch.out()).contains("DENY RESERVED_WITHOUT_CONSENT " + child);
        Files.writeString(population, s + "-1-00\n" + child + "\n" + child + "\n");
        assertThat(kenpo("decide", "--purpose", "3.9", "--members-file", population.toString(), "--at", "2026-02-05")
                        .firstLine())
                .as("each member once")
                .startsWith("PERMIT 1 DENY 1 of 2");
        Files.writeString(population, s + "-1-00\n\nnot a key\n");
        Run badList = kenpo("decide", "--purpose", "3.9", "--members-file", population.toString());
        assertThat(badList.code()).isEqualTo(1);
        assertThat(badList.err()).contains(population + ":3: ");

        Run onBehalf = kenpo("consent", "lift", "--member", child, "--purpose", "3.9", "--recorded-by", "clerk Sato");
        assertThat(onBehalf.code()).as(onBehalf.err()).isZero();
        assertThat(kenpo("consent", "show", "--member", child).out())
                .contains("cli:" + System.getProperty("user.name") + " for clerk Sato");
    }

    /** Times as a clerk in Tokyo reads them, with the offset; no far-future stand-in for "every event". */
    @Test
    void timesAreShownInTokyoTimeWithTheirOffset() throws Exception {
        String s = TestMembers.freshSymbol();
        Path csv = dir.resolve("members.csv");
        Files.writeString(csv, TestMembers.csv(List.of(TestMembers.insured(s, "1", "2020-04-01", null))));
        assertThat(kenpo("members", "import", csv.toString()).code()).isZero();
        String member = s + "-1-00";

        Run one = kenpo("decide", "--member", member, "--purpose", "3.8", "--at", "2026-05-01T10:00");
        assertThat(one.out()).contains("at 2026-05-01T10:00+09:00,");
        Run batch = kenpo("decide", "--purpose", "3.8", "--all", "--at", "2026-05-01T01:00:00Z");
        assertThat(batch.firstLine()).contains("at 2026-05-01T10:00+09:00");

        kenpo("consent", "reserve", "--member", member, "--purpose", "3.8", "--received", "2026-04-01");
        Run show = kenpo("consent", "show", "--member", member, "--at", "2026-05-01");
        assertThat(show.firstLine()).isEqualTo("member " + member + " at 2026-05-01T00:00+09:00 (catalog version 1)");
        assertThat(show.out())
                .doesNotContain("+1000000000")
                .doesNotContain("Z ")
                .containsPattern("recorded by cli:\\S+ at \\d{4}-\\d\\d-\\d\\dT[0-9:.]+\\+09:00");
        Run asKnown =
                kenpo("consent", "show", "--member", member, "--at", "2026-05-01", "--known-at", "2026-04-01T09:30");
        assertThat(asKnown.firstLine()).contains("as known at 2026-04-01T09:30+09:00");

        Run trail = kenpo("audit", "search", "--member", member, "--limit", "1");
        assertThat(trail.firstLine()).containsPattern("^#\\d+  \\d{4}-\\d\\d-\\d\\dT[0-9:.]+\\+09:00 ");
    }

    @Test
    void mistakesAreOneClearLineAndExitCodeOne() throws Exception {
        Run unknown = kenpo("decide", "--member", "NOBODY-1-00", "--purpose", "9.7");
        assertThat(unknown.code()).isEqualTo(1);
        assertThat(unknown.err()).contains("no published catalog version has purpose 9.7");

        Run usage = kenpo("consent", "reserve", "--member", "1-2-00");
        assertThat(usage.code()).isEqualTo(2);
        assertThat(usage.err()).contains("--purpose").contains("--category");

        Path bad = dir.resolve("bad.csv");
        Files.writeString(
                bad,
                TestMembers.csv(List.of(TestMembers.insured(TestMembers.freshSymbol(), "1", "2020-04-01", null)
                        .replace(",1,1980-04-01,", ",9,1980-04-01,"))));
        Run rejected = kenpo("members", "import", bad.toString());
        assertThat(rejected.code()).isEqualTo(1);
        assertThat(rejected.err())
                .contains(bad + ":2: column sex: '9' must be 1 (male) or 2 (female)")
                .contains("nothing was imported");

        Path catalog = dir.resolve("v2.yaml");
        Files.writeString(catalog, CatalogFixtures.defaultSource().replace("code: \"2.2\"", "code: \"2.1\""));
        Run refused = kenpo("catalog", "check", catalog.toString());
        assertThat(refused.code()).isEqualTo(1);
        assertThat(refused.err()).contains(catalog + ":").contains("purpose code 2.1 is used twice");
    }

    @Test
    void catalogCheckPrintsWhatTheFileChangesAgainstTheVersionInForce() throws Exception {
        Path catalog = dir.resolve("v2-checked.yaml");
        Files.writeString(
                catalog,
                CatalogFixtures.version2("2099-04-01", "2099-10-01")
                        .replace(
                                "en: Sending medical expense notices to insured persons",
                                "en: Sending notices of medical expenses to insured persons"));

        // whether it could be published depends on what other tests published: the difference is to the version in
        // force
        Run checked = kenpo("catalog", "check", catalog.toString());

        assertThat(checked.out())
                .contains("compared with version 1 in force (effective 2025-04-01), version 2 effective 2099-04-01:")
                .contains("added    3.10  健康増進アプリの提供事業者への健診結果の提供")
                .contains("changed  3.7   retired_on - -> 2099-10-01")
                .contains("changed  3.9   en")
                .contains("notice   ja +1 -0 lines, en +2 -1 lines");
    }

    @Test
    void claimsImportLinksStoresOnceAndRefusesABrokenFile() throws Exception {
        String s = TestMembers.freshSymbol();
        TestMembers.importRows(
                context.getBean(jp.kenpo.privacy.members.MemberImport.class),
                List.of(TestMembers.insured(s, "1", "2020-04-01", null)));
        String receipt = "IR,1,13,1,0006286,,テスト医院,202405,00,\r\n"
                + "RE,1,1112,202404,試験　太郎,1,19800401,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,シケン　タロウ,\r\n"
                + "HO," + TestMembers.INSURER + "," + s + ",1,1,70,,,,,,,,,\r\n"
                + "SN,1,01,,,,00,,\r\n"
                + "SY,0797868,20240401,1,,,01,\r\n"
                + "GO,1,70,99\r\n";
        Path claims = dir.resolve("claims");
        Files.createDirectories(claims);
        Files.write(claims.resolve("RECEIPTC.UKE"), receipt.getBytes(Charset.forName("Windows-31J")));
        Files.writeString(claims.resolve("notes.txt"), "not a receipt file");

        Run first = kenpo("claims", "import", claims.toString());
        assertThat(first.code()).as(first.err()).isZero();
        assertThat(first.out())
                .contains("imported RECEIPTC.UKE as file #")
                .contains("1 receipts, 1 linked, 0 in quarantine")
                .contains("ignored notes.txt: not a receipt file (.UKE, or .CSV with receipt records)")
                .contains("1 file(s): 1 receipts linked, 0 in quarantine, 0 failed, 1 other file(s) ignored");
        assertThat(kenpo("claims", "import", claims.toString()).out()).contains("skipped RECEIPTC.UKE");
        // the same receipt again, with one of another month, in another file: only the new one is stored
        Path more = dir.resolve("RECEIPTD.UKE");
        String lastMonth = receipt.substring(receipt.indexOf("RE,"), receipt.indexOf("GO,"))
                .replace("RE,1,1112,202404", "RE,2,1112,202403");
        Files.write(
                more, receipt.replace("GO,1,70,", lastMonth + "GO,2,140,").getBytes(Charset.forName("Windows-31J")));
        Run again = kenpo("claims", "import", more.toString());
        assertThat(again.code()).as(again.err()).isZero();
        assertThat(again.out()).contains("2 receipts, 2 linked, 0 in quarantine, 1 unchanged, already stored");

        Path broken = dir.resolve("broken.UKE");
        Files.write(
                broken,
                receipt.replace("SY,0797868,20240401", "SY,0797868,20241301").getBytes(Charset.forName("Windows-31J")));
        Run failed = kenpo("claims", "import", broken.toString());
        assertThat(failed.code()).isEqualTo(1);
        assertThat(failed.err()).contains("broken.UKE:5: SY");
        assertThat(failed.out()).contains("failed broken.UKE: nothing of it was stored");
    }

    @Test
    void checkupsImportLinksStoresOnceAndRefusesABrokenDocumentUnlessLenient() throws Exception {
        String s = TestMembers.freshSymbol();
        TestMembers.importRows(
                context.getBean(jp.kenpo.privacy.members.MemberImport.class),
                List.of(TestMembers.insured(s, "1", "2020-04-01", null)));
        var checkup = new jp.kenpo.privacy.formats.checkup.Checkup(
                "doc-" + s,
                "10",
                java.time.LocalDate.of(2024, 6, 20),
                new jp.kenpo.privacy.formats.MemberKey(TestMembers.INSURER, s, "1", "00"),
                "試験 太郎",
                "1",
                java.time.LocalDate.of(1980, 4, 1),
                java.time.LocalDate.of(2024, 6, 1),
                "010",
                "1312345678",
                "テスト健診センター",
                List.of(jp.kenpo.privacy.formats.checkup.Observation.quantity("9N001000000000001", "170.1", "cm")));
        String document = new String(
                new jp.kenpo.privacy.formats.checkup.CheckupWriter().toBytes(checkup),
                java.nio.charset.StandardCharsets.UTF_8);
        Path checkups = Files.createDirectories(dir.resolve("checkups"));
        Files.writeString(checkups.resolve("h-" + s + ".xml"), document);
        Files.writeString(checkups.resolve("readme.txt"), "not a checkup file");

        Run first = kenpo("checkups", "import", checkups.toString());
        assertThat(first.code()).as(first.err()).isZero();
        assertThat(first.out())
                .contains("imported h-" + s + ".xml as file #")
                .contains("1 checkups, 1 linked, 0 in quarantine")
                .contains("ignored readme.txt: not a checkup file (.xml or .zip)");
        assertThat(kenpo("checkups", "import", checkups.toString()).out()).contains("skipped h-" + s + ".xml");
        // the same document again, delivered in an exchange archive: read, not stored again
        Path archive = dir.resolve("h-" + s + ".zip");
        try (var zip = new java.util.zip.ZipOutputStream(Files.newOutputStream(archive))) {
            zip.putNextEntry(new java.util.zip.ZipEntry("A/DATA/h0.xml"));
            zip.write(document.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            zip.putNextEntry(new java.util.zip.ZipEntry("A/ix08_V08.xml"));
            zip.write("<index xmlns=\"urn:hl7-org:v3\"><totalRecordCount value=\"1\"/></index>"
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        Run again = kenpo("checkups", "import", archive.toString());
        assertThat(again.code()).as(again.err()).isZero();
        assertThat(again.out()).contains("1 checkups, 0 linked, 0 in quarantine, 1 unchanged, already stored");

        Path broken = dir.resolve("broken.xml");
        Files.writeString(broken, document.replace("value=\"170.1\"", "value=\"abc\""));
        Run failed = kenpo("checkups", "import", broken.toString());
        assertThat(failed.code()).isEqualTo(1);
        assertThat(failed.err()).contains("broken.xml:").contains("PQ value \"abc\" is not a number");
        assertThat(failed.out()).contains("failed broken.xml: nothing of it was stored");

        Run lenient = kenpo("checkups", "import", "--lenient", broken.toString());
        assertThat(lenient.code()).as(lenient.err()).isZero();
        assertThat(lenient.out())
                .contains("imported broken.xml as file #")
                .contains("1 checkups, 0 linked, 1 in quarantine");
    }

    @Test
    void ledgerVerifyAndCatalogListing() {
        Run verify = kenpo("ledger", "verify");
        assertThat(verify.code()).as(verify.err()).isZero();
        assertThat(verify.out()).startsWith("ledger intact:");

        assertThat(kenpo("catalog", "versions").out()).contains("1  effective 2025-04-01");
        assertThat(kenpo("catalog", "show", "1").out()).contains("3.8   DEEMED THIRD_PARTY_PROVISION");
        assertThat(kenpo("catalog", "show", "1", "--source").out()).isEqualTo(CatalogFixtures.defaultSource());
    }

    @Test
    void membersCorrectKeepsTheOldValuesAndShowListsTheCorrections() throws Exception {
        String s = TestMembers.freshSymbol();
        Path csv = dir.resolve("members.csv");
        Files.writeString(csv, TestMembers.csv(List.of(TestMembers.insured(s, "1", "2020-04-01", "2023-04-01"))));
        assertThat(kenpo("members", "import", csv.toString()).code()).isZero();
        String key = s + "-1-00";

        Run corrected = kenpo("members", "correct", key, "--name", "別姓 太郎", "--kana", "ベッセイ タロウ", "--reason", "氏名変更届");
        assertThat(corrected.code()).as(corrected.err()).isZero();
        assertThat(corrected.out()).startsWith("corrected " + key + ": name_kanji, name_kana (correction #");

        Run show = kenpo("members", "show", key);
        assertThat(show.out())
                .contains("別姓 太郎（ベッセイ タロウ）")
                .contains("氏名変更届")
                .contains("name_kanji: 試験 太郎 -> 別姓 太郎")
                .contains("name_kana: シケン タロウ -> ベッセイ タロウ");

        Run noReason = kenpo("members", "correct", key, "--name", "試験 太郎");
        assertThat(noReason.code()).isNotZero();
        assertThat(noReason.err()).contains("--reason");
        Run badKana = kenpo("members", "correct", key, "--kana", "べっせい", "--reason", "form");
        assertThat(badKana.code()).isEqualTo(1);
        assertThat(badKana.err())
                .contains("kenpo: --kana: must be written in katakana")
                .doesNotContain("べっせい");

        // the old identity in the member file is now another person: refused, naming the line and column
        Files.writeString(csv, TestMembers.csv(List.of(TestMembers.insured(s, "1", "2024-04-01", null))));
        Run refused = kenpo("members", "import", csv.toString());
        assertThat(refused.code()).isEqualTo(1);
        assertThat(refused.err())
                .contains(csv + ":2: column name_kanji: differs from the registered member " + key)
                .contains(csv + ":2: column name_kana:")
                .doesNotContain("試験");
    }
}
