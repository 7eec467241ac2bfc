package jp.kenpo.privacy.pages;

import java.time.Clock;
import jp.kenpo.privacy.catalog.CatalogService;
import jp.kenpo.privacy.catalog.CatalogVersion;
import jp.kenpo.privacy.shared.SocietyTime;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The public notice (no sign-in), from the catalog version in force, and the reservation form
 * (申出書) generated from the same version: every purpose with a box to tick, for members who post
 * it instead of signing in. A purpose retired by today is no longer published, so neither lists it
 * (as {@code NoticeRenderer} leaves it out).
 */
@Controller
class NoticePages {

    private final CatalogService catalogs;
    private final Clock clock;

    NoticePages(CatalogService catalogs, Clock clock) {
        this.catalogs = catalogs;
        this.clock = clock;
    }

    @GetMapping("/notice")
    String notice(Model model) {
        model.addAttribute("version", inForce());
        model.addAttribute("today", SocietyTime.dateOf(clock.instant()));
        return "pages/notice";
    }

    @GetMapping("/notice/form")
    String form(Model model) {
        model.addAttribute("version", inForce());
        model.addAttribute("today", SocietyTime.dateOf(clock.instant()));
        return "pages/notice-form";
    }

    private CatalogVersion inForce() {
        return catalogs.catalog()
                .inForceAt(clock.instant())
                .orElseThrow(() -> new IllegalStateException("no catalog version is in force"));
    }
}
