package jp.kenpo.privacy.pages;

import jp.kenpo.privacy.members.UnknownMemberException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * A page naming a member the registry does not hold answers the not-found page, not the API's
 * problem detail: ahead of the API's advice, for the pages' controllers only.
 */
@ControllerAdvice(basePackageClasses = PageErrors.class)
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class PageErrors {

    @ExceptionHandler(UnknownMemberException.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String unknownMember() {
        return "pages/not-found";
    }
}
