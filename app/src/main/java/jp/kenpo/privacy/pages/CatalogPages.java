package jp.kenpo.privacy.pages;

import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.io.Serializable;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import jp.kenpo.privacy.accounts.SignedIn;
import jp.kenpo.privacy.catalog.Catalog;
import jp.kenpo.privacy.catalog.CatalogChanges;
import jp.kenpo.privacy.catalog.CatalogFileException;
import jp.kenpo.privacy.catalog.CatalogReview;
import jp.kenpo.privacy.catalog.CatalogService;
import jp.kenpo.privacy.catalog.CatalogVersion;
import jp.kenpo.privacy.catalog.Language;
import jp.kenpo.privacy.catalog.NoticeFormat;
import jp.kenpo.privacy.catalog.NoticeRenderer;
import jp.kenpo.privacy.catalog.PublishedVersion;
import jp.kenpo.privacy.shared.SocietyTime;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
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
 * The purpose catalog for staff: its versions (which is in force, which are scheduled), each
 * version's notice as the catalog module renders it, in Japanese and English; and, for the privacy
 * officer, a new version's file checked by the same rules as {@code ./kenpo catalog check} and the
 * API, shown as its difference to the version in force, then confirmed and published. The file
 * checked is kept in the officer's session under its SHA-256, so that what is published is the
 * file whose difference was read, not a second upload.
 */
@Controller
class CatalogPages {

    private static final String CHECKED = "kenpo.catalog.checked";

    /** A file checked and not yet published, kept in the session until it is. */
    record Checked(String file, String source, String sha256) implements Serializable {}

    /** A published version in the list, with whether it is in force, scheduled or superseded. */
    record Row(PublishedVersion published, String state) {}

    private final CatalogService catalogs;
    private final Clock clock;

    CatalogPages(CatalogService catalogs, Clock clock) {
        this.catalogs = catalogs;
        this.clock = clock;
    }

    @GetMapping("/console/catalog")
    String versions(Model model) {
        Catalog catalog = catalogs.catalog();
        LocalDate today = today();
        var rows = new ArrayList<Row>();
        // newest first: the scheduled and the one in force lead
        catalogs.published().forEach(p -> rows.add(0, new Row(p, state(catalog, p.version(), today))));
        model.addAttribute("rows", rows);
        model.addAttribute("inForce", catalog.inForceOn(today).orElse(null));
        return "pages/console-catalog";
    }

    @GetMapping("/console/catalog/versions/{number}")
    String version(@PathVariable String number, Model model) {
        return version(versionNumber(number), model);
    }

    private String version(int number, Model model) {
        Catalog catalog = catalogs.catalog();
        CatalogVersion version = catalog.version(number).orElseThrow(NoSuchVersion::new);
        PublishedVersion published = catalogs.published().stream()
                .filter(p -> p.version() == number)
                .findFirst()
                .orElseThrow(NoSuchVersion::new);
        LocalDate today = today();
        String state = state(catalog, number, today);
        LocalDate shownOn = shownOn(catalog, version, state, today);
        model.addAttribute("version", version);
        model.addAttribute("published", published);
        model.addAttribute("state", state);
        model.addAttribute("shownOn", shownOn);
        model.addAttribute("noticeJa", blocks(version, shownOn, Language.JA));
        model.addAttribute("noticeEn", blocks(version, shownOn, Language.EN));
        return "pages/console-catalog-version";
    }

