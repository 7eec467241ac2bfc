package jp.kenpo.privacy.web;

import static jp.kenpo.privacy.testing.TestMembers.csv;
import static jp.kenpo.privacy.testing.TestMembers.freshSymbol;
import static jp.kenpo.privacy.testing.TestMembers.insured;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import jp.kenpo.privacy.catalog.CatalogFixtures;
import jp.kenpo.privacy.testing.Api;
import jp.kenpo.privacy.testing.DatabaseTest;
import jp.kenpo.privacy.testing.TestNumbers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;

/** The REST API over real HTTP: who may call what, the answers, and the problem details. */
class ApiTest extends DatabaseTest {

    private Api api;

    @Autowired
    RequestMappingHandlerMapping mappings;

    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void client() {
        api = api();
    }

    private String importOne() {
        String s = freshSymbol();
        var r = api.post(
                "/api/v1/members/import?filename=api.csv",
                "clerk",
                "text/csv",
                csv(List.of(insured(s, "1", "2020-04-01", null))));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("membersAdded").asInt()).isEqualTo(1);
        return s + "-1-00";
    }

    @Test
    void onlyTheNoticeSigningInAndTheApiDescriptionArePublic() {
        var notice = api.get("/api/v1/notice", null);
        assertThat(notice.status()).isEqualTo(200);
        assertThat(notice.contentType()).startsWith("text/plain");
        assertThat(notice.body()).contains("- ・コラボヘルスの一環である健診結果の事業者への提供");
        assertThat(api.get("/api/v1/notice?lang=en&format=html", null).body()).contains("<html lang=\"en\">");

        for (String path : List.of(
                "/api/v1/catalog", "/api/v1/catalog/versions", "/api/v1/members", "/api/v1/ledger/verification")) {
            assertThat(api.get(path, null).status()).as(path).isEqualTo(401);
        }
        assertThat(api.postJson("/api/v1/decisions", null, "{}").status()).isEqualTo(401);
        assertThat(api.get("/api/v1/nothing-here", "officer").status()).isEqualTo(403);

        var anonymous = api.anonymous();
        assertThat(anonymous.get("/api/v1/openapi.json").status()).isEqualTo(200);
        var docs = anonymous.get("/api/v1/docs");
        assertThat(docs.status()).as("the Swagger UI page, found at").isEqualTo(302);
        String page = docs.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", "");
        var ui = anonymous.get(page);
        assertThat(ui.status()).as(page).isEqualTo(200);
        assertThat(ui.body()).contains("swagger-ui");
        var config = anonymous.get("/api/v1/openapi.json/swagger-config");
        assertThat(config.status()).isEqualTo(200);
        assertThat(config.body()).contains("/api/v1/openapi.json");
    }

    /**
     * A failure no handler answers goes to Spring Boot's /error, whose answer repeats the request's
     * path. Made here by a refusal whose audit entry the database will not take.
     */
    @Test
    void theErrorPageMasksANumberInThePath() {
        String number = TestNumbers.next();
        jdbc.execute(
                "alter table audit_entry add constraint audit_error_page check (detail not like 'GET /api/v1/error-page/%')");
        Api.Response r;
        try {
            r = api.get("/api/v1/error-page/" + number, "clerk");
        } finally {
            jdbc.execute("alter table audit_entry drop constraint audit_error_page");
        }
        assertThat(r.status()).isEqualTo(500);
        assertThat(r.json().get("path").asString()).isEqualTo("/api/v1/error-page/********" + number.substring(8));
        assertThat(r.body()).doesNotContain(number);
    }

    @Test
    void rolesDecideWhoMayDoWhat() {
        String key = importOne();
        String event =
                "{\"action\":\"RESERVE\",\"purpose\":\"3.8\",\"channel\":\"PHONE\",\"receivedOn\":\"2026-01-10\"}";

        assertThat(api.postJson("/api/v1/members/" + key + "/consent-events", "system", event)
                        .status())
                .isEqualTo(403);
        assertThat(api.postJson("/api/v1/members/" + key + "/consent-events", "auditor", event)
                        .status())
                .isEqualTo(403);
        assertThat(api.get("/api/v1/members/" + key, "system").status()).isEqualTo(403);
        assertThat(api.get("/api/v1/members/" + key, "auditor").status()).isEqualTo(200);
        assertThat(api.post("/api/v1/catalog/versions", "clerk", "application/yaml", "version: 2")
                        .status())
                .isEqualTo(403);
        assertThat(api.postJson("/api/v1/decisions", "auditor", "{}").status()).isEqualTo(403);
        assertThat(api.get("/api/v1/ledger/verification", "clerk").status()).isEqualTo(403);
        assertThat(api.get("/api/v1/ledger/verification", "auditor")
                        .json()
                        .get("intact")
                        .asBoolean())
                .isTrue();
    }

    @Test
    void aClerkRecordsAReservationAndOtherSystemsAreDeniedAtOnce() {
        String key = importOne();
        String decide = "{\"member\":\"" + key + "\",\"purpose\":\"3.8\",\"at\":\"2026-02-01\"}";
        assertThat(api.postJson("/api/v1/decisions", "system", decide)
                        .json()
                        .get("basis")
                        .asString())
                .isEqualTo("DEEMED_CONSENT");

        var recorded = api.postJson(
                "/api/v1/members/" + key + "/consent-events",
                "clerk",
                "{\"action\":\"RESERVE\",\"purpose\":\"3.8\",\"channel\":\"COUNTER\",\"receivedOn\":\"2026-01-10\"}");
        assertThat(recorded.status()).isEqualTo(201);
        assertThat(recorded.json().get("recordedBy").asString()).isEqualTo("clerk");
        assertThat(recorded.json().get("target").asString()).isEqualTo("3.8");
        assertThat(recorded.json().has("memberId")).isFalse();

        JsonNode denied = api.postJson("/api/v1/decisions", "system", decide).json();
        assertThat(denied.get("outcome").asString()).isEqualTo("DENY");
        assertThat(denied.get("reason").asString()).isEqualTo("RESERVED_WITHOUT_CONSENT");
        assertThat(denied.has("basis")).as("absent, not null").isFalse();

        JsonNode batch = api.postJson(
                        "/api/v1/decisions/batch",
                        "system",
                        "{\"purpose\":\"3.8\",\"at\":\"2026-02-01\",\"members\":[\"" + key + "\",\"ZZ-1-00\"]}")
                .json();
        assertThat(batch.get("population").asInt()).isEqualTo(2);
        assertThat(batch.get("deniedByReason").get("RESERVED_WITHOUT_CONSENT").asInt())
                .isEqualTo(1);
        assertThat(batch.get("deniedByReason").get("UNKNOWN_MEMBER").asInt()).isEqualTo(1);

        JsonNode state = api.get("/api/v1/members/" + key + "/consent?at=2026-02-01", "clerk")
                .json();
        assertThat(state.get("purposes").size()).isEqualTo(39);
        assertThat(api.get("/api/v1/members/" + key + "/consent-events", "auditor")
                        .json()
                        .size())
                .isEqualTo(1);
    }

    @Test
    void problemDetailsNameTheFieldOrLine() {
        String key = importOne();

        var badKind = api.postJson(
                "/api/v1/members/" + key + "/consent-events",
                "clerk",
                "{\"action\":\"FORGET\",\"purpose\":\"3.8\",\"channel\":\"PAPER\"}");
        assertThat(badKind.status()).isEqualTo(400);
        assertThat(badKind.contentType()).startsWith("application/problem+json");
        assertThat(badKind.json().get("field").asString()).isEqualTo("action");

        var both = api.postJson(
                "/api/v1/members/" + key + "/consent-events",
                "clerk",
                "{\"action\":\"RESERVE\",\"purpose\":\"3.8\",\"category\":3,\"channel\":\"PAPER\"}");
        assertThat(both.json().get("field").asString()).isEqualTo("purpose");

        var badKey = api.get("/api/v1/members/12-34", "clerk");
        assertThat(badKey.status()).isEqualTo(400);
        assertThat(badKey.json().get("field").asString()).isEqualTo("key");
        assertThat(badKey.json().get("detail").asString()).contains("SYMBOL-NUMBER-BRANCH");

        var unknown = api.get("/api/v1/members/NOBODY-1-00", "clerk");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("member").asString()).isEqualTo("NOBODY-1-00");

        var badAt = api.postJson(
                "/api/v1/decisions", "system", "{\"member\":\"" + key + "\",\"purpose\":\"3.8\",\"at\":\"soon\"}");
        assertThat(badAt.json().get("field").asString()).isEqualTo("at");
        var badPurpose = api.postJson("/api/v1/decisions", "system", "{\"member\":\"" + key + "\",\"purpose\":\"38\"}");
        assertThat(badPurpose.status()).isEqualTo(400);
        assertThat(badPurpose.json().get("field").asString()).isEqualTo("purpose");
        assertThat(api.postJson("/api/v1/decisions", "system", "{not json").status())
                .isEqualTo(400);

        var badImport = api.post(
                "/api/v1/members/import?filename=bad.csv",
                "clerk",
                "text/csv",
                csv(List.of(insured(freshSymbol(), "1", "2020-04-01", null).replace("1980-04-01", "1980-13-01"))));
        assertThat(badImport.status()).isEqualTo(422);
        JsonNode problem = badImport.json().get("problems").get(0);
        assertThat(problem.get("line").asInt()).isEqualTo(2);
        assertThat(problem.get("column").asString()).isEqualTo("birth_date");

        var badCatalog = api.post(
                "/api/v1/catalog/versions?dryRun=true&file=v2.yaml",
                "officer",
                "application/yaml",
                CatalogFixtures.defaultSource()
                        .replace("version: 1", "version: 2")
                        .replace("code: \"1.2\"", "code: \"1.1\""));
        assertThat(badCatalog.status()).isEqualTo(422);
        assertThat(badCatalog.json().get("line").asInt()).isGreaterThan(1);
        assertThat(badCatalog.json().get("detail").asString())
                .contains("v2.yaml:")
                .contains("used twice");

        var anonymous = api.anonymous();
        assertThat(anonymous
                        .get("/api/v1/notice?format=pdf")
                        .json()
                        .get("field")
                        .asString())
                .isEqualTo("format");
        assertThat(anonymous.get("/api/v1/notice?lang=fr").json().get("field").asString())
                .isEqualTo("lang");
        var beforeAnyNotice = anonymous.get("/api/v1/notice?at=2020-01-01T00:00:00Z");
        assertThat(beforeAnyNotice.status()).isEqualTo(400);
        assertThat(beforeAnyNotice.json().get("field").asString()).isEqualTo("at");
        assertThat(beforeAnyNotice.json().get("detail").asString()).contains("the first took effect on 2025-04-01");
        assertThat(api.get("/api/v1/catalog?at=2020-01-01T00:00:00Z", "clerk")
                        .json()
                        .get("field")
                        .asString())
                .isEqualTo("at");
        assertThat(api.get("/api/v1/catalog/versions/999", "clerk").status()).isEqualTo(404);
    }

    /** What people typed wrongly is named with the form it should have, in the API's words, not Java's. */
    @Test
    void problemDetailsNameTheFieldAndItsFormNeverAJavaClass() {
        String key = importOne();
        String events = "/api/v1/members/" + key + "/consent-events";
        record Case(Api.Response answer, String field, String form, String typed) {}
        var cases = List.of(
                new Case(
                        api.postJson(
                                events,
                                "clerk",
                                "{\"action\":\"RESERVE\",\"purpose\":\"3.8\",\"channel\":\"PAPER\","
                                        + "\"receivedOn\":\"2026/04/01\"}"),
                        "receivedOn",
                        "expected a date YYYY-MM-DD",
                        "2026/04/01"),
                new Case(
                        api.postJson(
                                events, "clerk", "{\"action\":\"FORGET\",\"purpose\":\"3.8\",\"channel\":\"PAPER\"}"),
                        "action",
                        "expected one of RESERVE, GIVE, WITHDRAW, LIFT",
                        "FORGET"),
                new Case(
                        api.postJson(events, "clerk", "{\"action\":\"RESERVE\",\"purpose\":\"3.8\",\"channel\":{}}"),
                        "channel",
                        "expected one of PAPER, COUNTER, PHONE, PORTAL",
                        "{}"),
                new Case(
                        api.postJson(
                                events,
                                "clerk",
                                "{\"action\":\"RESERVE\",\"category\":\"three\",\"channel\":\"PAPER\"}"),
                        "category",
                        "expected a whole number",
                        "three"),
                new Case(
                        api.postJson("/api/v1/decisions", "system", "{\"member\":\"" + key + "\",\"purpose\":\"38\"}"),
                        "purpose",
                        "CATEGORY.ITEM",
                        "38"),
                new Case(
                        api.postJson("/api/v1/decisions", "system", "{\"member\":\"12-34\",\"purpose\":\"3.8\"}"),
                        "member",
                        "SYMBOL-NUMBER-BRANCH",
                        "12-34"),
                new Case(
                        api.get("/api/v1/audit/entries?action=FORGOTTEN", "auditor"),
                        "action",
                        "expected one of",
                        "FORGOTTEN"),
                new Case(
                        api.get("/api/v1/audit/entries?from=2026/04/01", "auditor"),
                        "from",
                        "expected a date or date-time: 2026-04-01, 2026-04-01T10:00 (Tokyo time)",
                        "2026/04/01"),
                new Case(
                        api.get("/api/v1/members?offset=first", "clerk"),
                        "offset",
                        "expected a whole number",
                        "first"));
        for (Case c : cases) {
            assertThat(c.answer().status())
                    .as(c.field() + ": " + c.answer().body())
                    .isEqualTo(400);
            JsonNode problem = c.answer().json();
            String detail = problem.get("detail").asString();
            assertThat(problem.get("field").asString()).as(detail).isEqualTo(c.field());
            assertThat(detail).startsWith(c.field() + ": ").contains(c.form()).doesNotContain(c.typed());
            assertThat(c.answer().body()).doesNotContain("java.", "jp.kenpo", "tools.jackson", "Exception");
        }
    }

    @Test
    void enumsAreAcceptedInAnyCase() {
        String key = importOne();
        var recorded = api.postJson(
                "/api/v1/members/" + key + "/consent-events",
                "clerk",
                "{\"action\":\"reserve\",\"purpose\":\"3.8\",\"channel\":\"Paper\",\"filedBy\":\"self\"}");
        assertThat(recorded.status()).as(recorded.body()).isEqualTo(201);
        assertThat(recorded.json().get("action").asString()).isEqualTo("RESERVE");
        assertThat(api.get("/api/v1/audit/entries?action=consent_recorded&member=" + key, "auditor")
                        .json()
                        .get("total")
                        .asInt())
                .isEqualTo(1);
    }

    /** Times as a clerk in Tokyo reads them, with the offset; a knownAt not asked for is absent, not a far-future sentinel. */
    @Test
    void timesAreTokyoTimeWithTheirOffsetAndAnAbsentKnownAtIsAbsent() {
        String key = importOne();
        JsonNode decision = api.postJson(
                        "/api/v1/decisions",
                        "system",
                        "{\"member\":\"" + key + "\",\"purpose\":\"3.8\",\"at\":\"2026-05-01T10:00\"}")
                .json();
        assertThat(decision.get("at").asString()).isEqualTo("2026-05-01T10:00:00+09:00");
        JsonNode batch = api.postJson(
                        "/api/v1/decisions/batch",
                        "system",
                        "{\"purpose\":\"3.8\",\"at\":\"2026-05-01T01:00:00Z\",\"members\":[\"" + key + "\"]}")
                .json();
        assertThat(batch.get("at").asString()).isEqualTo("2026-05-01T10:00:00+09:00");

        var recorded = api.postJson(
                        "/api/v1/members/" + key + "/consent-events",
                        "clerk",
                        "{\"action\":\"RESERVE\",\"purpose\":\"3.8\",\"channel\":\"PAPER\"}")
                .json();
        assertThat(recorded.get("recordedAt").asString()).endsWith("+09:00");

        var state = api.get("/api/v1/members/" + key + "/consent?at=2026-05-01", "clerk");
        assertThat(state.json().get("at").asString()).isEqualTo("2026-05-01T00:00:00+09:00");
        assertThat(state.json().has("knownAt"))
                .as(state.body().substring(0, 200))
                .isFalse();
        assertThat(state.body()).doesNotContain("+1000000000");
        var asKnown = api.get("/api/v1/members/" + key + "/consent?at=2026-05-01&knownAt=2026-04-01T09:30", "clerk")
                .json();
        assertThat(asKnown.get("knownAt").asString()).isEqualTo("2026-04-01T09:30:00+09:00");
    }

    /** A member file of 1,000 rows of the household {@code symbol}: over the tests' upload limit of 64 KiB. */
    private static String oversizedMemberFile(String symbol) {
        var rows = new ArrayList<String>();
        for (int i = 1; i <= 1000; i++) {
            rows.add(insured(symbol, Integer.toString(i), "2020-04-01", null));
        }
        return csv(rows);
    }

    @Test
    void anOversizedUploadIsRefusedAndImportsNothing() {
        String s = freshSymbol();
        var r = api.post("/api/v1/members/import", "clerk", "text/csv", oversizedMemberFile(s));

        assertThat(r.status()).isEqualTo(413);
        assertThat(r.json().get("detail").asString()).contains("larger than 65536 bytes");
        assertThat(api.get("/api/v1/members/" + s + "-1-00", "clerk").status()).isEqualTo(404);
    }

    @Test
    void anOversizedUploadThatDeclaresNoLengthIsRefusedWhileItIsRead() {
        String s = freshSymbol();
        var r = api.as("clerk")
                .postChunked(
                        "/api/v1/members/import",
                        "text/csv",
                        oversizedMemberFile(s).getBytes(java.nio.charset.StandardCharsets.UTF_8));

        assertThat(r.status()).isEqualTo(413);
        assertThat(r.json().get("detail").asString()).contains("larger than 65536 bytes");
        assertThat(api.get("/api/v1/members/" + s + "-1-00", "clerk").status()).isEqualTo(404);
    }

    @Test
    void theOpenApiDocumentDescribesEveryEndpoint() {
        var doc = api.anonymous().get("/api/v1/openapi.json");
        assertThat(doc.status()).isEqualTo(200);
        JsonNode paths = doc.json().get("paths");
        var documented = new ArrayList<String>();
        paths.propertyNames().forEach(documented::add);

        var served = mappings.getHandlerMethods().keySet().stream()
                .flatMap(info -> info.getPatternValues().stream())
                .filter(p -> p.startsWith("/api/v1/") && !p.startsWith("/api/v1/openapi.json") && !p.equals(ApiDocs.UI))
                .distinct()
                .toList();
        assertThat(served).hasSizeGreaterThanOrEqualTo(10);
        assertThat(documented).containsAll(served);
        assertThat(documented)
                .as("signing in, which the security filters answer")
                .contains("/api/v1/session");
        assertThat(paths.get("/api/v1/session").get("post").get("requestBody").toString())
                .contains("username", "password", "code");

        JsonNode event =
                doc.json().get("components").get("schemas").get("ConsentEvent").get("properties");
        assertThat(event.has("memberId")).as("kept out of every answer").isFalse();
        assertThat(event.get("member").get("type").asString()).isEqualTo("string");
        assertThat(event.get("target").get("type").asString()).isEqualTo("string");
        assertThat(doc.json()
                        .get("components")
                        .get("schemas")
                        .get("Member")
                        .get("properties")
                        .has("id"))
                .isFalse();
    }

    /**
     * Every field of every JSON request body is in the document, as the JSON the API takes: a
     * member key and a purpose code are strings with their pattern, not the objects Java holds.
     */
    @Test
    void theOpenApiDocumentDescribesEveryRequestBodyAsTheApiTakesIt() {
        JsonNode doc = api.anonymous().get("/api/v1/openapi.json").json();
        var checked = new ArrayList<String>();
        mappings.getHandlerMethods().forEach((info, method) -> {
            for (var parameter : method.getMethodParameters()) {
                Class<?> type = parameter.getParameterType();
                if (!parameter.hasParameterAnnotation(org.springframework.web.bind.annotation.RequestBody.class)
                        || !type.isRecord()) {
                    continue;
                }
                String path = info.getPatternValues().iterator().next();
                String verb = info.getMethodsCondition()
                        .getMethods()
                        .iterator()
                        .next()
                        .name()
                        .toLowerCase();
                JsonNode operation = doc.get("paths").get(path).get(verb);
                assertThat(operation).as(verb + " " + path).isNotNull();
                JsonNode schema = resolve(
                        doc,
                        operation
                                .get("requestBody")
                                .get("content")
                                .get("application/json")
                                .get("schema"));
                for (var component : type.getRecordComponents()) {
                    JsonNode property = schema.get("properties").get(component.getName());
                    assertThat(property)
                            .as(verb + " " + path + " field " + component.getName())
                            .isNotNull();
                    JsonNode resolved = resolve(doc, property);
                    if (component.getType().getSimpleName().equals("MemberKey")
                            || component.getType().getSimpleName().equals("PurposeCode")) {
                        assertThat(resolved.get("type").asString())
                                .as(path + " " + component.getName())
                                .isEqualTo("string");
                        assertThat(resolved.has("pattern")).isTrue();
                    }
                    checked.add(path + " " + component.getName());
                }
            }
        });
        assertThat(checked)
                .contains(
                        "/api/v1/decisions member",
                        "/api/v1/decisions purpose",
                        "/api/v1/decisions knownAt",
                        "/api/v1/my-numbers/reads member",
                        "/api/v1/members/{key}/consent-events receivedOn",
                        "/api/v1/account/password newPassword",
                        "/api/v1/accounts member");
        JsonNode batchMembers = resolve(
                doc,
                resolve(
                                doc,
                                doc.get("paths")
                                        .get("/api/v1/decisions/batch")
                                        .get("post")
                                        .get("requestBody")
                                        .get("content")
                                        .get("application/json")
                                        .get("schema"))
                        .get("properties")
                        .get("members"));
        assertThat(resolve(doc, batchMembers.get("items")).get("type").asString())
                .isEqualTo("string");
    }

    private static JsonNode resolve(JsonNode doc, JsonNode schema) {
        if (schema != null && schema.has("$ref")) {
            String name = schema.get("$ref").asString().substring("#/components/schemas/".length());
            return doc.get("components").get("schemas").get(name);
        }
        return schema;
    }

    @Test
    void aClerkCorrectsAMemberAndTheMemberSeesTheHistory() {
        String key = importOne();

        var corrected = api.postJson(
                "/api/v1/members/" + key + "/corrections",
                "clerk",
                "{\"nameKanji\":\"別姓 太郎\",\"sex\":\"2\",\"reason\":\"氏名変更届\"}");
        assertThat(corrected.status()).as(corrected.body()).isEqualTo(201);
        assertThat(corrected.json().get("changes").get(0).get("field").asString())
                .isEqualTo("name_kanji");
        assertThat(corrected.json().get("changes").get(1).get("after").asString())
                .isEqualTo("2");
        assertThat(api.get("/api/v1/members/" + key, "clerk")
                        .json()
                        .get("nameKanji")
                        .asString())
                .isEqualTo("別姓 太郎");

        JsonNode history =
                api.get("/api/v1/members/" + key + "/corrections", "auditor").json();
        assertThat(history.size()).isEqualTo(1);
        assertThat(history.get(0).get("reason").asString()).isEqualTo("氏名変更届");
        assertThat(history.get(0).get("changes").get(0).get("before").asString())
                .isEqualTo("試験 太郎");

        var badKana = api.postJson(
                "/api/v1/members/" + key + "/corrections", "clerk", "{\"nameKana\":\"べっせい\",\"reason\":\"form\"}");
        assertThat(badKana.status()).isEqualTo(400);
        assertThat(badKana.json().get("field").asString()).isEqualTo("nameKana");
        assertThat(badKana.body()).doesNotContain("べっせい");
        var noReason = api.postJson("/api/v1/members/" + key + "/corrections", "clerk", "{\"nameKanji\":\"試験 太郎\"}");
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.json().get("field").asString()).isEqualTo("reason");
        assertThat(api.postJson(
                                "/api/v1/members/NOBODY-1-00/corrections",
                                "clerk",
                                "{\"nameKanji\":\"試験 太郎\",\"reason\":\"form\"}")
                        .status())
                .isEqualTo(404);
    }
}
