package jp.kenpo.privacy.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.boot.webmvc.error.ErrorAttributes;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.ServletWebRequest;

/**
 * Spring Boot's {@code /error}, which only failures no handler answered reach (a request the
 * security filters' firewall rejected, an unforeseen exception): a problem detail like every
 * other answer of the API, with its {@code path} masked ({@link MaskedErrorAttributes}) and no
 * exception message, which may repeat what the request said.
 */
@RestController
class ProblemErrors implements ErrorController {

    private final ErrorAttributes errors;

    ProblemErrors(ErrorAttributes errors) {
        this.errors = errors;
    }

    @RequestMapping("${server.error.path:/error}")
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        Map<String, Object> attributes =
                errors.getErrorAttributes(new ServletWebRequest(request), ErrorAttributeOptions.defaults());
        int status = attributes.get("status") instanceof Integer s ? s : 500;
        HttpStatus known = HttpStatus.resolve(status);
        ProblemDetail problem = ProblemDetail.forStatus(status);
        problem.setTitle(known == null ? "Error" : known.getReasonPhrase());
        problem.setDetail(
                status < 500 ? "the request cannot be taken as it is" : "the server failed to answer the request");
        if (attributes.get("path") instanceof String path) {
            problem.setProperty("path", path);
        }
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }
}
