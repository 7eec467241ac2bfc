package jp.kenpo.privacy.cli;

import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import jp.kenpo.privacy.catalog.PurposeCode;
import jp.kenpo.privacy.consent.Channel;
import jp.kenpo.privacy.members.IdentityCorrection;
import jp.kenpo.privacy.members.MemberKey;
import jp.kenpo.privacy.requests.AnswerPackage;
import jp.kenpo.privacy.requests.Authority;
import jp.kenpo.privacy.requests.Decision;
import jp.kenpo.privacy.requests.DeliveryForm;
import jp.kenpo.privacy.requests.Ground;
import jp.kenpo.privacy.requests.IdentityCheck;
import jp.kenpo.privacy.requests.NewRequest;
import jp.kenpo.privacy.requests.Outcome;
import jp.kenpo.privacy.requests.RequestDesk;
import jp.kenpo.privacy.requests.RequestEvent;
import jp.kenpo.privacy.requests.RequestKind;
import jp.kenpo.privacy.requests.Requester;
import jp.kenpo.privacy.requests.RightsRequest;
import jp.kenpo.privacy.requests.Section;
import jp.kenpo.privacy.shared.BadRequestException;
import jp.kenpo.privacy.shared.SocietyTime;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "requests",
        description = "The member's requests (APPI Art. 32-35): file, verify identity, decide, answer, list.",
        subcommands = {
            RequestsCommand.File.class,
            RequestsCommand.Verify.class,
            RequestsCommand.Decide.class,
            RequestsCommand.Answer.class,
            RequestsCommand.ListOpen.class,
            RequestsCommand.Show.class
        })
final class RequestsCommand {

    /** The service's field names as the options that give them, for its refusals. */
    private static final Map<String, String> OPTIONS = Map.ofEntries(
            Map.entry("member", "--member"),
            Map.entry("kind", "--kind"),
            Map.entry("purpose", "--purpose"),
            Map.entry("filedBy", "--filed-by"),
            Map.entry("channel", "--channel"),
            Map.entry("receivedOn", "--received"),
            Map.entry("delivery", "--delivery"),
            Map.entry("fee", "--fee"),
            Map.entry("method", "--method"),
            Map.entry("authority", "--authority"),
            Map.entry("outcome", "--outcome"),
            Map.entry("ground", "--ground"),
            Map.entry("withheld", "--withhold"),
            Map.entry("note", "--note"),
            Map.entry("nameKanji", "--name"),
            Map.entry("nameKana", "--kana"),
            Map.entry("insurerNumber", "--insurer-number"),
            Map.entry("sex", "--sex"),
            Map.entry("birthDate", "--birth-date"),
            Map.entry("correction", "--name, --kana, --sex, --birth-date or --insurer-number"));

    private static <T> T asOptions(java.util.function.Supplier<T> work) {
        try {
            return work.get();
        } catch (jp.kenpo.privacy.requests.UnknownRequestException e) {
            throw e;
        } catch (BadRequestException e) {
            throw new BadRequestException(OPTIONS.getOrDefault(e.field(), e.field()), e.getMessage());
        }
    }

    @Command(name = "file", description = "Records a request as received; prints its id.")
    static final class File extends AppCommand {
        @Option(names = "--member", required = true, description = "member key SYMBOL-NUMBER-BRANCH")
        MemberKey member;

        @Option(
                names = "--kind",
                required = true,
                description = "NOTIFY_PURPOSE, DISCLOSE, DISCLOSE_PROVISION_RECORDS, CORRECT, SUSPEND_USE, ERASE, "
                        + "SUSPEND_PROVISION, HARM_SUSPEND_USE, HARM_ERASE or HARM_SUSPEND_PROVISION (Art. 35(5))")
        RequestKind kind;

        @Option(names = "--purpose", description = "the purpose a suspension or erasure is about, e.g. 3.8")
        PurposeCode purpose;

        @Option(
                names = "--filed-by",
                required = true,
                description = "SELF, INSURED_PERSON (for a dependent), LEGAL_REPRESENTATIVE or AGENT")
        Requester filedBy;

        @Option(names = "--channel", required = true, description = "PAPER, COUNTER, PHONE or PORTAL")
        Channel channel;

        @Option(names = "--received", description = "the date it was received (default: today)")
        LocalDate received;

        @Option(
                names = "--delivery",
                description = "for a disclosure: ELECTRONIC or PAPER (default for a disclosure: ELECTRONIC)")
        DeliveryForm delivery;

        @Option(names = "--fee", defaultValue = "0", description = "fee charged in yen (Art. 38; default 0)")
        int fee;

        @Option(names = "--recorded-by", description = "the clerk who took the request, when another runs the command")
        String recordedBy;

