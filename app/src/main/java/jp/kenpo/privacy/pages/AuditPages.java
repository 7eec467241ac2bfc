package jp.kenpo.privacy.pages;

import java.time.Instant;
import java.util.Optional;
import jp.kenpo.privacy.audit.AuditAction;
import jp.kenpo.privacy.audit.AuditQuery;
import jp.kenpo.privacy.audit.AuditReview;
import jp.kenpo.privacy.shared.SocietyTime;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The audit trail for the privacy officer and the auditor: search, and the check of its hash chains. */
@Controller
class AuditPages {

    static final int PAGE = 50;

    private final AuditReview review;

    AuditPages(AuditReview review) {
        this.review = review;
    }

    @GetMapping("/console/audit")
    String search(
            @RequestParam(defaultValue = "") String member,
            @RequestParam(defaultValue = "") String actor,
            @RequestParam(defaultValue = "") String action,
            @RequestParam(defaultValue = "") String from,
            @RequestParam(defaultValue = "") String to,
            @RequestParam(defaultValue = "0") int offset,
            @RequestParam(required = false) String search,
            Model model) {
        model.addAttribute("actions", AuditAction.values());
        if (search == null) {
            return "pages/console-audit";
        }
        Optional<String> key = Optional.empty();
        if (!member.isBlank()) {
            var parsed = TypedInput.memberKey(member);
            if (parsed.isEmpty()) {
                return refused(model, "member", "search.error.key");
            }
            key = Optional.of(parsed.get().toString());
        }
        Optional<AuditAction> act;
        try {
            act = action.isBlank() ? Optional.empty() : Optional.of(AuditAction.valueOf(action));
        } catch (IllegalArgumentException e) {
            return refused(model, "action", "audit.error.action");
        }
        Optional<Instant> since = instant(from);
        Optional<Instant> until = instant(to);
        if (!from.isBlank() && since.isEmpty()) {
            return refused(model, "from", "audit.error.time");
        }
        if (!to.isBlank() && until.isEmpty()) {
            return refused(model, "to", "audit.error.time");
        }
        var page = review.search(new AuditQuery(
                key,
                actor.isBlank() ? Optional.empty() : Optional.of(TypedInput.normal(actor)),
                act,
                since,
                until,
                Math.max(0, offset),
                PAGE));
        model.addAttribute("page", page);
        model.addAttribute("next", page.offset() + page.entries().size() < page.total() ? page.offset() + PAGE : null);
        return "pages/console-audit";
    }

    @GetMapping("/console/audit/verification")
    String verify(Model model) {
        model.addAttribute("actions", AuditAction.values());
        model.addAttribute("verification", review.verify(Optional.empty()));
        return "pages/console-audit";
    }

    private static Optional<Instant> instant(String text) {
        if (text.isBlank()) {
            return Optional.empty();
        }
        var day = TypedInput.date(text);
        if (day.isPresent()) {
            return Optional.of(SocietyTime.startOf(day.get()));
        }
        try {
            return Optional.of(SocietyTime.parseInstant(TypedInput.normal(text)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static String refused(Model model, String field, String message) {
        model.addAttribute("errorField", field);
        model.addAttribute("errorMessage", message);
        return "pages/console-audit";
    }
}
