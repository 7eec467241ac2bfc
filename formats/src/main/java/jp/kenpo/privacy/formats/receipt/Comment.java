package jp.kenpo.privacy.formats.receipt;

import java.util.Objects;

/**
 * コメントレコード (CO).
 *
 * @param seq      position among the receipt's child records (0-based)
 * @param category 診療識別 (may be empty)
 * @param burden   負担区分
 * @param code     コメントコード (9 digits)
 * @param text     文字データ (may be empty)
 */
public record Comment(int seq, String category, String burden, String code, String text) implements ChildRecord {

    public Comment {
        category = category == null ? "" : category;
        Objects.requireNonNull(code, "code");
        text = text == null ? "" : text;
    }

    @Override
    public String recordType() {
        return "CO";
    }
}
