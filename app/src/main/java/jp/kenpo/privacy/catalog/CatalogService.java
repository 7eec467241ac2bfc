package jp.kenpo.privacy.catalog;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import jp.kenpo.privacy.audit.AuditAction;
import jp.kenpo.privacy.audit.AuditEvent;
import jp.kenpo.privacy.audit.AuditTrail;
import jp.kenpo.privacy.shared.SocietyTime;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The published catalog versions: the catalog module's one way in. It owns the table
 * catalog_version, which keeps each version as the very file that was published.
 */
@Service
public class CatalogService {

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final AuditTrail audit;
    private volatile Loaded loaded = new Loaded(0, new Catalog(List.of()));

    private record Loaded(int latestVersion, Catalog catalog) {}

    public CatalogService(JdbcTemplate jdbc, Clock clock, AuditTrail audit) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.audit = audit;
    }

    /** Every published version; re-read only when another version has been published since. */
    public Catalog catalog() {
        Integer latest = jdbc.queryForObject("select coalesce(max(version), 0) from catalog_version", Integer.class);
        Loaded current = loaded;
        if (latest != current.latestVersion()) {
            List<CatalogVersion> versions = jdbc.query(
                    "select version, source, number_use_stated from catalog_version order by version",
                    (rs, n) -> CatalogFile.parsePublished(
                            rs.getString(2), "catalog version " + rs.getInt(1), rs.getBoolean(3)));
            current = new Loaded(latest, new Catalog(versions));
            loaded = current;
        }
        return current.catalog();
    }

    /**
     * Whether any published version has the purpose. A code is never removed once published, so
     * a code the loaded catalog knows needs no trip to the database.
     */
    public boolean knows(PurposeCode code) {
        return loaded.catalog().knows(code) || catalog().knows(code);
    }

    /** When the first published version took effect: once published it never changes, so the loaded catalog answers. */
    public Optional<LocalDate> firstInForce() {
        Catalog known = loaded.catalog().versions().isEmpty() ? catalog() : loaded.catalog();
        return known.versions().stream().findFirst().map(CatalogVersion::effectiveFrom);
    }

    public boolean knowsCategory(int number) {
        return loaded.catalog().knowsCategory(number) || catalog().knowsCategory(number);
    }

    /** Checks a catalog file against the published versions without publishing it. */
    public CatalogChanges check(String source, String file) {
        return CatalogRules.checkSuccessor(
                catalog(), CatalogFile.read(source, file), file, SocietyTime.dateOf(clock.instant()));
    }

    /**
     * Checks a catalog file as {@link #check} does and compares it with the version in force. A
     * refusal is part of the answer, not thrown: the officer sees the line and reason beside the
     * difference that caused it.
     */
    public CatalogReview review(String source, String file) {
        LocalDate today = SocietyTime.dateOf(clock.instant());
        Catalog published = catalog();
        var inForce = published.inForceOn(today);
        var scheduled = published.latest().filter(v -> v.effectiveFrom().isAfter(today));
        CatalogFile.Parsed parsed;
        try {
            parsed = CatalogFile.read(source, file);
        } catch (CatalogFileException e) {
            return new CatalogReview(
                    file,
                    sha256(source),
                    Optional.empty(),
                    Optional.of(new CatalogReview.Refusal(e.line(), e.reason())),
                    Optional.empty(),
                    inForce,
                    scheduled,
                    Optional.empty());
        }
        var diff = inForce.map(v -> CatalogDiff.between(v, parsed.version()));
        Optional<CatalogChanges> changes;
        Optional<CatalogReview.Refusal> refusal;
        try {
            changes = Optional.of(CatalogRules.checkSuccessor(published, parsed, file, today));
            refusal = Optional.empty();
        } catch (CatalogFileException e) {
            changes = Optional.empty();
            refusal = Optional.of(new CatalogReview.Refusal(e.line(), e.reason()));
        }
        return new CatalogReview(
                file, sha256(source), Optional.of(parsed.version()), refusal, changes, inForce, scheduled, diff);
    }

    /**
     * Publishes a new catalog version. It takes effect on its effective date; the versions
     * before it stay, so that the notice in force at any past instant can still be read.
     *
     * @throws CatalogFileException naming the line and reason when the file is refused
     */
    @Transactional
    public CatalogChanges publish(String source, String file, String publishedBy) {
        CatalogFile.Parsed parsed = CatalogFile.read(source, file);
        CatalogVersion version = parsed.version();
        CatalogChanges changes =
                CatalogRules.checkSuccessor(catalog(), parsed, file, SocietyTime.dateOf(clock.instant()));
        try {
            jdbc.update(
                    """
                    insert into catalog_version (version, effective_from, published_at, published_by, source_sha256, source,
                                                 number_use_stated)
                    values (?, ?, ?, ?, ?, ?, true)""",
                    version.version(),
                    version.effectiveFrom(),
                    OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC),
                    publishedBy,
                    sha256(source),
                    source);
        } catch (DuplicateKeyException e) {
            throw new CatalogFileException(
                    file,
                    0,
                    "version " + version.version() + " or its effective date " + version.effectiveFrom()
                            + " was published by someone else meanwhile; check the catalog and try again");
        }
        audit.record(AuditEvent.of(
                AuditAction.CATALOG_PUBLISHED,
                "catalog version " + version.version() + " from "
                        + file + ", effective from " + version.effectiveFrom() + ", sha256 " + sha256(source)
                        + " (published by " + publishedBy + ")"));
        return changes;
    }

    /** Who published each version, when, and the SHA-256 of the file. */
    public List<PublishedVersion> published() {
        return jdbc.query(
                """
                select version, effective_from, published_at, published_by, source_sha256
                  from catalog_version order by version""",
                (rs, n) -> new PublishedVersion(
                        rs.getInt(1),
                        rs.getObject(2, LocalDate.class),
                        rs.getObject(3, OffsetDateTime.class).toInstant(),
                        rs.getString(4),
                        rs.getString(5)));
    }

    /** The published file of a version, byte for byte as it was published. */
    public Optional<String> source(int version) {
        return jdbc
                .query("select source from catalog_version where version = ?", (rs, n) -> rs.getString(1), version)
                .stream()
                .findFirst();
    }

    static String sha256(String source) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(source.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
