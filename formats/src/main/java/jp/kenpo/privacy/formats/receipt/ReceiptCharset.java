package jp.kenpo.privacy.formats.receipt;

import java.nio.charset.Charset;

/** The character set of receipt files: the 記録条件仕様 says JIS X 0208 in Shift_JIS; files are written by Windows systems, so they are read and written as Windows-31J (MS932). */
final class ReceiptCharset {

    static final Charset CHARSET = Charset.forName("windows-31j");

    private ReceiptCharset() {}
}