        @Override
        public Integer call() {
            Optional<DeliveryForm> form = Optional.ofNullable(delivery)
                    .or(() -> kind.isDisclosure() ? Optional.of(DeliveryForm.ELECTRONIC) : Optional.empty());
            RightsRequest r = asOptions(() -> service(RequestDesk.class)
                    .file(
                            new NewRequest(
                                    member,
                                    kind,
                                    Optional.ofNullable(purpose),
                                    filedBy,
                                    channel,
                                    received != null ? received : SocietyTime.dateOf(Instant.now()),
                                    form,
                                    fee),
                            onBehalf(recordedBy)));
            out().println(r.id());
            err().printf(
                            "request %d: %s for %s received %s, deadline %s%n",
                            r.id(), r.kind(), r.member(), r.receivedOn(), r.deadline());
            return 0;
        }
    }

    @Command(name = "verify", description = "Records how the requester's identity was confirmed (Art. 37(2)).")
    static final class Verify extends AppCommand {
        @Parameters(description = "the request's id")
        long id;

        @Option(
                names = "--method",
                required = true,
                description = "MY_NUMBER_CARD, DRIVERS_LICENSE, PASSPORT, RESIDENCE_CARD, ELIGIBILITY_CERTIFICATE, "
                        + "OTHER_PHOTO_ID or TWO_DOCUMENTS (never a copy: only the method is kept)")
        IdentityCheck method;

        @Option(
                names = "--authority",
                description = "a representative's proof (Art. 37(3)): POWER_OF_ATTORNEY, FAMILY_REGISTER or "
                        + "GUARDIANSHIP_REGISTRY")
        Authority authority;

        @Option(names = "--checked-by", description = "the clerk who checked it, when another runs the command")
        String checkedBy;

        @Override
        public Integer call() {
            RightsRequest r = asOptions(() ->
                    service(RequestDesk.class).verify(id, method, Optional.ofNullable(authority), onBehalf(checkedBy)));
            out().printf("request %d: %s%n", r.id(), r.state());
            return 0;
        }
    }

    @Command(name = "decide", description = "Decides a verified request; a partial answer or refusal names its ground.")
    static final class Decide extends AppCommand {
        @Parameters(description = "the request's id")
        long id;

        @Option(names = "--outcome", required = true, description = "FULL, PARTIAL or REFUSED")
        Outcome outcome;

        @Option(
                names = "--ground",
                description = "the statutory ground of PARTIAL or REFUSED: ART_32_2_PROVISO, ART_33_2_I, ART_33_2_II, "
                        + "ART_33_2_III, ART_34_2_NOT_INACCURATE, ART_35_2_PROVISO, ART_35_4_PROVISO, "
                        + "ART_35_6_PROVISO, STATUTORY_BASIS or NOT_HELD")
        Ground ground;

        @Option(names = "--withhold", split = ",", description = "a partial disclosure's withheld sections")
        Set<Section> withheld;

        @Option(names = "--name", description = "a correction: 氏名 as it is to read")
        String name;

        @Option(names = "--kana", description = "a correction: 氏名カナ")
        String kana;

        @Option(names = "--sex", description = "a correction: 1 (male) or 2 (female)")
        String sex;

        @Option(names = "--birth-date", description = "a correction: YYYY-MM-DD")
        String birthDate;

        @Option(names = "--insurer-number", description = "a correction: 保険者番号")
        String insurerNumber;

        @Option(names = "--note", description = "a line for the record")
        String note;

        @Option(names = "--decided-by", description = "the officer who decided, when another runs the command")
        String decidedBy;

        @Override
        public Integer call() {
            boolean corrects =
                    name != null || kana != null || sex != null || birthDate != null || insurerNumber != null;
            Optional<IdentityCorrection> correction = corrects
                    ? Optional.of(new IdentityCorrection(
                            Optional.ofNullable(insurerNumber),
                            Optional.ofNullable(name),
                            Optional.ofNullable(kana),
                            Optional.ofNullable(sex),
                            Optional.ofNullable(birthDate),
                            ""))
                    : Optional.empty();
            RequestDesk.Decided d = asOptions(() -> service(RequestDesk.class)
                    .decide(
                            id,
                            new Decision(
                                    outcome,
                                    Optional.ofNullable(ground),
                                    withheld == null ? Set.of() : withheld,
                                    correction,
                                    Optional.ofNullable(note)),
                            onBehalf(decidedBy)));
            out().printf(
                            "request %d: %s %s%s%s%s%n",
                            id,
                            d.request().state(),
                            outcome,
                            d.request()
                                    .ground()
                                    .map(g -> " on " + g + " (" + g.article() + ")")
                                    .orElse(""),
                            d.consentSeq()
                                    .map(s -> "; reservation recorded in the consent ledger, seq " + s)
                                    .orElse(""),
                            d.correction()
                                    .map(c -> "; registry corrected, correction #" + c.id())
                                    .orElse(""));
            if (d.correction().isPresent()) {
                out().println(
                                d.providedBefore().isEmpty()
                                        ? "no provision of the member's data is on record: no recipient to tell"
                                        : "provided before the correction (tell these recipients):");
                d.providedBefore()
                        .forEach(e -> out().printf(
                                        "  %s  %s  purpose %s  %s%n",
                                        e.on(), e.counterpartyName(), e.purpose(), String.join(", ", e.items())));
            }
            return 0;
        }
    }

