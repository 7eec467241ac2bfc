package jp.kenpo.privacy.provision;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import jp.kenpo.privacy.members.MemberImport;
import jp.kenpo.privacy.members.MemberKey;
import jp.kenpo.privacy.shared.SocietyTime;
import jp.kenpo.privacy.testing.Api;
import jp.kenpo.privacy.testing.DatabaseTest;
import jp.kenpo.privacy.testing.TestMembers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/** The online eligibility register's import and the records purge over the API, with their refusals. */
class RecordsApiTest extends DatabaseTest {

    private static final String HEADER = "direction,purpose,batch_file,exchanged_on,member,items\n";

    @Autowired
    MemberImport memberImport;

    @Autowired
    JdbcTemplate jdbc;

    private int storedOf(String batch) {
        return jdbc.queryForObject(
                "select count(*) from online_eligibility_exchange where batch_file = ?", Integer.class, batch);
    }

    private static List<String> problems(Api.Response r) {
        var found = new ArrayList<String>();
        for (JsonNode p : r.json().get("problems")) {
            found.add(p.get("line").asLong() + " " + p.get("column").asString());
        }
        return found;
    }

    private int auditedBy(String action, String detailPart) {
        return jdbc.queryForObject(
                "select count(*) from audit_entry where action = ? and detail like ?",
                Integer.class,
                action,
                "%" + detailPart + "%");
    }

    @Test
    void theOnlineEligibilityListIsImportedOverTheApiAndOncePerRow() {
        MemberKey m = TestMembers.register(memberImport);
        String batch = "ELIG-API-" + System.nanoTime() + ".csv";
        String list = HEADER + "SENT,8.1," + batch + ",2026-06-01," + m + ",資格情報\n"
                + "RECEIVED,8.2," + batch + ",2026-06-03," + m + ",特定健診情報\n"
                // the same row twice in one list: on record once
                + "RECEIVED,8.2," + batch + ",2026-06-03," + m + ",特定健診情報\n";
        var api = api();

        var first = api.post("/api/v1/online-eligibility/imports?filename=list.csv", "clerk", "text/csv", list);
        assertThat(first.status()).isEqualTo(201);
        assertThat(first.json().get("rows").asInt()).isEqualTo(3);
        assertThat(first.json().get("stored").asInt()).isEqualTo(2);
        assertThat(first.json().get("alreadyOnRecord").asInt()).isEqualTo(1);
        var again = api.post("/api/v1/online-eligibility/imports", "system", "text/csv", list);
        assertThat(again.json().get("stored").asInt()).isZero();
        assertThat(storedOf(batch)).isEqualTo(2);
        assertThat(auditedBy("ONLINE_ELIGIBILITY_IMPORTED", "list.csv")).isPositive();

        var member = api.get("/api/v1/members/" + m + "/provisions", "clerk");
        assertThat(member.json()).hasSize(2);
        assertThat(member.json().get(0).get("record").asString()).isEqualTo("ONLINE_ELIGIBILITY");
    }

    @Test
    void aBadOnlineEligibilityListIsRefusedWholeNamingLineAndFieldNeverTheValue() throws Exception {
        MemberKey m = TestMembers.register(memberImport);
        MemberKey unknown = MemberKey.parse(TestMembers.freshSymbol() + "-1-00");
        String batch = "ELIG-BAD-" + System.nanoTime() + ".csv";
        var api = api();

        var bad = api.post(
                "/api/v1/online-eligibility/imports",
                "clerk",
                "text/csv",
                HEADER + "SENT,8.1," + batch + ",2026-06-01," + m + ",資格情報\n"
                        + "SENT,8.1," + batch + ",2026-06-01," + unknown + ",資格情報\n"
                        + "SIDEWAYS,8.1," + batch + ",2026-06-01," + m + ",資格情報\n"
                        + "SENT,8.1," + batch + ",2026-06-01,123456789018,資格情報\n");
        assertThat(bad.status()).isEqualTo(422);
        assertThat(problems(bad)).containsExactlyInAnyOrder("3 member", "4 direction", "5 member");
        assertThat(bad.body()).doesNotContain("123456789018");
        assertThat(storedOf(batch)).as("all rows or none").isZero();

        var noMemberColumn = api.post(
                "/api/v1/online-eligibility/imports",
                "clerk",
                "text/csv",
                "direction,purpose,batch_file,exchanged_on,items\nSENT,8.1," + batch + ",2026-06-01,資格情報\n");
        assertThat(noMemberColumn.status()).isEqualTo(422);
        assertThat(problems(noMemberColumn)).containsExactly("1 ");

        var sjis = new ByteArrayOutputStream();
        sjis.write((HEADER + "SENT,8.1," + batch + ",2026-06-01," + m + ",").getBytes(StandardCharsets.UTF_8));
        sjis.write("資格情報\n".getBytes(Charset.forName("Windows-31J")));
        var notUtf8 = api.as("clerk").postChunked("/api/v1/online-eligibility/imports", "text/csv", sjis.toByteArray());
        assertThat(notUtf8.status()).isEqualTo(422);
        assertThat(notUtf8.json().get("problems").get(0).get("line").asLong()).isEqualTo(2);
        assertThat(notUtf8.json().get("problems").get(0).get("reason").asString())
                .contains("UTF-8");
        assertThat(storedOf(batch)).isZero();

        assertThat(api.post("/api/v1/online-eligibility/imports", "auditor", "text/csv", HEADER)
                        .status())
                .isEqualTo(403);
    }

    @Test
    void onlyThePrivacyOfficerPurgesAndOnlyUpToToday() {
        var api = api();
        String today = SocietyTime.dateOf(Instant.now()).toString();

        var purged = api.post("/api/v1/records/purge?before=" + today, "officer", "text/plain", "");
        assertThat(purged.status()).isEqualTo(200);
        assertThat(purged.json().get("before").asString()).isEqualTo(today);
        assertThat(purged.json().has("exchangeRecords")).isTrue();
        assertThat(auditedBy("RECORDS_PURGED", "before " + today)).isPositive();

        var tomorrow = api.post(
                "/api/v1/records/purge?before="
                        + SocietyTime.dateOf(Instant.now()).plusDays(1),
                "officer",
                "text/plain",
                "");
        assertThat(tomorrow.status()).isEqualTo(400);
        assertThat(tomorrow.json().get("field").asString()).isEqualTo("before");
        var missing = api.post("/api/v1/records/purge", "officer", "text/plain", "");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().get("field").asString()).isEqualTo("before");
        var notADate = api.post("/api/v1/records/purge?before=yesterday", "officer", "text/plain", "");
        assertThat(notADate.status()).isEqualTo(400);
        assertThat(notADate.json().get("detail").asString()).contains("YYYY-MM-DD");

        for (String role : List.of("clerk", "auditor", "system")) {
            assertThat(api.post("/api/v1/records/purge?before=" + today, role, "text/plain", "")
                            .status())
                    .as(role)
                    .isEqualTo(403);
        }
    }
}
