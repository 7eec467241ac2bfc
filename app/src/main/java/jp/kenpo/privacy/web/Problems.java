package jp.kenpo.privacy.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import jp.kenpo.privacy.shared.NumberMask;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import tools.jackson.databind.json.JsonMapper;

/**
 * RFC 9457 problem details written by the security filters, which answer before any controller
 * (and so before {@link ApiErrors}) is reached; the same shape as ApiErrors' answers, with an
 * individual number in the path masked as there.
 */
final class Problems {

    private final JsonMapper json;

    Problems(JsonMapper json) {
        this.json = json;
    }

    void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String title, String detail)
            throws IOException {
        write(request, response, status, title, detail, java.util.Map.of());
    }

    /** With more members, such as the {@code field} at fault. */
    void write(
            HttpServletRequest request,
            HttpServletResponse response,
            HttpStatus status,
            String title,
            String detail,
            java.util.Map<String, String> properties)
            throws IOException {
        var body = new LinkedHashMap<String, Object>();
        body.put("type", "about:blank");
        body.put("title", title);
        body.put("status", status.value());
        body.put("detail", NumberMask.mask(detail));
        body.put("instance", NumberMask.mask(request.getRequestURI()));
        properties.forEach((name, value) -> body.put(name, NumberMask.mask(value)));
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), body);
    }

    void writeJson(HttpServletResponse response, Object body) throws IOException {
        response.setStatus(HttpStatus.OK.value());
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        json.writeValue(response.getOutputStream(), body);
    }
}
