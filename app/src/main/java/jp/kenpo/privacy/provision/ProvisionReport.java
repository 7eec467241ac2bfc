package jp.kenpo.privacy.provision;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.kenpo.privacy.catalog.PurposeCode;

/**
 * What a provision run did: the file written and its SHA-256, how many rows went, and how many were
 * left out for which reason ({@code leftOut} lists them by line; the API shows that list to the
 * privacy officer only).
 *
 * @param record     {@code ART29}, {@code EXEMPT} or {@code MY_NUMBER_EXCHANGE}: the record the members' rows are
 * @param exemption  the article that exempts it from the Art. 29 record, if one does
 */
public record ProvisionReport(
        long run,
        String recipient,
        PurposeCode purpose,
        Instant at,
        String record,
        Optional<String> exemption,
        String file,
        String sha256,
        List<String> items,
        int rowsRead,
        int rowsWritten,
        int membersWritten,
        Map<String, Integer> leftOutByReason,
        List<LeftOut> leftOut,
        LocalDate retainedUntil) {

    /** A row not provided, and why: a decision's deny reason, or DUPLICATE_ROW. */
    public record LeftOut(long line, String member, String reason) {}

    public ProvisionReport {
        items = List.copyOf(items);
        leftOutByReason = Map.copyOf(leftOutByReason);
        leftOut = List.copyOf(leftOut);
    }

    public int leftOutCount() {
        return leftOut.size();
    }

    /** The same report without the list of who was left out: for whoever may see only the counts. */
    public ProvisionReport countsOnly() {
        return new ProvisionReport(
                run,
                recipient,
                purpose,
                at,
                record,
                exemption,
                file,
                sha256,
                items,
                rowsRead,
                rowsWritten,
                membersWritten,
                leftOutByReason,
                List.of(),
                retainedUntil);
    }
}
