package jp.kenpo.privacy.formats.receipt;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;
import jp.kenpo.privacy.formats.FormatError;
import jp.kenpo.privacy.formats.ReadMode;

/** Test helpers: receipt files from text, read into lists. */
final class ReceiptFiles {

    static final Charset SJIS = Charset.forName("windows-31j");

    private ReceiptFiles() {}

    record Result(List<Receipt> receipts, List<Long> lines, List<FormatError> errors) {}

    static byte[] sjis(String... lines) {
        return (String.join("\r\n", lines) + "\r\n").getBytes(SJIS);
    }

    static Result read(byte[] bytes, ReadMode mode) {
        return read(new ByteArrayInputStream(bytes), mode);
    }

    static Result read(InputStream in, ReadMode mode) {
        List<FormatError> errors = new ArrayList<>();
        List<Receipt> receipts = new ArrayList<>();
        List<Long> lines = new ArrayList<>();
        try (ReceiptReader r = new ReceiptReader(in, "test.UKE", mode, errors::add)) {
            for (Receipt x; (x = r.next()) != null; ) {
                receipts.add(x);
                lines.add(r.receiptLine());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Result(receipts, lines, errors);
    }

    static Result resource(String name) {
        return read(ReceiptFiles.class.getResourceAsStream("/examples/" + name), ReadMode.STRICT);
    }

    static byte[] write(List<Receipt> receipts) {
        return write(receipts, Layout.CLAIM);
    }

    static byte[] write(List<Receipt> receipts, Layout layout) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ReceiptWriter w = new ReceiptWriter(out, layout == Layout.CLAIM, layout)) {
            w.writeAll(receipts);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
