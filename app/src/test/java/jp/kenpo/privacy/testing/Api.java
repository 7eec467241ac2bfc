package jp.kenpo.privacy.testing;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real HTTP client for the API on the test server's loopback port. {@code get(path, "clerk")}
 * sends the request in a signed-in session of the test account {@code clerk} (officer, clerk,
 * auditor: password and TOTP; system: an API token), as a browser or another system would, CSRF
 * token included; {@code null} sends it with no credentials.
 */
public final class Api {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final TestAccounts accounts;

    public Api(int port, TestAccounts accounts) {
        this.base = "http://127.0.0.1:" + port;
        this.accounts = accounts;
    }

    public record Response(int status, String body, String contentType, HttpHeaders headers) {
        public JsonNode json() {
            return JSON.readTree(body);
        }
    }

    /**
     * How a client holds its credentials: a session cookie and the session's CSRF token, or an
     * API token, or nothing.
     */
    public final class Session {
        private String cookie;
        private String csrfHeader;
        private String csrfToken;
        private final String bearer;

        Session(String bearer) {
            this.bearer = bearer;
        }

        public Response get(String path) {
            return send(request(path).GET());
        }

        /** A GET with one more header, as a proxy in front of the server would add it. */
        public Response get(String path, String header, String value) {
            return send(request(path).header(header, value).GET());
        }

        public Response post(String path, String contentType, String body) {
            return send(request(path)
                    .header("Content-Type", contentType)
                    .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
        }

        /** A POST whose body declares no length (chunked), as a streaming client sends it. */
        public Response postChunked(String path, String contentType, byte[] body) {
            return send(request(path)
                    .header("Content-Type", contentType)
                    .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(body))));
        }

        public Response postJson(String path, String json) {
            return post(path, "application/json", json);
        }

        public Response delete(String path) {
            return send(request(path).DELETE());
        }

        /** Sends the request without the CSRF token, as a forged cross-site request would. */
        public Response postWithoutCsrf(String path, String contentType, String body) {
            var b = HttpRequest.newBuilder(URI.create(base + path))
                    .timeout(Duration.ofSeconds(60))
                    .header("Content-Type", contentType)
                    .POST(HttpRequest.BodyPublishers.ofString(body));
            if (cookie != null) {
                b.header("Cookie", cookie);
            }
            return send(b);
        }

        /** Opens a session as a browser does first: a session cookie and a CSRF token, nobody signed in. */
        public Session open() {
            Response r = get("/api/v1/session");
            takeCsrf(r.json());
            return this;
        }

        /** Signs in with a form post; on success the session is the signed-in one. */
        public Response signIn(String name, String password, String code) {
            open();
            var form = new java.util.LinkedHashMap<String, String>();
            form.put("username", name);
            form.put("password", password);
            if (code != null) {
                form.put("code", code);
            }
            Response r = post(
                    "/api/v1/session",
                    "application/x-www-form-urlencoded",
                    form.entrySet().stream()
                            .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                            .collect(Collectors.joining("&")));
            if (r.status() == 200) {
                takeCsrf(r.json());
            }
            return r;
        }

        public String cookie() {
            return cookie;
        }

        /** The session's CSRF token, as the last sign-in or {@link #open()} gave it. */
        public String csrfToken() {
            return csrfToken;
        }

        /**
         * Any request with this client's credentials and more headers; {@code csrf} false leaves the
         * CSRF header out (a form or the query may carry the token instead).
         */
        public Response exchange(
                String method,
                String path,
                String contentType,
                HttpRequest.BodyPublisher body,
                Map<String, String> headers,
                boolean csrf) {
            var b = HttpRequest.newBuilder(URI.create(base + path))
                    .timeout(Duration.ofSeconds(60))
                    .method(method, body);
            if (contentType != null) {
                b.header("Content-Type", contentType);
            }
            if (bearer != null) {
                b.header("Authorization", "Bearer " + bearer);
            }
            if (cookie != null) {
                b.header("Cookie", cookie);
            }
            if (csrf && csrfToken != null) {
                b.header(csrfHeader, csrfToken);
            }
            headers.forEach(b::header);
            return send(b);
        }

        private void takeCsrf(JsonNode session) {
            if (session.has("csrf")) {
                csrfHeader = session.get("csrf").get("headerName").asString();
                csrfToken = session.get("csrf").get("token").asString();
            }
        }

        private HttpRequest.Builder request(String path) {
            var b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60));
            if (bearer != null) {
                b.header("Authorization", "Bearer " + bearer);
            }
            if (cookie != null) {
                b.header("Cookie", cookie);
            }
            if (csrfToken != null) {
                b.header(csrfHeader, csrfToken);
            }
            return b;
        }

        private Response send(HttpRequest.Builder request) {
            try {
                HttpResponse<String> r =
                        http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                r.headers().allValues("Set-Cookie").stream()
                        .filter(c -> c.startsWith("KENPO_SESSION="))
                        .findFirst()
                        .ifPresent(c -> cookie = c.substring(0, c.indexOf(';') < 0 ? c.length() : c.indexOf(';')));
                return new Response(
                        r.statusCode(),
                        r.body(),
                        r.headers().firstValue("Content-Type").orElse(""),
                        r.headers());
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** A client with no credentials yet. */
    public Session anonymous() {
        return new Session(null);
    }

    /** A client that sends this session cookie, as one who planted or copied it would. */
    public Session withCookie(String cookie) {
        var s = new Session(null);
        s.cookie = cookie;
        return s;
    }

    /** A client that sends an API token with every request. */
    public Session withToken(String token) {
        return new Session(token);
    }

    /** The signed-in session of a test account (officer, clerk, auditor, system), or none for {@code null}. */
    public Session as(String user) {
        return user == null ? anonymous() : accounts.session(this, user);
    }

    public Response get(String path, String user) {
        return as(user).get(path);
    }

    public Response post(String path, String user, String contentType, String body) {
        return as(user).post(path, contentType, body);
    }

    public Response postJson(String path, String user, String json) {
        return as(user).postJson(path, json);
    }

    public Response delete(String path, String user) {
        return as(user).delete(path);
    }

    public static String json(Map<String, ?> fields) {
        return JSON.writeValueAsString(fields);
    }
}