    @Command(name = "answer", description = "Writes a decided request's answer package (request-ID.zip) into a folder.")
    static final class Answer extends AppCommand {
        @Parameters(description = "the request's id")
        long id;

        @Option(names = "--out", required = true, description = "the folder to write request-ID.zip into")
        Path out;

        @Option(
                names = "--receipt-detail",
                description = "each receipt held, beside the summary per month (when the member asked for it)")
        boolean receiptDetail;

        @Override
        public Integer call() {
            if (!Files.isDirectory(out)) {
                throw new BadRequestException("--out", "is not a folder: " + out);
            }
            AnswerPackage pack = service(RequestDesk.class).answer(id, cliUser(), receiptDetail, p -> {
                Path target = out.resolve(p.fileName());
                if (Files.exists(target)) {
                    throw new FileAlreadyExistsException(target.toString());
                }
                // written whole beside the target, then moved into place: no half-written package
                Path temp = Files.createTempFile(out, ".request-", ".part");
                try {
                    Files.write(temp, p.zip());
                    Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
                } finally {
                    Files.deleteIfExists(temp);
                }
            });
            out().printf("%s (sha256 %s)%n", out.resolve(pack.fileName()), pack.sha256());
            return 0;
        }
    }

    @Command(name = "list", description = "The open requests by deadline: overdue ones first.")
    static final class ListOpen extends AppCommand {
        @Option(names = "--overdue", description = "only those past their deadline")
        boolean overdue;

        @Option(names = "--limit", defaultValue = "1000", description = "at most this many (default ${DEFAULT-VALUE})")
        int limit;

        @Override
        public Integer call() {
            RequestDesk.RequestPage page = service(RequestDesk.class).open(overdue, Optional.empty(), limit);
            if (page.requests().isEmpty()) {
                out().println(overdue ? "no overdue requests" : "no open requests");
            }
            for (RightsRequest r : page.requests()) {
                out().printf(
                                "%6d  %-8s %s  %-26s %-14s %-18s received %s%s%n",
                                r.id(),
                                r.overdueOn(page.today()) ? "OVERDUE" : "",
                                r.deadline(),
                                r.kind(),
                                r.member(),
                                r.state(),
                                r.receivedOn(),
                                r.purpose().map(p -> " purpose " + p).orElse(""));
            }
            page.next().ifPresent(n -> out().println("(more: the list stops at " + limit + ")"));
            return 0;
        }
    }

    @Command(name = "show", description = "One request and its history.")
    static final class Show extends AppCommand {
        @Parameters(description = "the request's id")
        long id;

        @Override
        public Integer call() {
            RequestDesk.RequestFile f = service(RequestDesk.class).show(id);
            RightsRequest r = f.request();
            out().printf(
                            "request %d: %s (%s) for %s%s%n",
                            r.id(),
                            r.kind(),
                            r.kind().article(),
                            r.member(),
                            r.purpose().map(p -> ", purpose " + p).orElse(""));
            out().printf(
                            "  filed by %s via %s, received %s, deadline %s%s%n",
                            r.filedBy(), r.channel(), r.receivedOn(), r.deadline(), f.overdue() ? " (OVERDUE)" : "");
            r.delivery().ifPresent(d -> out().printf("  delivery %s, fee %d yen%n", d, r.feeYen()));
            out().printf(
                            "  state %s%s%s%n",
                            r.state(),
                            r.outcome().map(o -> ", " + o).orElse(""),
                            r.ground()
                                    .map(g -> " on " + g + " (" + g.article() + ")")
                                    .orElse(""));
            List<RequestEvent> history = f.history();
            out().println("history:");
            for (RequestEvent e : history) {
                out().printf(
                                "  %-18s %s by %s%s%s%s%s%s%n",
                                e.state(),
                                SocietyTime.format(e.at()),
                                e.by(),
                                e.method().map(m -> ", identity by " + m).orElse(""),
                                e.authority().map(a -> ", authority by " + a).orElse(""),
                                e.outcome()
                                        .map(o -> ", " + o
                                                + e.ground()
                                                        .map(g -> " on " + g)
                                                        .orElse(""))
                                        .orElse(""),
                                e.consentSeq().map(s -> ", ledger seq " + s).orElse("")
                                        + e.correctionId()
                                                .map(c -> ", correction #" + c)
                                                .orElse(""),
                                e.answerSha256()
                                        .map(h -> ", package sha256 " + h)
                                        .orElse(""));
            }
            return 0;
        }
    }
}
