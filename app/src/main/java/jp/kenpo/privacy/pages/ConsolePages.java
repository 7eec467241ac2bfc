package jp.kenpo.privacy.pages;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import jp.kenpo.privacy.accounts.SignedIn;
import jp.kenpo.privacy.catalog.CatalogService;
import jp.kenpo.privacy.catalog.CatalogVersion;
import jp.kenpo.privacy.catalog.PurposeCode;
import jp.kenpo.privacy.consent.ConsentEvent;
import jp.kenpo.privacy.consent.ConsentLedger;
import jp.kenpo.privacy.consent.InvalidConsentRequestException;
import jp.kenpo.privacy.decision.DecisionService;
import jp.kenpo.privacy.decision.UnknownPurposeException;
import jp.kenpo.privacy.members.Member;
import jp.kenpo.privacy.members.MemberKey;
import jp.kenpo.privacy.members.MemberRegistry;
import jp.kenpo.privacy.members.MemberSearch;
import jp.kenpo.privacy.shared.SocietyTime;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The staff console: finding members (keyset paging, so the last page of a million is as quick as
 * the first), a member's page (eligibility, household, consent on every purpose with its history,
 * a decision tester), and filing a paper form with a confirmation before it is recorded.
 */
@Controller
class ConsolePages {

    static final int PAGE = 50;

    private final MemberRegistry members;
    private final ConsentLedger ledger;
    private final DecisionService decisions;
    private final CatalogService catalogs;
    private final Clock clock;
    private final MemberRecords records;

    ConsolePages(
            MemberRegistry members,
            ConsentLedger ledger,
            DecisionService decisions,
            CatalogService catalogs,
            Clock clock,
            MemberRecords records) {
        this.members = members;
        this.ledger = ledger;
        this.decisions = decisions;
        this.catalogs = catalogs;
        this.clock = clock;
        this.records = records;
    }

    @GetMapping("/console")
    String home() {
        return "pages/console-home";
    }

    @GetMapping("/console/members")
    String search(
            @RequestParam(defaultValue = "") String key,
            @RequestParam(defaultValue = "") String kana,
            @RequestParam(defaultValue = "") String name,
            @RequestParam(defaultValue = "") String born,
            @RequestParam(defaultValue = "") String after,
            Model model) {
        if (!key.isBlank()) {
            Optional<MemberKey> parsed = TypedInput.memberKey(key);
            if (parsed.isEmpty()) {
                return refused(model, "key", "search.error.key");
            }
            if (members.find(parsed.get()).isEmpty()) {
                return refused(model, "key", "search.error.noSuchKey");
            }
            return "redirect:/console/members/" + parsed.get();
        }
        Optional<LocalDate> birth = Optional.empty();
        if (!born.isBlank()) {
            birth = TypedInput.date(born);
            if (birth.isEmpty()) {
                return refused(model, "born", "search.error.born");
            }
        }
        var search = new MemberSearch(optional(kana), optional(name), birth);
        if (search.isEmpty()) {
            return refused(model, "key", "search.error.empty");
        }
        Optional<MemberKey> from = after.isBlank() ? Optional.empty() : TypedInput.memberKey(after);
        List<Member> found = members.search(search, from, PAGE);
        model.addAttribute("found", found);
        model.addAttribute(
                "next", found.size() == PAGE ? found.get(found.size() - 1).key().toString() : null);
        return "pages/console-members";
    }

    private static Optional<String> optional(String text) {
        return text.isBlank() ? Optional.empty() : Optional.of(text);
    }

    private static String refused(Model model, String field, String message) {
        model.addAttribute("errorField", field);
        model.addAttribute("errorMessage", message);
        return "pages/console-members";
    }

    @GetMapping("/console/members/{key}")
    String member(@PathVariable String key, @RequestParam(defaultValue = "1") String records, Model model) {
        MemberKey k = TypedInput.pathKey(key);
        Member m = members.read(k);
        Instant now = clock.instant();
        model.addAttribute("member", m);
        model.addAttribute("household", household(m));
        var status = ledger.status(k, now, Optional.empty());
        model.addAttribute("status", status);
        model.addAttribute("version", version(now));
        var newestFirst = new ArrayList<>(status.history());
        java.util.Collections.reverse(newestFirst);
        model.addAttribute("history", newestFirst);
        model.addAttribute("at", new Dates().local(now));
        this.records.addTo(model, k, records);
        return "pages/console-member";
    }

