package jp.kenpo.privacy.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReleaseArchiveTest {

    static final String SPEC_SHA256 = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
    static final List<String> ITEMS = List.of("性別", "生年月", "資格の取得・喪失、被保険者・被扶養者の別", "レセプト履歴", "健診履歴");
    static final Clock NOW = Clock.fixed(Instant.parse("2026-12-07T00:00:00Z"), ZoneOffset.UTC);

    static String vendorPublic;
    static String vendorSecret;

    @TempDir
    Path dir;

    final ReleaseArchive archive = new ReleaseArchive(NOW);

    @BeforeAll
    static void keys() throws IOException {
        vendorPublic = ExampleVendorKeysTest.publicKey();
        vendorSecret = ExampleVendorKeysTest.secretKey();
    }

    static CoverStatement cover(DeliveryMethod method) {
        return new CoverStatement(
                "R-2026-11",
                "例示健康保険組合",
                "株式会社レセプト分析（例）",
                "東京都千代田区例町1-2-3",
                LocalDate.of(2026, 12, 7),
                "2025-04〜2026-03",
                ITEMS,
                method);
    }

    static ReleaseSeal seal(DeliveryMethod method, Optional<String> key) {
        return new ReleaseSeal("R-2026-11", SPEC_SHA256, cover(method), key);
    }

    /** What a build stages: tables, a data dictionary and a report. */
    Path staging() throws IOException {
        Path s = Files.createDirectories(dir.resolve("staging"));
        Files.writeString(s.resolve("persons.csv"), "person,sex,birth_ym\np1,1,1980-04\np2,2,1975-11\np3,2,2001-01\n");
        Files.writeString(
                s.resolve("receipts.csv"),
                "receipt,person,service_month,points\nr1,p1,2025-04,1200\nr2,p1,2025-05,\"3,400\"\n");
        Files.writeString(s.resolve("checkups.csv"), "person,year,bmi\n");
        Files.writeString(s.resolve("data-dictionary.md"), "# データ辞書\n\n| 列 | 意味 |\n|---|---|\n| sex | 性別 |\n");
        Files.writeString(s.resolve("report.json"), "{\"k\": 5}\n");
        return s;
    }

    @Test
    void electronicReleaseDecryptsWithTheRecipientKeyToEveryStagedFileAndTheSealsOwn() throws Exception {
        Path staging = staging();
        Path target = dir.resolve("out/R-2026-11");
        Files.createDirectories(target.getParent());

        SealedRelease sealed =
                archive.seal(staging, seal(DeliveryMethod.ELECTRONIC, Optional.of(vendorPublic)), target);

        assertThat(sealed.location()).isEqualTo(target.toAbsolutePath());
        assertThat(names(target)).containsExactly("R-2026-11.zip.pgp", "cover-statement.ja.txt", "manifest.json");
        var plaintext = OpenPgpTestDecryption.decrypt(target.resolve("R-2026-11.zip.pgp"), vendorSecret);
        assertThat(plaintext.fileName()).isEqualTo("R-2026-11.zip");
        Map<String, byte[]> entries = unzip(plaintext.bytes());
        assertThat(entries.keySet())
                .containsExactly(
                        "checkups.csv",
                        "cover-statement.ja.txt",
                        "data-dictionary.md",
                        "manifest.json",
                        "persons.csv",
                        "receipts.csv",
                        "report.json");
        for (String staged :
                List.of("checkups.csv", "data-dictionary.md", "persons.csv", "receipts.csv", "report.json")) {
            assertThat(entries.get(staged)).as(staged).isEqualTo(Files.readAllBytes(staging.resolve(staged)));
        }
        assertThat(entries.get("cover-statement.ja.txt"))
                .isEqualTo(Files.readAllBytes(target.resolve("cover-statement.ja.txt")));
        assertThat(entries.get("manifest.json")).isEqualTo(Files.readAllBytes(target.resolve("manifest.json")));
        assertThat(new String(entries.get("cover-statement.ja.txt"), StandardCharsets.UTF_8))
                .isEqualTo(cover(DeliveryMethod.ELECTRONIC).renderJa());

        assertThat(sealed.manifestSha256()).isEqualTo(sha256(entries.get("manifest.json")));
        assertThat(sealed.archiveSha256()).isEqualTo(sha256(Files.readAllBytes(target.resolve("R-2026-11.zip.pgp"))));
        assertThat(sealed.files())
                .extracting(ManifestEntry::file, ManifestEntry::rows)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("checkups.csv", 0L),
                        org.assertj.core.groups.Tuple.tuple("cover-statement.ja.txt", ManifestEntry.NOT_A_TABLE),
                        org.assertj.core.groups.Tuple.tuple("data-dictionary.md", ManifestEntry.NOT_A_TABLE),
                        org.assertj.core.groups.Tuple.tuple("persons.csv", 3L),
                        org.assertj.core.groups.Tuple.tuple("receipts.csv", 2L),
                        org.assertj.core.groups.Tuple.tuple("report.json", ManifestEntry.NOT_A_TABLE));
        for (ManifestEntry e : sealed.files()) {
            assertThat(e.sha256()).as(e.file()).isEqualTo(sha256(entries.get(e.file())));
        }
        String manifest = new String(entries.get("manifest.json"), StandardCharsets.UTF_8);
        assertThat(manifest)
                .contains("\"releaseId\": \"R-2026-11\"")
                .contains("\"specSha256\": \"" + SPEC_SHA256 + "\"")
                .contains("\"method\": \"ELECTRONIC\"")
                .contains("{\"file\": \"persons.csv\", \"sha256\": \""
                        + sha256(Files.readAllBytes(staging.resolve("persons.csv"))) + "\", \"bytes\": "
                        + Files.size(staging.resolve("persons.csv")) + ", \"rows\": 3}")
                .contains("{\"file\": \"report.json\", \"sha256\": \""
                        + sha256(Files.readAllBytes(staging.resolve("report.json"))) + "\", \"bytes\": "
                        + Files.size(staging.resolve("report.json")) + "}");
    }

    @Test
    void theSameFilesGiveTheSameArchivePlaintextAndManifestUnderAFreshSessionKey() throws Exception {
        Path staging = staging();
        SealedRelease first =
                archive.seal(staging, seal(DeliveryMethod.ELECTRONIC, Optional.of(vendorPublic)), dir.resolve("a"));
        SealedRelease second =
                archive.seal(staging, seal(DeliveryMethod.ELECTRONIC, Optional.of(vendorPublic)), dir.resolve("b"));

        byte[] a = OpenPgpTestDecryption.decrypt(dir.resolve("a/R-2026-11.zip.pgp"), vendorSecret)
                .bytes();
        byte[] b = OpenPgpTestDecryption.decrypt(dir.resolve("b/R-2026-11.zip.pgp"), vendorSecret)
                .bytes();
        assertThat(a).isEqualTo(b);
        assertThat(Files.readAllBytes(dir.resolve("a/manifest.json")))
                .isEqualTo(Files.readAllBytes(dir.resolve("b/manifest.json")));
        assertThat(first.manifestSha256()).isEqualTo(second.manifestSha256());
        assertThat(first.files()).isEqualTo(second.files());
        assertThat(first.archiveSha256())
                .as("each seal has its own session key")
                .isNotEqualTo(second.archiveSha256());
    }

    @Test
    void archiveEntriesAreStoredInNameOrderWithOneFixedTimeAndNoExtraFields() throws Exception {
        archive.seal(staging(), seal(DeliveryMethod.PHYSICAL_MEDIA, Optional.empty()), dir.resolve("disc"));
        var names = new ArrayList<String>();
        try (var zip = new ZipInputStream(Files.newInputStream(dir.resolve("disc/R-2026-11.zip")))) {
            for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                names.add(e.getName());
                assertThat(e.getMethod()).isEqualTo(ZipEntry.STORED);
                assertThat(e.getTimeLocal()).isEqualTo(LocalDateTime.of(1980, 2, 1, 0, 0));
                assertThat(e.getExtra()).isNull();
            }
        }
        assertThat(names).isSorted().hasSize(7);
    }

    @Test
    void physicalMediaWithAKeyIsEncryptedAndCarriesChecksumsForTheDisc() throws Exception {
        Path target = dir.resolve("disc");
        SealedRelease sealed =
                archive.seal(staging(), seal(DeliveryMethod.PHYSICAL_MEDIA, Optional.of(vendorPublic)), target);

        assertThat(names(target))
                .containsExactly("R-2026-11.zip.pgp", "SHA256SUMS", "cover-statement.ja.txt", "manifest.json");
        assertThat(Files.readString(target.resolve("SHA256SUMS")))
                .isEqualTo(sealed.archiveSha256() + "  R-2026-11.zip.pgp\n"
                        + sha256(Files.readAllBytes(target.resolve("cover-statement.ja.txt")))
                        + "  cover-statement.ja.txt\n"
                        + sealed.manifestSha256() + "  manifest.json\n");
        assertThat(unzip(OpenPgpTestDecryption.decrypt(target.resolve("R-2026-11.zip.pgp"), vendorSecret)
                        .bytes()))
                .containsKey("persons.csv");
    }

    @Test
    void physicalMediaWithoutAKeyIsThePlainArchiveWithChecksums() throws Exception {
        Path target = dir.resolve("disc");
        SealedRelease sealed = archive.seal(staging(), seal(DeliveryMethod.PHYSICAL_MEDIA, Optional.empty()), target);

        assertThat(names(target))
                .containsExactly("R-2026-11.zip", "SHA256SUMS", "cover-statement.ja.txt", "manifest.json");
        assertThat(Files.readString(target.resolve("SHA256SUMS")))
                .startsWith(sealed.archiveSha256() + "  R-2026-11.zip\n");
        assertThat(unzip(Files.readAllBytes(target.resolve("R-2026-11.zip")))).containsKey("manifest.json");
    }

    @Test
    void electronicReleaseWithoutARecipientKeyIsRefusedAndLeavesNothing() throws IOException {
        Path staging = staging();
        assertRefusedLeavingNothing(
                () -> archive.seal(staging, seal(DeliveryMethod.ELECTRONIC, Optional.empty()), dir.resolve("out")),
                "recipientPublicKey: is missing");
    }

    @Test
    void anUnreadableKeyIsRefused() throws IOException {
        Path staging = staging();
        String[] lines = vendorPublic.split("\n", -1);
        lines[10] = "AAAAAAAA" + lines[10].substring(8); // a line of the key's body: the armor's checksum fails
        String damaged = String.join("\n", lines);
        assertRefusedLeavingNothing(
                () -> archive.seal(staging, seal(DeliveryMethod.ELECTRONIC, Optional.of(damaged)), dir.resolve("out")),
                "recipientPublicKey: cannot be read");
        assertRefusedLeavingNothing(
                () -> archive.seal(
                        staging, seal(DeliveryMethod.ELECTRONIC, Optional.of("ssh-rsa AAAA")), dir.resolve("out")),
                "recipientPublicKey: is not an ASCII-armored OpenPGP public key");
    }

    @Test
    void twoCertificatesInPlaceOfOneAreRefused() throws IOException {
        Path staging = staging();
        String two = vendorPublic + "\n" + vendorPublic;
        assertRefusedLeavingNothing(
                () -> archive.seal(staging, seal(DeliveryMethod.ELECTRONIC, Optional.of(two)), dir.resolve("out")),
                "recipientPublicKey: holds 2 armored key blocks");
    }

    @Test
    void aSecretKeyInPlaceOfThePublicKeyIsRefused() throws IOException {
        Path staging = staging();
        assertRefusedLeavingNothing(
                () -> archive.seal(
                        staging, seal(DeliveryMethod.ELECTRONIC, Optional.of(vendorSecret)), dir.resolve("out")),
                "recipientPublicKey: is a secret key");
    }

    @Test
    void anExpiredCertificateOrEncryptionKeyIsRefused() throws IOException {
        Path staging = staging();
        var base = OpenPgpTestKeys.EXAMPLE_VENDOR.small();
        String certificateExpired = OpenPgpTestKeys.generate(
                        base.withSeed("expired-cert").expiring(Duration.ofDays(30), null))
                .publicKey();
        String subkeyExpired = OpenPgpTestKeys.generate(
                        base.withSeed("expired-sub").expiring(null, Duration.ofDays(60)))
                .publicKey();

        assertRefusedLeavingNothing(
                () -> archive.seal(
                        staging, seal(DeliveryMethod.ELECTRONIC, Optional.of(certificateExpired)), dir.resolve("out")),
                "recipientPublicKey: the certificate expired on 2026-01-31");
        assertRefusedLeavingNothing(
                () -> archive.seal(
                        staging, seal(DeliveryMethod.PHYSICAL_MEDIA, Optional.of(subkeyExpired)), dir.resolve("out")),
                "recipientPublicKey: its encryption key expired on 2026-03-02");
    }

    @Test
    void aSigningOnlyKeyIsRefused() throws IOException {
        Path staging = staging();
        String signingOnly = OpenPgpTestKeys.generate(OpenPgpTestKeys.EXAMPLE_VENDOR
                        .small()
                        .withSeed("signing-only")
                        .shaped(OpenPgpTestKeys.Shape.SIGNING_ONLY))
                .publicKey();
        assertRefusedLeavingNothing(
                () -> archive.seal(
                        staging, seal(DeliveryMethod.ELECTRONIC, Optional.of(signingOnly)), dir.resolve("out")),
                "recipientPublicKey: is not an encryption key");
    }

    @Test
    void aBadTableHalfwayThroughTheStagingFolderLeavesNothing() throws IOException {
        Path staging = staging();
        Files.write(
                staging.resolve("zz-observations.csv"),
                new byte[] {'a', ',', 'b', '\n', '1', ',', '2', '\n', (byte) 0xFF, ',', '3', '\n'});
        assertRefusedLeavingNothing(
                () -> archive.seal(
                        staging, seal(DeliveryMethod.ELECTRONIC, Optional.of(vendorPublic)), dir.resolve("out")),
                "staging file zz-observations.csv: line 3: bytes that are not valid UTF-8");
    }

    @Test
    void aRowWithTheWrongNumberOfFieldsIsRefusedNamingItsLine() throws IOException {
        Path staging = staging();
        Files.writeString(staging.resolve("persons.csv"), "person,sex\np1,1\n\"p\n2\",2,extra\n");
        assertRefusedLeavingNothing(
                () -> archive.seal(
                        staging, seal(DeliveryMethod.ELECTRONIC, Optional.of(vendorPublic)), dir.resolve("out")),
                "staging file persons.csv: line 3: 3 fields where the header has 2");
    }

    @Test
    void aQuotedLineBreakIsOneRow() throws Exception {
        Path staging = staging();
        Files.writeString(staging.resolve("persons.csv"), "person,note\np1,\"two\nlines\"\np2,x\n");
        SealedRelease sealed =
                archive.seal(staging, seal(DeliveryMethod.PHYSICAL_MEDIA, Optional.empty()), dir.resolve("d"));
        assertThat(sealed.files())
                .contains(new ManifestEntry(
                        "persons.csv", sha256(Files.readAllBytes(staging.resolve("persons.csv"))), 2));
    }

    @Test
    void aTableWithoutAHeaderIsRefused() throws IOException {
        Path staging = staging();
        Files.writeString(staging.resolve("checkups.csv"), "");
        assertRefusedLeavingNothing(
                () -> archive.seal(
                        staging, seal(DeliveryMethod.ELECTRONIC, Optional.of(vendorPublic)), dir.resolve("out")),
                "staging file checkups.csv: is empty");
    }

    @Test
    void aStagedFileNamedLikeTheSealsOwnIsRefused() throws IOException {
        Path staging = staging();
        Files.writeString(staging.resolve("manifest.json"), "{}");
        assertRefusedLeavingNothing(
                () -> archive.seal(
                        staging, seal(DeliveryMethod.ELECTRONIC, Optional.of(vendorPublic)), dir.resolve("out")),
                "staging file manifest.json: is written by the seal itself");
    }

    @Test
    void hiddenFilesAndLinksAreRefused() throws IOException {
        Path staging = staging();
        Files.writeString(staging.resolve(".notes"), "x");
        assertRefusedLeavingNothing(
                () -> archive.seal(
                        staging, seal(DeliveryMethod.ELECTRONIC, Optional.of(vendorPublic)), dir.resolve("out")),
                "staging file .notes: is a hidden file");
        Files.delete(staging.resolve(".notes"));
        Files.createSymbolicLink(staging.resolve("linked.csv"), staging.resolve("persons.csv"));
        assertRefusedLeavingNothing(
                () -> archive.seal(
                        staging, seal(DeliveryMethod.ELECTRONIC, Optional.of(vendorPublic)), dir.resolve("out")),
                "staging file linked.csv: is not a regular file");
    }

    @Test
    void aMissingStagingFolderIsRefused() throws IOException {
        assertRefusedLeavingNothing(
                () -> archive.seal(
                        dir.resolve("no-such-folder"),
                        seal(DeliveryMethod.ELECTRONIC, Optional.of(vendorPublic)),
                        dir.resolve("out")),
                "staging: is not a folder");
    }

    @Test
    void anUnwritableTargetLeavesNothing() throws IOException {
        Path staging = staging();
        Path notAFolder = Files.writeString(dir.resolve("plain-file"), "x");
        assertThatThrownBy(() -> archive.seal(
                        staging, seal(DeliveryMethod.ELECTRONIC, Optional.of(vendorPublic)), notAFolder.resolve("out")))
                .isInstanceOf(IOException.class);
        assertThat(names(dir)).containsExactlyInAnyOrder("plain-file", "staging");
    }

    @Test
    void anExistingTargetIsNeverOverwritten() throws IOException {
        Path staging = staging();
        Path target = Files.createDirectories(dir.resolve("out"));
        assertThatThrownBy(
                        () -> archive.seal(staging, seal(DeliveryMethod.ELECTRONIC, Optional.of(vendorPublic)), target))
                .isInstanceOf(SealRefusedException.class)
                .hasMessage("target: already exists: a sealed release is never overwritten");
        assertThat(names(target)).isEmpty();
    }

    @Test
    void theReleaseIdAndSpecHashAreChecked() throws IOException {
        Path staging = staging();
        assertRefusedLeavingNothing(
                () -> archive.seal(
                        staging,
                        new ReleaseSeal(
                                "../R", SPEC_SHA256, cover(DeliveryMethod.ELECTRONIC), Optional.of(vendorPublic)),
                        dir.resolve("out")),
                "releaseId: must be");
        assertRefusedLeavingNothing(
                () -> archive.seal(
                        staging,
                        new ReleaseSeal(
                                "R-2026-12", SPEC_SHA256, cover(DeliveryMethod.ELECTRONIC), Optional.of(vendorPublic)),
                        dir.resolve("out")),
                "cover.releaseId: differs from the release's id");
        assertRefusedLeavingNothing(
                () -> archive.seal(
                        staging,
                        new ReleaseSeal(
                                "R-2026-11", "abc", cover(DeliveryMethod.ELECTRONIC), Optional.of(vendorPublic)),
                        dir.resolve("out")),
                "specSha256: must be 64 lower-case hexadecimal digits");
    }

    private interface Sealing {
        void run() throws Exception;
    }

    /** Refused with the message, and neither the target nor a temporary sibling is left. */
    private void assertRefusedLeavingNothing(Sealing sealing, String message) throws IOException {
        List<String> before = names(dir);
        assertThatThrownBy(sealing::run)
                .isInstanceOf(SealRefusedException.class)
                .hasMessageStartingWith(message);
        assertThat(names(dir)).isEqualTo(before);
    }

    private static List<String> names(Path folder) throws IOException {
        try (Stream<Path> list = Files.list(folder)) {
            return list.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        var entries = new LinkedHashMap<String, byte[]>();
        try (var in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                entries.put(e.getName(), in.readAllBytes());
            }
        }
        return entries;
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
