package jp.kenpo.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import jp.kenpo.privacy.members.MemberImport;
import jp.kenpo.privacy.members.MemberKey;
import jp.kenpo.privacy.testing.Api;
import jp.kenpo.privacy.testing.DatabaseTest;
import jp.kenpo.privacy.testing.RunRecord;
import jp.kenpo.privacy.testing.TestDatabases;
import jp.kenpo.privacy.testing.TestMembers;
import jp.kenpo.privacy.testing.TestNumbers;
import jp.kenpo.privacy.testing.TestWiring;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Runs last (junit-platform.properties orders test classes by @Order) and reads everything the run
 * logged (every level from INFO, DEBUG for the application) and answered (every HTTP response:
 * status, headers, body; every command's output), and at the end every text column of the audit
 * trail and every consent note of each database the run made: no 12-digit number that passes the
 * individual number's check digit may appear anywhere, except in the body of a permitted read,
 * which the recorder leaves out. A number is 12 digits not touching another letter or digit, so
 * that digit runs inside hex hashes or tokens do not count. Before the scan, the run sends numbers
 * where people might type them by mistake: a member key in a path, a name at sign-in, a consent
 * note, an audit search, a decision's fields.
 */
@Order(Integer.MAX_VALUE)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NumberLeakScanTest extends DatabaseTest {

    static final Pattern TWELVE_DIGITS = Pattern.compile("(?<![0-9A-Za-z])[0-9]{12}(?![0-9A-Za-z])");

    @Autowired
    MemberImport memberImport;

    static List<String> leaks(String where, List<String> lines) {
        var found = new ArrayList<String>();
        for (int i = 0; i < lines.size(); i++) {
            var m = TWELVE_DIGITS.matcher(lines.get(i));
            while (m.find()) {
                if (TestNumbers.valid(m.group())) {
                    found.add(where + ":" + (i + 1) + ": ********" + m.group().substring(8));
                }
            }
        }
        return found;
    }

    @Test
    @Order(1)
    void theScanFindsANumberWhereverItIsAndNothingInHashes() {
        String number = TestNumbers.next();
        assertThat(leaks("t", List.of("IndividualNumber[value=" + number + "]")))
                .hasSize(1);
        assertThat(leaks("t", List.of("{\"n\":\"" + number + "\"}", "at " + number)))
                .hasSize(2);
        assertThat(leaks("t", List.of("hash a" + number + "f"))).isEmpty();
    }

    @Test
    @Order(2)
    void numbersTypedWhereNoneBelongsAreRefusedWithoutBeingRepeated() {
        var api = api();
        String number = TestNumbers.next();
        MemberKey key = TestMembers.register(memberImport);

        assertThat(api.get("/api/v1/members/" + number + "/my-number", "clerk")
                        .json()
                        .get("field")
                        .asString())
                .isEqualTo("key");
        assertThat(api.get("/api/v1/members/T-" + number + "-00", "clerk")
                        .json()
                        .get("detail")
                        .asString())
                .contains("number (番号) must not be 12 digits");
        assertThat(api.get("/api/v1/nothing/" + number, "clerk").status())
                .as("refused and audited with its path")
                .isEqualTo(403);
        var member = accounts()
                .signedIn(api, accounts().member(api, "leak-member-" + Long.toString(System.nanoTime(), 36), key));
        assertThat(member.get("/api/v1/members/" + number).status()).isEqualTo(403);

        assertThat(api.anonymous().signIn(number, "not a password", null).status())
                .isEqualTo(401);
        assertThat(api.anonymous()
                        .signIn("clerk " + number, "not a password", "123456")
                        .status())
                .isEqualTo(401);

        String events = "/api/v1/members/" + key + "/consent-events";
        var note = api.postJson(
                events,
                "clerk",
                Api.json(Map.of(
                        "action", "RESERVE", "purpose", "3.8", "channel", "PAPER", "note", "本人確認: 個人番号 " + number)));
        assertThat(note.status()).isEqualTo(400);
        assertThat(note.json().get("field").asString()).isEqualTo("note");
        assertThat(api.postJson(
                                events,
                                "clerk",
                                Api.json(Map.of(
                                        "action",
                                        "RESERVE",
                                        "purpose",
                                        "3.8",
                                        "channel",
                                        "PAPER",
                                        "note",
                                        "窓口で受付、本人確認済み")))
                        .status())
                .isEqualTo(201);

        String corrections = "/api/v1/members/" + key + "/corrections";
        for (String field : List.of("reason", "nameKanji", "nameKana", "birthDate", "insurerNumber", "sex")) {
            var body = new java.util.HashMap<String, Object>(Map.of("nameKanji", "別姓 太郎", "reason", "氏名変更届"));
            body.put(field, "個人番号 " + number);
            var correction = api.postJson(corrections, "clerk", Api.json(body));
            assertThat(correction.status()).as(field).isEqualTo(400);
            assertThat(correction.json().get("field").asString()).isEqualTo(field);
        }

        assertThat(api.get("/api/v1/audit/entries?member=" + number, "auditor").status())
                .isEqualTo(400);
        assertThat(api.get("/api/v1/audit/entries?actor=" + number, "auditor").status())
                .isEqualTo(200);
        assertThat(api.postJson(
                                "/api/v1/decisions",
                                "system",
                                Api.json(Map.of("member", key.toString(), "purpose", number)))
                        .status())
                .isEqualTo(400);
        assertThat(api.postJson("/api/v1/decisions", "system", Api.json(Map.of("member", number, "purpose", "3.8")))
                        .status())
                .isEqualTo(400);
        assertThat(api.postJson(
                                "/api/v1/decisions",
                                "system",
                                Api.json(Map.of("member", key.toString(), "purpose", "3.8", "at", number)))
                        .status())
                .isEqualTo(400);
        assertThat(api.postJson(
                                events,
                                "clerk",
                                "{\"action\":\"RESERVE\",\"purpose\":\"3.8\",\"channel\":\"PAPER\"," + "\"category\":"
                                        + number + "}")
                        .status())
                .isEqualTo(400);
    }

    @Test
    @Order(3)
    void noLogLineOrAnswerOfTheWholeRunHoldsAnIndividualNumber() throws IOException {
        var found = new ArrayList<String>();
        for (Path file : RunRecord.files()) {
            assertThat(file).as("the run's record").exists();
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            found.addAll(leaks(file.getFileName().toString(), lines));
        }
        assertThat(found).isEmpty();
        String answers = Files.readString(RunRecord.files().get(1), StandardCharsets.UTF_8);
        assertThat(answers)
                .as("numbers did pass through this run")
                .contains("HTTP POST " + TestWiring.NUMBER_READS + " -> 200")
                .contains("./kenpo mynumber import");
    }

    @Test
    @Order(4)
    void noTextOfTheAuditTrailNorAnyConsentNoteHoldsAnIndividualNumber() throws SQLException {
        var found = new ArrayList<String>();
        long cells = 0;
        for (TestDatabases.Database db : TestDatabases.all()) {
            try (Connection c = DriverManager.getConnection(db.url(), db.user(), db.password())) {
                cells += scan(c, db.url(), "select * from audit_entry", found);
                cells += scan(c, db.url(), "select seq, note from consent_event where note is not null", found);
            }
        }
        assertThat(cells).as("text cells read").isPositive();
        assertThat(found).isEmpty();
    }

    private static final Set<Integer> TEXT = Set.of(
            Types.CHAR, Types.VARCHAR, Types.LONGVARCHAR, Types.NCHAR, Types.NVARCHAR, Types.LONGNVARCHAR, Types.CLOB);

    /** Scans every text column of the query's rows; a database without the table (none migrated) has nothing to scan. */
    private static long scan(Connection c, String db, String query, List<String> found) throws SQLException {
        String table = query.replaceAll(".* from (\\w+).*", "$1");
        if (!c.getMetaData().getTables(null, null, table, null).next()
                && !c.getMetaData()
                        .getTables(null, null, table.toUpperCase(), null)
                        .next()) {
            return 0;
        }
        long cells = 0;
        try (var statement = c.createStatement();
                var rows = statement.executeQuery(query)) {
            var meta = rows.getMetaData();
            while (rows.next()) {
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    if (TEXT.contains(meta.getColumnType(i)) && rows.getString(i) != null) {
                        cells++;
                        found.addAll(leaks(
                                db + " " + table + " seq " + rows.getLong(1) + " " + meta.getColumnName(i),
                                List.of(rows.getString(i))));
                    }
                }
            }
        }
        return cells;
    }
}
