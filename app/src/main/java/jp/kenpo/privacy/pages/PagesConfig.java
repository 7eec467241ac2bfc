package jp.kenpo.privacy.pages;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.support.RequestContextUtils;

/** The pages speak Japanese unless the reader chose English ({@code ?lang=en}, kept in a cookie). */
@Configuration(proxyBeanMethods = false)
class PagesConfig implements WebMvcConfigurer {

    static final Locale JAPANESE = Locale.JAPANESE;

    @Bean
    LocaleResolver localeResolver() {
        var resolver = new CookieLocaleResolver("KENPO_LANG");
        resolver.setDefaultLocale(JAPANESE);
        resolver.setCookieHttpOnly(true);
        resolver.setCookieSameSite("Strict");
        return resolver;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new LanguageChoice())
                .addPathPatterns("/", "/sign-in", "/refused", "/notice", "/notice/**", "/account/**")
                .addPathPatterns("/console", "/console/**", "/portal", "/portal/**");
    }

    /** {@code ?lang=ja} or {@code ?lang=en}; anything else is left as it was. */
    private static final class LanguageChoice implements HandlerInterceptor {
        @Override
        public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
            String lang = request.getParameter("lang");
            if ("ja".equals(lang) || "en".equals(lang)) {
                var resolver = RequestContextUtils.getLocaleResolver(request);
                if (resolver != null) {
                    resolver.setLocale(request, response, Locale.forLanguageTag(lang));
                }
            }
            return true;
        }
    }
}
