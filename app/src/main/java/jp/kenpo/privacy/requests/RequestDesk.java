package jp.kenpo.privacy.requests;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import jp.kenpo.privacy.audit.AuditAction;
import jp.kenpo.privacy.audit.AuditEvent;
import jp.kenpo.privacy.audit.AuditTrail;
import jp.kenpo.privacy.catalog.ConsentPolicy;
import jp.kenpo.privacy.catalog.Purpose;
import jp.kenpo.privacy.catalog.PurposeCode;
import jp.kenpo.privacy.consent.Channel;
import jp.kenpo.privacy.consent.ConsentAction;
import jp.kenpo.privacy.consent.ConsentEvent;
import jp.kenpo.privacy.consent.ConsentLedger;
import jp.kenpo.privacy.consent.ConsentRequest;
import jp.kenpo.privacy.consent.ConsentTarget;
import jp.kenpo.privacy.consent.Filer;
import jp.kenpo.privacy.members.IdentityCorrection;
import jp.kenpo.privacy.members.Member;
import jp.kenpo.privacy.members.MemberCorrection;
import jp.kenpo.privacy.members.MemberCorrections;
import jp.kenpo.privacy.members.MemberKey;
import jp.kenpo.privacy.members.MemberKind;
import jp.kenpo.privacy.members.MemberRegistry;
import jp.kenpo.privacy.provision.ProvisionEntry;
import jp.kenpo.privacy.provision.ProvisionHistory;
import jp.kenpo.privacy.shared.BadRequestException;
import jp.kenpo.privacy.shared.FreeText;
import jp.kenpo.privacy.shared.NumberMask;
import jp.kenpo.privacy.shared.SocietyTime;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The desk where a member's requests under APPI Art. 32–35 are received, verified, decided and
 * answered: the requests module's one way in. Each step is one transaction that moves the request
 * forward from exactly the state it was in, appends the step to its history and audits it.
 */
@Service
public class RequestDesk {

    static final int NOTE_MAX = 2000;

    /** The longest page of the open list: a society's whole backlog, read along its index in one statement. */
    public static final int MAX_PAGE = 10_000;

    private final RequestRows rows;
    private final MemberRegistry members;
    private final PurposeLookup purposes;
    private final ConsentLedger ledger;
    private final MemberCorrections corrections;
    private final AnswerBuilder answers;
    private final ProvisionHistory provisions;
    private final AuditTrail audit;
    private final Clock clock;
    private final Period deadline;

    RequestDesk(
            RequestRows rows,
            MemberRegistry members,
            PurposeLookup purposes,
            ConsentLedger ledger,
            MemberCorrections corrections,
            AnswerBuilder answers,
            ProvisionHistory provisions,
            AuditTrail audit,
            Clock clock,
            @Value("${kenpo.requests.deadline:P14D}") Period deadline) {
        this.rows = rows;
        this.members = members;
        this.purposes = purposes;
        this.ledger = ledger;
        this.corrections = corrections;
        this.answers = answers;
        this.provisions = provisions;
        this.audit = audit;
        this.clock = clock;
        if (deadline.isNegative() || deadline.isZero()) {
            throw new IllegalArgumentException("kenpo.requests.deadline: give a positive period, e.g. P14D");
        }
        this.deadline = deadline;
    }

    /**
     * Records a request as received (RECEIVED).
     *
     * @throws BadRequestException naming the field at fault
     * @throws jp.kenpo.privacy.members.UnknownMemberException when no member has the key
     */
    @Transactional
    public RightsRequest file(NewRequest request, String recordedBy) {
        Member member = members.require(request.member());
        check(request, member);
        Instant now = now();
        LocalDate due = request.receivedOn().plus(deadline);
        long id = rows.insert(member.id(), request, due, now, recordedBy);
        rows.appendEvent(id, event(RequestState.RECEIVED, now, recordedBy));
        audit.record(AuditEvent.of(
                        AuditAction.REQUEST_FILED,
                        "request #" + id + " " + request.kind() + " (APPI "
                                + request.kind().article() + ")"
                                + request.purpose().map(p -> " purpose " + p).orElse("") + " received "
                                + request.receivedOn() + " via " + request.channel() + ", filed by "
                                + request.filedBy() + "; deadline " + due)
                .member(request.member()));
        return require(id);
    }

