package jp.kenpo.privacy.catalog;

import java.security.Principal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Supplier;
import jp.kenpo.privacy.shared.BadRequestException;
import jp.kenpo.privacy.shared.SocietyTime;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

@RestController
@RequestMapping("/api/v1")
class CatalogController {

    private final CatalogService catalogs;

    CatalogController(CatalogService catalogs) {
        this.catalogs = catalogs;
    }

    /** The notice in force at an instant, rendered from the catalog. Public. */
    @GetMapping(
            value = "/notice",
            produces = {MediaType.TEXT_PLAIN_VALUE, MediaType.TEXT_HTML_VALUE, "text/markdown"})
    ResponseEntity<String> notice(
            @RequestParam(defaultValue = "ja") String lang,
            @RequestParam(defaultValue = "txt") String format,
            @RequestParam(required = false) Instant at) {
        Instant when = at != null ? at : Instant.now();
        NoticeFormat f = parameter("format", () -> NoticeFormat.of(format));
        Language language = parameter("lang", () -> Language.of(lang));
        String body = NoticeRenderer.render(inForceAt(when), SocietyTime.dateOf(when), language, f);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(f.mediaType() + ";charset=UTF-8"))
                .body(body);
    }

    @GetMapping("/catalog/versions")
    List<PublishedVersion> versions() {
        return catalogs.published();
    }

    @GetMapping("/catalog/versions/{version}")
    CatalogVersion version(@PathVariable int version) {
        return catalogs.catalog()
                .version(version)
                .orElseThrow(() -> new ResponseStatusException(
                        HttpStatus.NOT_FOUND, "no catalog version " + version + " has been published"));
    }

    /** The version in force at an instant (default: now). */
    @GetMapping("/catalog")
    CatalogVersion inForce(@RequestParam(required = false) Instant at) {
        return inForceAt(at != null ? at : Instant.now());
    }

    private CatalogVersion inForceAt(Instant when) {
        return catalogs.catalog()
                .inForceAt(when)
                .orElseThrow(() -> new BadRequestException(
                        "at",
                        "no catalog version was in force at " + when + " (the first took effect on "
                                + catalogs.firstInForce()
                                        .map(LocalDate::toString)
                                        .orElse("—") + ")"));
    }

    private static <T> T parameter(String name, Supplier<T> parse) {
        try {
            return parse.get();
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(name, e.getMessage());
        }
    }

    /** Publishes a new version from its YAML file; with {@code dryRun=true} only checks it. */
    @PostMapping(
            value = "/catalog/versions",
            consumes = {"application/yaml", "text/yaml", MediaType.TEXT_PLAIN_VALUE})
    ResponseEntity<CatalogChanges> publish(
            @RequestBody String source,
            @RequestParam(defaultValue = "false") boolean dryRun,
            @RequestParam(defaultValue = "catalog.yaml") String file,
            Principal principal) {
        if (dryRun) {
            return ResponseEntity.ok(catalogs.check(source, file));
        }
        return ResponseEntity.status(HttpStatus.CREATED).body(catalogs.publish(source, file, principal.getName()));
    }
}
