package jp.kenpo.privacy.formats.receipt;

/**
 * 症状詳記レコード (SJ).
 *
 * @param seq      position among the receipt's child records (0-based)
 * @param category 症状詳記区分 (2 digits; empty on continuation records)
 * @param text     症状詳記データ
 */
public record SymptomDetail(int seq, String category, String text) implements ChildRecord {

    public SymptomDetail {
        category = category == null ? "" : category;
        text = text == null ? "" : text;
    }

    @Override
    public String recordType() {
        return "SJ";
    }
}
