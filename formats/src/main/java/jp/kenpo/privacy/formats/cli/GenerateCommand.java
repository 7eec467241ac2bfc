package jp.kenpo.privacy.formats.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import jp.kenpo.privacy.formats.synthetic.SyntheticYear;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ./kenpo generate}: a synthetic society's members, receipts and checkups for one fiscal year. */
@Command(
        name = "generate",
        mixinStandardHelpOptions = true,
        description = {
            "Write a synthetic population for one fiscal year: members.csv (member import format),",
            "claims/*.UKE (receipt electronic files) and checkups/*.zip (特定健診 exchange archives).",
            "Deterministic for a seed. No real person's data: every name and value is made up."
        })
public final class GenerateCommand implements Callable<Integer> {

    @Option(
            names = "--members",
            required = true,
            paramLabel = "N",
            description = "number of persons (insured and dependents)")
    int members;

    @Option(
            names = "--year",
            required = true,
            paramLabel = "YYYY",
            description = "fiscal year (April YYYY to March YYYY+1)")
    int year;

    @Option(
            names = "--seed",
            defaultValue = "1",
            paramLabel = "S",
            description = "random seed (default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "output directory (created if missing)")
    Path out;

    @Option(
            names = "--layout",
            defaultValue = "claim",
            paramLabel = "claim|insurer",
            description = "receipt files as facilities send them (claim: .UKE, IR…GO) or as insurers receive them "
                    + "(insurer: .CSV, RECODEINFO columns with an MN record per receipt); default ${DEFAULT-VALUE}")
    String layout;

    @Option(
            names = "--unlinkable",
            defaultValue = "0",
            paramLabel = "SHARE",
            description =
                    "share (0–1) of receipts and checkups whose member number matches no member (default ${DEFAULT-VALUE})")
    double unlinkable;

    private final PrintStream stdout;
    private final PrintStream stderr;

    public GenerateCommand() {
        this(System.out, System.err);
    }

    GenerateCommand(PrintStream stdout, PrintStream stderr) {
        this.stdout = stdout;
        this.stderr = stderr;
    }

    @Override
    public Integer call() {
        jp.kenpo.privacy.formats.receipt.Layout chosen;
        switch (layout.toLowerCase(java.util.Locale.ROOT)) {
            case "claim" -> chosen = jp.kenpo.privacy.formats.receipt.Layout.CLAIM;
            case "insurer" -> chosen = jp.kenpo.privacy.formats.receipt.Layout.INSURER;
            default -> {
                stderr.println("--layout must be claim or insurer, not " + layout);
                return 2;
            }
        }
        long start = System.nanoTime();
        long[] lastReport = {start};
        try {
            SyntheticYear.Summary s = SyntheticYear.write(
                    new SyntheticYear.Options(members, year, seed, unlinkable, chosen), out, (done, total) -> {
                        long now = System.nanoTime();
                        if (now - lastReport[0] > 2_000_000_000L || done == total) {
                            lastReport[0] = now;
                            stderr.printf(
                                    "generate: %,d / %,d persons (%d%%), %.0f s%n",
                                    done, total, done * 100 / total, (now - start) / 1e9);
                        }
                    });
            stdout.printf(
                    "insurer %s: %,d persons in %,d member rows; receipts %,d (%s), %,d MB; checkups %,d in %,d archives; %.1f s%n",
                    s.insurerNumber(),
                    s.persons(),
                    s.memberRows(),
                    s.totalReceipts(),
                    s.receipts(),
                    s.receiptBytes() >> 20,
                    s.checkups(),
                    s.checkupArchives(),
                    (System.nanoTime() - start) / 1e9);
            return 0;
        } catch (IOException | RuntimeException e) {
            stderr.println(out + ":0: : generation failed: " + e.getMessage());
            return 2;
        }
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new GenerateCommand()).execute(args));
    }
}
