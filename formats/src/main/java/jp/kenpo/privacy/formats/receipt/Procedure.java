package jp.kenpo.privacy.formats.receipt;

import java.util.List;
import java.util.Objects;

/**
 * 診療行為レコード (SI), or 歯科診療行為レコード (SS) of a dental receipt.
 *
 * @param seq        position among the receipt's child records (0-based), keeps the 摘要 order
 * @param recordType {@code SI} or {@code SS}
 * @param category   診療識別 (2 digits; empty on the records after the first of a 算定単位)
 * @param burden     負担区分 (1 character)
 * @param code       診療行為コード (9 digits)
 * @param quantity   数量データ ({@code null} when not recorded)
 * @param points     点数 ({@code null} except on the last record of a 算定単位)
 * @param count      回数
 * @param comments   embedded comment pairs (at most three)
 * @param days       算定日情報
 */
public record Procedure(
        int seq,
        String recordType,
        String category,
        String burden,
        String code,
        Long quantity,
        Integer points,
        int count,
        List<EmbeddedComment> comments,
        ServiceDays days)
        implements ChildRecord {

    public Procedure {
        category = category == null ? "" : category;
        Objects.requireNonNull(code, "code");
        comments = List.copyOf(comments);
        days = days == null ? ServiceDays.NONE : days;
    }
}
