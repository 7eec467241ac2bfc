package jp.kenpo.privacy.release;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import jp.kenpo.privacy.shared.SocietyTime;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.springframework.stereotype.Component;

/**
 * Seals a built release for its recipient: adds {@code manifest.json} and the cover statement
 * (APPI Art. 43(4)) to the staged files, packs them into one deterministic archive, encrypts it
 * to the recipient's OpenPGP key, and lays the result out for its method of delivery. Everything
 * is written into a hidden sibling of the target and moved into place at the end, so a failure at
 * any point leaves nothing at the target.
 *
 * <p>Layout of the target folder:
 *
 * <ul>
 *   <li>{@code RELEASE.zip.pgp} — the archive encrypted to the recipient's key; or, only for
 *       {@code PHYSICAL_MEDIA} to a recipient without a key, {@code RELEASE.zip} unencrypted;
 *   <li>{@code manifest.json} and {@code cover-statement.ja.txt} — the same bytes as inside the
 *       archive, readable without the key (the statement must reach the recipient as it is, and
 *       the registry keeps the hashes);
 *   <li>{@code SHA256SUMS} ({@code PHYSICAL_MEDIA}) — for {@code sha256sum -c} on the disc.
 * </ul>
 */
@Component
public class ReleaseArchive {

    public static final String SHA256SUMS = "SHA256SUMS";

    private static final Pattern RELEASE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final Set<String> RESERVED = Set.of(ManifestJson.FILE, CoverStatement.FILE);

    private final Clock clock;

    public ReleaseArchive(Clock clock) {
        this.clock = clock;
    }

    /**
     * Seals the files of {@code staging} into the new folder {@code target}.
     *
     * @throws SealRefusedException naming the field or staging file at fault, before or while
     *     sealing; nothing is left at {@code target}
     */
    public SealedRelease seal(Path staging, ReleaseSeal seal, Path target) throws IOException {
        checkIds(seal);
        Optional<PGPPublicKey> key = key(seal.method(), seal.recipientPublicKey());
        Path to = target.toAbsolutePath().normalize();
        if (to.getParent() == null) {
            throw new SealRefusedException("target", "has no parent folder");
        }
        if (Files.exists(to, LinkOption.NOFOLLOW_LINKS)) {
            throw new SealRefusedException("target", "already exists: a sealed release is never overwritten");
        }
        Path from = staging.toAbsolutePath().normalize();
        List<String> names = StagingFolder.names(from, RESERVED);
        Path temp = Files.createTempDirectory(to.getParent(), "." + to.getFileName() + ".sealing-");
        try {
            SealedRelease sealed = sealInto(temp, from, names, seal, key);
            Files.move(temp, to, StandardCopyOption.ATOMIC_MOVE);
            return new SealedRelease(to, sealed.files(), sealed.manifestSha256(), sealed.archiveSha256());
        } catch (IOException | RuntimeException | Error e) {
            deleteTree(temp, e);
            throw e;
        }
    }

    /**
     * Checks a recipient key as {@link #seal} would for {@code method}, so that a spec can be
     * refused before anything is built.
     *
     * @throws SealRefusedException naming {@code recipientPublicKey} and the reason
     */
    public void checkKey(DeliveryMethod method, Optional<String> recipientPublicKey) {
        key(method, recipientPublicKey);
    }

    /** The file name of the archive a release is sealed into. */
    public static String archiveName(String releaseId, boolean encrypted) {
        return releaseId + (encrypted ? ".zip.pgp" : ".zip");
    }

    private Optional<PGPPublicKey> key(DeliveryMethod method, Optional<String> armored) {
        if (armored.isEmpty()) {
            // a disc without a key travels as registered post; the choice is the recipient's
            if (method == DeliveryMethod.ELECTRONIC) {
                throw RecipientKey.missing(method);
            }
            return Optional.empty();
        }
        return Optional.of(RecipientKey.encryptionKey(armored.get(), clock.instant()));
    }

