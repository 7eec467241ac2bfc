package jp.kenpo.privacy.recipients;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import jp.kenpo.privacy.catalog.PurposeCode;

/** A recipient to be registered, as a clerk or the API gives it; {@link RecipientRegister#add} checks it. */
public record NewRecipient(
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
        Optional<String> openPgpPublicKey) {

    public NewRecipient {
        purposes = purposes == null ? List.of() : purposes.stream().toList();
        contractTo = contractTo == null ? Optional.empty() : contractTo;
        reviewedOn = reviewedOn == null ? Optional.empty() : reviewedOn;
        openPgpPublicKey = openPgpPublicKey == null ? Optional.empty() : openPgpPublicKey;
    }
}