    /** The insured person and every dependent of the household, the member themselves included. */
    private List<Member> household(Member m) {
        MemberKey insured = m.insured().orElse(m.key());
        var all = new ArrayList<Member>();
        members.find(insured).ifPresent(all::add);
        all.addAll(members.dependentsOf(insured));
        return all;
    }

    @GetMapping("/console/members/{key}/decision")
    String decide(
            @PathVariable String key,
            @RequestParam(defaultValue = "") String purpose,
            @RequestParam(defaultValue = "") String at,
            Model model) {
        MemberKey k = TypedInput.pathKey(key);
        Instant now = clock.instant();
        model.addAttribute("key", k);
        model.addAttribute("version", version(now));
        model.addAttribute("purpose", purpose);
        model.addAttribute("at", at.isBlank() ? new Dates().local(now) : at);
        Instant when;
        try {
            when = at.isBlank() ? now : SocietyTime.parseInstant(TypedInput.normal(at));
        } catch (IllegalArgumentException e) {
            model.addAttribute("errorField", "at");
            model.addAttribute("errorMessage", "decision.error.at");
            return "pages/console-decision";
        }
        if (!purpose.matches(PurposeCode.REGEX)) {
            model.addAttribute("errorField", "purpose");
            model.addAttribute("errorMessage", "decision.error.purpose");
            return "pages/console-decision";
        }
        try {
            model.addAttribute("decision", decisions.decide(k, PurposeCode.parse(purpose), when));
        } catch (UnknownPurposeException e) {
            model.addAttribute("errorField", "purpose");
            model.addAttribute("errorMessage", "decision.error.purpose");
        }
        return "pages/console-decision";
    }

    @GetMapping("/console/members/{key}/forms")
    String paperForm(@PathVariable String key, Model model) {
        MemberKey k = TypedInput.pathKey(key);
        return form(members.read(k), PaperForm.blank(today()), null, model);
    }

    /** Back from the confirmation to the form, with everything as it was typed. */
    @PostMapping("/console/members/{key}/forms/edit")
    String editPaperForm(@PathVariable String key, PaperForm typed, Model model) {
        return form(members.read(TypedInput.pathKey(key)), typed, null, model);
    }

    /** The check before anything is recorded: what will be recorded, or what is wrong with the form. */
    @PostMapping("/console/members/{key}/forms/check")
    String checkPaperForm(@PathVariable String key, PaperForm typed, Model model) {
        MemberKey k = TypedInput.pathKey(key);
        Member m = members.read(k);
        CatalogVersion version = version(clock.instant());
        var checked = typed.check(k, version, today());
        if (!checked.ok()) {
            return form(m, typed, checked, model);
        }
        model.addAttribute("member", m);
        model.addAttribute("form", typed);
        model.addAttribute("requests", checked.requests());
        model.addAttribute("version", version);
        return "pages/console-form-check";
    }

    @PostMapping("/console/members/{key}/forms")
    String recordPaperForm(
            @PathVariable String key, PaperForm typed, @AuthenticationPrincipal SignedIn who, Model model) {
        MemberKey k = TypedInput.pathKey(key);
        Member m = members.read(k);
        CatalogVersion version = version(clock.instant());
        var checked = typed.check(k, version, today());
        if (!checked.ok()) {
            return form(m, typed, checked, model);
        }
        List<ConsentEvent> recorded;
        try {
            recorded = ledger.recordAll(checked.requests(), who.name());
        } catch (InvalidConsentRequestException e) {
            model.addAttribute("errorField", "targets");
            model.addAttribute("errorMessage", "form.error.refused");
            model.addAttribute("errorDetail", e.getMessage());
            return form(m, typed, null, model);
        }
        model.addAttribute("member", m);
        model.addAttribute("recorded", recorded);
        model.addAttribute("version", version);
        return "pages/console-form-recorded";
    }

    private String form(Member m, PaperForm typed, PaperForm.Checked checked, Model model) {
        model.addAttribute("member", m);
        model.addAttribute("form", typed.shownAgain(checked));
        model.addAttribute("version", version(clock.instant()));
        if (checked != null && !checked.ok()) {
            model.addAttribute("errors", checked.errors());
        }
        return "pages/console-form";
    }

    private CatalogVersion version(Instant at) {
        return catalogs.catalog().inForceAt(at).orElseThrow(() -> new IllegalStateException("no catalog in force"));
    }

    private LocalDate today() {
        return SocietyTime.dateOf(clock.instant());
    }
}
