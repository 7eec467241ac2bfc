package jp.kenpo.privacy.requests;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import jp.kenpo.privacy.accounts.MemberAccess;
import jp.kenpo.privacy.accounts.Role;
import jp.kenpo.privacy.accounts.SignedIn;
import jp.kenpo.privacy.audit.AuditAction;
import jp.kenpo.privacy.audit.AuditEvent;
import jp.kenpo.privacy.audit.AuditOutcome;
import jp.kenpo.privacy.audit.AuditTrail;
import jp.kenpo.privacy.catalog.PurposeCode;
import jp.kenpo.privacy.consent.Channel;
import jp.kenpo.privacy.members.IdentityCorrection;
import jp.kenpo.privacy.members.MemberKey;
import jp.kenpo.privacy.shared.BadRequestException;
import jp.kenpo.privacy.shared.SocietyTime;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The member's requests over HTTP: staff file, verify, decide and answer; an auditor reads; a
 * member files online for themselves or a dependent (their signed-in account being their identity,
 * Art. 37(2)) and follows them through {@code /members/{key}/requests}.
 */
@RestController
@RequestMapping("/api/v1")
class RequestsController {

    private final RequestDesk desk;
    private final MemberAccess access;
    private final AuditTrail audit;
    private final Clock clock;

    RequestsController(RequestDesk desk, MemberAccess access, AuditTrail audit, Clock clock) {
        this.desk = desk;
        this.access = access;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * A request as received. Staff give every field ({@code receivedOn} defaults to today,
     * {@code feeYen} to 0); a member gives the member, the kind, the purpose of a suspension and a
     * disclosure's delivery form: the rest is the portal's (today, PORTAL, SELF or INSURED_PERSON).
     */
    record FileRequest(
            MemberKey member,
            RequestKind kind,
            PurposeCode purpose,
            Requester filedBy,
            Channel channel,
            LocalDate receivedOn,
            DeliveryForm delivery,
            Integer feeYen) {}

    @PostMapping("/requests")
    @ResponseStatus(HttpStatus.CREATED)
    RightsRequest file(@RequestBody FileRequest body, Authentication principal) {
        if (body.member() == null) {
            throw new BadRequestException("member", "name the member the request is about");
        }
        if (body.kind() == null) {
            throw new BadRequestException("kind", "name the kind of request: " + List.of(RequestKind.values()));
        }
        if (principal.getPrincipal() instanceof SignedIn who && who.role() == Role.MEMBER) {
            if (!access.mayActFor(who, body.member())) {
                // another person's data: neither the member nor their insured person (Art. 33(1), 37(3))
                audit.recordRefusal(AuditEvent.of(
                                AuditAction.ACCESS_REFUSED,
                                "POST /api/v1/requests: a request about a member the account does not act for")
                        .member(body.member())
                        .outcome(AuditOutcome.REFUSED));
                throw new NotTheirs();
            }
            if (body.filedBy() != null
                    || body.channel() != null
                    || body.receivedOn() != null
                    || body.feeYen() != null) {
                throw new BadRequestException(
                        "filedBy",
                        "a request filed online is the account's own, received today through the portal: "
                                + "leave filedBy, channel, receivedOn and feeYen out");
            }
            return desk.fileSignedIn(
                    body.member(),
                    who.member().orElseThrow(),
                    body.kind(),
                    Optional.ofNullable(body.purpose()),
                    Optional.ofNullable(body.delivery()),
                    who.name());
        }
        if (body.filedBy() == null) {
            throw new BadRequestException("filedBy", "name who filed it: " + List.of(Requester.values()));
        }
        if (body.channel() == null) {
            throw new BadRequestException("channel", "name the channel: " + List.of(Channel.values()));
        }
        return desk.file(
                new NewRequest(
                        body.member(),
                        body.kind(),
                        Optional.ofNullable(body.purpose()),
                        body.filedBy(),
                        body.channel(),
                        body.receivedOn() != null ? body.receivedOn() : SocietyTime.dateOf(clock.instant()),
                        Optional.ofNullable(body.delivery()),
                        body.feeYen() != null ? body.feeYen() : 0),
                principal.getName());
    }

    /** The open requests, overdue first, a page at a time ({@code after}: the {@code next} of the page before). */
    @GetMapping("/requests")
    RequestDesk.RequestPage list(
            @RequestParam(defaultValue = "false") boolean overdue,
            @RequestParam(required = false) String after,
            @RequestParam(defaultValue = "100") int limit) {
        return desk.open(overdue, Optional.ofNullable(after), limit);
    }

    @GetMapping("/requests/{id}")
    RequestDesk.RequestFile show(@PathVariable long id) {
        return desk.show(id);
    }

    /** The requests about a member, newest first: for staff, and for the member or their insured person. */
    @GetMapping("/members/{key}/requests")
    List<RightsRequest> ofMember(@PathVariable MemberKey key) {
        return desk.about(List.of(key));
    }

    record Verification(IdentityCheck method, Authority authority) {}

    @PostMapping("/requests/{id}/verification")
    RightsRequest verify(@PathVariable long id, @RequestBody Verification body, Authentication principal) {
        if (body.method() == null) {
            throw new BadRequestException(
                    "method", "name how identity was confirmed: " + List.of(IdentityCheck.values()));
        }
        return desk.verify(id, body.method(), Optional.ofNullable(body.authority()), principal.getName());
    }

    /** A correction granted gives the fields as they are to read (as the member file writes them). */
    record CorrectionFields(String insurerNumber, String nameKanji, String nameKana, String sex, String birthDate) {}

    record DecisionBody(
            Outcome outcome, Ground ground, Set<Section> withheld, CorrectionFields correction, String note) {}

    @PostMapping("/requests/{id}/decision")
    RequestDesk.Decided decide(@PathVariable long id, @RequestBody DecisionBody body, Authentication principal) {
        if (body.outcome() == null) {
            throw new BadRequestException("outcome", "name the outcome: FULL, PARTIAL or REFUSED");
        }
        Optional<IdentityCorrection> correction = Optional.ofNullable(body.correction())
                .map(c -> new IdentityCorrection(
                        Optional.ofNullable(c.insurerNumber()),
                        Optional.ofNullable(c.nameKanji()),
                        Optional.ofNullable(c.nameKana()),
                        Optional.ofNullable(c.sex()),
                        Optional.ofNullable(c.birthDate()),
                        ""));
        return desk.decide(
                id,
                new Decision(
                        body.outcome(),
                        Optional.ofNullable(body.ground()),
                        body.withheld() == null ? Set.of() : body.withheld(),
                        correction,
                        Optional.ofNullable(body.note())),
                principal.getName());
    }

    /**
     * Answers a decided request: the package (ZIP) is the response, and the request is answered.
     * {@code receiptDetail=true} when the member asked for each receipt, not only the monthly summary.
     */
    @PostMapping("/requests/{id}/answer")
    ResponseEntity<byte[]> answer(
            @PathVariable long id,
            @RequestParam(name = "receiptDetail", defaultValue = "false") boolean receiptDetail,
            Authentication principal) {
        AnswerPackage pack = desk.answer(id, principal.getName(), receiptDetail, p -> {});
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("application/zip"))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + pack.fileName() + "\"")
                .header("X-Content-SHA256", pack.sha256())
                .body(pack.zip());
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> unknown(UnknownRequestException e) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
        p.setTitle("Unknown request");
        p.setProperty("field", e.field());
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(p);
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> notTheirs(NotTheirs e) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(
                HttpStatus.FORBIDDEN,
                "a member files requests for themselves, and an insured person for their dependents: "
                        + "another person's request is filed by them or their representative");
        p.setTitle("Refused");
        return ResponseEntity.status(HttpStatus.FORBIDDEN).body(p);
    }

    /** A member asked about someone they do not act for. */
    static final class NotTheirs extends RuntimeException {
        NotTheirs() {
            super("not the member's own or a dependent's");
        }
    }
}
