package jp.kenpo.privacy.web;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import jp.kenpo.privacy.accounts.AccountStateException;
import jp.kenpo.privacy.accounts.UnknownAccountException;
import jp.kenpo.privacy.catalog.CatalogFileException;
import jp.kenpo.privacy.consent.InvalidConsentRequestException;
import jp.kenpo.privacy.decision.UnknownPurposeException;
import jp.kenpo.privacy.members.ImportRejectedException;
import jp.kenpo.privacy.members.UnknownMemberException;
import jp.kenpo.privacy.members.UploadTooLargeException;
import jp.kenpo.privacy.mynumber.MyNumberRefusedException;
import jp.kenpo.privacy.mynumber.NoIndividualNumberException;
import jp.kenpo.privacy.mynumber.VaultUnavailableException;
import jp.kenpo.privacy.shared.BadRequestException;
import tools.jackson.databind.DatabindException;

/**
 * Every refusal of the API as an RFC 9457 problem detail that names what is wrong and where:
 * the {@code field} of a request, the {@code line} of a file, each bad row of an import.
 */
@RestControllerAdvice
class ApiErrors extends ResponseEntityExceptionHandler {

    @ExceptionHandler
    ProblemDetail unknownMember(UnknownMemberException e) {
        return problem(HttpStatus.NOT_FOUND, "Unknown member", e.getMessage(), Map.of("member", e.key().toString()));
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
    ProblemDetail badRequest(BadRequestException e) {
        return problem(HttpStatus.BAD_REQUEST, "Invalid request", e.field() + ": " + e.getMessage(),
                Map.of("field", e.field()));
    }

    @ExceptionHandler
    ProblemDetail catalogFile(CatalogFileException e) {
        return problem(HttpStatus.UNPROCESSABLE_CONTENT, "Catalog file refused", e.getMessage(),
                Map.of("file", e.file(), "line", e.line()));
    }

    @ExceptionHandler
    ProblemDetail importRejected(ImportRejectedException e) {
        List<Map<String, Object>> rows = e.problems().stream().limit(1000).map(p -> Map.<String, Object>of(
                "line", p.line(), "column", p.column(), "reason", p.reason())).toList();
        return problem(HttpStatus.UNPROCESSABLE_CONTENT, "Import refused", e.getMessage(),
                Map.of("problems", rows, "problemCount", e.problems().size()));
    }

    @ExceptionHandler
    ProblemDetail tooLarge(UploadTooLargeException e) {
        return problem(HttpStatus.CONTENT_TOO_LARGE, "Upload too large", e.getMessage(), Map.of());
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
    protected ResponseEntity<Object> handleTypeMismatch(org.springframework.beans.TypeMismatchException ex,
                                                        HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String field = ex instanceof MethodArgumentTypeMismatchException m ? m.getName() : ex.getPropertyName();
        Throwable cause = ex.getMostSpecificCause();
        String reason = cause instanceof IllegalArgumentException ? cause.getMessage()
                : "'" + ex.getValue() + "' is not a valid " + field;
        return ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST, "Invalid request", field + ": " + reason,
                Map.of("field", field == null ? "" : field)));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        String field = "";
        String reason = "the request body is not valid JSON for this request";
        if (ex.getCause() instanceof DatabindException d) {
            field = d.getPath().stream().map(r -> r.getPropertyName() != null ? r.getPropertyName()
                    : "[" + r.getIndex() + "]").reduce((a, b) -> a + "." + b).orElse("");
            Throwable root = d;
            while (root.getCause() != null) {
                root = root.getCause();
            }
            reason = root instanceof IllegalArgumentException ? root.getMessage() : d.getOriginalMessage();
        }
        return ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST, "Invalid request body",
                (field.isEmpty() ? "" : field + ": ") + reason, Map.of("field", field)));
    }

    static ProblemDetail problem(HttpStatus status, String title, String detail, Map<String, ?> properties) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
        p.setTitle(title);
        properties.forEach(p::setProperty);
        return p;
    }
}
