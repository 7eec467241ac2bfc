package jp.kenpo.privacy.cli;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.function.Supplier;
import jp.kenpo.privacy.accounts.Operator;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.core.context.SecurityContextHolder;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The {@code ./kenpo} command line. Spring and the database start only when a command needs
 * them, so help and usage errors answer at once.
 */
public final class Kenpo {

    private Kenpo() {}

    public static void main(String[] args) {
        if (Boolean.getBoolean(LazyApplication.AOT_PROCESSING)) {
            // the build's process-aot: it stops this start-up once the context is defined, and writes it out
            new LazyApplication(true).get();
            return;
        }
        var application = new LazyApplication(Boolean.getBoolean(LazyApplication.SHORT_RUN));
        int code = execute(args, application, new PrintWriter(System.out, true), new PrintWriter(System.err, true));
        if (code == ServeCommand.KEEP_RUNNING) {
            return;
        }
        application.close();
        System.exit(code);
    }

    /**
     * Runs one command line against the given application; returns the exit code. The command
     * acts, and is audited, as the operator: the operating-system account running it.
     */
    public static int execute(
            String[] args, Supplier<ConfigurableApplicationContext> application, PrintWriter out, PrintWriter err) {
        var security = SecurityContextHolder.getContext();
        var previous = security.getAuthentication();
        security.setAuthentication(Operator.authentication(AppCommand.cliUser()));
        try {
            return commandLine(application, args).setOut(out).setErr(err).execute(args);
        } finally {
            security.setAuthentication(previous);
        }
    }

    /** The command line for these arguments: the named command alone when the first names one. */
    static CommandLine commandLine(Supplier<ConfigurableApplicationContext> application, String... args) {
        var root = new KenpoCommand(application);
        CommandLine cl = args.length > 0 ? alone(root, args[0]) : null;
        if (cl == null) {
            cl = new CommandLine(root);
        }
        OptionConverters.register(cl);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setExecutionExceptionHandler(new CliErrors());
        return cl;
    }

    /**
     * The root command with only the command named, or null when the name is no command (help, an
     * option, a typo: the whole tree answers those). picocli otherwise builds the model of every
     * command for any command line, a fifth of a one-member command's main thread (design notes);
     * the commands are still those {@link KenpoCommand} lists, and a command alone is the same as
     * in the whole tree (KenpoTreeTest).
     */
    private static CommandLine alone(KenpoCommand root, String name) {
        Command listed = KenpoCommand.class.getAnnotation(Command.class);
        for (Class<?> type : listed.subcommands()) {
            Command command = type.getAnnotation(Command.class);
            if (type == HelpCommand.class
                    || command == null
                    || !(command.name().equals(name)
                            || Arrays.asList(command.aliases()).contains(name))) {
                continue;
            }
            CommandSpec spec = CommandSpec.wrapWithoutInspection(root);
            spec.name(listed.name());
            spec.version(listed.version());
            spec.mixinStandardHelpOptions(listed.mixinStandardHelpOptions());
            spec.usageMessage().description(listed.description());
            spec.addSubcommand(command.name(), new CommandLine(type));
            return new CommandLine(spec);
        }
        return null;
    }
}
