package jp.kenpo.privacy.cli;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import jp.kenpo.privacy.catalog.PurposeCode;
import jp.kenpo.privacy.consent.Channel;
import jp.kenpo.privacy.consent.ConsentAction;
import jp.kenpo.privacy.consent.ConsentEvent;
import jp.kenpo.privacy.consent.ConsentLedger;
import jp.kenpo.privacy.consent.ConsentRequest;
import jp.kenpo.privacy.consent.ConsentStatus;
import jp.kenpo.privacy.consent.ConsentTarget;
import jp.kenpo.privacy.consent.Filer;
import jp.kenpo.privacy.consent.PurposeStanding;
import jp.kenpo.privacy.members.MemberKey;
import jp.kenpo.privacy.shared.SocietyTime;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
        name = "consent",
        description = "Records reservations and consents (ア)(ウ) and shows a member's state.",
        subcommands = {
            ConsentCommand.Reserve.class,
            ConsentCommand.Give.class,
            ConsentCommand.Withdraw.class,
            ConsentCommand.Lift.class,
            ConsentCommand.Show.class
        })
final class ConsentCommand {

    /** The options every consent event takes. */
    abstract static class Record extends AppCommand {
        @Option(names = "--member", required = true, description = "member key SYMBOL-NUMBER-BRANCH")
        MemberKey member;

        @ArgGroup(multiplicity = "1")
        Target target;

        static final class Target {
            @Option(names = "--purpose", description = "a purpose code, e.g. 3.8")
            PurposeCode purpose;

            @Option(names = "--category", description = "every purpose of a category, e.g. 3")
            Integer category;
        }

        @Option(
                names = "--received",
                description = "the date the request was received and takes effect (default: today)")
        LocalDate received;

        @Option(
                names = "--channel",
                defaultValue = "PAPER",
                description = "PAPER, COUNTER, PHONE or PORTAL (default: ${DEFAULT-VALUE})")
        Channel channel;

        @Option(
                names = "--filed-by",
                defaultValue = "SELF",
                description =
                        "SELF, INSURED_PERSON (for a dependent) or LEGAL_REPRESENTATIVE (default: ${DEFAULT-VALUE})")
        Filer filedBy;

        @Option(names = "--note", description = "an optional note")
        String note;

        @Option(
                names = "--recorded-by",
                description = "the clerk who took the request, when another runs the "
                        + "command: recorded as 'cli:USER for NAME' (the operating-system account always shows)")
        String recordedBy;

        abstract ConsentAction action();

        @Override
        public Integer call() {
            ConsentTarget t = target.purpose != null
                    ? ConsentTarget.purpose(target.purpose)
                    : ConsentTarget.category(target.category);
            LocalDate on = received != null ? received : SocietyTime.dateOf(Instant.now());
            ConsentEvent e = service(ConsentLedger.class)
                    .record(
                            new ConsentRequest(member, action(), t, on, channel, filedBy, Optional.ofNullable(note)),
                            onBehalf(recordedBy));
            out().printf(
                            "recorded %s %s for %s, effective %s (event #%d of the member, ledger seq %d)%n",
                            e.action(), e.target(), e.member(), e.receivedOn(), e.memberSeq(), e.seq());
            return 0;
        }
    }

    @Command(name = "reserve", description = "(ア) The purpose now needs the member's explicit consent.")
    static final class Reserve extends Record {
        @Override
        ConsentAction action() {
            return ConsentAction.RESERVE;
        }
    }

    @Command(name = "give", description = "The member gives explicit consent to a reserved purpose.")
    static final class Give extends Record {
        @Override
        ConsentAction action() {
            return ConsentAction.GIVE;
        }
    }

    @Command(name = "withdraw", description = "The member withdraws consent: the purpose is reserved again.")
    static final class Withdraw extends Record {
        @Override
        ConsentAction action() {
            return ConsentAction.WITHDRAW;
        }
    }

    @Command(name = "lift", description = "The member lifts the reservation: back to deemed consent (イ).")
    static final class Lift extends Record {
        @Override
        ConsentAction action() {
            return ConsentAction.LIFT;
        }
    }

    @Command(name = "show", description = "The member's state on every purpose in force, and their history.")
    static final class Show extends AppCommand {
        @Option(names = "--member", required = true, description = "member key SYMBOL-NUMBER-BRANCH")
        MemberKey member;

        @Option(names = "--at", description = "the state at this date or instant (default: now)")
        Instant at;

        @Option(names = "--known-at", description = "count only events recorded by this instant")
        Instant knownAt;

        @Override
        public Integer call() {
            ConsentStatus s = service(ConsentLedger.class)
                    .status(member, at != null ? at : Instant.now(), Optional.ofNullable(knownAt));
            out().printf(
                            "member %s at %s%s (catalog version %d)%n",
                            s.member(),
                            SocietyTime.format(s.at()),
                            s.knownAt()
                                    .map(k -> " as known at " + SocietyTime.format(k))
                                    .orElse(""),
                            s.catalogVersion());
            for (PurposeStanding p : s.purposes()) {
                out().printf(
                                "  %-5s %-9s %-6s %s%n",
                                p.purpose().code(),
                                p.state(),
                                p.purpose().policy(),
                                p.purpose().text().ja());
            }
            out().println("history:");
            if (s.history().isEmpty()) {
                out().println("  (no events: deemed consent to every published purpose)");
            }
            for (ConsentEvent e : s.history()) {
                out().printf(
                                "  #%d  %s  %-8s %-11s received %s via %s, filed by %s, recorded by %s at %s%s%n",
                                e.memberSeq(),
                                e.hash().substring(0, 12),
                                e.action(),
                                e.target(),
                                e.receivedOn(),
                                e.channel(),
                                e.filedBy(),
                                e.recordedBy(),
                                SocietyTime.format(e.recordedAt()),
                                e.note().map(n -> "  note: " + n).orElse(""));
            }
            return 0;
        }
    }
}
