package jp.kenpo.privacy.cli;

import java.io.PrintWriter;
import java.util.function.Supplier;
import jp.kenpo.privacy.accounts.Operator;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.core.context.SecurityContextHolder;
import picocli.CommandLine;

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
            return commandLine(application).setOut(out).setErr(err).execute(args);
        } finally {
            security.setAuthentication(previous);
        }
    }

    static CommandLine commandLine(Supplier<ConfigurableApplicationContext> application) {
        var cl = new CommandLine(new KenpoCommand(application));
        OptionConverters.register(cl);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setExecutionExceptionHandler(new CliErrors());
        return cl;
    }
}
