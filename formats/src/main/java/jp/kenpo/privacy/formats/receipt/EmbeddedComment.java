package jp.kenpo.privacy.formats.receipt;

/**
 * One of the up to three コメントコード / 文字データ pairs recorded inside an SI, IY or TO record.
 *
 * @param code コメントコード (9 digits)
 * @param text 文字データ (may be empty)
 */
public record EmbeddedComment(String code, String text) {

    public EmbeddedComment {
        text = text == null ? "" : text;
    }
}
