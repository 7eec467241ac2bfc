package jp.kenpo.privacy.cli;

import java.nio.file.Path;
import java.util.List;
import jp.kenpo.privacy.claims.HealthDataImport;
import jp.kenpo.privacy.claims.ImportedFile;
import jp.kenpo.privacy.formats.ReadMode;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code claims import} and {@code checkups import}: one file, or every file of a directory. */
abstract class ImportHealthData extends AppCommand {

    @Parameters(
            description =
                    "a file, or a directory whose files of this kind are imported in name order (the others are listed as ignored)")
    Path path;

    @Option(
            names = "--lenient",
            description = "leave unreadable records in quarantine and go on, "
                    + "instead of refusing the whole file at the first one")
    boolean lenient;

    abstract String job();

    abstract String records();

    abstract List<ImportedFile> run(HealthDataImport importer, ReadMode mode, ProgressPrinter progress);

    @Override
    public Integer call() {
        List<ImportedFile> results = run(
                service(HealthDataImport.class),
                lenient ? ReadMode.LENIENT : ReadMode.STRICT,
                new ProgressPrinter(err(), job()));
        int failed = 0;
        int ignored = 0;
        long linked = 0;
        long quarantined = 0;
        for (ImportedFile f : results) {
            switch (f.outcome()) {
                case IMPORTED -> {
                    out().printf(
                                    "imported %s as file #%d: %,d %s, %,d linked, %,d in quarantine%s%s%n",
                                    f.file().getFileName(),
                                    f.fileId(),
                                    f.records(),
                                    records(),
                                    f.linked(),
                                    f.quarantined(),
                                    f.unchanged() == 0
                                            ? ""
                                            : String.format(", %,d unchanged, already stored", f.unchanged()),
                                    f.fileProblemCount() == 0
                                            ? ""
                                            : String.format(
                                                    "; %,d problem(s) of the file itself, kept with it",
                                                    f.fileProblemCount()));
                    f.fileProblems().forEach(p -> err().println("problem of the file: " + p));
                    if (f.fileProblemCount() > f.fileProblems().size()) {
                        err().printf(
                                        "problem of the file: … and %,d more%n",
                                        f.fileProblemCount() - f.fileProblems().size());
                    }
                    linked += f.linked();
                    quarantined += f.quarantined();
                }
                case ALREADY_IMPORTED ->
                    out().printf(
                                    "skipped %s: the same content was imported before (file #%d)%n",
                                    f.file().getFileName(), f.fileId());
                case IGNORED -> {
                    ignored++;
                    out().printf("ignored %s: %s%n", f.file().getFileName(), f.problem());
                }
                case FAILED -> {
                    failed++;
                    err().println(f.problem());
                    out().printf(
                                    "failed %s: nothing of it was stored%n",
                                    f.file().getFileName());
                }
            }
        }
        out().printf(
                        "%d file(s): %,d %s linked, %,d in quarantine, %d failed%s%n",
                        results.size() - ignored,
                        linked,
                        records(),
                        quarantined,
                        failed,
                        ignored == 0 ? "" : ", " + ignored + " other file(s) ignored");
        return failed == 0 ? 0 : 1;
    }
}
