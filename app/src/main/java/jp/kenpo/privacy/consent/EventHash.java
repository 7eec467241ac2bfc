package jp.kenpo.privacy.consent;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import jp.kenpo.privacy.members.MemberKey;

/**
 * The hash that chains a member's events: SHA-256 over every recorded field, the member's key
 * and the previous event's hash, each field length-prefixed so that no two different events can
 * serialise alike. Changing, removing or reordering an event breaks every later link of the
 * chain; the key is in it because the member table is not append-only, and a chain moved to
 * another member by rewriting keys must not go unnoticed.
 */
public final class EventHash {

    public static final String GENESIS = "0".repeat(64);

    private EventHash() {}

    static String of(
            long memberId,
            MemberKey member,
            int memberSeq,
            ConsentAction action,
            ConsentTarget target,
            LocalDate receivedOn,
            Channel channel,
            Filer filedBy,
            String recordedBy,
            Instant recordedAt,
            String note,
            String prevHash) {
        var canonical = new StringBuilder(256).append("kenpo-consent-v2");
        for (String field : new String[] {
            Long.toString(memberId),
            member.toString(),
            Integer.toString(memberSeq),
            action.name(),
            target.toString(),
            receivedOn.toString(),
            channel.name(),
            filedBy.name(),
            recordedBy,
            recordedAt.toString(),
            note == null ? "" : note,
            prevHash
        }) {
            canonical.append('\n').append(field.length()).append(':').append(field);
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    static String of(ConsentEvent e) {
        return of(
                e.memberId(),
                e.member(),
                e.memberSeq(),
                e.action(),
                e.target(),
                e.receivedOn(),
                e.channel(),
                e.filedBy(),
                e.recordedBy(),
                e.recordedAt(),
                e.note().orElse(null),
                e.prevHash());
    }
}
