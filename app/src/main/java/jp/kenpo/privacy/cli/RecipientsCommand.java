package jp.kenpo.privacy.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import jp.kenpo.privacy.catalog.PurposeCode;
import jp.kenpo.privacy.recipients.NewRecipient;
import jp.kenpo.privacy.recipients.Recipient;
import jp.kenpo.privacy.recipients.RecipientKind;
import jp.kenpo.privacy.recipients.RecipientRegister;
import jp.kenpo.privacy.shared.BadRequestException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "recipients",
        description = "The register of recipients: third parties, consignees, joint users, public bodies.",
        subcommands = {
            RecipientsCommand.Add.class,
            RecipientsCommand.ListAll.class,
            RecipientsCommand.Show.class,
            RecipientsCommand.End.class,
            RecipientsCommand.Reviewed.class
        })
final class RecipientsCommand {

    @Command(name = "add", description = "Registers a recipient.")
    static final class Add extends AppCommand {
        @Option(names = "--id", required = true, description = "e.g. EMPLOYER-1")
        String id;

        @Option(names = "--kind", required = true, description = "one of ${COMPLETION-CANDIDATES}")
        RecipientKind kind;

        @Option(names = "--name", required = true)
        String name;

        @Option(names = "--address", required = true)
        String address;

        @Option(names = "--representative", required = true, description = "its representative (代表者)")
        String representative;

        @Option(names = "--purposes", required = true, split = ",", description = "purpose codes, e.g. 3.8,1.4")
        List<PurposeCode> purposes;

        @Option(names = "--contract-ref", required = true, description = "the contract's reference")
        String contractReference;

        @Option(names = "--contract-from", required = true)
        LocalDate contractFrom;

        @Option(names = "--contract-to")
        LocalDate contractTo;

        @Option(names = "--reviewed-on", description = "a consignee's last review of its safety measures")
        LocalDate reviewedOn;

        @Option(names = "--public-key", description = "a file with its ASCII-armored OpenPGP public key")
        Path publicKey;

        @Override
        public Integer call() throws IOException {
            Optional<String> key = Optional.empty();
            if (publicKey != null) {
                if (Files.size(publicKey) > 65_536) {
                    throw new BadRequestException("--public-key", "the file is larger than 64 KiB");
                }
                key = Optional.of(Files.readString(publicKey, StandardCharsets.UTF_8));
            }
            Recipient r = service(RecipientRegister.class)
                    .add(new NewRecipient(
                            id,
                            kind,
                            name,
                            address,
                            representative,
                            purposes,
                            contractReference,
                            contractFrom,
                            Optional.ofNullable(contractTo),
                            Optional.ofNullable(reviewedOn),
                            key));
            out().println("registered " + line(r));
            return 0;
        }
    }

    @Command(name = "list", description = "Lists every recipient, ended ones too.")
    static final class ListAll extends AppCommand {
        @Override
        public Integer call() {
            service(RecipientRegister.class).list().forEach(r -> out().println(line(r)));
            return 0;
        }
    }

    @Command(name = "show", description = "Shows one recipient.")
    static final class Show extends AppCommand {
        @Parameters(description = "the recipient's id")
        String id;

        @Override
        public Integer call() {
            Recipient r = service(RecipientRegister.class).require(id);
            out().println(line(r));
            out().println("  name            " + r.name());
            out().println("  address         " + r.address());
            out().println("  representative  " + r.representative());
            out().println("  contract        " + r.contractReference() + ", " + r.contractFrom() + " to "
                    + r.contractTo().map(LocalDate::toString).orElse("(open)"));
            r.reviewedOn().ifPresent(d -> out().println("  reviewed on     " + d));
            out().println("  public key      " + (r.openPgpPublicKey().isPresent() ? "on file" : "none"));
            r.endedOn().ifPresent(d -> out().println("  ended on        " + d));
            return 0;
        }
    }

    @Command(name = "end", description = "Ends a recipient: it receives nothing from the day given.")
    static final class End extends AppCommand {
        @Parameters(description = "the recipient's id")
        String id;

        @Option(names = "--on", required = true, description = "the first day without provisions")
        LocalDate on;

        @Override
        public Integer call() {
            service(RecipientRegister.class).end(id, on);
            out().println("recipient " + id + " ended on " + on);
            return 0;
        }
    }

    @Command(name = "reviewed", description = "Records the review of a consignee's safety measures (APPI Art. 25).")
    static final class Reviewed extends AppCommand {
        @Parameters(description = "the consignee's id")
        String id;

        @Option(names = "--on", required = true, description = "the day of the review")
        LocalDate on;

        @Override
        public Integer call() {
            service(RecipientRegister.class).reviewed(id, on);
            out().println("consignee " + id + " reviewed on " + on);
            return 0;
        }
    }

    static String line(Recipient r) {
        return r.id() + "  " + r.kind() + "  " + r.name() + "  purposes "
                + String.join(",", r.purposes().stream().map(Object::toString).toList())
                + "  contract " + r.contractFrom() + ".."
                + r.contractTo().map(LocalDate::toString).orElse("")
                + r.reviewedOn().map(d -> "  reviewed " + d).orElse("")
                + r.endedOn().map(d -> "  ended " + d).orElse("");
    }
}
