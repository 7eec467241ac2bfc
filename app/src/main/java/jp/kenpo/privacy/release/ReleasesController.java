package jp.kenpo.privacy.release;

import java.nio.file.Path;
import java.util.List;
import jp.kenpo.privacy.catalog.Language;
import jp.kenpo.privacy.catalog.NoticeFormat;
import jp.kenpo.privacy.shared.BadRequestException;
import org.springframework.beans.factory.annotation.Value;
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

/**
 * {@code /api/v1/releases}: the privacy officer checks, builds, approves and delivers; the auditor
 * reads the registry; the public statement is public. A release built over the API is written
 * under {@code kenpo.release.directory}, in a new folder named by its spec's hash and the time.
 */
@RestController
@RequestMapping("/api/v1/releases")
class ReleasesController {

    private final ReleaseService releases;
    private final Path directory;

    ReleasesController(ReleaseService releases, @Value("${kenpo.release.directory:data/releases}") Path directory) {
        this.releases = releases;
        this.directory = directory;
    }

    /** The checked plan of a spec, or 400 naming its line and field. */
    @PostMapping(
            value = "/checks",
            consumes = {"application/yaml", "text/yaml", MediaType.TEXT_PLAIN_VALUE})
    ReleaseService.Plan check(@RequestBody String spec, @RequestParam(defaultValue = "release.yaml") String file) {
        return releases.check(spec, file);
    }

    @PostMapping(consumes = {"application/yaml", "text/yaml", MediaType.TEXT_PLAIN_VALUE})
    ResponseEntity<ReleaseRecord> build(
            @RequestBody String spec, @RequestParam(defaultValue = "release.yaml") String file) {
        Path out = directory.resolve(
                "release-" + ReleaseSpecReader.sha256(spec).substring(0, 12) + "-" + System.currentTimeMillis());
        return ResponseEntity.status(HttpStatus.CREATED).body(releases.build(spec, file, out));
    }

    @GetMapping
    List<ReleaseRecord> list() {
        return releases.list();
    }

    @GetMapping("/{id}")
    ReleaseRecord show(@PathVariable String id) {
        return releases.show(id);
    }

    @PostMapping("/{id}/approval")
    ReleaseRecord approve(@PathVariable String id) {
        return releases.approve(id);
    }

    @PostMapping("/{id}/delivery")
    ReleaseRecord deliver(@PathVariable String id) {
        return releases.deliver(id);
    }

    /** The public statement on anonymized information (APPI Art. 43(3); PPC Rules Art. 36). Public. */
    @GetMapping(
            value = "/publication",
            produces = {MediaType.TEXT_PLAIN_VALUE, MediaType.TEXT_HTML_VALUE})
    ResponseEntity<String> publication(
            @RequestParam(defaultValue = "ja") String lang, @RequestParam(defaultValue = "txt") String format) {
        Language language;
        NoticeFormat f;
        try {
            language = Language.of(lang);
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("lang", e.getMessage());
        }
        try {
            f = NoticeFormat.of(format);
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("format", e.getMessage());
        }
        if (f != NoticeFormat.TXT && f != NoticeFormat.HTML) {
            throw new BadRequestException("format", "expected one of txt, html");
        }
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(f.mediaType() + ";charset=UTF-8"))
                .body(releases.publication(language, f));
    }
}
