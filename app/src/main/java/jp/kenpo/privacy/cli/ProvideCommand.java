package jp.kenpo.privacy.cli;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import jp.kenpo.privacy.catalog.PurposeCode;
import jp.kenpo.privacy.provision.ProvisionInputException;
import jp.kenpo.privacy.provision.ProvisionOrder;
import jp.kenpo.privacy.provision.ProvisionReport;
import jp.kenpo.privacy.provision.ProvisionRuns;
import jp.kenpo.privacy.shared.SocietyTime;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
        name = "provide",
        description = "Provides a member-keyed CSV to a recipient: each row decided for the purpose, only permitted "
                + "rows written to DIR, the file's SHA-256, the run and every member's provision record kept together.")
final class ProvideCommand extends AppCommand {

    @Option(names = "--purpose", required = true, description = "purpose code, e.g. 3.8")
    PurposeCode purpose;

    @Option(names = "--recipient", required = true, description = "the recipient's id in the register")
    String recipient;

    @Option(names = "--input", required = true, description = "the CSV (UTF-8, header row)")
    Path input;

    @Option(names = "--out", required = true, description = "the directory the provided file is written to")
    Path out;

    @Option(names = "--at", description = "the instant of the provision (default: now)")
    Instant at;

    @Option(
            names = "--member-column",
            description = "the column holding the member key (default: " + ProvisionOrder.DEFAULT_MEMBER_COLUMN + ")")
    String memberColumn;

    @Override
    public Integer call() {
        ProvisionReport r;
        try {
            r = service(ProvisionRuns.class)
                    .provide(
                            new ProvisionOrder(
                                    purpose, recipient, Optional.ofNullable(at), Optional.ofNullable(memberColumn)),
                            input,
                            input.toString(),
                            out);
        } catch (ProvisionInputException e) {
            e.problems().forEach(p -> err().println(p));
            err().println("kenpo: " + e.problems().size() + " problem(s) in the input; nothing was provided");
            return 1;
        }
        r.leftOut()
                .forEach(l -> err().println(input + ":" + l.line() + ": left out: " + l.reason() + " " + l.member()));
        out().printf(
                        "provision run %d: %s to %s at %s, %s%s%n",
                        r.run(),
                        r.purpose(),
                        r.recipient(),
                        SocietyTime.format(r.at()),
                        r.record(),
                        r.exemption().map(e -> " (" + e + ")").orElse(""));
        out().printf("%s  sha256 %s%n", r.file(), r.sha256());
        out().printf(
                        "%d rows read, %d written for %d members, %d left out%n",
                        r.rowsRead(), r.rowsWritten(), r.membersWritten(), r.leftOutCount());
        r.leftOutByReason().forEach((reason, n) -> out().printf("  left out %s: %d%n", reason, n));
        out().println("records kept until " + r.retainedUntil());
        return 0;
    }
}
