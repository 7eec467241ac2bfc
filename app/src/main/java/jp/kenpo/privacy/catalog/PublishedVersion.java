package jp.kenpo.privacy.catalog;

import java.time.Instant;
import java.time.LocalDate;

/** The publication record of a catalog version. */
public record PublishedVersion(
        int version, LocalDate effectiveFrom, Instant publishedAt, String publishedBy, String sourceSha256) {}
