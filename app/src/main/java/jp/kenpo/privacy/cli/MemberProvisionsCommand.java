package jp.kenpo.privacy.cli;

import jp.kenpo.privacy.members.MemberKey;
import jp.kenpo.privacy.provision.ProvisionEntry;
import jp.kenpo.privacy.provision.ProvisionHistory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(
        name = "provisions",
        description =
                "Every provision, confirmation and exchange record about a member, newest first (APPI Art. 33(5)).")
final class MemberProvisionsCommand extends AppCommand {

    @Parameters(description = "the member key SYMBOL-NUMBER-BRANCH")
    MemberKey key;

    @Override
    public Integer call() {
        var entries = service(ProvisionHistory.class).ofMember(key);
        for (ProvisionEntry e : entries) {
            out().printf(
                            "%s  %-8s %-19s %s  %s%s  items %s%s%s  file %s  kept until %s%n",
                            e.on(),
                            e.direction(),
                            e.record(),
                            e.purpose(),
                            e.counterparty().map(c -> c + " ").orElse(""),
                            e.counterpartyName(),
                            String.join(",", e.items()),
                            e.basis().map(b -> "  " + b).orElse(""),
                            e.consentEvent().isPresent()
                                    ? " (consent event " + e.consentEvent().getAsLong() + ")"
                                    : "",
                            e.file(),
                            e.retainedUntil());
            e.exemption().ifPresent(x -> out().println("            exempt: " + x));
        }
        out().println(entries.size() + " records");
        return 0;
    }
}
