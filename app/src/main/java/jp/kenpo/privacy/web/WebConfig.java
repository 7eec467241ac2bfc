package jp.kenpo.privacy.web;

import java.time.Instant;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.format.FormatterRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import jp.kenpo.privacy.catalog.PurposeCode;
import jp.kenpo.privacy.members.MemberKey;
import jp.kenpo.privacy.shared.SocietyTime;

/** Path and query values read as the domain's types: member keys, purpose codes, instants; /error's answer masked. */
@Configuration(proxyBeanMethods = false)
class WebConfig implements WebMvcConfigurer {

    /** Spring Boot's own error attributes give way to these (it looks for any bean of the type). */
    @Bean
    MaskedErrorAttributes errorAttributes() {
        return new MaskedErrorAttributes();
    }

    @Override
    public void addFormatters(FormatterRegistry registry) {
        registry.addConverter(String.class, MemberKey.class, MemberKey::parse);
        registry.addConverter(String.class, PurposeCode.class, PurposeCode::parse);
        registry.addConverter(String.class, Instant.class, SocietyTime::parseInstant);
    }
}
