package jp.kenpo.privacy.consent;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import jp.kenpo.privacy.accounts.Role;
import jp.kenpo.privacy.accounts.SignedIn;
import jp.kenpo.privacy.catalog.PurposeCode;
import jp.kenpo.privacy.members.MemberKey;
import jp.kenpo.privacy.shared.SocietyTime;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
class ConsentController {

    private final ConsentLedger ledger;
    private final LedgerVerifier verifier;
    private final Clock clock;

    ConsentController(ConsentLedger ledger, LedgerVerifier verifier, Clock clock) {
        this.ledger = ledger;
        this.verifier = verifier;
        this.clock = clock;
    }

    /**
     * A member's request as received. Exactly one of {@code purpose} or {@code category};
     * {@code receivedOn} defaults to today, {@code filedBy} to SELF. A member filing for themselves
     * or a dependent files online (PORTAL), today.
     */
    record EventRequest(
            ConsentAction action,
            PurposeCode purpose,
            Integer category,
            LocalDate receivedOn,
            Channel channel,
            Filer filedBy,
            String note) {}

    @PostMapping("/members/{key}/consent-events")
    @ResponseStatus(HttpStatus.CREATED)
    ConsentEvent record(@PathVariable MemberKey key, @RequestBody EventRequest body, Authentication principal) {
        if (body.action() == null) {
            throw new InvalidConsentRequestException("action", "name the action: RESERVE, GIVE, WITHDRAW or LIFT");
        }
        if ((body.purpose() == null) == (body.category() == null)) {
            throw new InvalidConsentRequestException("purpose", "name exactly one of purpose or category");
        }
        Channel channel = body.channel();
        Filer filedBy = body.filedBy() != null ? body.filedBy() : Filer.SELF;
        LocalDate today = SocietyTime.dateOf(clock.instant());
        if (principal.getPrincipal() instanceof SignedIn who && who.role() == Role.MEMBER) {
            // a member files online for themselves, or as the insured person for a dependent (ウ)
            channel = Channel.PORTAL;
            filedBy = who.member().filter(key::equals).isPresent() ? Filer.SELF : Filer.INSURED_PERSON;
            // what the member files online is received when it arrives: a back-dated event would
            // rewrite the member's past state, which only the society may do from a dated paper form
            if (body.receivedOn() != null && !body.receivedOn().equals(today)) {
                throw new InvalidConsentRequestException(
                        "receivedOn",
                        "an event filed online is received today (" + today
                                + ", Tokyo time); leave receivedOn out or send " + today);
            }
        }
        if (channel == null) {
            throw new InvalidConsentRequestException("channel", "name the channel: PAPER, COUNTER, PHONE or PORTAL");
        }
        ConsentTarget target = body.purpose() != null
                ? ConsentTarget.purpose(body.purpose())
                : ConsentTarget.category(body.category());
        LocalDate received = body.receivedOn() != null ? body.receivedOn() : today;
        return ledger.record(
                new ConsentRequest(
                        key, body.action(), target, received, channel, filedBy, Optional.ofNullable(body.note())),
                principal.getName());
    }

    @GetMapping("/members/{key}/consent-events")
    List<ConsentEvent> history(@PathVariable MemberKey key) {
        return ledger.history(key);
    }

    /** The member's state on every purpose in force at {@code at}, counting events recorded by {@code knownAt}. */
    @GetMapping("/members/{key}/consent")
    ConsentStatus status(
            @PathVariable MemberKey key,
            @RequestParam(required = false) Instant at,
            @RequestParam(required = false) Instant knownAt) {
        return ledger.status(key, at != null ? at : clock.instant(), Optional.ofNullable(knownAt));
    }

    @GetMapping("/ledger/verification")
    LedgerVerification verify() {
        return verifier.verify();
    }
}
