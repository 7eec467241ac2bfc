package jp.kenpo.privacy.provision;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import jp.kenpo.privacy.catalog.PurposeCode;
import jp.kenpo.privacy.decision.Basis;

/**
 * One record about a member: a dataset that left the society with their data, or came in with it.
 * What a member may ask to see of the records kept about them (APPI Art. 33(5)).
 *
 * @param counterparty     the register id of the recipient or provider, when the register names it
 * @param counterpartyName its name, address and representative as they stood when the record was made
 * @param items            the items (columns) of the dataset
 * @param basis            for a provision, what it rested on (deemed or explicit consent, a legal basis)
 * @param consentEvent     the consent ledger event the basis rests on, if one does
 * @param exemption        the article that exempts it from the Art. 29/30 record, if one does
 * @param file             the file the data travelled in
 * @param retainedUntil    the last day the record is kept (PPC Rules Art. 21, 26; My Number Act Art. 23)
 */
public record ProvisionEntry(
        Direction direction,
        RecordKind record,
        LocalDate on,
        Optional<String> counterparty,
        String counterpartyName,
        String counterpartyAddress,
        String counterpartyRepresentative,
        PurposeCode purpose,
        List<String> items,
        Optional<Basis> basis,
        OptionalLong consentEvent,
        Optional<String> exemption,
        String file,
        LocalDate retainedUntil) {

    /** Whether the data left the society or came in. */
    public enum Direction {
        SENT,
        RECEIVED
    }

    public ProvisionEntry {
        items = List.copyOf(items);
    }
}
