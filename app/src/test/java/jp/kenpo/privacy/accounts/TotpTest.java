package jp.kenpo.privacy.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import jp.kenpo.privacy.testing.Totps;
import org.junit.jupiter.api.Test;

class TotpTest {

    /** RFC 6238 Appendix B, SHA-1 secret, with the 8-digit codes cut to the 6 digits apps show. */
    @Test
    void theRfcTestVectors() {
        byte[] secret = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);
        assertThat(Totp.code(secret, Totp.step(Instant.ofEpochSecond(59)))).isEqualTo("287082");
        assertThat(Totp.code(secret, Totp.step(Instant.ofEpochSecond(1111111109))))
                .isEqualTo("081804");
        assertThat(Totp.code(secret, Totp.step(Instant.ofEpochSecond(1111111111))))
                .isEqualTo("050471");
        assertThat(Totp.code(secret, Totp.step(Instant.ofEpochSecond(1234567890))))
                .isEqualTo("005924");
        assertThat(Totp.code(secret, Totp.step(Instant.ofEpochSecond(2000000000))))
                .isEqualTo("279037");
        // and the tests' own authenticator agrees
        assertThat(Totps.code(Base32.encode(secret), 1234567890 / 30)).isEqualTo("005924");
    }

    @Test
    void aCodeIsGoodForItsStepAndTheNeighboursAndOnlyOnce() {
        byte[] secret = Totp.newSecret(new java.security.SecureRandom());
        Instant now = Instant.ofEpochSecond(1_800_000_015);
        long step = Totp.step(now);

        assertThat(Totp.verify(secret, Totp.code(secret, step), now, 0)).hasValue(step);
        assertThat(Totp.verify(secret, Totp.code(secret, step - 1), now, 0)).hasValue(step - 1);
        assertThat(Totp.verify(secret, Totp.code(secret, step + 1), now, 0)).hasValue(step + 1);
        assertThat(Totp.verify(secret, Totp.code(secret, step - 2), now, 0)).isEmpty();
        assertThat(Totp.verify(secret, Totp.code(secret, step), now, step))
                .as("used already")
                .isEmpty();
        assertThat(Totp.verify(secret, "12345", now, 0)).isEmpty();
        assertThat(Totp.verify(secret, null, now, 0)).isEmpty();
    }

    @Test
    void base32RoundTripsAndTheUriIsWhatAppsRead() {
        byte[] secret = Totp.newSecret(new java.security.SecureRandom());
        assertThat(Base32.decode(Base32.encode(secret))).isEqualTo(secret);
        assertThat(Totp.uri("kenpo-privacy", "clerk 1", secret))
                .startsWith("otpauth://totp/kenpo-privacy:clerk%201?secret=")
                .contains("&issuer=kenpo-privacy")
                .contains("&digits=6&period=30");
    }

    private static final PasswordPolicy PASSWORDS = new PasswordPolicy();

    @Test
    void thePasswordPolicy() {
        assertThat(PASSWORDS.problem("short", "clerk")).contains("at least 12");
        assertThat(PASSWORDS.problem("a".repeat(65), "clerk")).contains("at most 64");
        assertThat(PASSWORDS.problem("健康保険組合の個人情報を守る合言葉です二十五文字以上", "clerk"))
                .as("25 kanji are 75 bytes: more than bcrypt reads")
                .contains("72 bytes");
        assertThat(PASSWORDS.problem("my-clerk-password!", "clerk")).contains("account name");
        assertThat(PASSWORDS.problem("correct horse battery staple", "clerk")).isNull();
        assertThat(PASSWORDS.problem("健康保険の合言葉はひみつ", "clerk"))
                .as("12 kana and kanji")
                .isNull();
    }

    @Test
    void obviousPasswordsAreRefused() {
        for (String common :
                List.of("password1234", "Password1234", "123456789012", "qwertyuiopasdfgh", "1qaz2wsx3edc")) {
            assertThat(PASSWORDS.problem(common, "clerk")).as(common).contains("many people use");
        }
        for (String monotonous : List.of(
                "qqqqqqqqqqqqx", "ああああああああああああ", "abababababab", "abcdabcdabcd", "345678901234", "zyxwvutsrqpo")) {
            assertThat(PASSWORDS.problem(monotonous, "clerk")).as(monotonous).contains("too little variety");
        }
        assertThat(PASSWORDS.problem("kenpo privacy 2026", "clerk")).isNull();
    }

    @Test
    void theThrottleCountsPerAddressAndMinute() {
        var throttle = new SignInThrottle(3);
        Instant t = Instant.ofEpochSecond(1_800_000_000);
        for (int i = 0; i < 3; i++) {
            assertThat(throttle.allow("10.0.0.1", t)).isTrue();
        }
        assertThat(throttle.allow("10.0.0.1", t.plusSeconds(10))).isFalse();
        assertThat(throttle.allow("10.0.0.2", t.plusSeconds(10))).isTrue();
        assertThat(throttle.allow("10.0.0.1", t.plusSeconds(60)))
                .as("a new minute")
                .isTrue();
    }
}
