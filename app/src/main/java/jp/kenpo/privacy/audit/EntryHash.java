package jp.kenpo.privacy.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * The hash that chains the trail: SHA-256 over every recorded field and the previous entry's
 * hash, each field length-prefixed so that no two different entries serialise alike. Changing,
 * removing or reordering an entry breaks every later link of its chain.
 */
final class EntryHash {

    static final String GENESIS = "0".repeat(64);

    private EntryHash() {}

    static String of(
            int chain,
            long chainSeq,
            Instant at,
            Actor actor,
            AuditAction action,
            AuditOutcome outcome,
            String purpose,
            String members,
            String detail,
            String prevHash) {
        var canonical = new StringBuilder(256).append("kenpo-audit-v1");
        for (String field : new String[] {
            Integer.toString(chain),
            Long.toString(chainSeq),
            at.toString(),
            actor.name(),
            actor.role(),
            actor.source(),
            action.name(),
            outcome.name(),
            purpose,
            members,
            detail,
            prevHash
        }) {
            canonical.append('\n').append(field.length()).append(':').append(field);
        }
        return sha256(canonical.toString());
    }

    static String of(AuditEntry e) {
        return of(
                e.chain(),
                e.chainSeq(),
                e.at(),
                new Actor(e.actor(), e.role(), e.source()),
                e.action(),
                e.outcome(),
                e.purpose().orElse(""),
                String.join(",", e.members()),
                e.detail(),
                e.prevHash());
    }

    static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
