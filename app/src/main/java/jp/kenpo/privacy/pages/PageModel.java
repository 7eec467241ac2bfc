package jp.kenpo.privacy.pages;

import jakarta.servlet.http.HttpServletRequest;
import jp.kenpo.privacy.accounts.SignedIn;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every page's header needs: where it is (for the language links) and who is signed in. */
@ControllerAdvice(basePackageClasses = PageModel.class)
class PageModel {

    @ModelAttribute("here")
    String here(HttpServletRequest request) {
        return request.getRequestURI();
    }

    @ModelAttribute("who")
    SignedIn who(@AuthenticationPrincipal SignedIn who) {
        return who != null && who.setup().isEmpty() ? who : null;
    }
}
