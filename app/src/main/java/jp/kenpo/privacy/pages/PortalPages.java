package jp.kenpo.privacy.pages;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import jp.kenpo.privacy.accounts.SignedIn;
import jp.kenpo.privacy.catalog.CatalogService;
import jp.kenpo.privacy.catalog.Purpose;
import jp.kenpo.privacy.catalog.PurposeCode;
import jp.kenpo.privacy.consent.Channel;
import jp.kenpo.privacy.consent.ConsentAction;
import jp.kenpo.privacy.consent.ConsentEvent;
import jp.kenpo.privacy.consent.ConsentLedger;
import jp.kenpo.privacy.consent.ConsentRequest;
import jp.kenpo.privacy.consent.ConsentState;
import jp.kenpo.privacy.consent.ConsentTarget;
import jp.kenpo.privacy.consent.Filer;
import jp.kenpo.privacy.consent.PurposeStanding;
import jp.kenpo.privacy.members.Member;
import jp.kenpo.privacy.members.MemberKey;
import jp.kenpo.privacy.members.MemberKind;
import jp.kenpo.privacy.members.MemberRegistry;
import jp.kenpo.privacy.members.UnknownMemberException;
import jp.kenpo.privacy.shared.SocietyTime;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The member portal: a member's choices on every purpose, one button to change each (ウ: at any
 * time), a confirmation saying what will change, and the history of what they filed. An insured
 * person acts for their dependents too (the security chain lets a member reach only themselves and
 * their dependents). What is filed here is received today, online, filed by the member or, for a
 * dependent, by the insured person.
 */
@Controller
class PortalPages {

    private final MemberRegistry members;
    private final ConsentLedger ledger;
    private final CatalogService catalogs;
    private final Clock clock;

    PortalPages(MemberRegistry members, ConsentLedger ledger, CatalogService catalogs, Clock clock) {
        this.members = members;
        this.ledger = ledger;
        this.catalogs = catalogs;
        this.clock = clock;
    }

    /** A change a member may ask for, from the state a purpose is in. */
    record Choice(PurposeStanding standing, List<ConsentAction> actions) {}

    @GetMapping("/portal")
    String home(@AuthenticationPrincipal SignedIn who, Model model) {
        MemberKey own = who.member().orElseThrow(() -> new UnknownMemberException(null));
        var people = new ArrayList<Member>();
        Member self = members.read(own);
        people.add(self);
        if (self.kind() == MemberKind.INSURED) {
            people.addAll(members.dependentsOf(own));
        }
        model.addAttribute("people", people);
        return "pages/portal-home";
    }

    @GetMapping("/portal/members/{key}")
    String choices(@PathVariable String key, Model model) {
        MemberKey k = TypedInput.pathKey(key);
        var status = ledger.status(k, clock.instant(), Optional.empty());
        model.addAttribute("member", members.read(k));
        model.addAttribute(
                "choices",
                status.purposes().stream()
                        .map(s -> new Choice(s, actionsFrom(s.state())))
                        .toList());
        model.addAttribute(
                "version", catalogs.catalog().inForceAt(clock.instant()).orElseThrow());
        return "pages/portal-choices";
    }

    static List<ConsentAction> actionsFrom(ConsentState state) {
        return switch (state) {
            case DEEMED -> List.of(ConsentAction.RESERVE);
            case RESERVED -> List.of(ConsentAction.LIFT, ConsentAction.GIVE);
            case CONSENTED -> List.of(ConsentAction.WITHDRAW);
        };
    }

    /** The confirmation: this purpose, from this state to that one; nothing recorded yet. */
    @PostMapping("/portal/members/{key}/change")
    String confirm(
            @PathVariable String key,
            @RequestParam(defaultValue = "") String purpose,
            @RequestParam(defaultValue = "") String action,
            Model model) {
        MemberKey k = TypedInput.pathKey(key);
        var status = ledger.status(k, clock.instant(), Optional.empty());
        Optional<PurposeStanding> standing = status.purposes().stream()
                .filter(s -> s.purpose().code().toString().equals(purpose))
                .findFirst();
        Optional<ConsentAction> act = action(action);
        if (standing.isEmpty()
                || act.isEmpty()
                || !actionsFrom(standing.get().state()).contains(act.get())) {
            return "redirect:/portal/members/" + k;
        }
        model.addAttribute("member", members.read(k));
        model.addAttribute("standing", standing.get());
        model.addAttribute("action", act.get());
        model.addAttribute("after", after(act.get()));
        return "pages/portal-confirm";
    }

    @PostMapping("/portal/members/{key}/record")
    String record(
            @PathVariable String key,
            @RequestParam(defaultValue = "") String purpose,
            @RequestParam(defaultValue = "") String action,
            @AuthenticationPrincipal SignedIn who) {
        MemberKey k = TypedInput.pathKey(key);
        Optional<ConsentAction> act = action(action);
        Optional<Purpose> p = purpose.matches(PurposeCode.REGEX)
                ? catalogs.catalog().purposeInForceAt(PurposeCode.parse(purpose), clock.instant())
                : Optional.empty();
        if (act.isEmpty() || p.isEmpty()) {
            return "redirect:/portal/members/" + k;
        }
        // filed online by the member, or by the insured person for a dependent; received today (ウ)
        Filer filer = who.member().filter(k::equals).isPresent() ? Filer.SELF : Filer.INSURED_PERSON;
        ledger.record(
                new ConsentRequest(
                        k,
                        act.get(),
                        ConsentTarget.purpose(p.get().code()),
                        SocietyTime.dateOf(clock.instant()),
                        Channel.PORTAL,
                        filer,
                        Optional.empty()),
                who.name());
        return "redirect:/portal/members/" + k + "/history?recorded";
    }

    @GetMapping("/portal/members/{key}/history")
    String history(@PathVariable String key, Model model) {
        MemberKey k = TypedInput.pathKey(key);
        List<ConsentEvent> events = new ArrayList<>(ledger.history(k));
        Collections.reverse(events);
        model.addAttribute("member", members.read(k));
        model.addAttribute("history", events);
        model.addAttribute(
                "version", catalogs.catalog().inForceAt(clock.instant()).orElseThrow());
        return "pages/portal-history";
    }

    private static ConsentState after(ConsentAction action) {
        return switch (action) {
            case RESERVE, WITHDRAW -> ConsentState.RESERVED;
            case GIVE -> ConsentState.CONSENTED;
            case LIFT -> ConsentState.DEEMED;
        };
    }

    private static Optional<ConsentAction> action(String text) {
        try {
            return Optional.of(ConsentAction.valueOf(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
