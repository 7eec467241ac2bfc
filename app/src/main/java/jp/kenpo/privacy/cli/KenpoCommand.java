package jp.kenpo.privacy.cli;

import java.util.function.Supplier;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;

@Command(
        name = "kenpo",
        mixinStandardHelpOptions = true,
        version = "kenpo-privacy 0.1",
        description = "Keeps the promises of the health insurance society's notice on the use of personal information.",
        subcommands = {
            ServeCommand.class,
            NoticeCommand.class,
            CatalogCommand.class,
            MembersCommand.class,
            ConsentCommand.class,
            RequestsCommand.class,
            DecideCommand.class,
            LedgerCommand.class,
            AccountsCommand.class,
            AuditCommand.class,
            MyNumberCommand.class,
            RecipientsCommand.class,
            ProvideCommand.class,
            AcquisitionsCommand.class,
            RecordsCommand.class,
            OnlineEligibilityCommand.class,
            jp.kenpo.privacy.formats.cli.GenerateCommand.class,
            ClaimsCommand.class,
            CheckupsCommand.class,
            jp.kenpo.privacy.anonymizer.cli.AnonymizeCommand.class,
            picocli.CommandLine.HelpCommand.class
        })
final class KenpoCommand implements Runnable {

    final Supplier<ConfigurableApplicationContext> application;

    KenpoCommand(Supplier<ConfigurableApplicationContext> application) {
        this.application = application;
    }

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(
                new picocli.CommandLine(this), "name a command; see ./kenpo help");
    }
}
