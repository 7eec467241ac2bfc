package jp.kenpo.privacy.audit;

import java.util.List;

/** A page of entries and how many entries match in all. */
public record AuditPage(List<AuditEntry> entries, int offset, int limit, long total) {

    public AuditPage {
        entries = List.copyOf(entries);
    }
}
