package jp.kenpo.privacy.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * A command that works on the application's data: it reaches the application's services
 * through the root command, which starts the application on first use.
 */
abstract class AppCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    <T> T service(Class<T> type) {
        return ((KenpoCommand) spec.root().userObject()).application.get().getBean(type);
    }

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }

    /** Who recorded what a command line writes: the operating-system account running it. */
    static String cliUser() {
        return "cli:" + System.getProperty("user.name", "unknown");
    }

    /**
     * Who records an action run from the command line: the operating-system account, and the
     * person it acted for when given — a typed name alone would let anyone sign for anyone.
     */
    static String onBehalf(String name) {
        if (name == null || name.isBlank()) {
            return cliUser();
        }
        if (name.strip().length() > ON_BEHALF_MAX) {
            throw new IllegalArgumentException(
                    "the name it was done for is longer than " + ON_BEHALF_MAX + " characters");
        }
        return cliUser() + " for " + name.strip();
    }

    /** Leaves room for the operating-system account in the 128 characters a recorder's name has. */
    private static final int ON_BEHALF_MAX = 64;
}
