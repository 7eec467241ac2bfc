package jp.kenpo.privacy.members;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/members")
class MembersController {

    private final MemberRegistry registry;
    private final MemberImport memberImport;
    private final MemberCorrections corrections;

    MembersController(MemberRegistry registry, MemberImport memberImport, MemberCorrections corrections) {
        this.registry = registry;
        this.memberImport = memberImport;
        this.corrections = corrections;
    }

    /**
     * A correction of a member's identity: the fields to change (as the member file writes them:
     * {@code sex} "1" or "2", {@code birthDate} YYYY-MM-DD; a field left out keeps its value) and
     * the reason, which is required.
     */
    record CorrectionRequest(
            String insurerNumber, String nameKanji, String nameKana, String sex, String birthDate, String reason) {}

    /**
     * Imports a member CSV sent as the request body; see {@code ./kenpo members import} for the
     * header. The body is bounded by the web module's request boundary ({@code
     * kenpo.import.max-upload-bytes}; larger files are imported from the command line).
     */
    @PostMapping(
            value = "/import",
            consumes = {"text/csv", MediaType.TEXT_PLAIN_VALUE, MediaType.APPLICATION_OCTET_STREAM_VALUE})
    ImportReport importCsv(
            HttpServletRequest request,
            @RequestParam(defaultValue = "UTF-8") String encoding,
            @RequestParam(defaultValue = "false") boolean skipBad,
            @RequestParam(defaultValue = "members.csv") String filename)
            throws IOException {
        Charset charset;
        try {
            charset = Charset.forName(encoding);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "encoding: unknown encoding '" + encoding + "'; use UTF-8 or Windows-31J");
        }
        try (InputStream in = request.getInputStream()) {
            return memberImport.importCsv(in, filename, charset, skipBad);
        }
    }

    @GetMapping("/{key}")
    Member member(@PathVariable MemberKey key) {
        return registry.read(key);
    }

    @PostMapping("/{key}/corrections")
    @ResponseStatus(HttpStatus.CREATED)
    MemberCorrection correct(@PathVariable MemberKey key, @RequestBody CorrectionRequest body) {
        return corrections.correct(
                key,
                new IdentityCorrection(
                        Optional.ofNullable(body.insurerNumber()),
                        Optional.ofNullable(body.nameKanji()),
                        Optional.ofNullable(body.nameKana()),
                        Optional.ofNullable(body.sex()),
                        Optional.ofNullable(body.birthDate()),
                        body.reason()));
    }

    @GetMapping("/{key}/corrections")
    List<MemberCorrection> corrections(@PathVariable MemberKey key) {
        return corrections.history(key);
    }

    @GetMapping
    List<Member> page(@RequestParam(defaultValue = "0") int offset, @RequestParam(defaultValue = "100") int limit) {
        if (offset < 0 || limit < 1 || limit > 1000) {
            throw new IllegalArgumentException("offset must be 0 or more and limit from 1 to 1000");
        }
        return registry.page(offset, limit);
    }
}
