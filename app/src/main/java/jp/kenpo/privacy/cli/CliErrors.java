package jp.kenpo.privacy.cli;

import java.util.regex.Pattern;
import jp.kenpo.privacy.accounts.AccountStateException;
import jp.kenpo.privacy.accounts.UnknownAccountException;
import jp.kenpo.privacy.catalog.CatalogFileException;
import jp.kenpo.privacy.consent.InvalidConsentRequestException;
import jp.kenpo.privacy.decision.UnknownPurposeException;
import jp.kenpo.privacy.members.ImportRejectedException;
import jp.kenpo.privacy.members.UnknownMemberException;
import jp.kenpo.privacy.mynumber.MyNumberRefusedException;
import jp.kenpo.privacy.mynumber.NoIndividualNumberException;
import jp.kenpo.privacy.mynumber.VaultUnavailableException;
import jp.kenpo.privacy.shared.BadRequestException;
import jp.kenpo.privacy.shared.NumberMask;
import org.springframework.dao.DataAccessException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns a refused request into one clear line on standard error and exit code 1. Every line is
 * masked first: a message may quote what a file or an argument said, and a person may have typed
 * an individual number anywhere (My Number Act Art. 20) — the API masks its answers, and the
 * command line must not be the channel that shows one.
 */
final class CliErrors implements IExecutionExceptionHandler {

    private static final Pattern JAVA_TALK =
            Pattern.compile("\\b(java|javax|jakarta|jp\\.kenpo|org|com|tools)\\.[a-z]+\\.|Exception\\b");

    @Override
    public int handleExecutionException(Exception e, CommandLine cl, ParseResult parsed) {
        var err = new MaskedWriter(cl.getErr());
        if (e instanceof ImportRejectedException rejected) {
            rejected.problems().forEach(p -> err.println(p));
            err.println("kenpo: " + rejected.problems().size() + " bad row(s); nothing was imported"
                    + " (fix them, or give --skip-bad to import the good rows)");
        } else if (e instanceof CatalogFileException
                || e instanceof InvalidConsentRequestException
                || e instanceof UnknownMemberException
                || e instanceof UnknownPurposeException
                || e instanceof IllegalArgumentException
                || e instanceof java.io.IOException
                || e instanceof UnknownAccountException
                || e instanceof AccountStateException
                || e instanceof VaultUnavailableException
                || e instanceof MyNumberRefusedException
                || e instanceof NoIndividualNumberException) {
            err.println("kenpo: " + e.getMessage());
        } else if (e instanceof BadRequestException bad) {
            err.println("kenpo: " + bad.field() + ": " + bad.getMessage());
        } else if (e instanceof DataAccessException dae) {
            err.println("kenpo: database error: " + dae.getMostSpecificCause().getMessage());
        } else {
            Throwable root = e;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            // a message of the JVM's or a library's own names Java classes, which say nothing to an operator
            String message = root.getMessage();
            boolean ours = message != null && !JAVA_TALK.matcher(message).find();
            err.println("kenpo: failed: " + (ours ? message : "an unexpected error"));
            if (System.getenv("KENPO_DEBUG") != null) {
                e.printStackTrace(err);
            } else {
                err.println("kenpo: (set KENPO_DEBUG=1 for the stack trace)");
            }
        }
        err.flush();
        return 1;
    }

    /** Standard error with every line masked, stack traces included. */
    private static final class MaskedWriter extends java.io.PrintWriter {
        MaskedWriter(java.io.PrintWriter out) {
            super(out, true);
        }

        @Override
        public void println(String line) {
            super.println(NumberMask.mask(line));
        }

        @Override
        public void println(Object line) {
            println(String.valueOf(line));
        }
    }
}
