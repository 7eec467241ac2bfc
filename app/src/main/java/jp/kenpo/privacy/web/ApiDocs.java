package jp.kenpo.privacy.web;

import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.core.converter.ModelConverterContext;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.Iterator;
import java.util.List;
import jp.kenpo.privacy.catalog.PurposeCode;
import jp.kenpo.privacy.consent.ConsentTarget;
import jp.kenpo.privacy.members.MemberKey;
import jp.kenpo.privacy.shared.MemberKeyShape;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * The OpenAPI document ({@code /api/v1/openapi.json}) and its Swagger UI page ({@code /api/v1/docs}),
 * both public: they describe the API, they hold no data. The document is generated from the
 * controllers and says what the JSON really is: member keys, purpose codes and consent targets
 * travel as strings (see {@link ApiJson}), and the bodies read outside Spring's binding — the
 * sign-in form and the member CSV — are described here.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class ApiDocs {

    static final String UI = "/api/v1/docs";
    static final String UI_ASSETS = "/api/v1/swagger-ui/**";

    /**
     * The Swagger UI page and its scripts: public, with a content security policy that lets the
     * page run its own scripts and styles (the API's answers keep {@code default-src 'none'}).
     * Served from the bundled webjar, never from elsewhere.
     */
    @Bean
    @Order(0)
    SecurityFilterChain apiDocsPage(HttpSecurity http) throws Exception {
        http.securityMatcher(UI, UI + "/**", UI_ASSETS)
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
                .requestCache(cache -> cache.disable())
                .sessionManagement(s -> s.disable())
                .headers(h -> h.contentSecurityPolicy(
                                csp -> csp.policyDirectives(
                                        "default-src 'self'; img-src 'self' data:; "
                                                + "style-src 'self' 'unsafe-inline'; frame-ancestors 'none'; form-action 'none'"))
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER)));
        return http.build();
    }

    /** The domain's values that the API writes and reads as strings. */
    @Bean
    ModelConverter kenpoStrings() {
        return new ModelConverter() {
            @Override
            @SuppressWarnings("rawtypes")
            public Schema resolve(AnnotatedType type, ModelConverterContext context, Iterator<ModelConverter> chain) {
                Class<?> raw = Json.mapper().constructType(type.getType()).getRawClass();
                if (raw == MemberKey.class) {
                    return new StringSchema()
                            .pattern("^" + MemberKeyShape.REGEX + "$")
                            .example("1234-5678-01")
                            .description("member key SYMBOL-NUMBER-BRANCH (記号-番号-枝番)");
                }
                if (raw == PurposeCode.class) {
                    return new StringSchema()
                            .pattern("^" + PurposeCode.REGEX + "$")
                            .example("3.8")
                            .description("purpose code CATEGORY.ITEM");
                }
                if (ConsentTarget.class.isAssignableFrom(raw)) {
                    return new StringSchema()
                            .example("3.8")
                            .description("a purpose code CATEGORY.ITEM, or a whole category as 'category N'");
                }
                return chain.hasNext() ? chain.next().resolve(type, context, chain) : null;
            }
        };
    }

    @Bean
    OpenApiCustomizer kenpoDocument() {
        return api -> {
            api.info(
                    new Info()
                            .title("kenpo-privacy")
                            .version("v1")
                            .description(
                                    "The health insurance society's "
                                            + "purposes of use, members, consent ledger, decisions, audit trail and accounts. People sign in "
                                            + "with a session (GET then POST /api/v1/session, then the CSRF token in X-CSRF-TOKEN with every "
                                            + "change); other systems send 'Authorization: Bearer TOKEN'. Times are read as 2026-04-01 "
                                            + "(00:00 Tokyo time), 2026-04-01T10:00 (Tokyo time) or with an offset, and written in Tokyo "
                                            + "time with the offset. Enum values are read in any case. Errors are RFC 9457 problem details."));
            api.components((api.getComponents() == null ? new Components() : api.getComponents())
                    .addSecuritySchemes(
                            "token",
                            new SecurityScheme()
                                    .type(SecurityScheme.Type.HTTP)
                                    .scheme("bearer")
                                    .description("an API token of a SYSTEM account"))
                    .addSecuritySchemes(
                            "session",
                            new SecurityScheme()
                                    .type(SecurityScheme.Type.APIKEY)
                                    .in(SecurityScheme.In.COOKIE)
                                    .name("KENPO_SESSION")
                                    .description("a signed-in session; changes also send the header X-CSRF-TOKEN")));
            describeSignIn(api);
            describeMemberImport(api);
            // the registry's internal ids, which ApiJson's mix-ins keep out of every answer
            withoutProperty(api, "Member", "id");
            withoutProperty(api, "ConsentEvent", "memberId");
        };
    }

    private static void withoutProperty(OpenAPI api, String schema, String property) {
        if (api.getComponents() != null
                && api.getComponents().getSchemas() != null
                && api.getComponents().getSchemas().get(schema) instanceof Schema<?> s
                && s.getProperties() != null) {
            s.getProperties().remove(property);
            if (s.getRequired() != null) {
                s.getRequired().remove(property);
            }
        }
    }

    /** Signing in and out are the security filters' (not a controller's): described by hand. */
    private static void describeSignIn(OpenAPI api) {
        PathItem session = api.getPaths().computeIfAbsent("/api/v1/session", p -> new PathItem());
        var form = new ObjectSchema()
                .addProperty("username", new StringSchema().description("the account's name"))
                .addProperty("password", new StringSchema().format("password"))
                .addProperty(
                        "code",
                        new StringSchema()
                                .pattern("^[0-9]{6}$")
                                .description("the authenticator's "
                                        + "current 6-digit code (accounts with a second factor); each code signs in once, the one "
                                        + "that confirmed the enrolment included: wait for the next"))
                .addProperty(
                        "_csrf",
                        new StringSchema()
                                .description("the CSRF token from GET /api/v1/session "
                                        + "(or send it in the header X-CSRF-TOKEN)"));
        form.setRequired(List.of("username", "password"));
        session.post(new Operation()
                .operationId("signIn")
                .summary("Sign in")
                .description("Send the session cookie and CSRF token from GET /api/v1/session. Answers the session "
                        + "with its new CSRF token.")
                .requestBody(new RequestBody()
                        .required(true)
                        .content(new Content()
                                .addMediaType("application/x-www-form-urlencoded", new MediaType().schema(form))))
                .responses(new ApiResponses()
                        .addApiResponse(
                                "200", new ApiResponse().description("signed in: the session and its new CSRF token"))
                        .addApiResponse("401", new ApiResponse().description("refused (problem detail)"))
                        .addApiResponse("429", new ApiResponse().description("too many attempts from this address"))));
        session.delete(new Operation()
                .operationId("signOut")
                .summary("Sign out")
                .responses(new ApiResponses().addApiResponse("204", new ApiResponse().description("signed out"))));
    }

    /** The member import reads its body itself, to stream it: Spring's binding does not see it. */
    private static void describeMemberImport(OpenAPI api) {
        PathItem item = api.getPaths().get("/api/v1/members/import");
        if (item == null || item.getPost() == null) {
            return;
        }
        item.getPost()
                .requestBody(new RequestBody()
                        .required(true)
                        .description("the member file: header "
                                + "insurer_number,symbol,number,branch,kind,insured_branch,name_kanji,name_kana,sex,birth_date,"
                                + "acquired_on,lost_on")
                        .content(new Content().addMediaType("text/csv", new MediaType().schema(new StringSchema()))));
    }
}
