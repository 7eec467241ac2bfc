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
}
