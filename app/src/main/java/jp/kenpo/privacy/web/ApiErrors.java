package jp.kenpo.privacy.web;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import jp.kenpo.privacy.accounts.AccountStateException;
import jp.kenpo.privacy.accounts.UnknownAccountException;
import jp.kenpo.privacy.catalog.CatalogFileException;
import jp.kenpo.privacy.consent.InvalidConsentRequestException;
import jp.kenpo.privacy.decision.UnknownPurposeException;
import jp.kenpo.privacy.members.ImportRejectedException;
import jp.kenpo.privacy.members.UnknownMemberException;
import jp.kenpo.privacy.mynumber.MyNumberRefusedException;
import jp.kenpo.privacy.mynumber.NoIndividualNumberException;
import jp.kenpo.privacy.mynumber.VaultUnavailableException;
import jp.kenpo.privacy.provision.ProvisionInputException;
import jp.kenpo.privacy.recipients.UnknownRecipientException;
import jp.kenpo.privacy.shared.BadRequestException;
import jp.kenpo.privacy.shared.ExpectedForm;
import jp.kenpo.privacy.shared.NumberMask;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.InvalidNullException;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * Every refusal of the API as an RFC 9457 problem detail that names what is wrong and where:
 * the {@code field} of a request, the {@code line} of a file, each bad row of an import.
 *
 * <p>A problem detail repeats what the request said (its path as {@code instance}, parsers' and
 * Jackson's messages), and a person may have typed an individual number anywhere: every problem
 * detail leaves with such numbers masked, whoever made it (My Number Act Art. 20).
 */
@RestControllerAdvice
class ApiErrors extends ResponseEntityExceptionHandler implements ResponseBodyAdvice<Object> {

    @ExceptionHandler
    ProblemDetail unknownMember(UnknownMemberException e) {
        return problem(
                HttpStatus.NOT_FOUND,
                "Unknown member",
                e.getMessage(),
                Map.of("member", e.key().toString()));
    }

    @ExceptionHandler
    ProblemDetail unknownPurpose(UnknownPurposeException e) {
        return problem(HttpStatus.BAD_REQUEST, "Unknown purpose", e.getMessage(), Map.of("field", "purpose"));
    }

    @ExceptionHandler
    ProblemDetail invalidConsent(InvalidConsentRequestException e) {
        return problem(HttpStatus.BAD_REQUEST, "Invalid consent request", e.getMessage(), Map.of("field", e.field()));
    }

    @ExceptionHandler
    ProblemDetail unknownRecipient(UnknownRecipientException e) {
        // the id in the path names a resource that is not there; in a request's body, a bad field
        return problem(
                "id".equals(e.field()) ? HttpStatus.NOT_FOUND : HttpStatus.BAD_REQUEST,
                "Unknown recipient",
                e.field() + ": " + e.getMessage(),
                Map.of("field", e.field()));
    }

    @ExceptionHandler
    ProblemDetail badRequest(BadRequestException e) {
        return problem(
                HttpStatus.BAD_REQUEST,
                "Invalid request",
                e.field() + ": " + e.getMessage(),
                Map.of("field", e.field()));
    }

    @ExceptionHandler
    ProblemDetail catalogFile(CatalogFileException e) {
        return problem(
                HttpStatus.UNPROCESSABLE_CONTENT,
                "Catalog file refused",
                e.getMessage(),
                Map.of("file", e.file(), "line", e.line()));
    }

    @ExceptionHandler
    ProblemDetail importRejected(ImportRejectedException e) {
        List<Map<String, Object>> rows = e.problems().stream()
                .limit(1000)
                .map(p -> Map.<String, Object>of("line", p.line(), "column", p.column(), "reason", p.reason()))
                .toList();
        return problem(
                HttpStatus.UNPROCESSABLE_CONTENT,
                "Import refused",
                e.getMessage(),
                Map.of("problems", rows, "problemCount", e.problems().size()));
    }

    @ExceptionHandler
    ProblemDetail provisionInput(ProvisionInputException e) {
        List<Map<String, Object>> rows = e.problems().stream()
                .limit(1000)
                .map(p -> Map.<String, Object>of("line", p.line(), "column", p.column(), "reason", p.reason()))
                .toList();
        return problem(
                HttpStatus.UNPROCESSABLE_CONTENT,
                "Provision refused",
                e.getMessage(),
                Map.of("problems", rows, "problemCount", e.problems().size()));
    }

    @ExceptionHandler
    ProblemDetail bodyTooLarge(BodyTooLargeException e) {
        return problem(HttpStatus.CONTENT_TOO_LARGE, "Request body too large", e.getMessage(), Map.of());
    }

    @ExceptionHandler
    ProblemDetail unknownAccount(UnknownAccountException e) {
        return problem(HttpStatus.NOT_FOUND, "Unknown account", e.getMessage(), Map.of());
    }

    @ExceptionHandler
    ProblemDetail accountState(AccountStateException e) {
        return problem(HttpStatus.CONFLICT, "Not possible now", e.getMessage(), Map.of());
    }

    @ExceptionHandler
    ProblemDetail vaultUnavailable(VaultUnavailableException e) {
        return problem(HttpStatus.SERVICE_UNAVAILABLE, "My Number vault unavailable", e.getMessage(), Map.of());
    }

    @ExceptionHandler
    ProblemDetail myNumberRefused(MyNumberRefusedException e) {
        return problem(HttpStatus.FORBIDDEN, "Refused", e.getMessage(), Map.of());
    }

    @ExceptionHandler
    ProblemDetail noIndividualNumber(NoIndividualNumberException e) {
        return problem(HttpStatus.NOT_FOUND, "No individual number", e.getMessage(), Map.of());
    }

    @ExceptionHandler
    ProblemDetail illegalArgument(IllegalArgumentException e) {
        return problem(HttpStatus.BAD_REQUEST, "Invalid request", e.getMessage(), Map.of());
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(
            org.springframework.beans.TypeMismatchException ex,
            HttpHeaders headers,
            HttpStatusCode status,
            WebRequest request) {
        String field = ex instanceof MethodArgumentTypeMismatchException m ? m.getName() : ex.getPropertyName();
        String reason = expected(ex.getRequiredType(), ex.getMostSpecificCause());
        return ResponseEntity.badRequest()
                .body(problem(
                        HttpStatus.BAD_REQUEST,
                        "Invalid request",
                        field + ": " + reason,
                        Map.of("field", field == null ? "" : field)));
    }

    /** A required query parameter left out, named as a field like every other refusal. */
    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(
            org.springframework.web.bind.MissingServletRequestParameterException ex,
            HttpHeaders headers,
            HttpStatusCode status,
            WebRequest request) {
        return ResponseEntity.badRequest()
                .body(problem(
                        HttpStatus.BAD_REQUEST,
                        "Invalid request",
                        ex.getParameterName() + ": is required",
                        Map.of("field", ex.getParameterName())));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail refused = refusedBody(ex);
        if (refused != null) {
            return ResponseEntity.status(refused.getStatus()).body(refused);
        }
        String field = "";
        String reason = "the request body is not valid JSON for this request";
        if (ex.getCause() instanceof DatabindException d) {
            field = d.getPath().stream()
                    .map(r -> r.getPropertyName() != null ? r.getPropertyName() : "[" + r.getIndex() + "]")
                    .reduce((a, b) -> a + "." + b)
                    .orElse("");
            Throwable root = d;
            while (root.getCause() != null) {
                root = root.getCause();
            }
            reason = expected(d instanceof MismatchedInputException m ? m.getTargetType() : null, root);
        }
        return ResponseEntity.badRequest()
                .body(problem(
                        HttpStatus.BAD_REQUEST,
                        "Invalid request body",
                        (field.isEmpty() ? "" : field + ": ") + reason,
                        Map.of("field", field)));
    }

    /**
     * What a value of the type looks like ({@code expected a date YYYY-MM-DD}), never the parser's
     * own message: Jackson's and Spring's name Java classes and repeat the value. The domain's
     * parsers ({@code MemberKey}, {@code PurposeCode}) say the expected form themselves, without
     * the value: their message is used.
     */
    private static String expected(Class<?> type, Throwable cause) {
        String form = type == null ? ExpectedForm.of(Object.class) : ExpectedForm.of(type);
        boolean domainParser = cause instanceof IllegalArgumentException
                && type != null
                && !type.isEnum()
                && type.getName().startsWith("jp.kenpo.");
        if (domainParser) {
            return cause.getMessage();
        }
        return "expected " + form;
    }

    /**
     * A body refused for what it is rather than for a value in it: too large (a chunked body found
     * out while read, which a reader may have wrapped), a key given twice, a null inside a list.
     */
    private static ProblemDetail refusedBody(HttpMessageNotReadableException ex) {
        for (Throwable t = ex; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof BodyTooLargeException tooLarge) {
                return problem(HttpStatus.CONTENT_TOO_LARGE, "Request body too large", tooLarge.getMessage(), Map.of());
            }
        }
        if (ex.getCause() instanceof StreamReadException read && read.getOriginalMessage() != null) {
            var duplicate = DUPLICATE_KEY.matcher(read.getOriginalMessage());
            if (duplicate.find()) {
                return problem(
                        HttpStatus.BAD_REQUEST,
                        "Invalid request body",
                        duplicate.group(1) + ": the key is given more than once",
                        Map.of("field", duplicate.group(1)));
            }
        }
        if (ex.getCause() instanceof InvalidNullException nulls) {
            String field = nulls.getPath().stream()
                    .map(r -> r.getPropertyName() != null ? r.getPropertyName() : "[" + r.getIndex() + "]")
                    .reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b)
                    .orElse("");
            return problem(
                    HttpStatus.BAD_REQUEST,
                    "Invalid request body",
                    field + ": must not be null",
                    Map.of("field", field));
        }
        return null;
    }

    private static final Pattern DUPLICATE_KEY =
            Pattern.compile("Duplicate (?:Object property|field) \"([^\"]{1,64})\"");

    @Override
    public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public Object beforeBodyWrite(
            Object body,
            MethodParameter returnType,
            MediaType contentType,
            Class<? extends HttpMessageConverter<?>> converterType,
            ServerHttpRequest request,
            ServerHttpResponse response) {
        if (body instanceof ProblemDetail p) {
            p.setTitle(NumberMask.mask(p.getTitle()));
            p.setDetail(NumberMask.mask(p.getDetail()));
            if (p.getInstance() != null) {
                p.setInstance(URI.create(NumberMask.mask(p.getInstance().toString())));
            }
            if (p.getProperties() != null) {
                new LinkedHashMap<>(p.getProperties()).forEach((name, value) -> p.setProperty(name, masked(value)));
            }
        }
        return body;
    }

    /** Strings masked, also inside the lists and maps of an import's problems. */
    private static Object masked(Object value) {
        if (value instanceof String s) {
            return NumberMask.mask(s);
        }
        if (value instanceof List<?> list) {
            return list.stream().map(ApiErrors::masked).toList();
        }
        if (value instanceof Map<?, ?> map) {
            var copy = new LinkedHashMap<Object, Object>();
            map.forEach((k, v) -> copy.put(k, masked(v)));
            return copy;
        }
        return value;
    }

    static ProblemDetail problem(HttpStatus status, String title, String detail, Map<String, ?> properties) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
        p.setTitle(title);
        properties.forEach(p::setProperty);
        return p;
    }
}
