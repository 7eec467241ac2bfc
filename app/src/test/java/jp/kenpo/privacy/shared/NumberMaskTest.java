package jp.kenpo.privacy.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import jp.kenpo.privacy.testing.TestNumbers;
import org.junit.jupiter.api.Test;

/** An individual number however a person typed it (番号法第20条: no collection beyond the permitted work). */
class NumberMaskTest {

    private static String fullWidth(String digits) {
        var sb = new StringBuilder();
        digits.chars().forEach(c -> sb.append(c >= '0' && c <= '9' ? (char) (c - '0' + '０') : (char) c));
        return sb.toString();
    }

    private static List<String> waysOfWriting(String n) {
        String a = n.substring(0, 4);
        String b = n.substring(4, 8);
        String c = n.substring(8);
        return List.of(
                n,
                a + " " + b + " " + c,
                a + "-" + b + "-" + c,
                a + " - " + b + " - " + c,
                fullWidth(n),
                fullWidth(a + "－" + b + "－" + c),
                a + "\u3000" + b + "\u3000" + c,
                a + "ー" + b + "ー" + c,
                "x" + n,
                "番号" + n + "です",
                n.substring(0, 3) + " " + n.substring(3, 6) + " " + n.substring(6),
                "no." + n + "abc");
    }

    @Test
    void aNumberIsFoundHoweverItIsWritten() {
        String n = TestNumbers.next();
        for (String written : waysOfWriting(n)) {
            assertThat(NumberMask.holdsNumber("本人確認 " + written)).as(written).isTrue();
            assertThat(FreeText.problem("note " + written, true)).as(written).contains("individual number");
        }
    }

    @Test
    void everyWayOfWritingItIsMaskedInMessages() {
        String n = TestNumbers.next();
        for (String written : waysOfWriting(n)) {
            String masked = NumberMask.mask("column name_kana: '" + written + "' must be written in katakana");
            assertThat(masked)
                    .as(written)
                    .contains("********" + n.substring(8))
                    .doesNotContain(n.substring(0, 4))
                    .doesNotContain(fullWidth(n.substring(0, 4)));
        }
    }

    @Test
    void otherDigitsAreLeftAlone() {
        String n = TestNumbers.next();
        String failing = n.substring(0, 11) + (char) ('0' + (n.charAt(11) - '0' + 1) % 10);
        String hash = "9f2c" + n + "ab01cd";
        assertThat(NumberMask.mask("sha256 " + hash)).as("inside a hash").contains(hash);
        assertThat(NumberMask.holdsNumber("1" + n)).as("13 digits").isFalse();
        assertThat(NumberMask.holdsNumber(
                        failing.substring(0, 4) + " " + failing.substring(4, 8) + " " + failing.substring(8)))
                .as("the check digit fails")
                .isFalse();
        assertThat(NumberMask.holdsNumber("電話 03-1234-5678、2026-04-01 受付")).isFalse();
        assertThat(NumberMask.mask("member 1234-5678-01")).isEqualTo("member 1234-5678-01");
    }

    @Test
    void textThatIsNotTextIsNamedWithoutBeingRepeated() {
        assertThat(FreeText.unreadable("a\u0000b"))
                .contains("control character")
                .contains("position 2");
        assertThat(FreeText.unreadable("lone \uD800 half")).contains("lone surrogate");
        assertThat(FreeText.unreadable("line\nbreak")).isNull();
        assertThat(FreeText.unreadable("line\nbreak", false)).contains("control character");
        assertThat(FreeText.unreadable("emoji \uD83D\uDE00 whole")).isNull();
    }

    /** The final check reads ASCII cells as bytes and asks the full reading only where this says they may hold one. */
    @Test
    void asciiTextSaidToHoldNoNumberHoldsNone() {
        String n = TestNumbers.next();
        for (String written : waysOfWriting(n)) {
            if (written.chars().allMatch(c -> c < 0x80)) {
                assertThat(NumberMask.asciiMayHoldNumber(ascii(written), 0, written.length()))
                        .as(written)
                        .isTrue();
            }
        }
        for (String none : List.of("2025-04", "3F015000002327101", "12345678901234", "1234 5678", "", "06130207")) {
            assertThat(NumberMask.asciiMayHoldNumber(ascii(none), 0, none.length()))
                    .as(none)
                    .isFalse();
        }
        // digits, separators and letters at random: never "none" where the full reading finds one
        var random = new java.util.SplittableRandom(20261207);
        String alphabet = "0123456789012345678901234567890123456789 --\t\n\u001Cx.,";
        int found = 0;
        for (int i = 0; i < 200_000; i++) {
            var sb = new StringBuilder();
            int length = random.nextInt(40);
            for (int j = 0; j < length; j++) {
                sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String text = sb.toString();
            if (NumberMask.holdsNumber(text)) {
                found++;
                assertThat(NumberMask.asciiMayHoldNumber(ascii(text), 0, text.length()))
                        .as(text)
                        .isTrue();
            }
        }
        assertThat(found).as("numbers among the random texts").isGreaterThan(100);
    }

    private static byte[] ascii(String text) {
        return text.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }
}
