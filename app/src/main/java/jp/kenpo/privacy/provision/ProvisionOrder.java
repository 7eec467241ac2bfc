package jp.kenpo.privacy.provision;

import java.time.Instant;
import java.util.Optional;
import jp.kenpo.privacy.catalog.PurposeCode;

/**
 * What is to be provided: for which purpose, to which recipient, at which instant (default now),
 * and which column of the input holds the member key (default {@code member}).
 */
public record ProvisionOrder(
        PurposeCode purpose, String recipient, Optional<Instant> at, Optional<String> memberColumn) {

    public static final String DEFAULT_MEMBER_COLUMN = "member";

    public ProvisionOrder {
        at = at == null ? Optional.empty() : at;
        memberColumn = memberColumn == null ? Optional.empty() : memberColumn;
    }

    String column() {
        return memberColumn.orElse(DEFAULT_MEMBER_COLUMN);
    }
}
