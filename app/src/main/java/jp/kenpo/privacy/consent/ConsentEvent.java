package jp.kenpo.privacy.consent;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import jp.kenpo.privacy.members.MemberKey;

/**
 * A recorded event of the consent ledger. Never updated or deleted: the member's state at any
 * instant is derived from their events ({@link ConsentHistory}).
 *
 * @param seq        the ledger's global order of recording
 * @param memberSeq  1, 2, 3… within the member's chain: the defined order of their events
 * @param recordedBy the clerk or system account that recorded it
 * @param prevHash   the hash of the member's previous event ({@link EventHash#GENESIS} for the first)
 */
public record ConsentEvent(
        long seq,
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
        Optional<String> note,
        String prevHash,
        String hash) {}
