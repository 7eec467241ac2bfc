package jp.kenpo.privacy.pages;

import jakarta.servlet.http.HttpServletRequest;
import jp.kenpo.privacy.accounts.SignedIn;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * A path nothing answers: a person in a browser gets the not-found page (404), not the API's
 * problem detail; a path under {@code /api/} keeps its JSON. Before every other advice, because
 * Spring's own (problem details for the API) would answer any path with JSON.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class NotFoundPages {

    @ExceptionHandler({NoResourceFoundException.class, NoHandlerFoundException.class})
    Object notFound(Exception e, HttpServletRequest request, @AuthenticationPrincipal SignedIn who) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.startsWith("/api/")) {
            var body = ((ErrorResponse) e).getBody();
            // the path is the client's own: not repeated in the answer
            body.setDetail("no such resource");
            return ResponseEntity.status(HttpStatus.NOT_FOUND)
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(body);
        }
        var page = new ModelAndView("pages/not-found", HttpStatus.NOT_FOUND);
        page.addObject("notFoundMessage", "notFound.page");
        page.addObject("here", request.getRequestURI());
        page.addObject("who", who != null && who.setup().isEmpty() ? who : null);
        return page;
    }
}
