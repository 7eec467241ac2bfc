package jp.kenpo.privacy.pages;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import jp.kenpo.privacy.accounts.SignedIn;
import jp.kenpo.privacy.audit.AuditAction;
import jp.kenpo.privacy.audit.AuditEvent;
import jp.kenpo.privacy.audit.AuditOutcome;
import jp.kenpo.privacy.audit.AuditTrail;
import jp.kenpo.privacy.claims.HealthDataQuarantine;
import jp.kenpo.privacy.pages.ImportJob.Kind;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.multipart.MultipartFile;

/**
 * Imports on the pages: the member file, receipt files, checkup files — sent from the browser,
 * imported in the background by the importers the command line uses, followed on a job page
 * (how far, then every line refused), and the quarantine of receipts and checkups that named no
 * member, a page at a time.
 */
@Controller
class ImportPages {

    /** Refused lines shown on one page of a job's result; the rest are a link away. */
    static final int LINES = 500;

    static final int QUARANTINE_PAGE = 50;

    /** How long sending the form waits for a small import to end, so that its result is the next page. */
    private static final long WAIT_MILLIS = 1500;

    private static final Pattern JOB_ID = Pattern.compile("[0-9a-f]{32}");

    /** What a file's name may hold here: no folder, no control character, not too long. */
    private static final Pattern UNSAFE_NAME = Pattern.compile("[\\p{Cntrl}/\\\\]|^\\.+$");

    private final ImportJobs jobs;
    private final HealthDataQuarantine quarantine;
    private final AuditTrail audit;
    private final long maxBytes;

    ImportPages(
            ImportJobs jobs,
            HealthDataQuarantine quarantine,
            AuditTrail audit,
            @Value("${kenpo.import.max-upload-bytes:268435456}") long maxBytes) {
        this.jobs = jobs;
        this.quarantine = quarantine;
        this.audit = audit;
        this.maxBytes = maxBytes;
    }

    @GetMapping("/console/imports")
    String imports(Model model) {
        return page(model);
    }

    private String page(Model model) {
        model.addAttribute("jobs", jobs.recent());
        model.addAttribute("maxMegabytes", Math.max(1, maxBytes / (1024 * 1024)));
        model.addAttribute("maxBytes", maxBytes);
        return "pages/console-imports";
    }

    /**
     * Where the request boundary sends an upload larger than the limit, refused before a byte of
     * it was read (413 for the API): the same words for a person, and audited.
     */
    @GetMapping("/console/imports/too-large")
    String tooLarge(@RequestParam(defaultValue = "") String upload, Model model, HttpServletResponse response) {
        Kind kind = kindOf(upload).orElse(Kind.MEMBERS);
        refuse(kind, "the upload is larger than " + maxBytes + " bytes (kenpo.import.max-upload-bytes); nothing read");
        response.setStatus(HttpStatus.CONTENT_TOO_LARGE.value());
        return refused(model, kind, "imports.error.tooLarge", null);
    }

    @PostMapping("/console/imports/members")
    String members(
            @RequestParam(name = "file", required = false) List<MultipartFile> file,
            @RequestParam(defaultValue = "") String encoding,
            @RequestParam(defaultValue = "false") boolean skipBad,
            @AuthenticationPrincipal SignedIn who,
            Model model,
            HttpServletResponse response) {
        Charset charset;
        switch (encoding) {
            case "UTF-8" -> charset = StandardCharsets.UTF_8;
            case "Windows-31J" -> charset = Charset.forName("Windows-31J");
            default -> {
                return refusedUpload(
                        model, response, Kind.MEMBERS, "imports.error.encoding", null, "no encoding chosen");
            }
        }
        return upload(Kind.MEMBERS, file, new ImportJobs.Options(charset, skipBad, false), who, model, response);
    }

    @PostMapping("/console/imports/receipts")
    String receipts(
            @RequestParam(name = "file", required = false) List<MultipartFile> file,
            @RequestParam(defaultValue = "false") boolean lenient,
            @AuthenticationPrincipal SignedIn who,
            Model model,
            HttpServletResponse response) {
        return upload(
                Kind.RECEIPTS,
                file,
                new ImportJobs.Options(StandardCharsets.UTF_8, false, lenient),
                who,
                model,
                response);
    }

    @PostMapping("/console/imports/checkups")
    String checkups(
            @RequestParam(name = "file", required = false) List<MultipartFile> file,
            @RequestParam(defaultValue = "false") boolean lenient,
            @AuthenticationPrincipal SignedIn who,
            Model model,
            HttpServletResponse response) {
        return upload(
                Kind.CHECKUPS,
                file,
                new ImportJobs.Options(StandardCharsets.UTF_8, false, lenient),
                who,
                model,
                response);
    }

