package jp.kenpo.privacy.web;

import java.util.Map;
import jp.kenpo.privacy.shared.NumberMask;
import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.boot.webmvc.error.DefaultErrorAttributes;
import org.springframework.web.context.request.WebRequest;

/**
 * What Spring Boot's {@code /error} answers with, which only failures no handler answered reach
 * (an unforeseen exception in a controller or a filter): its {@code path} repeats the request's,
 * where a person may have typed an individual number, so every text in it is masked as in every
 * problem detail ({@link ApiErrors}, {@link Problems}; My Number Act Art. 20).
 */
class MaskedErrorAttributes extends DefaultErrorAttributes {

    @Override
    public Map<String, Object> getErrorAttributes(WebRequest webRequest, ErrorAttributeOptions options) {
        Map<String, Object> attributes = super.getErrorAttributes(webRequest, options);
        attributes.replaceAll((name, value) -> value instanceof String text ? NumberMask.mask(text) : value);
        return attributes;
    }
}
