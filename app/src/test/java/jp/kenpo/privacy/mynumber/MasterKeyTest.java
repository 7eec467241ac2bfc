package jp.kenpo.privacy.mynumber;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.security.SecureRandom;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Master keys from a key file or a PKCS#12 keystore, and how the vault seals with them. */
class MasterKeyTest {

    @TempDir
    Path dir;

    @Test
    void aKeyFileIsWrittenForItsOwnerOnlyAndNeverOverwritten() throws Exception {
        Path file = dir.resolve("master.key");
        MasterKey written = MasterKey.generate(file, new SecureRandom());

        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(MasterKey.load("file:" + file, null).id())
                .isEqualTo(written.id())
                .hasSize(16);
        assertThat(MasterKey.load(file.toString(), null)).isEqualTo(written);
        assertThat(written.toString()).isEqualTo("MasterKey[" + written.id() + "]");
        assertThatThrownBy(() -> MasterKey.generate(file, new SecureRandom()))
                .hasMessageContaining("never overwritten");

        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        assertThatThrownBy(() -> MasterKey.load("file:" + file, null))
                .isInstanceOf(VaultUnavailableException.class)
                .hasMessageContaining("chmod 600");
    }

    @Test
    void aKeyFromAPkcs12Keystore() throws Exception {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        Path file = dir.resolve("keys.p12");
        char[] password = "keystore password".toCharArray();
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, password);
        store.setEntry(
                "kenpo-master",
                new KeyStore.SecretKeyEntry(new SecretKeySpec(bytes, "AES")),
                new KeyStore.PasswordProtection(password));
        try (OutputStream out = Files.newOutputStream(file)) {
            store.store(out, password);
        }
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));

        assertThat(MasterKey.load("pkcs12:" + file + "#kenpo-master", "keystore password")
                        .id())
                .isEqualTo(MasterKey.of(bytes).id());
        assertThatThrownBy(() -> MasterKey.load("pkcs12:" + file + "#kenpo-master", "wrong"))
                .isInstanceOf(VaultUnavailableException.class)
                .hasMessageContaining("keystore-password");
        assertThatThrownBy(() -> MasterKey.load("pkcs12:" + file + "#other", "keystore password"))
                .hasMessageContaining("no secret key 'other'");
    }

    @Test
    void aSealedValueOpensOnlyWithItsKeyAndItsAssociatedData() {
        var random = new SecureRandom();
        var key = MasterKey.of(new byte[32]).key();
        var gcm = new Gcm();
        Gcm.Sealed a = gcm.seal(key, "123456789018".getBytes(), "member 1", random);
        Gcm.Sealed b = gcm.seal(key, "123456789018".getBytes(), "member 1", random);

        assertThat(a.nonce()).as("a fresh nonce every time").isNotEqualTo(b.nonce());
        assertThat(a.ciphertext()).isNotEqualTo(b.ciphertext());
        assertThat(new String(gcm.open(key, a.nonce(), a.ciphertext(), "member 1")))
                .isEqualTo("123456789018");
        assertThatThrownBy(() -> gcm.open(key, a.nonce(), a.ciphertext(), "member 2"))
                .isInstanceOf(Gcm.VaultIntegrityException.class)
                .hasMessageNotContaining("1234");
        byte[] flipped = a.ciphertext().clone();
        flipped[0] ^= 1;
        assertThatThrownBy(() -> gcm.open(key, a.nonce(), flipped, "member 1"))
                .isInstanceOf(Gcm.VaultIntegrityException.class);
        assertThat(Gcm.split(Gcm.join(a)).ciphertext()).isEqualTo(a.ciphertext());
    }
}
