package jp.kenpo.privacy.mynumber;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Set;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * A 256-bit AES master key, kept outside the database, that wraps the vault's data keys. Known
 * to the database only by its id, a fingerprint that does not reveal the key.
 */
record MasterKey(String id, SecretKey key) {

    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    static MasterKey of(byte[] bytes) {
        if (bytes.length != 32) {
            throw new VaultUnavailableException("a master key is 32 bytes (AES-256); this one has " + bytes.length);
        }
        try {
            var digest = MessageDigest.getInstance("SHA-256");
            digest.update("kenpo-privacy master key id".getBytes(StandardCharsets.US_ASCII));
            String id = HexFormat.of().formatHex(digest.digest(bytes), 0, 8);
            return new MasterKey(id, new SecretKeySpec(bytes, "AES"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /**
     * Loads a key named as configured: {@code file:/PATH} (or a bare path) for a key file,
     * {@code pkcs12:/PATH#ALIAS} for a keystore entry.
     */
    static MasterKey load(String reference, String keystorePassword) {
        if (reference.startsWith("pkcs12:")) {
            String rest = reference.substring("pkcs12:".length());
            int hash = rest.lastIndexOf('#');
            if (hash < 0) {
                throw new VaultUnavailableException("a keystore reference is pkcs12:/PATH#ALIAS");
            }
            return fromKeystore(Path.of(rest.substring(0, hash)), rest.substring(hash + 1), keystorePassword);
        }
        return fromFile(Path.of(reference.startsWith("file:") ? reference.substring("file:".length()) : reference));
    }

    /** A key file: the key's 32 bytes in base64 on one line, readable by its owner only. */
    static MasterKey fromFile(Path file) {
        requireOwnerOnly(file);
        try {
            byte[] bytes = Base64.getDecoder()
                    .decode(Files.readString(file, StandardCharsets.US_ASCII).strip());
            return of(bytes);
        } catch (IOException e) {
            throw new VaultUnavailableException("the master key file " + file + " cannot be read: " + e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new VaultUnavailableException("the master key file " + file + " is not one base64 line of 32 bytes");
        }
    }

    private static MasterKey fromKeystore(Path file, String alias, String password) {
        requireOwnerOnly(file);
        char[] pw = password == null ? new char[0] : password.toCharArray();
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, pw);
            if (!(store.getKey(alias, pw) instanceof SecretKey secret)) {
                throw new VaultUnavailableException("the keystore " + file + " has no secret key '" + alias + "'");
            }
            return of(secret.getEncoded());
        } catch (IOException | GeneralSecurityException e) {
            throw new VaultUnavailableException("the keystore " + file + " cannot be read (check kenpo.mynumber."
                    + "keystore-password): " + e.getClass().getSimpleName());
        }
    }

    /** Like an SSH key: a key file anyone else can read is refused. */
    private static void requireOwnerOnly(Path file) {
        try {
            if (Files.getFileAttributeView(file, java.nio.file.attribute.PosixFileAttributeView.class) != null
                    && !OWNER_ONLY.containsAll(Files.getPosixFilePermissions(file))) {
                throw new VaultUnavailableException("the key file " + file + " may be read by others: chmod 600 it");
            }
        } catch (IOException e) {
            throw new VaultUnavailableException("the key file " + file + " cannot be read: " + e.getMessage());
        }
    }

    /** Writes a new random key file, readable by its owner only; never overwrites one. */
    static MasterKey generate(Path file, SecureRandom random) throws IOException {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String line = Base64.getEncoder().encodeToString(bytes) + "\n";
        try {
            if (Files.getFileStore(file.toAbsolutePath().getParent()).supportsFileAttributeView("posix")) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            } else {
                Files.createFile(file);
            }
        } catch (FileAlreadyExistsException e) {
            throw new IOException("the key file " + file + " already exists: a key file is never overwritten");
        }
        Files.writeString(file, line, StandardCharsets.US_ASCII);
        return of(bytes);
    }

    @Override
    public String toString() {
        return "MasterKey[" + id + "]";
    }
}
