package jp.kenpo.privacy.members;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import jakarta.servlet.http.HttpServletRequest;

import jp.kenpo.privacy.formats.BoundedInputStream;

@RestController
@RequestMapping("/api/v1/members")
class MembersController {

    private final MemberRegistry registry;
    private final long maxUploadBytes;

    /** @param maxUploadBytes larger member files are imported from the command line */
    MembersController(MemberRegistry registry,
                      @Value("${kenpo.import.max-upload-bytes:268435456}") long maxUploadBytes) {
        this.registry = registry;
        this.maxUploadBytes = maxUploadBytes;
    }

    /** Imports a member CSV sent as the request body; see {@code ./kenpo members import} for the header. */
    @PostMapping(value = "/import", consumes = {"text/csv", MediaType.TEXT_PLAIN_VALUE, MediaType.APPLICATION_OCTET_STREAM_VALUE})
    ImportReport importCsv(HttpServletRequest request, @RequestParam(defaultValue = "UTF-8") String encoding,
                           @RequestParam(defaultValue = "false") boolean skipBad,
                           @RequestParam(defaultValue = "members.csv") String filename) throws IOException {
        Charset charset;
        try {
            charset = Charset.forName(encoding);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("encoding: unknown encoding '" + encoding + "'; use UTF-8 or Windows-31J");
        }
        if (request.getContentLengthLong() > maxUploadBytes) {
            throw new UploadTooLargeException(maxUploadBytes);
        }
        // the body read is bounded too: a chunked upload declares no length
        try (InputStream in = new BoundedInputStream(request.getInputStream(), maxUploadBytes)) {
            return registry.importCsv(in, filename, charset, skipBad);
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof BoundedInputStream.LimitExceeded) {
                throw new UploadTooLargeException(maxUploadBytes);
            }
            throw e;
        }
    }

    @GetMapping("/{key}")
    Member member(@PathVariable MemberKey key) {
        return registry.read(key);
    }

    @GetMapping
    List<Member> page(@RequestParam(defaultValue = "0") int offset, @RequestParam(defaultValue = "100") int limit) {
        if (offset < 0 || limit < 1 || limit > 1000) {
            throw new IllegalArgumentException("offset must be 0 or more and limit from 1 to 1000");
        }
        return registry.page(offset, limit);
    }
}
