package jp.kenpo.privacy.audit;

import java.time.Instant;
import java.util.Optional;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/audit")
class AuditController {

    private final AuditReview review;

    AuditController(AuditReview review) {
        this.review = review;
    }

    /** A page of entries, oldest first: by member key, actor, action, within [from, to). */
    @GetMapping("/entries")
    AuditPage entries(
            @RequestParam(required = false) String member,
            @RequestParam(required = false) String actor,
            @RequestParam(required = false) AuditAction action,
            @RequestParam(required = false) Instant from,
            @RequestParam(required = false) Instant to,
            @RequestParam(defaultValue = "0") int offset,
            @RequestParam(defaultValue = "100") int limit) {
        return review.search(new AuditQuery(
                Optional.ofNullable(member),
                Optional.ofNullable(actor),
                Optional.ofNullable(action),
                Optional.ofNullable(from),
                Optional.ofNullable(to),
                offset,
                limit));
    }

    @GetMapping("/verification")
    AuditVerification verify() {
        return review.verify(Optional.empty());
    }

    /** Verifies the trail and that it still leads to the heads of a digest taken earlier (the digest file as the body). */
    @PostMapping(value = "/verification", consumes = MediaType.TEXT_PLAIN_VALUE)
    AuditVerification verifyAgainst(@RequestBody String digest) {
        return review.verify(Optional.of(AuditDigest.parse(digest)));
    }

    /** The chain heads now, as the text file to keep outside the database. */
    @GetMapping(value = "/digest", produces = MediaType.TEXT_PLAIN_VALUE)
    String digest() {
        return review.digest().text();
    }
}
