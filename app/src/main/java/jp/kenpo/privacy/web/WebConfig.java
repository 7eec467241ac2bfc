package jp.kenpo.privacy.web;

import java.time.Instant;

import org.springframework.context.annotation.Configuration;
import org.springframework.format.FormatterRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import jp.kenpo.privacy.catalog.PurposeCode;
import jp.kenpo.privacy.members.MemberKey;
import jp.kenpo.privacy.shared.SocietyTime;

/** Path and query values read as the domain's types: member keys, purpose codes, instants. */
@Configuration(proxyBeanMethods = false)
class WebConfig implements WebMvcConfigurer {

    @Override
    public void addFormatters(FormatterRegistry registry) {
        registry.addConverter(String.class, MemberKey.class, MemberKey::parse);
        registry.addConverter(String.class, PurposeCode.class, PurposeCode::parse);
        registry.addConverter(String.class, Instant.class, SocietyTime::parseInstant);
    }
}
