package jp.kenpo.privacy.pages;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import jp.kenpo.privacy.accounts.SignedIn;
import jp.kenpo.privacy.consent.Channel;
import jp.kenpo.privacy.requests.AnswerPackage;
import jp.kenpo.privacy.requests.Authority;
import jp.kenpo.privacy.requests.Ground;
import jp.kenpo.privacy.requests.IdentityCheck;
import jp.kenpo.privacy.requests.Outcome;
import jp.kenpo.privacy.requests.RequestDesk;
import jp.kenpo.privacy.requests.RequestState;
import jp.kenpo.privacy.requests.RightsRequest;
import jp.kenpo.privacy.requests.Section;
import jp.kenpo.privacy.requests.UnknownRequestException;
import jp.kenpo.privacy.shared.BadRequestException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * Members' requests (APPI Art. 32–35) in the console: the open ones, overdue first, a page at a
 * time; one request with its history; and the steps the API offers — identity verified, decided
 * with its statutory ground, answered — each as a form, then a confirmation, then recorded by
 * {@link RequestDesk}, which checks everything again and refuses naming the field.
 */
@Controller
class RequestPages {

    static final int PAGE = 50;

    private final RequestDesk desk;

    RequestPages(RequestDesk desk) {
        this.desk = desk;
    }

    @GetMapping("/console/requests")
    String open(
            @RequestParam(defaultValue = "") String overdue,
            @RequestParam(defaultValue = "") String after,
            Model model) {
        boolean overdueOnly = "true".equals(overdue);
        model.addAttribute("overdueOnly", overdueOnly);
        RequestDesk.RequestPage page;
        try {
            page = desk.open(overdueOnly, after.isBlank() ? Optional.empty() : Optional.of(after), PAGE);
        } catch (BadRequestException badCursor) {
            model.addAttribute("errorField", "main");
            model.addAttribute("errorMessage", "requests.error.after");
            page = desk.open(overdueOnly, Optional.empty(), PAGE);
        }
        model.addAttribute("page", page);
        return "pages/console-requests";
    }

    @GetMapping("/console/requests/{id}")
    String show(@PathVariable String id, Model model) {
        return page(desk.show(id(id)), RequestForm.blank(), Map.of(), model);
    }

    /** Back from a confirmation to the forms, with everything as it was typed. */
    @PostMapping("/console/requests/{id}/edit")
    String edit(@PathVariable String id, RequestForm typed, Model model) {
        return page(desk.show(id(id)), typed, Map.of(), model);
    }

    @PostMapping("/console/requests/{id}/verification/check")
    String checkVerification(@PathVariable String id, RequestForm typed, Model model) {
        var file = desk.show(id(id));
        var read = typed.verification(file.request());
        if (!read.ok()) {
            return page(file, typed, read.errors(), model);
        }
        return confirm(file, typed, "verification", model);
    }

    @PostMapping("/console/requests/{id}/verification")
    String verify(@PathVariable String id, RequestForm typed, @AuthenticationPrincipal SignedIn who, Model model) {
        var file = desk.show(id(id));
        return record(
                file,
                typed,
                typed.verification(file.request()),
                v -> desk.verify(file.request().id(), v.method(), v.authority(), who.name()),
                model);
    }

    @PostMapping("/console/requests/{id}/decision/check")
    String checkDecision(@PathVariable String id, RequestForm typed, Model model) {
        var file = desk.show(id(id));
        var read = typed.decision(file.request());
        if (!read.ok()) {
            return page(file, typed, read.errors(), model);
        }
        return confirm(file, typed, "decision", model);
    }

    @PostMapping("/console/requests/{id}/decision")
    String decide(@PathVariable String id, RequestForm typed, @AuthenticationPrincipal SignedIn who, Model model) {
        var file = desk.show(id(id));
        return record(
                file,
                typed,
                typed.decision(file.request()),
                d -> desk.decide(file.request().id(), d, who.name()),
                model);
    }

