package jp.kenpo.privacy.pages;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The staff console: finding members, a member's page, filing a paper form. */
@Controller
class ConsolePages {

    @GetMapping("/console")
    String home() {
        return "pages/console-home";
    }
}
