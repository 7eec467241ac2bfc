package jp.kenpo.privacy.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import jp.kenpo.privacy.catalog.CatalogFixtures;
import jp.kenpo.privacy.members.MemberImport;
import jp.kenpo.privacy.testing.DatabaseTest;
import jp.kenpo.privacy.testing.TestMembers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A new catalog version published through the API changes the notice and the decisions from
 * its effective date, and not before. (Version 2 takes effect in 2027, after every date other
 * tests use.)
 */
class CatalogPublicationTest extends DatabaseTest {

    @Autowired
    MemberImport memberImport;

    @Test
    void aNewVersionTakesEffectOnItsDate() {
        var api = api();
        String key = TestMembers.register(memberImport).toString();
        var reserved = api.postJson(
                "/api/v1/members/" + key + "/consent-events",
                "clerk",
                "{\"action\":\"RESERVE\",\"category\":3,\"channel\":\"PAPER\",\"receivedOn\":\"2026-01-10\"}");
        assertThat(reserved.status()).isEqualTo(201);

        var published = api.post(
                "/api/v1/catalog/versions?file=v2.yaml",
                "officer",
                "application/yaml",
                CatalogFixtures.version2("2027-04-01", "2027-10-01"));
        assertThat(published.status()).as(published.body()).isEqualTo(201);
        assertThat(published.json().get("added").get(0).asString()).isEqualTo("3.10");

        assertThat(api.get("/api/v1/catalog/versions", "auditor")
                        .json()
                        .get(1)
                        .get("publishedBy")
                        .asString())
                .isEqualTo("officer");
        assertThat(api.get("/api/v1/catalog?at=2027-04-01", "system")
                        .json()
                        .get("version")
                        .asInt())
                .isEqualTo(2);
        assertThat(api.get("/api/v1/notice?at=2027-03-31", null).body()).doesNotContain("健康増進アプリ");
        assertThat(api.get("/api/v1/notice?at=2027-04-01", null).body()).contains("- ・健康増進アプリの提供事業者への健診結果の提供");

        for (var c : List.of(
                new String[] {"3.10", "2027-03-31", "PURPOSE_NOT_IN_FORCE_AT"},
                new String[] {"3.10", "2027-04-01", "DEEMED_CONSENT"},
                new String[] {"3.9", "2027-04-01", "RESERVED_WITHOUT_CONSENT"},
                new String[] {"3.7", "2027-10-01", "PURPOSE_NOT_IN_FORCE_AT"})) {
            var d = api.postJson(
                            "/api/v1/decisions",
                            "system",
                            "{\"member\":\"" + key + "\",\"purpose\":\"" + c[0] + "\",\"at\":\"" + c[1] + "\"}")
                    .json();
            String answer =
                    d.has("basis") ? d.get("basis").asString() : d.get("reason").asString();
            assertThat(answer).as(c[0] + " at " + c[1]).isEqualTo(c[2]);
        }
    }
}