    /**
     * A step as read from its form, recorded by the desk: the form again with what is wrong, or the
     * request's page with the desk's refusal, or the request's page saying it is recorded.
     */
    private <T> String record(
            RequestDesk.RequestFile file, RequestForm typed, RequestForm.Read<T> read, Consumer<T> step, Model model) {
        if (!read.ok()) {
            return page(file, typed, read.errors(), model);
        }
        try {
            step.accept(read.value().orElseThrow());
        } catch (UnknownRequestException e) {
            throw e;
        } catch (BadRequestException e) {
            return refused(file, typed, e, model);
        }
        return "redirect:/console/requests/" + file.request().id() + "?recorded";
    }

    @PostMapping("/console/requests/{id}/answer/check")
    String checkAnswer(@PathVariable String id, RequestForm typed, Model model) {
        return confirm(desk.show(id(id)), typed, "answer", model);
    }

    /**
     * Answers the request: the package (ZIP, the same as the API's) is the response, to keep or
     * send; the request is then answered. Refused, the request's page says why.
     */
    @PostMapping("/console/requests/{id}/answer")
    Object answer(@PathVariable String id, RequestForm typed, @AuthenticationPrincipal SignedIn who, Model model) {
        long n = id(id);
        AnswerPackage pack;
        try {
            pack = desk.answer(n, who.name(), typed.wantsReceiptDetail(), p -> {});
        } catch (UnknownRequestException e) {
            throw e;
        } catch (BadRequestException e) {
            return refused(desk.show(n), typed, e, model);
        }
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("application/zip"))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + pack.fileName() + "\"")
                .header("X-Content-SHA256", pack.sha256())
                .body(pack.zip());
    }

    private String confirm(RequestDesk.RequestFile file, RequestForm typed, String step, Model model) {
        RightsRequest r = file.request();
        model.addAttribute("request", r);
        model.addAttribute("form", typed);
        model.addAttribute("step", step);
        model.addAttribute("corrected", typed.correctedFields());
        return "pages/console-request-check";
    }

    /** The desk refused what the confirmation let through (the request moved on meanwhile, say). */
    private String refused(RequestDesk.RequestFile file, RequestForm typed, BadRequestException e, Model model) {
        model.addAttribute("errorField", "main");
        model.addAttribute("errorMessage", "request.error.refused");
        // the desk's words name the field and the rule; a refused note is not shown again
        model.addAttribute("errorDetail", e.getMessage());
        return page(file, "note".equals(e.field()) ? typed.withoutNote() : typed, Map.of(), model);
    }

    private String page(RequestDesk.RequestFile file, RequestForm typed, Map<String, String> errors, Model model) {
        RightsRequest r = file.request();
        model.addAttribute("file", file);
        model.addAttribute("request", r);
        model.addAttribute("form", errors.containsKey("note") ? typed.withoutNote() : typed);
        if (!errors.isEmpty()) {
            model.addAttribute("errors", errors);
        }
        model.addAttribute(
                "checks",
                Arrays.stream(IdentityCheck.values())
                        .filter(c -> c != IdentityCheck.SIGNED_IN_ACCOUNT || r.channel() == Channel.PORTAL)
                        .toList());
        model.addAttribute(
                "authorities",
                Arrays.stream(Authority.values())
                        .filter(a -> a.shows() == r.filedBy())
                        .toList());
        model.addAttribute("outcomes", List.of(Outcome.values()));
        model.addAttribute("grounds", Ground.forKind(r.kind()));
        model.addAttribute("sections", List.of(Section.values()));
        model.addAttribute("canVerify", r.state() == RequestState.RECEIVED);
        model.addAttribute("canDecide", r.state() == RequestState.IDENTITY_VERIFIED);
        model.addAttribute("canAnswer", r.state() == RequestState.DECIDED);
        return "pages/console-request";
    }

    private static long id(String text) {
        try {
            long id = Long.parseLong(text);
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException notANumber) {
            // as an unknown id
        }
        throw new UnknownRequestException(0);
    }

    @ExceptionHandler(UnknownRequestException.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String unknownRequest(Model model) {
        model.addAttribute("notFoundMessage", "notFound.request");
        return "pages/not-found";
    }
}
