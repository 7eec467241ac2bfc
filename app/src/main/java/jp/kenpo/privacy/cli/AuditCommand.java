package jp.kenpo.privacy.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import jp.kenpo.privacy.audit.AuditAction;
import jp.kenpo.privacy.audit.AuditDigest;
import jp.kenpo.privacy.audit.AuditEntry;
import jp.kenpo.privacy.audit.AuditPage;
import jp.kenpo.privacy.audit.AuditQuery;
import jp.kenpo.privacy.audit.AuditReview;
import jp.kenpo.privacy.audit.AuditVerification;
import jp.kenpo.privacy.members.MemberKey;
import jp.kenpo.privacy.shared.SocietyTime;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
        name = "audit",
        description = "The audit trail: verify its chains, search it, export a digest.",
        subcommands = {AuditCommand.Verify.class, AuditCommand.Search.class, AuditCommand.Digest.class})
final class AuditCommand {

    @Command(
            name = "verify",
            description = "Recomputes every chain and names the first broken entry; with --digest, "
                    + "also checks that the trail still leads to the heads of a digest taken earlier.")
    static final class Verify extends AppCommand {
        @Option(names = "--digest", description = "a digest file from ./kenpo audit digest")
        Path digest;

        @Override
        public Integer call() throws IOException {
            Optional<AuditDigest> d = digest == null
                    ? Optional.empty()
                    : Optional.of(AuditDigest.parse(Files.readString(digest, StandardCharsets.UTF_8)));
            AuditVerification v = service(AuditReview.class).verify(d);
            if (v.intact()) {
                out().printf(
                                "audit trail intact: %d entries in %d chains verified%s%n",
                                v.entriesChecked(),
                                v.chains(),
                                d.map(x -> "; it still leads to the digest taken " + SocietyTime.format(x.takenAt()))
                                        .orElse(""));
                return 0;
            }
            err().println("audit trail BROKEN: " + v.firstBroken().orElseThrow());
            out().printf("%d entries checked%n", v.entriesChecked());
            return 1;
        }
    }

    @Command(name = "search", description = "Lists entries, oldest first: by member, actor, action, time.")
    static final class Search extends AppCommand {
        @Option(names = "--member", description = "entries naming this member key")
        MemberKey member;

        @Option(names = "--actor", description = "entries by this account (cli:USER for commands)")
        String actor;

        @Option(names = "--action", description = "e.g. MY_NUMBER_READ, SIGN_IN, ACCESS_REFUSED")
        AuditAction action;

        @Option(names = "--from", description = "from this date or instant (inclusive)")
        Instant from;

        @Option(names = "--to", description = "to this date or instant (exclusive)")
        Instant to;

        @Option(names = "--offset", defaultValue = "0", description = "skip this many (default: ${DEFAULT-VALUE})")
        int offset;

        @Option(names = "--limit", defaultValue = "100", description = "at most this many (default: ${DEFAULT-VALUE})")
        int limit;

        @Override
        public Integer call() {
            AuditPage page = service(AuditReview.class)
                    .search(new AuditQuery(
                            Optional.ofNullable(member).map(Object::toString),
                            Optional.ofNullable(actor),
                            Optional.ofNullable(action),
                            Optional.ofNullable(from),
                            Optional.ofNullable(to),
                            offset,
                            limit));
            for (AuditEntry e : page.entries()) {
                out().printf(
                                "#%d  %s  %-7s %-22s %s (%s) from %s%s%s  %s%n",
                                e.seq(),
                                SocietyTime.format(e.at()),
                                e.outcome(),
                                e.action(),
                                e.actor(),
                                e.role(),
                                e.source(),
                                e.purpose().map(p -> "  purpose " + p).orElse(""),
                                e.members().isEmpty()
                                        ? ""
                                        : "  members "
                                                + String.join(
                                                        ",",
                                                        e.members().size() > 5
                                                                ? e.members().subList(0, 5)
                                                                : e.members())
                                                + (e.members().size() > 5
                                                        ? ",… (" + e.members().size() + ")"
                                                        : ""),
                                e.detail());
            }
            out().printf(
                            "%d of %d matching entries (offset %d)%n",
                            page.entries().size(), page.total(), page.offset());
            return 0;
        }
    }

    @Command(
            name = "digest",
            description = "Prints (or writes) the chain heads now: keep it outside the database, e.g. daily.")
    static final class Digest extends AppCommand {
        @Option(names = "--out", description = "write to this file instead of standard output (never overwritten)")
        Path file;

        @Override
        public Integer call() throws IOException {
            AuditDigest d = service(AuditReview.class).digest();
            if (file == null) {
                out().print(d.text());
            } else {
                Files.writeString(file, d.text(), StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE_NEW);
                out().println("digest " + d.digest() + " written to " + file);
            }
            return 0;
        }
    }
}
