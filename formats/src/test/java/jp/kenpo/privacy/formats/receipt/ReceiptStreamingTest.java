package jp.kenpo.privacy.formats.receipt;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.lang.ref.WeakReference;
import java.nio.charset.Charset;
import jp.kenpo.privacy.formats.ReadMode;
import org.junit.jupiter.api.Test;

/**
 * A stream far larger than the reader's buffer, made on the fly so that the test itself holds
 * no file: the reader returns every receipt, keeps none of the ones it returned, and handles
 * lines that straddle its buffer refills.
 */
class ReceiptStreamingTest {

    /** {@code groups} facility groups of {@code perGroup} receipts each, produced as read. */
    static final class SyntheticStream extends InputStream {
        private final int groups;
        private final int perGroup;
        private int group;
        private int receipt = -1;
        private byte[] chunk = new byte[0];
        private int pos;

        SyntheticStream(int groups, int perGroup) {
            this.groups = groups;
            this.perGroup = perGroup;
        }

        private boolean refill() {
            if (group >= groups) {
                return false;
            }
            StringBuilder b = new StringBuilder(512);
            if (receipt < 0) {
                b.append("IR,1,13,1,").append(String.format("%07d", group)).append(",,テスト医院,202405,00,\r\n");
                receipt = 0;
            } else if (receipt < perGroup) {
                int n = receipt + 1;
                b.append("RE,").append(n).append(",1112,202404,テスト　患者,1,19800101,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,\r\n");
                b.append("HO,06130017,1,").append(group * perGroup + n).append(",1,100,,,,,,,,,\r\n");
                b.append("SY,2500013,20240401,1,,,01,\r\n");
                b.append("SI,11,1,111000110,,100,1,,,,,,,1")
                        .append(",".repeat(30))
                        .append("\r\n");
                receipt++;
            } else {
                b.append("GO,")
                        .append(perGroup)
                        .append(',')
                        .append(perGroup * 100)
                        .append(",99\r\n");
                receipt = -1;
                group++;
            }
            chunk = b.toString().getBytes(Charset.forName("windows-31j"));
            pos = 0;
            return true;
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (pos >= chunk.length && !refill()) {
                return -1;
            }
            int n = 0;
            while (n < len && (pos < chunk.length || refill())) {
                int k = Math.min(len - n, chunk.length - pos);
                System.arraycopy(chunk, pos, b, off + n, k);
                pos += k;
                n += k;
            }
            return n;
        }
    }

    @Test
    void readsAStreamManyTimesItsBufferWithoutKeepingReceipts() throws IOException {
        int groups = 300;
        int perGroup = 1_000;
        long count = 0;
        WeakReference<Receipt> first = null;
        try (ReceiptReader reader =
                new ReceiptReader(new SyntheticStream(groups, perGroup), "stream", ReadMode.STRICT, e -> {})) {
            for (Receipt r; (r = reader.next()) != null; ) {
                if (first == null) {
                    first = new WeakReference<>(r);
                }
                count++;
                assertThat(r.memberKey().number()).isEqualTo(Long.toString(count));
            }
            assertThat(reader.bytesRead()).isGreaterThan(50L << 20);
        }
        assertThat(count).isEqualTo((long) groups * perGroup);
        for (int i = 0; i < 20 && first.get() != null; i++) {
            System.gc();
        }
        assertThat(first.get())
                .as("the reader holds no receipt it has returned")
                .isNull();
    }
}
