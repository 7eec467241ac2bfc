package jp.kenpo.privacy.recipients;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import jp.kenpo.privacy.catalog.PurposeCode;

/**
 * One entry of the recipient register (提供先・委託先台帳): who the society sends data to, under
 * which contract and for which purposes. Name, address and representative are what a provision
 * record must name of its recipient (PPC Rules Art. 20(1)(i)).
 *
 * @param purposes         the catalog purposes it may receive data for
 * @param contractTo       the last day of the contract, if it has one
 * @param reviewedOn       for a consignee, the day its safety measures were last reviewed (APPI Art. 25)
 * @param openPgpPublicKey an ASCII-armored OpenPGP public key to encrypt what it receives, if it has one
 * @param endedOn          the first day it no longer receives anything (the register keeps it for the records)
 */
public record Recipient(
        String id,
        RecipientKind kind,
        String name,
        String address,
        String representative,
        List<PurposeCode> purposes,
        String contractReference,
        LocalDate contractFrom,
        Optional<LocalDate> contractTo,
        Optional<LocalDate> reviewedOn,
        Optional<String> openPgpPublicKey,
        Optional<LocalDate> endedOn) {

    public Recipient {
        purposes = List.copyOf(purposes);
    }

    /** Whether its contract is in force on the day and it has not been ended by then. */
    public boolean contractCovers(LocalDate day) {
        return !day.isBefore(contractFrom)
                && contractTo.map(to -> !day.isAfter(to)).orElse(true)
                && endedOn.map(end -> day.isBefore(end)).orElse(true);
    }

    public boolean receives(PurposeCode purpose) {
        return purposes.contains(purpose);
    }
}
