package jp.kenpo.privacy.formats.receipt;

import java.util.List;
import java.util.Objects;

/**
 * A child record this module knows by type but does not model field by field (DPC, pharmacy and
 * review-organisation records, JD, MF, …): kept verbatim so that nothing in a receipt is dropped.
 *
 * @param seq    position among the receipt's child records (0-based)
 * @param type   record type
 * @param fields the fields after the record type, as recorded
 */
public record OtherRecord(int seq, String type, List<String> fields) implements ChildRecord {

    public OtherRecord {
        Objects.requireNonNull(type, "type");
        fields = List.copyOf(fields);
    }

    @Override
    public String recordType() {
        return type;
    }
}