    /**
     * A member's own request online, for themselves or (as the insured person) a dependent: received
     * today through the portal, their identity being the account they signed in with (Art. 37(2)).
     * Whether the account may act for the member is the caller's check ({@code MemberAccess}).
     */
    @Transactional
    public RightsRequest fileSignedIn(
            MemberKey member,
            MemberKey account,
            RequestKind kind,
            Optional<PurposeCode> purpose,
            Optional<DeliveryForm> delivery,
            String accountName) {
        var request = new NewRequest(
                member,
                kind,
                purpose,
                member.equals(account) ? Requester.SELF : Requester.INSURED_PERSON,
                Channel.PORTAL,
                today(),
                delivery,
                0);
        RightsRequest filed = file(request, accountName);
        return verify(filed.id(), IdentityCheck.SIGNED_IN_ACCOUNT, Optional.empty(), accountName);
    }

    /**
     * Records how the requester's identity was confirmed, and a representative's authority
     * (Art. 37(2)(3)): RECEIVED → IDENTITY_VERIFIED. Only the method is kept, with who checked it.
     */
    @Transactional
    public RightsRequest verify(long id, IdentityCheck method, Optional<Authority> authority, String checkedBy) {
        RequestRows.Row row = lock(id);
        RightsRequest r = keyed(row);
        requireState(r, RequestState.RECEIVED, "its identity is already verified");
        if (method == IdentityCheck.SIGNED_IN_ACCOUNT && r.channel() != Channel.PORTAL) {
            throw new BadRequestException(
                    "method",
                    "SIGNED_IN_ACCOUNT confirms only a request filed on the portal; this one came by " + r.channel()
                            + ": name the document that was checked");
        }
        if (r.filedBy().isRepresentative()) {
            Authority shown = authority.orElseThrow(() -> new BadRequestException(
                    "authority",
                    "the request was filed by a " + r.filedBy() + ": name the document that shows their authority "
                            + "(Art. 37(3)): "
                            + java.util.Arrays.stream(Authority.values())
                                    .filter(a -> a.shows() == r.filedBy())
                                    .map(Enum::name)
                                    .toList()));
            if (shown.shows() != r.filedBy()) {
                throw new BadRequestException(
                        "authority",
                        shown + " shows the authority of a " + shown.shows() + ", not of a " + r.filedBy());
            }
        } else if (authority.isPresent()) {
            throw new BadRequestException(
                    "authority",
                    "only a representative's authority is checked; this request was filed by " + r.filedBy());
        }
        Instant now = now();
        rows.advance(id, RequestState.RECEIVED, RequestState.IDENTITY_VERIFIED, null, null);
        rows.appendEvent(
                id,
                new RequestEvent(
                        0,
                        RequestState.IDENTITY_VERIFIED,
                        now,
                        checkedBy,
                        Optional.of(method),
                        authority,
                        Optional.empty(),
                        Optional.empty(),
                        Set.of(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty()));
        audit.record(AuditEvent.of(
                        AuditAction.REQUEST_IDENTITY_VERIFIED,
                        "request #" + id + ": identity confirmed by " + method
                                + authority.map(a -> ", authority by " + a).orElse("") + ", checked by " + checkedBy)
                .member(r.member()));
        return require(id);
    }

    /**
     * Decides a verified request (IDENTITY_VERIFIED → DECIDED), and carries out what a granted one
     * asks: a correction goes through the registry's corrections (Art. 34); a suspension of a
     * purpose of deemed consent becomes a reservation in the consent ledger (Art. 35), effective
     * from the day of the decision. A partial answer or a refusal names its statutory ground.
     */
    @Transactional
    public Decided decide(long id, Decision decision, String decidedBy) {
        RequestRows.Row row = lock(id);
        RightsRequest r = keyed(row);
        if (r.state() == RequestState.RECEIVED) {
            throw new BadRequestException(
                    "state",
                    "request #" + id + " is not decided before the requester's identity is verified (Art. 37(2)): "
                            + "record how it was confirmed first");
        }
        requireState(r, RequestState.IDENTITY_VERIFIED, "it is already decided");
        checkGround(r, decision);
        String note = note(decision.note());
        if (r.kind().isDisclosure()
                && decision.outcome() == Outcome.PARTIAL
                && decision.withheld().isEmpty()) {
            throw new BadRequestException(
                    "withheld",
                    "a partial disclosure names the sections it withholds: "
                            + java.util.Arrays.toString(Section.values()));
        }
        if (!(r.kind().isDisclosure() && decision.outcome() == Outcome.PARTIAL)
                && !decision.withheld().isEmpty()) {
            throw new BadRequestException("withheld", "only a partial disclosure withholds sections");
        }
        Optional<Long> consentSeq = Optional.empty();
        Optional<MemberCorrection> corrected = Optional.empty();
        boolean granted = decision.outcome() != Outcome.REFUSED;
        if (r.kind() == RequestKind.CORRECT) {
            if (granted) {
                IdentityCorrection asked = decision.correction()
                        .orElseThrow(() -> new BadRequestException(
                                "correction", "a correction granted names the fields as they are to read"));
                corrected = Optional.of(corrections.correct(
                        r.member(),
                        new IdentityCorrection(
                                asked.insurerNumber(),
                                asked.nameKanji(),
                                asked.nameKana(),
                                asked.sex(),
                                asked.birthDate(),
                                "訂正等請求 #" + id + "（個人情報保護法第34条）")));
            } else if (decision.correction().isPresent()) {
                throw new BadRequestException(
                        "correction", "a refused correction changes nothing: leave the fields out");
            }
        } else if (decision.correction().isPresent()) {
            throw new BadRequestException("correction", "only a correction request (CORRECT) corrects the registry");
        }
        if (r.kind().isSuspension()) {
            Purpose purpose = purposes.inForce(r.purpose().orElseThrow());
            if (purpose.policy() == ConsentPolicy.LEGAL && granted) {
                throw new BadRequestException(
                        "outcome",
                        "purpose " + purpose.code() + " is a use under a statute ("
                                + purpose.statute().orElse("LEGAL") + "): it goes on whatever the request; decide "
                                + "REFUSED with the ground STATUTORY_BASIS, and the answer explains the basis");
            }
            if (purpose.policy() != ConsentPolicy.LEGAL
                    && decision.ground()
                            .filter(g -> g == Ground.STATUTORY_BASIS)
                            .isPresent()) {
                throw new BadRequestException(
                        "ground",
                        "purpose " + purpose.code() + " rests on deemed consent, not on a statute: "
                                + "STATUTORY_BASIS is no ground for it");
            }
            if (granted) {
                ConsentEvent reserved = ledger.record(
                        new ConsentRequest(
                                r.member(),
                                ConsentAction.RESERVE,
                                ConsentTarget.purpose(purpose.code()),
                                today(),
                                r.channel(),
                                filer(r.filedBy()),
                                Optional.of("request #" + id + " " + r.kind() + " (APPI "
                                        + r.kind().article() + ")"
                                        + (r.filedBy() == Requester.AGENT
                                                ? ", filed by an agent with a power of attorney"
                                                : ""))),
                        decidedBy);
                consentSeq = Optional.of(reserved.seq());
            }
        }
        Instant now = now();
        rows.advance(
                id,
                RequestState.IDENTITY_VERIFIED,
                RequestState.DECIDED,
                new RequestRows.Decided(decision.outcome(), decision.ground(), decision.withheld()),
                null);
        rows.appendEvent(
                id,
                new RequestEvent(
                        0,
                        RequestState.DECIDED,
                        now,
                        decidedBy,
                        Optional.empty(),
                        Optional.empty(),
                        Optional.of(decision.outcome()),
                        decision.ground(),
                        decision.withheld(),
                        consentSeq,
                        corrected.map(MemberCorrection::id),
                        Optional.empty(),
                        Optional.ofNullable(note)));
        audit.record(AuditEvent.of(
                        AuditAction.REQUEST_DECIDED,
                        "request #" + id + " " + r.kind() + ": " + decision.outcome()
                                + decision.ground()
                                        .map(g -> " on " + g + " (" + g.article() + ")")
                                        .orElse("")
                                + (decision.withheld().isEmpty() ? "" : ", withholding " + decision.withheld())
                                + consentSeq
                                        .map(s -> "; reservation recorded, ledger seq " + s)
                                        .orElse("")
                                + corrected
                                        .map(c -> "; registry corrected, correction #" + c.id())
                                        .orElse(""))
                .member(r.member()));
        List<ProvisionEntry> provided = corrected.isPresent()
                ? provisions.ofMember(r.member()).stream()
                        .filter(e -> e.direction() == ProvisionEntry.Direction.SENT)
                        .toList()
                : List.of();
        return new Decided(require(id), consentSeq, corrected, provided);
    }

    /**
     * A decision as made: the request, and what it changed. A correction lists the provisions of
     * the member's data made before it, so that the officer can tell their recipients.
     */
    public record Decided(
            RightsRequest request,
            Optional<Long> consentSeq,
            Optional<MemberCorrection> correction,
            List<ProvisionEntry> providedBefore) {

        public Decided {
            providedBefore = List.copyOf(providedBefore);
        }
    }

    /**
     * Answers a decided request (DECIDED → ANSWERED): builds its package and hands it to
     * {@code deliver} inside the transaction, so that a package that could not be delivered leaves
     * the request decided, not answered.
     */
    @Transactional
    public AnswerPackage answer(long id, String answeredBy, PackageSink deliver) {
        return answer(id, answeredBy, false, deliver);
    }

    /**
     * As {@link #answer(long, String, PackageSink)}; {@code receiptDetail}: the member asked for
     * each receipt held, not only the summary per month (a disclosure's detail on request).
     */
    @Transactional
    public AnswerPackage answer(long id, String answeredBy, boolean receiptDetail, PackageSink deliver) {
        RequestRows.Row row = lock(id);
        RightsRequest r = keyed(row);
        if (r.state() == RequestState.RECEIVED || r.state() == RequestState.IDENTITY_VERIFIED) {
            throw new BadRequestException(
                    "state", "request #" + id + " is " + r.state() + ": it is answered once it is decided");
        }
        requireState(
                r, RequestState.DECIDED, "it was answered on " + r.answeredOn().orElse(null));
        LocalDate today = today();
        AnswerPackage pack = answers.build(r, rows.events(id), today, receiptDetail);
        try {
            deliver.accept(pack);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("the answer to request #" + id + " could not be written", e);
        }
        rows.advance(id, RequestState.DECIDED, RequestState.ANSWERED, null, today);
        rows.appendEvent(
                id,
                new RequestEvent(
                        0,
                        RequestState.ANSWERED,
                        now(),
                        answeredBy,
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        Set.of(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.of(pack.sha256()),
                        Optional.empty()));
        audit.record(AuditEvent.of(
                        AuditAction.REQUEST_ANSWERED,
                        "request #" + id + " " + r.kind() + " answered " + today + ": package " + pack.fileName()
                                + ", sha256 " + pack.sha256())
                .member(r.member()));
        return pack;
    }

    /** Where an answer's package goes: a file, an HTTP answer. */
    @FunctionalInterface
    public interface PackageSink {
        void accept(AnswerPackage pack) throws java.io.IOException;
    }

    /** One request and its history: a read of the member's request, audited. */
    @Transactional
    public RequestFile show(long id) {
        RightsRequest r = keyed(rows.find(id).orElseThrow(() -> new UnknownRequestException(id)));
        List<RequestEvent> history = rows.events(id);
        audit.record(AuditEvent.of(AuditAction.REQUEST_READ, "request #" + id).member(r.member()));
        return new RequestFile(r, history, r.overdueOn(today()));
    }

    /** A request with its history. */
    public record RequestFile(RightsRequest request, List<RequestEvent> history, boolean overdue) {}

    /** The member a request is about, for deciding who may see it (no audit: nothing of the member is shown). */
    @Transactional(readOnly = true)
    public MemberKey memberOf(long id) {
        return keyed(rows.find(id).orElseThrow(() -> new UnknownRequestException(id)))
                .member();
    }

    /**
     * A page of the open requests, overdue first: by deadline, then id, after the cursor (the last
     * request of the page before). With {@code overdueOnly}, only those past their deadline.
     */
    @Transactional
    public RequestPage open(boolean overdueOnly, Optional<String> afterCursor, int limit) {
        Optional<RequestRows.Cursor> after = afterCursor.map(RequestDesk::cursor);
        if (limit < 1 || limit > MAX_PAGE) {
            throw new BadRequestException("limit", "give a page size from 1 to " + MAX_PAGE);
        }
        LocalDate today = today();
        List<RequestRows.Row> page = rows.open(overdueOnly ? Optional.of(today) : Optional.empty(), after, limit);
        var keys = members.keysOf(page.stream().map(RequestRows.Row::memberId).toList());
        List<RightsRequest> requests = RequestRows.withKeys(page, keys);
        audit.record(AuditEvent.of(
                AuditAction.REQUESTS_LISTED,
                (overdueOnly ? "overdue" : "open") + " requests, " + requests.size() + " listed"
                        + after.map(c -> " after #" + c.id()).orElse("")));
        Optional<String> next =
                requests.size() < limit ? Optional.empty() : Optional.of(cursorOf(requests.get(requests.size() - 1)));
        return new RequestPage(requests, today, next);
    }

    /** A page of requests as of {@code today}, and the cursor of the next page if there may be one. */
    public record RequestPage(List<RightsRequest> requests, LocalDate today, Optional<String> next) {}

    /** The requests about these members (a household), newest first: audited as a read of theirs. */
    @Transactional
    public List<RightsRequest> about(List<MemberKey> keys) {
        var ids = members.ids(keys);
        var byId = new java.util.HashMap<Long, MemberKey>();
        ids.forEach((k, v) -> byId.put(v, k));
        List<RightsRequest> found = RequestRows.withKeys(rows.ofMembers(List.copyOf(byId.keySet())), byId);
        audit.record(AuditEvent.of(
                        AuditAction.REQUESTS_LISTED,
                        "requests of " + keys.size() + " members, " + found.size() + " listed")
                .members(keys));
        return found;
    }

    /** The cursor after a request: its deadline and id, as {@code 2026-12-15~123}. */
    static String cursorOf(RightsRequest r) {
        return r.deadline() + "~" + r.id();
    }

    /** Reads a cursor given back by a client. */
    private static RequestRows.Cursor cursor(String text) {
        try {
            int tilde = text.indexOf('~');
            return new RequestRows.Cursor(
                    LocalDate.parse(text.substring(0, tilde)), Long.parseLong(text.substring(tilde + 1)));
        } catch (RuntimeException e) {
            throw new BadRequestException("after", "expected the cursor a page gave as next, e.g. 2026-12-15~123");
        }
    }

    private void check(NewRequest r, Member member) {
        LocalDate today = today();
        if (r.receivedOn().isAfter(today)) {
            throw new BadRequestException(
                    "receivedOn", "the received date " + r.receivedOn() + " is in the future (today is " + today + ")");
        }
        if (r.filedBy() == Requester.INSURED_PERSON && member.kind() != MemberKind.DEPENDENT) {
            // the insured person asks for their dependents only; another insured person's data is theirs (Art. 37(3))
            throw new BadRequestException(
                    "filedBy",
                    r.member() + " is an insured person, not a dependent: an insured person files "
                            + "only for their own dependents; anyone else needs to be the member's legal "
                            + "representative or agent");
        }
        if (r.kind().isSuspension()) {
            PurposeCode code = r.purpose()
                    .orElseThrow(() -> new BadRequestException(
                            "purpose", "a " + r.kind() + " request names the purpose it is about"));
            Purpose purpose = purposes.inForce(code);
            if (r.kind().isAboutProvision() && !purpose.flow().isThirdPartyProvision()) {
                throw new BadRequestException(
                        "purpose",
                        "purpose " + code + " is no provision to a third party (" + purpose.flow()
                                + "): a request to stop it is SUSPEND_USE");
            }
        } else if (r.purpose().isPresent()) {
            throw new BadRequestException("purpose", "only a suspension or erasure names a purpose");
        }
        if (r.kind().isDisclosure() && r.delivery().isEmpty()) {
            throw new BadRequestException("delivery", "a disclosure names the form asked for: ELECTRONIC or PAPER");
        }
        if (!r.kind().isDisclosure() && r.delivery().isPresent()) {
            throw new BadRequestException("delivery", "only a disclosure has a delivery form");
        }
        if (r.feeYen() < 0) {
            throw new BadRequestException("fee", "a fee is 0 or more yen");
        }
        if (r.feeYen() > 0 && !r.kind().mayCarryFee()) {
            throw new BadRequestException(
                    "fee", "a fee may be charged only for a notification of purposes or a disclosure (Art. 38(1))");
        }
    }

    private static void checkGround(RightsRequest r, Decision d) {
        if (d.outcome() == Outcome.FULL) {
            if (d.ground().isPresent()) {
                throw new BadRequestException("ground", "a request granted in full has no ground of refusal");
            }
            return;
        }
        Ground g = d.ground()
                .orElseThrow(() -> new BadRequestException(
                        "ground",
                        "a " + d.outcome() + " answer names its statutory ground (Art. 36); for " + r.kind() + ": "
                                + Ground.forKind(r.kind())));
        if (!g.answers(r.kind())) {
            throw new BadRequestException(
                    "ground",
                    g + " (" + g.article() + ") is no ground for a " + r.kind() + " request; its grounds: "
                            + Ground.forKind(r.kind()));
        }
    }

    private static String note(Optional<String> note) {
        if (note.isEmpty() || note.get().isBlank()) {
            return null;
        }
        String text = note.get().strip();
        String problem = FreeText.problem(text, true);
        if (problem != null) {
            throw new BadRequestException("note", "the note " + problem);
        }
        if (text.length() > NOTE_MAX) {
            throw new BadRequestException("note", "the note is longer than " + NOTE_MAX + " characters");
        }
        if (NumberMask.holdsNumber(text)) {
            throw new BadRequestException(
                    "note", "holds what may be an individual number: numbers are kept in the vault only (番号法第20条)");
        }
        return text;
    }

    /** The ledger's word for who filed; an agent acts in the person's name (民法第99条), and the note says so. */
    private static Filer filer(Requester r) {
        return switch (r) {
            case SELF, AGENT -> Filer.SELF;
            case INSURED_PERSON -> Filer.INSURED_PERSON;
            case LEGAL_REPRESENTATIVE -> Filer.LEGAL_REPRESENTATIVE;
        };
    }

    private static void requireState(RightsRequest r, RequestState expected, String otherwise) {
        if (r.state() != expected) {
            throw new BadRequestException("state", "request #" + r.id() + " is " + r.state() + ": " + otherwise);
        }
    }

    private RequestRows.Row lock(long id) {
        return rows.lock(id).orElseThrow(() -> new UnknownRequestException(id));
    }

    private RightsRequest require(long id) {
        return keyed(rows.find(id).orElseThrow(() -> new UnknownRequestException(id)));
    }

    private RightsRequest keyed(RequestRows.Row row) {
        MemberKey key = members.keysOf(List.of(row.memberId())).get(row.memberId());
        return row.request(key);
    }

    private static RequestEvent event(RequestState state, Instant at, String by) {
        return new RequestEvent(
                0,
                state,
                at,
                by,
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Set.of(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty());
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private LocalDate today() {
        return SocietyTime.dateOf(clock.instant());
    }
}
