package jp.kenpo.privacy.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * How large a request body each kind of endpoint takes ({@code kenpo.http.body-limit.*}); a larger
 * one is refused with 413 before it is read (OWASP ASVS 13.1: a body is read whole by the JSON,
 * YAML and text readers, so an unbounded one is a way to exhaust the server's memory). The member
 * import has its own, larger limit ({@code kenpo.import.max-upload-bytes}).
 *
 * @param command a JSON command (a decision, a consent event, an account change) or a sign-in form
 * @param batch   a batch decision's population: a list of member keys, about 16 bytes each
 * @param catalog a catalog version (YAML)
 * @param digest  an audit digest file to verify against
 */
@ConfigurationProperties("kenpo.http.body-limit")
record BodyLimits(
        @DefaultValue("16KB") DataSize command,
        @DefaultValue("32MB") DataSize batch,
        @DefaultValue("1MB") DataSize catalog,
        @DefaultValue("256KB") DataSize digest) {

    /** What a page's upload form sends besides its files (pages.ImportUploads allows as much). */
    static final long PAGE_UPLOAD_ENVELOPE = 64 * 1024;

    /** The limit of the endpoint a request is for, in bytes; {@code importLimit} for the member import. */
    long of(String method, String path, long importLimit) {
        if (!"POST".equals(method)) {
            return command.toBytes();
        }
        return switch (path) {
            case "/api/v1/members/import",
                    "/api/v1/provisions",
                    "/api/v1/acquisitions",
                    "/api/v1/online-eligibility/imports" -> importLimit;
            case "/api/v1/decisions/batch" -> batch.toBytes();
            // the import page's forms: the files, and the form's fields and part headers around them
            case "/console/imports/members", "/console/imports/receipts", "/console/imports/checkups" ->
                importLimit + PAGE_UPLOAD_ENVELOPE;
            case "/api/v1/catalog/versions" -> catalog.toBytes();
            // the page's upload: the file and the form around it (its CSRF token, the multipart framing)
            case "/console/catalog/check" -> catalog.toBytes() + 16 * 1024;
            case "/api/v1/audit/verification" -> digest.toBytes();
            default -> command.toBytes();
        };
    }
}