    /** The published file itself, byte for byte: the start of the next version. */
    @GetMapping("/console/catalog/versions/{number}/source")
    ResponseEntity<String> source(@PathVariable String number) {
        String source = catalogs.source(versionNumber(number)).orElseThrow(NoSuchVersion::new);
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "plain", StandardCharsets.UTF_8))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename("catalog-v" + number + ".yaml")
                                .build()
                                .toString())
                .body(source);
    }

    @GetMapping("/console/catalog/new")
    String upload() {
        return "pages/console-catalog-new";
    }

    /** The file checked and compared with the version in force; nothing is published yet. */
    @PostMapping("/console/catalog/check")
    String check(@RequestParam(name = "file", required = false) MultipartFile upload, HttpSession session, Model model)
            throws IOException {
        if (upload == null || upload.isEmpty()) {
            return uploadRefused(model, "catalog.error.noFile", null);
        }
        String file = fileName(upload.getOriginalFilename());
        byte[] bytes = upload.getBytes();
        int badLine = firstLineNotUtf8(bytes);
        if (badLine > 0) {
            return uploadRefused(model, "catalog.error.encoding", badLine);
        }
        String source = new String(bytes, StandardCharsets.UTF_8);
        if (source.startsWith("\uFEFF")) {
            // a byte order mark, as some Windows editors write, is no part of the YAML
            source = source.substring(1);
        }
        CatalogReview review = catalogs.review(source, file);
        session.setAttribute(CHECKED, new Checked(file, source, review.sha256()));
        return review(review, model);
    }

    /** The last step before publication: the version, its effective date and what it changes. */
    @PostMapping("/console/catalog/confirm")
    String confirm(@RequestParam(defaultValue = "") String sha256, HttpSession session, Model model) {
        Optional<Checked> checked = checked(session, sha256);
        if (checked.isEmpty()) {
            return uploadRefused(model, "catalog.error.notChecked", null);
        }
        CatalogReview review =
                catalogs.review(checked.get().source(), checked.get().file());
        if (!review.publishable()) {
            return review(review, model);
        }
        model.addAttribute("review", review);
        return "pages/console-catalog-confirm";
    }

    @PostMapping("/console/catalog/publish")
    String publish(
            @RequestParam(defaultValue = "") String sha256,
            @AuthenticationPrincipal SignedIn who,
            HttpSession session,
            Model model) {
        Optional<Checked> checked = checked(session, sha256);
        if (checked.isEmpty()) {
            return uploadRefused(model, "catalog.error.notChecked", null);
        }
        CatalogChanges changes;
        try {
            changes = catalogs.publish(checked.get().source(), checked.get().file(), who.name());
        } catch (CatalogFileException e) {
            // published by someone else meanwhile, or today passed the effective date: the check again, with its reason
            return review(catalogs.review(checked.get().source(), checked.get().file()), model);
        }
        session.removeAttribute(CHECKED);
        return "redirect:/console/catalog/versions/" + changes.version() + "?published";
    }

    private String review(CatalogReview review, Model model) {
        model.addAttribute("review", review);
        return "pages/console-catalog-check";
    }

    private static String uploadRefused(Model model, String message, Integer line) {
        model.addAttribute("errorField", "file");
        model.addAttribute("errorMessage", message);
        model.addAttribute("errorLine", line);
        return "pages/console-catalog-new";
    }

    private static Optional<Checked> checked(HttpSession session, String sha256) {
        return session.getAttribute(CHECKED) instanceof Checked c && c.sha256().equals(sha256)
                ? Optional.of(c)
                : Optional.empty();
    }

    private static String state(Catalog catalog, int number, LocalDate today) {
        if (catalog.inForceOn(today).filter(v -> v.version() == number).isPresent()) {
            return "IN_FORCE";
        }
        return catalog.version(number)
                        .filter(v -> v.effectiveFrom().isAfter(today))
                        .isPresent()
                ? "SCHEDULED"
                : "SUPERSEDED";
    }

    /**
     * The day whose notice the page shows: today for the version in force, the first day of a
     * scheduled one, the last day of one superseded (purposes retired by then are left out, as printed).
     */
    private static LocalDate shownOn(Catalog catalog, CatalogVersion version, String state, LocalDate today) {
        return switch (state) {
            case "IN_FORCE" -> today;
            case "SCHEDULED" -> version.effectiveFrom();
            default ->
                catalog.versions().stream()
                        .map(CatalogVersion::effectiveFrom)
                        .filter(d -> d.isAfter(version.effectiveFrom()))
                        .findFirst()
                        .map(d -> d.minusDays(1))
                        .orElse(version.effectiveFrom());
        };
    }

    /** The notice's text form, as the catalog module renders it, in its blocks (paragraphs, lists). */
    private static List<String> blocks(CatalogVersion version, LocalDate day, Language language) {
        return Arrays.asList(NoticeRenderer.render(version, day, language, NoticeFormat.TXT)
                .strip()
                .split("\n\n"));
    }

    /** The uploaded file's own name, without any folder, as the publication records it. */
    static String fileName(String original) {
        String name = original == null ? "" : original.replaceAll("^.*[/\\\\]", "");
        name = name.replaceAll("[^\\p{L}\\p{N}._ -]", "_").strip();
        if (name.isEmpty() || name.chars().allMatch(c -> c == '.' || c == '_')) {
            return "catalog.yaml";
        }
        return name.length() > 100 ? name.substring(0, 100) : name;
    }

    /** The line (1-based) of the first byte that is not UTF-8, or 0 when the whole file is. */
    static int firstLineNotUtf8(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(8192);
        while (true) {
            CoderResult result = decoder.decode(in, out, true);
            if (result.isError()) {
                int line = 1;
                for (int i = 0; i < in.position(); i++) {
                    if (bytes[i] == '\n') {
                        line++;
                    }
                }
                return line;
            }
            if (result.isUnderflow()) {
                return 0;
            }
            out.clear();
        }
    }

    private LocalDate today() {
        return SocietyTime.dateOf(clock.instant());
    }

    private static int versionNumber(String text) {
        if (!text.matches("[1-9][0-9]{0,8}")) {
            throw new NoSuchVersion();
        }
        return Integer.parseInt(text);
    }

    @ExceptionHandler(NoSuchVersion.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String noSuchVersion() {
        return "pages/console-catalog-missing";
    }

    /** No version of that number has been published. */
    static final class NoSuchVersion extends RuntimeException {
        NoSuchVersion() {
            super("no such catalog version");
        }
    }
}