    private static void checkIds(ReleaseSeal seal) {
        if (!RELEASE_ID.matcher(seal.releaseId()).matches()) {
            throw new SealRefusedException(
                    "releaseId", "must be 1 to 100 letters, digits, '.', '_' or '-', starting with a letter or digit");
        }
        if (!seal.releaseId().equals(seal.cover().releaseId())) {
            throw new SealRefusedException("cover.releaseId", "differs from the release's id");
        }
        if (!SHA256.matcher(seal.specSha256()).matches()) {
            throw new SealRefusedException("specSha256", "must be 64 lower-case hexadecimal digits");
        }
    }

    private SealedRelease sealInto(
            Path temp, Path staging, List<String> names, ReleaseSeal seal, Optional<PGPPublicKey> key)
            throws IOException {
        // each file read for its digest, CRC and rows, side by side; in name order as before
        var files = new ArrayList<StagedFile>();
        for (Object read : names.parallelStream()
                .map(name -> {
                    try {
                        return (Object) StagingFolder.read(staging.resolve(name), name);
                    } catch (IOException | RuntimeException e) {
                        return e;
                    }
                })
                .toList()) {
            if (read instanceof IOException e) {
                throw e;
            }
            if (read instanceof RuntimeException e) {
                throw e;
            }
            files.add((StagedFile) read);
        }
        Path cover = writeSynced(
                temp.resolve(CoverStatement.FILE), seal.cover().renderJa().getBytes(StandardCharsets.UTF_8));
        files.add(StagingFolder.read(cover, CoverStatement.FILE));
        files.sort(Comparator.comparing(StagedFile::name));

        Path manifestPath = writeSynced(temp.resolve(ManifestJson.FILE), ManifestJson.write(seal, files));
        StagedFile manifest = StagingFolder.read(manifestPath, ManifestJson.FILE);
        var entries = new ArrayList<>(files);
        entries.add(manifest);
        entries.sort(Comparator.comparing(StagedFile::name));

        String archiveName = archiveName(seal.releaseId(), key.isPresent());
        String archiveSha256 = writeArchive(temp.resolve(archiveName), entries, key, seal);
        if (seal.method() == DeliveryMethod.PHYSICAL_MEDIA) {
            var sums = new TreeMap<String, String>();
            sums.put(archiveName, archiveSha256);
            entries.stream().filter(f -> RESERVED.contains(f.name())).forEach(f -> sums.put(f.name(), f.sha256()));
            writeSynced(temp.resolve(SHA256SUMS), sums(sums));
        }
        return new SealedRelease(
                temp, files.stream().map(StagedFile::entry).toList(), manifest.sha256(), archiveSha256);
    }

    private static String writeArchive(
            Path archive, List<StagedFile> entries, Optional<PGPPublicKey> key, ReleaseSeal seal) throws IOException {
        // packed and encrypted here; hashed and written on a thread of the output's own
        try (FileChannel channel = FileChannel.open(archive, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                var out = new ArchiveOutput(channel, seal.releaseId());
                var writeBack = new WriteBack(channel, seal.releaseId())) {
            if (key.isPresent()) {
                Date issued = Date.from(SocietyTime.startOf(seal.cover().issuedOn()));
                OpenPgpEncryption.encrypt(
                        out,
                        key.get(),
                        archiveName(seal.releaseId(), false),
                        issued,
                        plaintext -> StoredZip.write(plaintext, entries));
            } else {
                StoredZip.write(out, entries);
            }
            String sha256 = out.finish();
            writeBack.finish();
            channel.force(true);
            return sha256;
        }
    }

    /** GNU coreutils' format, read by {@code sha256sum -c}: hash, two spaces, name. */
    private static byte[] sums(SortedMap<String, String> sha256ByName) {
        var sb = new StringBuilder();
        sha256ByName.forEach(
                (name, sha) -> sb.append(sha).append("  ").append(name).append('\n'));
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static Path writeSynced(Path file, byte[] bytes) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                OutputStream out = Channels.newOutputStream(channel)) {
            out.write(bytes);
            channel.force(true);
        }
        return file;
    }

    private static void deleteTree(Path folder, Throwable cause) {
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException | RuntimeException e) {
            cause.addSuppressed(e);
        }
    }
}
