package jp.kenpo.privacy.pages;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.LongConsumer;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import jp.kenpo.privacy.audit.AuditAction;
import jp.kenpo.privacy.audit.AuditEvent;
import jp.kenpo.privacy.audit.AuditOutcome;
import jp.kenpo.privacy.audit.AuditTrail;
import jp.kenpo.privacy.claims.HealthDataImport;
import jp.kenpo.privacy.claims.ImportProgress;
import jp.kenpo.privacy.claims.ImportedFile;
import jp.kenpo.privacy.formats.ReadMode;
import jp.kenpo.privacy.members.ImportProblem;
import jp.kenpo.privacy.members.ImportRejectedException;
import jp.kenpo.privacy.members.ImportReport;
import jp.kenpo.privacy.members.MemberImport;
import jp.kenpo.privacy.pages.ImportJob.FileResult;
import jp.kenpo.privacy.pages.ImportJob.Kind;
import jp.kenpo.privacy.pages.ImportJob.MembersResult;
import jp.kenpo.privacy.pages.ImportJob.Outcome;
import jp.kenpo.privacy.pages.ImportJob.Progress;
import jp.kenpo.privacy.pages.ImportJob.RefusedLine;
import jp.kenpo.privacy.pages.ImportJob.State;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.security.concurrent.DelegatingSecurityContextRunnable;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * The imports started on the pages, run one at a time by a worker of their own with the importers
 * the command line uses ({@link MemberImport}, {@link HealthDataImport}): each keeps its rule that
 * a file is written in one transaction or not at all. The files sent wait in a folder of their
 * own, which is removed when the import ends, whatever the end. The audit trail names whoever
 * started the job, as if they had waited for it.
 *
 * <p>The jobs themselves are kept in memory, the last {@value #KEPT}: what an import stored is in
 * the registry and the audit trail, and a restart in the middle of one rolls back the file it was
 * writing.
 */
@Component
class ImportJobs implements DisposableBean {

    static final int KEPT = 100;

    /** {@code FILE:LINE: RECORD FIELD: reason}, as every reader of the formats module words a problem. */
    private static final Pattern FORMAT_PROBLEM = Pattern.compile("^(.+?):([0-9]+): ([^:]*): (.+)$", Pattern.DOTALL);

    private static final Logger LOG = LoggerFactory.getLogger(ImportJobs.class);

    /** The options of a form: the member file's encoding and skipping bad rows; lenient reading of health data. */
    record Options(Charset charset, boolean skipBad, boolean lenient) {}

    private final MemberImport members;
    private final HealthDataImport health;
    private final AuditTrail audit;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        var t = new Thread(r, "kenpo-page-import");
        t.setDaemon(true);
        return t;
    });
    /** Guarded by itself. */
    private final Map<String, ImportJob> jobs = new LinkedHashMap<>();

    ImportJobs(MemberImport members, HealthDataImport health, AuditTrail audit, Clock clock) {
        this.members = members;
        this.health = health;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Queues the import of the files in {@code folder} (which then belongs to the job) and returns
     * its job. {@code names} are the files' names in the folder.
     */
    ImportJob start(Kind kind, Path folder, List<String> names, long bytes, Options options, String startedBy) {
        List<String> inOrder =
                names.stream().sorted(Comparator.comparing(folder::resolve)).toList();
        byte[] id = new byte[16];
        random.nextBytes(id);
        var job = new ImportJob(HexFormat.of().formatHex(id), kind, startedBy, clock.instant(), inOrder, bytes);
        synchronized (jobs) {
            jobs.put(job.id(), job);
            forgetOld();
        }
        Runnable run = () -> run(job, folder, options);
        // a context of its own: signing out empties the session's, and the job goes on as whoever sent it
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(SecurityContextHolder.getContext().getAuthentication());
        worker.execute(DelegatingSecurityContextRunnable.create(run, context));
        return job;
    }

    Optional<ImportJob> find(String id) {
        synchronized (jobs) {
            return Optional.ofNullable(jobs.get(id));
        }
    }

    /** The jobs kept, newest first. */
    List<ImportJob> recent() {
        synchronized (jobs) {
            var all = new ArrayList<>(jobs.values());
            java.util.Collections.reverse(all);
            return all;
        }
    }

    private void forgetOld() {
        Iterator<ImportJob> oldest = jobs.values().iterator();
        while (jobs.size() > KEPT && oldest.hasNext()) {
            if (oldest.next().ended()) {
                oldest.remove();
            }
        }
    }

    private void run(ImportJob job, Path folder, Options options) {
        job.running();
        Outcome outcome;
        try {
            outcome = switch (job.kind()) {
                case MEMBERS -> members(job, folder, options);
                case RECEIPTS, CHECKUPS -> health(job, folder, options);
            };
        } catch (RuntimeException e) {
            // the importers roll back what they were writing; the cause may quote a value, so it goes to the log only
            LOG.error("import job {} failed", job.id(), e);
            String why = e.getClass().getSimpleName();
            try {
                audit.recordRefusal(AuditEvent.of(
                                job.kind() == Kind.MEMBERS
                                        ? AuditAction.MEMBERS_IMPORTED
                                        : AuditAction.HEALTH_DATA_IMPORTED,
                                "import of " + String.join(", ", job.files()) + " failed (" + why
                                        + "); the file being written was rolled back")
                        .outcome(AuditOutcome.FAILED));
            } catch (RuntimeException auditFailed) {
                LOG.error("import job {}: its failure could not be audited", job.id(), auditFailed);
            }
            outcome = new Outcome(State.FAILED, null, List.of(), List.of(), why);
        } finally {
            delete(folder);
        }
        // ended only once its files are gone: whoever sees the end finds nothing of the upload left
        job.end(outcome);
    }

    private Outcome members(ImportJob job, Path folder, Options options) {
        String name = job.files().get(0);
        Path file = folder.resolve(name);
        long size = job.bytes();
        try (InputStream in = new Counting(
                Files.newInputStream(file), read -> job.progress(new Progress(1, name, read, size, "bytes")))) {
            ImportReport report = members.importCsv(in, name, options.charset(), options.skipBad());
            return new Outcome(
                    State.DONE,
                    new MembersResult(
                            report.rowsRead(),
                            report.membersAdded(),
                            report.membersUpdated(),
                            report.periodsAdded(),
                            report.periodsUpdated(),
                            report.rowsSkipped()),
                    List.of(),
                    lines(report.problems()),
                    null);
        } catch (ImportRejectedException e) {
            // the API answers 422 and the command line exits 1; here the refusal is audited as well
            audit.recordRefusal(AuditEvent.of(
                            AuditAction.MEMBERS_IMPORTED,
                            name + ": refused, nothing imported: "
                                    + e.problems().size() + " bad row(s): " + places(e.problems()))
                    .outcome(AuditOutcome.REFUSED));
            return new Outcome(State.REFUSED, null, List.of(), lines(e.problems()), null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<RefusedLine> lines(List<ImportProblem> problems) {
        return problems.stream()
                .map(p -> new RefusedLine(p.source(), p.line(), p.column(), ValueFree.of(p.reason())))
                .toList();
    }

    /** Where the bad rows are, never what they hold: {@code line 3 (birth_date), line 7}. */
    private static String places(List<ImportProblem> problems) {
        var out = new StringBuilder();
        for (ImportProblem p : problems) {
            if (out.length() > 1500) {
                out.append(", …");
                break;
            }
            out.append(out.isEmpty() ? "" : ", ")
                    .append("line ")
                    .append(p.line())
                    .append(p.column().isEmpty() ? "" : " (" + p.column() + ")");
        }
        return out.toString();
    }

    private Outcome health(ImportJob job, Path folder, Options options) {
        ReadMode mode = options.lenient() ? ReadMode.LENIENT : ReadMode.STRICT;
        ImportProgress progress = (file, done, total, unit) -> {
            String name = file.getFileName().toString();
            job.progress(new Progress(job.files().indexOf(name) + 1, name, done, total, unit));
        };
        List<ImportedFile> results = job.kind() == Kind.RECEIPTS
                ? health.importReceipts(folder, mode, job.startedBy(), progress)
                : health.importCheckups(folder, mode, job.startedBy(), progress);
        var files = new ArrayList<FileResult>(results.size());
        var refused = new ArrayList<RefusedLine>();
        for (ImportedFile f : results) {
            String name = f.file().getFileName().toString();
            String problem = f.problem() == null ? null : shown(f.problem(), folder);
            files.add(new FileResult(
                    name,
                    f.outcome(),
                    f.fileId(),
                    f.records(),
                    f.linked(),
                    f.quarantined(),
                    f.unchanged(),
                    problem,
                    f.fileProblems().stream().map(p -> shown(p, folder)).toList(),
                    f.fileProblemCount()));
            if (f.outcome() == ImportedFile.Outcome.FAILED || f.outcome() == ImportedFile.Outcome.IGNORED) {
                refused.add(refusedLine(name, problem));
            }
        }
        return new Outcome(State.DONE, null, files, refused, null);
    }

    /** A failed file's problem as a line: the readers say {@code FILE:LINE: RECORD FIELD: reason}. */
    private static RefusedLine refusedLine(String name, String problem) {
        var m = FORMAT_PROBLEM.matcher(problem);
        if (m.matches()) {
            return new RefusedLine(
                    m.group(1), Long.parseLong(m.group(2)), m.group(3).strip(), m.group(4));
        }
        String reason = problem.startsWith(name + ": ") ? problem.substring(name.length() + 2) : problem;
        return new RefusedLine(name, 0, "", reason);
    }

    /** A problem as the page shows it: the files' names without the folder they waited in, and no value. */
    private static String shown(String problem, Path folder) {
        String dir = folder.toString();
        return ValueFree.of(
                problem.replace(dir + folder.getFileSystem().getSeparator(), "").replace(dir, ""));
    }

    /** Removes the folder of an upload and what it holds; a file that cannot be removed is logged. */
    static void delete(Path folder) {
        try (Stream<Path> all = Files.walk(folder)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    LOG.error("an uploaded file could not be removed: {}", p, e);
                }
            });
        } catch (IOException e) {
            LOG.error("the folder of an upload could not be removed: {}", folder, e);
        }
    }

    @Override
    public void destroy() {
        worker.shutdownNow();
    }

    /** The bytes read so far, told to {@code read} as they are. */
    private static final class Counting extends FilterInputStream {
        private final LongConsumer read;
        private long count;

        Counting(InputStream in, LongConsumer read) {
            super(in);
            this.read = read;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                read.accept(++count);
            }
            return b;
        }

        @Override
        public int read(byte[] buf, int off, int len) throws IOException {
            int n = super.read(buf, off, len);
            if (n > 0) {
                count += n;
                read.accept(count);
            }
            return n;
        }
    }
}
