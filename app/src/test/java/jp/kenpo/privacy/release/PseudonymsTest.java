package jp.kenpo.privacy.release;

import static org.assertj.core.api.Assertions.assertThat;

import it.unimi.dsi.fastutil.longs.LongArrayList;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Random;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class PseudonymsTest {

    private static final HexFormat HEX = HexFormat.of();

    @Test
    void everyPseudonymIsTheFirstHalfOfTheStandardHmacSha256OfItsPrefixedCode() throws GeneralSecurityException {
        Random random = new Random(20261207);
        for (int round = 0; round < 50; round++) {
            byte[] key = new byte[Pseudonyms.KEY_BYTES];
            random.nextBytes(key);
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            try (Pseudonyms pseudonyms = new Pseudonyms(key)) {
                long member = round == 0 ? 0 : round == 1 ? Long.MAX_VALUE : Math.abs(random.nextLong() >> round);
                long file = round == 2 ? -7 : random.nextInt(1 << 30);
                int seq = round == 3 ? Integer.MIN_VALUE : random.nextInt(100_000);
                // a code longer than a SHA-256 block, and one of several blocks
                String facility =
                        round % 10 == 4 ? "F".repeat(60 + round) : Integer.toString(random.nextInt(9_999_999));

                assertThat(pseudonyms.person(member)).isEqualTo(expected(mac, "person:" + member));
                assertThat(pseudonyms.checkup(file, seq)).isEqualTo(expected(mac, "checkup:" + file + ":" + seq));
                assertThat(pseudonyms.facility(facility)).isEqualTo(expected(mac, "facility:" + facility));
                LongArrayList bits = new LongArrayList();
                pseudonyms.receipt(file, seq, bits);
                assertThat(Pseudonyms.hex(bits, 0)).isEqualTo(expected(mac, "receipt:" + file + ":" + seq));
            }
        }
    }

    @Test
    void aCopyGivesTheSamePseudonyms() {
        byte[] key = new byte[Pseudonyms.KEY_BYTES];
        new Random(7).nextBytes(key);
        try (Pseudonyms one = new Pseudonyms(key);
                Pseudonyms other = one.copy()) {
            assertThat(other.person(42)).isEqualTo(one.person(42));
            assertThat(other.checkup(3, 9)).isEqualTo(one.checkup(3, 9));
        }
    }

    private static String expected(Mac mac, String code) {
        return HEX.formatHex(mac.doFinal(code.getBytes(StandardCharsets.US_ASCII)), 0, 16);
    }
}
