package jp.kenpo.privacy.provision;

import java.time.LocalDate;
import jp.kenpo.privacy.catalog.PurposeCode;

/**
 * One dataset exchanged with a counterparty of the register: a provision run or an acquisition, with
 * how many members its records name. Exchange records (category 7) are listed so per counterparty.
 */
public record CounterpartyEntry(
        ProvisionEntry.Direction direction,
        RecordKind record,
        long id,
        LocalDate on,
        PurposeCode purpose,
        String file,
        String sha256,
        int members,
        LocalDate retainedUntil) {}
