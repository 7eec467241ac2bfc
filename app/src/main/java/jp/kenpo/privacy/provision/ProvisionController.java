package jp.kenpo.privacy.provision;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import jp.kenpo.privacy.accounts.Role;
import jp.kenpo.privacy.catalog.PurposeCode;
import jp.kenpo.privacy.members.MemberKey;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
class ProvisionController {

    private final ProvisionRuns runs;
    private final ProvisionHistory history;
    private final Acquisitions acquisitions;
    private final OnlineEligibilityRegister onlineEligibility;
    private final RecordsPurge purge;

    ProvisionController(
            ProvisionRuns runs,
            ProvisionHistory history,
            Acquisitions acquisitions,
            OnlineEligibilityRegister onlineEligibility,
            RecordsPurge purge) {
        this.runs = runs;
        this.history = history;
        this.acquisitions = acquisitions;
        this.onlineEligibility = onlineEligibility;
        this.purge = purge;
    }

    /**
     * Imports the society's list of what it exchanged with the online eligibility confirmation system
     * (8.1, 8.2), the CSV in the body with the command line's layout: all rows or, naming every bad
     * line and field, none.
     */
    @PostMapping(
            value = "/online-eligibility/imports",
            consumes = {"text/csv", MediaType.TEXT_PLAIN_VALUE, MediaType.APPLICATION_OCTET_STREAM_VALUE})
    @ResponseStatus(HttpStatus.CREATED)
    OnlineEligibilityRegister.Imported importOnlineEligibility(
            HttpServletRequest request, @RequestParam(defaultValue = "online-eligibility.csv") String filename)
            throws IOException {
        Path spool = Files.createTempFile("kenpo-online-eligibility-", ".csv");
        try {
            try (InputStream in = request.getInputStream()) {
                Files.copy(in, spool, StandardCopyOption.REPLACE_EXISTING);
            }
            return onlineEligibility.importList(spool, filename);
        } finally {
            Files.deleteIfExists(spool);
        }
    }

    /** Deletes the records whose retention ended before the day, and nothing else; audited. */
    @PostMapping("/records/purge")
    RecordsPurge.Purged purge(@RequestParam LocalDate before) {
        return purge.purge(before);
    }

    /**
     * Records the member-keyed CSV in the body, received from a provider in the register, as one
     * confirmation record per member (APPI Art. 30); the file itself is not kept here.
     */
    @PostMapping(
            value = "/acquisitions",
            consumes = {"text/csv", MediaType.TEXT_PLAIN_VALUE, MediaType.APPLICATION_OCTET_STREAM_VALUE})
    @ResponseStatus(HttpStatus.CREATED)
    AcquisitionReport acquisition(
            HttpServletRequest request,
            @RequestParam String provider,
            @RequestParam PurposeCode purpose,
            @RequestParam String obtainedHow,
            @RequestParam(required = false) java.time.LocalDate receivedOn,
            @RequestParam(required = false) String memberColumn,
            @RequestParam(defaultValue = "acquisition.csv") String filename)
            throws IOException {
        Path spool = Files.createTempFile("kenpo-acquisition-input-", ".csv");
        try {
            try (InputStream in = request.getInputStream()) {
                Files.copy(in, spool, StandardCopyOption.REPLACE_EXISTING);
            }
            return acquisitions.record(
                    new AcquisitionOrder(
                            provider,
                            purpose,
                            obtainedHow,
                            Optional.ofNullable(receivedOn),
                            Optional.ofNullable(memberColumn)),
                    spool,
                    filename);
        } finally {
            Files.deleteIfExists(spool);
        }
    }

    /**
     * Provides the permitted rows of the member-keyed CSV in the body (UTF-8, a header row) to the
     * recipient, into the configured directory ({@code kenpo.provision.out-dir}). The answer counts
     * the rows left out by reason; only the privacy officer is shown who they were.
     */
    @PostMapping(
            value = "/provisions",
            consumes = {"text/csv", MediaType.TEXT_PLAIN_VALUE, MediaType.APPLICATION_OCTET_STREAM_VALUE})
    @ResponseStatus(HttpStatus.CREATED)
    ProvisionReport provide(
            HttpServletRequest request,
            @RequestParam PurposeCode purpose,
            @RequestParam String recipient,
            @RequestParam(required = false) Instant at,
            @RequestParam(required = false) String memberColumn,
            @RequestParam(defaultValue = "provision.csv") String filename,
            Authentication caller)
            throws IOException {
        Path spool = Files.createTempFile("kenpo-provision-input-", ".csv");
        try {
            try (InputStream in = request.getInputStream()) {
                Files.copy(in, spool, StandardCopyOption.REPLACE_EXISTING);
            }
            ProvisionReport report = runs.provide(
                    new ProvisionOrder(purpose, recipient, Optional.ofNullable(at), Optional.ofNullable(memberColumn)),
                    spool,
                    filename,
                    runs.defaultOutDir());
            boolean officer = caller.getAuthorities().stream()
                    .anyMatch(a -> a.getAuthority().equals(Role.PRIVACY_OFFICER.authority()));
            return officer ? report : report.countsOnly();
        } finally {
            Files.deleteIfExists(spool);
        }
    }

    /** Every record kept about the member, newest first (APPI Art. 33(5)). */
    @GetMapping("/members/{key}/provisions")
    List<ProvisionEntry> ofMember(@PathVariable MemberKey key) {
        return history.ofMember(key);
    }
}
