package jp.kenpo.privacy.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;
import jp.kenpo.privacy.catalog.PurposeCode;
import jp.kenpo.privacy.provision.AcquisitionOrder;
import jp.kenpo.privacy.provision.AcquisitionReport;
import jp.kenpo.privacy.provision.Acquisitions;
import jp.kenpo.privacy.provision.ProvisionInputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
        name = "acquisitions",
        description = "Data received from third parties: the confirmation records of APPI Art. 30.",
        subcommands = {AcquisitionsCommand.Record.class})
final class AcquisitionsCommand {

    @Command(
            name = "record",
            description = "Records a member-keyed file received from a provider in the register: one confirmation "
                    + "record per member (provider, how it obtained the data, date, items).")
    static final class Record extends AppCommand {
        @Option(names = "--provider", required = true, description = "the provider's id in the recipient register")
        String provider;

        @Option(names = "--purpose", required = true, description = "the purpose it was received for, e.g. 3.2")
        PurposeCode purpose;

        @Option(
                names = "--obtained-how",
                required = true,
                description = "how the provider obtained the data (取得の経緯), e.g. '労働安全衛生法第66条の定期健康診断'")
        String obtainedHow;

        @Option(names = "--input", required = true, description = "the CSV received (UTF-8, header row)")
        Path input;

        @Option(names = "--received-on", description = "the day it was received (default: today)")
        LocalDate receivedOn;

        @Option(names = "--member-column", description = "the column holding the member key (default: member)")
        String memberColumn;

        @Override
        public Integer call() {
            AcquisitionReport r;
            try {
                r = service(Acquisitions.class)
                        .record(
                                new AcquisitionOrder(
                                        provider,
                                        purpose,
                                        obtainedHow,
                                        Optional.ofNullable(receivedOn),
                                        Optional.ofNullable(memberColumn)),
                                input,
                                input.toString());
            } catch (ProvisionInputException e) {
                e.problems().forEach(p -> err().println(p));
                err().println("kenpo: " + e.problems().size() + " problem(s) in the input; nothing was recorded");
                return 1;
            }
            out().printf(
                            "acquisition %d from %s for %s received %s: %s%s, %d rows for %d members, sha256 %s%n",
                            r.id(),
                            r.provider(),
                            r.purpose(),
                            r.receivedOn(),
                            r.record(),
                            r.exemption().map(e -> " (" + e + ")").orElse(""),
                            r.rows(),
                            r.members(),
                            r.sha256());
            out().println("records kept until " + r.retainedUntil());
            return 0;
        }
    }
}
