package jp.kenpo.privacy.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.kenpo.privacy.members.MemberImport;
import jp.kenpo.privacy.members.MemberKey;
import jp.kenpo.privacy.testing.Api;
import jp.kenpo.privacy.testing.DatabaseTest;
import jp.kenpo.privacy.testing.TestMembers;
import jp.kenpo.privacy.testing.TestNumbers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every bad input answers 4xx with a problem detail, never 5xx: the cases an attack run found
 * (a garbled CSRF token, a NUL byte, nulls and empty strings in a list), oversized bodies (413
 * before they are read), and a fuzz over every endpoint the application serves — each string
 * field of its body, each query parameter and path variable — with NUL, lone surrogates, 1 MB
 * strings and nulls in lists.
 */
class BadInputTest extends DatabaseTest {

    @Autowired
    RequestMappingHandlerMapping mappings;

    @Autowired
    MemberImport memberImport;

    private static String body(Api.Response r) {
        return r.status() + " " + r.body().substring(0, Math.min(300, r.body().length()));
    }

    @Test
    void aGarbledCsrfTokenIsAWrongTokenNotAFailure() {
        var api = api();
        var garbledTokens =
                new ArrayList<>(List.of("%%%", "a", "ab", "abc", "abcd", "====", "!!!!!!!!", "a".repeat(96), "é"));
        // a real token's length with other characters: it decodes, and its unmasked bytes are not text
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        var random = new java.util.Random(13);
        int length = api.anonymous().open().csrfToken().length();
        for (int i = 0; i < 12; i++) {
            var sb = new StringBuilder();
            for (int j = 0; j < length; j++) {
                sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            garbledTokens.add(sb.toString());
        }
        for (String garbled : garbledTokens) {
            var browser = api.anonymous().open();
            var r = browser.exchange(
                    "POST",
                    "/api/v1/session",
                    "application/x-www-form-urlencoded",
                    HttpRequest.BodyPublishers.ofString("username=nobody&password=not+a+password"),
                    Map.of("X-CSRF-TOKEN", garbled),
                    false);
            assertThat(r.status()).as(garbled + ": " + body(r)).isEqualTo(403);
            assertThat(r.contentType()).isEqualTo("application/problem+json");
        }
    }

    @Test
    void theCsrfTokenIsTakenFromTheHeaderOrAFormNeverTheQuery() {
        var api = api();
        var clerk = api.as("clerk");
        String token = URLEncoder.encode(clerk.csrfToken(), StandardCharsets.UTF_8);
        var r = clerk.exchange(
                "POST",
                "/api/v1/decisions?_csrf=" + token,
                "application/json",
                HttpRequest.BodyPublishers.ofString("{\"member\":\"A-1-00\",\"purpose\":\"3.8\"}"),
                Map.of(),
                false);
        assertThat(r.status()).as(body(r)).isEqualTo(403);
        var browser = api.anonymous().open();
        var signIn = browser.exchange(
                "POST",
                "/api/v1/session?_csrf=" + URLEncoder.encode(browser.csrfToken(), StandardCharsets.UTF_8),
                "application/x-www-form-urlencoded",
                HttpRequest.BodyPublishers.ofString("username=nobody&password=not+a+password"),
                Map.of(),
                false);
        assertThat(signIn.status()).as("sign-in with the token in the query").isEqualTo(403);
        var form = api.anonymous().open();
        var inBody = form.exchange(
                "POST",
                "/api/v1/session",
                "application/x-www-form-urlencoded",
                HttpRequest.BodyPublishers.ofString("username=nobody&password=not+a+password&_csrf="
                        + URLEncoder.encode(form.csrfToken(), StandardCharsets.UTF_8)),
                Map.of(),
                false);
        assertThat(inBody.status())
                .as("in the form body it is taken: the sign-in itself fails")
                .isEqualTo(401);
    }

    @Test
    void whatTheAttackRunSentIsRefusedWith400() {
        var api = api();
        MemberKey key = TestMembers.register(memberImport);
        String events = "/api/v1/members/" + key + "/consent-events";
        var nul = api.postJson(
                events,
                "clerk",
                "{\"action\":\"RESERVE\",\"purpose\":\"3.8\",\"channel\":\"PAPER\"," + "\"note\":\"a\\u0000b\"}");
        assertThat(nul.status()).as(body(nul)).isEqualTo(400);
        assertThat(nul.json().get("field").asString()).isEqualTo("note");
        var query = api.get("/api/v1/audit/entries?actor=a%00b", "auditor");
        assertThat(query.status()).as(body(query)).isEqualTo(400);
        assertThat(query.json().get("field").asString()).isEqualTo("actor");
        // bytes that are no UTF-8 text: refused by the boundary, naming the parameter, before the
        // container's own decoding fails with a logged stack trace
        for (String notText : List.of("%ED%A0%80", "%FF", "%E3%81")) {
            var undecodable = api.get("/api/v1/notice?lang=" + notText, "auditor");
            assertThat(undecodable.status())
                    .as(notText + ": " + body(undecodable))
                    .isEqualTo(400);
            assertThat(undecodable.json().get("field").asString()).isEqualTo("lang");
            assertThat(undecodable.json().get("detail").asString()).contains("not UTF-8");
        }
        for (String members : List.of("[null]", "[\"\"]", "[\"A-1-00\",null]")) {
            var batch = api.postJson(
                    "/api/v1/decisions/batch", "clerk", "{\"purpose\":\"3.8\",\"members\":" + members + "}");
            assertThat(batch.status()).as(members + ": " + body(batch)).isEqualTo(400);
            assertThat(batch.json().get("field").asString()).startsWith("members");
        }
        var twice = api.postJson(
                events,
                "clerk",
                "{\"action\":\"LIFT\",\"action\":\"RESERVE\",\"purpose\":\"3.8\"," + "\"channel\":\"PAPER\"}");
        assertThat(twice.status()).as(body(twice)).isEqualTo(400);
        assertThat(twice.json().get("field").asString()).isEqualTo("action");
        assertThat(api.get(events, "clerk").json().size())
                .as("nothing recorded")
                .isZero();
        String n = TestNumbers.next();
        String fullWidth =
                n.chars().mapToObj(c -> String.valueOf((char) (c - '0' + '０'))).reduce("", String::concat);
        for (String note : List.of(
                n.substring(0, 4) + " " + n.substring(4, 8) + " " + n.substring(8),
                n.substring(0, 4) + "-" + n.substring(4, 8) + "-" + n.substring(8),
                fullWidth,
                "x" + n)) {
            var r = api.postJson(
                    events,
                    "clerk",
                    Api.json(
                            Map.of("action", "RESERVE", "purpose", "3.8", "channel", "PAPER", "note", "本人確認 " + note)));
            assertThat(r.status()).as(note + ": " + body(r)).isEqualTo(400);
            assertThat(r.json().get("field").asString()).isEqualTo("note");
        }
    }

    @Test
    void aBodyLargerThanItsEndpointTakesIsRefusedWith413() {
        var api = api();
        var clerk = api.as("clerk");
        String big = "{\"member\":\"A-1-00\",\"purpose\":\"3.8\",\"pad\":\"" + "x".repeat(100_000) + "\"}";
        var declared = clerk.postJson("/api/v1/decisions", big);
        assertThat(declared.status()).as(body(declared)).isEqualTo(413);
        assertThat(declared.contentType()).isEqualTo("application/problem+json");
        var chunked = clerk.exchange(
                "POST",
                "/api/v1/decisions",
                "application/json",
                HttpRequest.BodyPublishers.ofInputStream(
                        () -> new ByteArrayInputStream(big.getBytes(StandardCharsets.UTF_8))),
                Map.of(),
                true);
        assertThat(chunked.status())
                .as("sent in chunks, no length declared: " + body(chunked))
                .isEqualTo(413);
        var yaml = api.as("officer")
                .exchange(
                        "POST",
                        "/api/v1/catalog/versions",
                        "application/yaml",
                        HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(
                                ("# " + "x".repeat(1_100_000)).getBytes(StandardCharsets.UTF_8))),
                        Map.of(),
                        true);
        assertThat(yaml.status()).as("a catalog takes 1 MB: " + body(yaml)).isEqualTo(413);
        var anonymous = api.anonymous().postJson("/api/v1/decisions", big);
        assertThat(anonymous.status()).as("before anyone signs in").isEqualTo(413);
    }