    /** The files sent are checked, put in a folder of their own and handed to a job; on to its page. */
    private String upload(
            Kind kind,
            List<MultipartFile> sent,
            ImportJobs.Options options,
            SignedIn who,
            Model model,
            HttpServletResponse response) {
        List<MultipartFile> files = sent == null
                ? List.of()
                : sent.stream()
                        .filter(f -> f.getOriginalFilename() != null
                                && !f.getOriginalFilename().isEmpty())
                        .toList();
        if (files.isEmpty()) {
            return refusedUpload(model, response, kind, "imports.error.noFile", null, "no file sent");
        }
        if (kind == Kind.MEMBERS && files.size() > 1) {
            return refusedUpload(model, response, kind, "imports.error.oneFile", null, files.size() + " files sent");
        }
        long bytes = files.stream().mapToLong(MultipartFile::getSize).sum();
        if (bytes > maxBytes) {
            return refusedUpload(
                    model,
                    response,
                    kind,
                    "imports.error.tooLarge",
                    null,
                    "the upload is larger than " + maxBytes + " bytes (kenpo.import.max-upload-bytes)");
        }
        var names = new ArrayList<String>(files.size());
        Set<String> seen = new HashSet<>();
        for (MultipartFile f : files) {
            String name = baseName(f.getOriginalFilename());
            if (name.isEmpty()
                    || name.length() > 200
                    || UNSAFE_NAME.matcher(name).find()) {
                return refusedUpload(
                        model, response, kind, "imports.error.name", null, "a file name that cannot be used");
            }
            if (!ofKind(kind, name)) {
                return refusedUpload(
                        model, response, kind, "imports.error.kind." + kind, name, name + ": not of the kind imported");
            }
            if (!seen.add(name.toLowerCase(Locale.ROOT))) {
                return refusedUpload(model, response, kind, "imports.error.twice", name, name + ": sent twice");
            }
            if (f.isEmpty()) {
                return refusedUpload(model, response, kind, "imports.error.empty", name, name + ": empty");
            }
            names.add(name);
        }
        Path folder;
        try {
            // owner-only on POSIX: the files hold personal data until the import has ended
            folder = Files.createTempDirectory("kenpo-import-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            for (int i = 0; i < files.size(); i++) {
                files.get(i).transferTo(folder.resolve(names.get(i)));
            }
        } catch (IOException e) {
            ImportJobs.delete(folder);
            throw new UncheckedIOException(e);
        }
        ImportJob job = jobs.start(kind, folder, names, bytes, options, who.name());
        job.awaitEnd(WAIT_MILLIS);
        return "redirect:/console/imports/" + job.id();
    }

    /** The last part of the name a browser sent (some send a whole path). */
    private static String baseName(String sent) {
        String name = sent.strip();
        int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
        return name.substring(slash + 1);
    }

    /** The endings each importer takes: a receipt .CSV in another layout is told apart by the importer, as ignored. */
    private static boolean ofKind(Kind kind, String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return switch (kind) {
            case MEMBERS -> n.endsWith(".csv") || n.endsWith(".txt");
            case RECEIPTS -> n.endsWith(".uke") || n.endsWith(".csv");
            case CHECKUPS -> n.endsWith(".xml") || n.endsWith(".zip");
        };
    }

    private String refusedUpload(
            Model model, HttpServletResponse response, Kind kind, String message, String file, String why) {
        refuse(kind, why);
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        return refused(model, kind, message, file);
    }

    private String refused(Model model, Kind kind, String message, String file) {
        model.addAttribute("errorField", "file-" + kind.name().toLowerCase(Locale.ROOT));
        model.addAttribute("errorMessage", message);
        model.addAttribute("errorFile", file);
        return page(model);
    }

    /** Every refused upload is audited, as the API's refusals are; the detail names no value of a file. */
    private void refuse(Kind kind, String why) {
        audit.recordRefusal(AuditEvent.of(
                        kind == Kind.MEMBERS ? AuditAction.MEMBERS_IMPORTED : AuditAction.HEALTH_DATA_IMPORTED,
                        "upload of " + kind.name().toLowerCase(Locale.ROOT) + " on the pages refused: " + why)
                .outcome(AuditOutcome.REFUSED));
    }

    private static Optional<Kind> kindOf(String text) {
        for (Kind k : Kind.values()) {
            if (k.name().equalsIgnoreCase(text)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }

    @GetMapping("/console/imports/{id}")
    String job(@PathVariable String id, @RequestParam(defaultValue = "0") int from, Model model) {
        ImportJob job = JOB_ID.matcher(id).matches() ? jobs.find(id).orElse(null) : null;
        if (job == null) {
            throw new NoSuchPage();
        }
        model.addAttribute("job", job);
        var outcome = job.outcome();
        if (outcome != null) {
            var refused = outcome.refused();
            int start = Math.max(0, Math.min(from, refused.size()));
            int end = Math.min(refused.size(), start + LINES);
            model.addAttribute("lines", refused.subList(start, end));
            model.addAttribute("linesFrom", start);
            model.addAttribute("linesNext", end < refused.size() ? end : null);
            model.addAttribute("linesPrevious", start > 0 ? Math.max(0, start - LINES) : null);
        }
        return "pages/console-import";
    }

    @GetMapping("/console/quarantine")
    String quarantine(
            @RequestParam(defaultValue = "") String before, @RequestParam(defaultValue = "") String file, Model model) {
        Optional<Long> from = number(before);
        Optional<Long> ofFile = number(file);
        var page = quarantine.page(ofFile, from, QUARANTINE_PAGE);
        model.addAttribute("records", page);
        model.addAttribute("file", ofFile.orElse(null));
        model.addAttribute(
                "next",
                page.size() == QUARANTINE_PAGE ? page.get(page.size() - 1).id() : null);
        return "pages/console-quarantine";
    }

    @GetMapping("/console/quarantine/{id}")
    String quarantined(@PathVariable String id, Model model) {
        var record = number(id).flatMap(quarantine::find).orElseThrow(NoSuchPage::new);
        model.addAttribute("record", record);
        return "pages/console-quarantined";
    }

    private static Optional<Long> number(String text) {
        if (text.isBlank() || !text.matches("[0-9]{1,18}")) {
            return Optional.empty();
        }
        return Optional.of(Long.parseLong(text));
    }

    /** A job forgotten (or never started), a quarantined record that is not there. */
    static final class NoSuchPage extends RuntimeException {
        NoSuchPage() {
            super("no such page");
        }
    }

    @ExceptionHandler(NoSuchPage.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String noSuchPage() {
        return "pages/imports-not-found";
    }
}
