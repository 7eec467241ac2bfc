package jp.kenpo.privacy.web;

import java.time.Instant;
import jp.kenpo.privacy.catalog.PurposeCode;
import jp.kenpo.privacy.members.MemberKey;
import jp.kenpo.privacy.shared.ExpectedForm;
import jp.kenpo.privacy.shared.SocietyTime;
import org.apache.catalina.core.StandardHost;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.core.convert.converter.ConverterFactory;
import org.springframework.format.FormatterRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.databind.json.JsonMapper;

/**
 * Path and query values read as the domain's types: member keys, purpose codes, instants, enums in
 * any case; /error's answer masked; the request boundary (body limits, query text) before everything else.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(BodyLimits.class)
class WebConfig implements WebMvcConfigurer {

    /** Before Spring Security's filters (order -100): an oversized body is refused before anyone signs in. */
    @Bean
    FilterRegistrationBean<RequestBoundary> requestBoundary(
            BodyLimits limits, JsonMapper json, @Value("${kenpo.import.max-upload-bytes:268435456}") long importLimit) {
        var registration = new FilterRegistrationBean<>(new RequestBoundary(limits, importLimit, new Problems(json)));
        registration.setOrder(-110);
        return registration;
    }

    /** Spring Boot's own error attributes give way to these (it looks for any bean of the type). */
    @Bean
    MaskedErrorAttributes errorAttributes() {
        return new MaskedErrorAttributes();
    }

    /** Tomcat's own refusals (a path it cannot decode, a header too long) as problem details, not HTML. */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemReports() {
        return factory -> factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof StandardHost host) {
                host.setErrorReportValveClass(ProblemReportValve.class.getName());
            }
        });
    }

    @Override
    public void addFormatters(FormatterRegistry registry) {
        registry.addConverter(String.class, MemberKey.class, MemberKey::parse);
        registry.addConverter(String.class, PurposeCode.class, PurposeCode::parse);
        registry.addConverter(String.class, Instant.class, SocietyTime::parseInstant);
        registry.addConverterFactory(new AnyCaseEnums());
    }

    /** {@code ?action=sign_in} as good as {@code SIGN_IN}; a value that is none is refused naming the constants. */
    @SuppressWarnings({"rawtypes", "unchecked"})
    private static final class AnyCaseEnums implements ConverterFactory<String, Enum> {
        @Override
        public <T extends Enum> Converter<String, T> getConverter(Class<T> type) {
            return text -> {
                if (text.isBlank()) {
                    return null;
                }
                Enum value = ExpectedForm.constant((Class) type, text);
                if (value == null) {
                    throw new IllegalArgumentException(ExpectedForm.expected(type));
                }
                return (T) value;
            };
        }
    }
}