    // ---- the fuzz over every endpoint ----

    private static final String MEGABYTE = "x".repeat(1 << 20);
    private static final List<String> BAD_STRINGS = List.of(
            "\"a\\u0000b\"", "\"\\ud800\"", "\"x\\udc00y\"", "\"" + MEGABYTE + "\"", "null", "\"\"", "\"\\u001b[31m\"");
    private static final List<String> BAD_LISTS =
            List.of("[null]", "[\"\"]", "[\"a\\u0000\"]", "[\"\\ud800\"]", "null");
    private static final List<String> BAD_QUERY =
            List.of("%00", "a%00b", "%ED%A0%80", "%0D%0Aevil", "%1B", "x".repeat(20_000));
    private static final List<byte[]> BAD_TEXT_BODIES = List.of(
            new byte[] {'a', 0, 'b', '\n'},
            new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80, '\n'},
            new byte[] {(byte) 0xFF, (byte) 0xFE, 0, 0},
            ("version: 1\n" + "\u0000".repeat(10)).getBytes(StandardCharsets.UTF_8));

    @Test
    void noEndpointAnswersAnyBadStringWithAFailure() {
        var api = api();
        // the account's own endpoints count wrong passwords: a person of the fuzz's own, not the shared ones
        var self = accounts()
                .signedIn(
                        api,
                        accounts()
                                .member(
                                        api,
                                        "fz-" + Long.toString(System.nanoTime(), 36),
                                        TestMembers.register(memberImport)));
        var staff = List.of(api.as("officer"), api.as("clerk"), api.as("system"));
        var failures = new ArrayList<String>();
        int requests = 0;
        for (var entry : mappings.getHandlerMethods().entrySet()) {
            RequestMappingInfo info = entry.getKey();
            HandlerMethod handler = entry.getValue();
            for (String pattern : info.getPatternValues()) {
                if (!pattern.startsWith("/api/v1/") || pattern.startsWith("/api/v1/openapi.json")) {
                    continue;
                }
                for (var method : info.getMethodsCondition().getMethods()) {
                    var sessions = pattern.startsWith("/api/v1/account/") ? List.of(self) : staff;
                    String contentType = info.getConsumesCondition().getConsumableMediaTypes().stream()
                            .findFirst()
                            .map(Object::toString)
                            .orElse("application/json");
                    for (Fuzzed f : fuzz(pattern, handler, contentType)) {
                        for (var s : sessions) {
                            var r = s.exchange(
                                    method.name(),
                                    f.path(),
                                    f.contentType(),
                                    f.body() == null
                                            ? HttpRequest.BodyPublishers.noBody()
                                            : HttpRequest.BodyPublishers.ofByteArray(f.body()),
                                    Map.of(),
                                    true);
                            requests++;
                            if (r.status() >= 500) {
                                failures.add(method + " "
                                        + f.path()
                                                .substring(
                                                        0,
                                                        Math.min(120, f.path().length())) + " [" + f.what() + "]: "
                                        + body(r));
                            } else if (r.status() >= 400 && !r.contentType().startsWith("application/problem+json")) {
                                failures.add(method + " " + pattern + " [" + f.what() + "]: " + r.status()
                                        + " without a problem detail: " + r.contentType() + " " + body(r));
                            }
                        }
                    }
                }
            }
        }
        assertThat(requests).as("requests sent").isGreaterThan(500);
        assertThat(failures).isEmpty();
    }

    private record Fuzzed(String what, String path, String contentType, byte[] body) {}

    private static List<Fuzzed> fuzz(String pattern, HandlerMethod handler, String contentType) {
        var pathDefaults = new LinkedHashMap<String, String>();
        var queryNames = new ArrayList<String>();
        RecordComponent[] fields = null;
        boolean textBody = false;
        for (MethodParameter p : handler.getMethodParameters()) {
            p.initParameterNameDiscovery(new org.springframework.core.DefaultParameterNameDiscoverer());
            if (p.hasParameterAnnotation(PathVariable.class)) {
                pathDefaults.put(
                        p.getParameterName(),
                        switch (p.getParameterName()) {
                            case "key" -> "A-1-00";
                            case "name" -> "fz-nobody";
                            default -> "1";
                        });
            } else if (p.hasParameterAnnotation(RequestParam.class)) {
                RequestParam rp = p.getParameterAnnotation(RequestParam.class);
                queryNames.add(
                        !rp.name().isEmpty() ? rp.name() : !rp.value().isEmpty() ? rp.value() : p.getParameterName());
            } else if (p.hasParameterAnnotation(RequestBody.class)) {
                if (p.getParameterType().isRecord()) {
                    fields = p.getParameterType().getRecordComponents();
                } else {
                    textBody = true;
                }
            } else if (p.getParameterType() == jakarta.servlet.http.HttpServletRequest.class
                    && !contentType.equals("application/json")) {
                textBody = true;
            }
        }
        String path = pattern;
        for (var d : pathDefaults.entrySet()) {
            path = path.replace("{" + d.getKey() + "}", d.getValue());
        }
        var out = new ArrayList<Fuzzed>();
        for (String name : pathDefaults.keySet()) {
            for (String bad : List.of("%00", "a%00b", "%ED%A0%80", "%1B")) {
                String p = pattern;
                for (var d : pathDefaults.entrySet()) {
                    p = p.replace("{" + d.getKey() + "}", d.getKey().equals(name) ? bad : d.getValue());
                }
                out.add(new Fuzzed(
                        "path " + name + "=" + bad, p, contentType, fields == null ? null : "{}".getBytes()));
            }
        }
        for (String name : queryNames) {
            for (String bad : BAD_QUERY) {
                out.add(new Fuzzed(
                        "query " + name + "=" + bad.substring(0, Math.min(20, bad.length())),
                        path + "?" + name + "=" + bad,
                        contentType,
                        fields == null ? null : "{}".getBytes()));
            }
        }
        if (fields != null) {
            for (RecordComponent field : fields) {
                boolean list = List.class.isAssignableFrom(field.getType());
                boolean stringList = list
                        && field.getGenericType() instanceof ParameterizedType t
                        && t.getActualTypeArguments()[0] instanceof Class<?> c
                        && !Number.class.isAssignableFrom(c);
                for (String bad : list ? BAD_LISTS : BAD_STRINGS) {
                    if (list && !stringList && bad.contains("\"")) {
                        continue;
                    }
                    out.add(new Fuzzed(
                            "field " + field.getName() + "=" + bad.substring(0, Math.min(20, bad.length())),
                            path,
                            "application/json",
                            ("{\"" + field.getName() + "\":" + bad + "}").getBytes(StandardCharsets.UTF_8)));
                }
            }
            out.add(new Fuzzed("body null", path, "application/json", "null".getBytes()));
            out.add(new Fuzzed("body list", path, "application/json", "[null]".getBytes()));
        }
        if (textBody) {
            for (byte[] bad : BAD_TEXT_BODIES) {
                out.add(new Fuzzed("text body", path, contentType, bad));
            }
            out.add(new Fuzzed("text body 1 MB", path, contentType, MEGABYTE.getBytes(StandardCharsets.UTF_8)));
        }
        if (out.isEmpty()) {
            out.add(new Fuzzed("as is", path, contentType, null));
        }
        return out;
    }
}
