package jp.kenpo.privacy.testing;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import jp.kenpo.privacy.shared.NumberMask;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/** The test server records every answer it gives (status, headers, body) for the leak scan. */
@TestConfiguration(proxyBeanMethods = false)
public class TestWiring {

    /** The one endpoint whose successful answers carry a number by design: they are recorded without their body. */
    public static final String NUMBER_READS = "/api/v1/my-numbers/reads";

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> answerRecorder() {
        var filter = new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                var wrapped = new ContentCachingResponseWrapper(response);
                try {
                    chain.doFilter(request, wrapped);
                } finally {
                    var sb = new StringBuilder();
                    wrapped.getHeaderNames()
                            .forEach(h -> sb.append(h)
                                    .append(": ")
                                    .append(String.join(", ", wrapped.getHeaders(h)))
                                    .append('\n'));
                    boolean permittedRead = NUMBER_READS.equals(request.getRequestURI()) && wrapped.getStatus() == 200;
                    sb.append(
                            permittedRead
                                    ? "(a permitted number read: body not recorded)"
                                    : new String(wrapped.getContentAsByteArray(), StandardCharsets.UTF_8));
                    // the request line is the client's, which may carry a number on purpose (the leak scan's
                    // own requests do): only what the server answered is the scan's business
                    RunRecord.append(
                            "HTTP " + request.getMethod() + " " + NumberMask.mask(request.getRequestURI()) + " -> "
                                    + wrapped.getStatus(),
                            sb.toString());
                    wrapped.copyBodyToResponse();
                }
            }
        };
        var registration = new FilterRegistrationBean<OncePerRequestFilter>(filter);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }
}
