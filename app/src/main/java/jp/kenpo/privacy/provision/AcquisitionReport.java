package jp.kenpo.privacy.provision;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import jp.kenpo.privacy.catalog.PurposeCode;

/** What was recorded of a receipt: one confirmation (or exempt, or exchange) record per member. */
public record AcquisitionReport(
        long id,
        String provider,
        PurposeCode purpose,
        LocalDate receivedOn,
        String record,
        Optional<String> exemption,
        String sha256,
        List<String> items,
        int rows,
        int members,
        LocalDate retainedUntil) {

    public AcquisitionReport {
        items = List.copyOf(items);
    }
}
