package jp.kenpo.privacy.formats.synthetic;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import jp.kenpo.privacy.formats.checkup.CheckupArchiveWriter;
import jp.kenpo.privacy.formats.receipt.Layout;
import jp.kenpo.privacy.formats.receipt.OtherRecord;
import jp.kenpo.privacy.formats.receipt.Receipt;
import jp.kenpo.privacy.formats.receipt.ReceiptKind;
import jp.kenpo.privacy.formats.receipt.ReceiptWriter;

/**
 * Writes one fiscal year of a synthetic 健保組合 into a directory:
 *
 * <pre>
 * members.csv                                   the member CSV (core member import format)
 * claims/{medical,dental,pharmacy}-YYYYMM.UKE   receipts by treatment month, Windows-31J, CR LF, 0x1A
 * checkups/&lt;centre&gt;_&lt;insurer&gt;_&lt;date&gt;&lt;n&gt;_1.zip  特定健診 exchange archives (results only, no settlements), one series per centre
 * </pre>
 *
 * <p>Deterministic for a seed: the same options give byte-identical files. People are made in
 * chunks; one thread makes the next chunk while the calling thread writes the current one, so
 * memory holds two chunks whatever the population size.
 */
public final class SyntheticYear {

    /**
     * @param members         persons to generate (insured and dependents)
     * @param fiscalYear      the fiscal year (April {@code fiscalYear} – March of the next year)
     * @param seed            random seed
     * @param unlinkableShare share of receipts and checkups whose member number matches no member (0 for none)
     * @param layout          receipt files as facilities send them ({@link Layout#CLAIM}, {@code .UKE}) or as the
     *                        review-and-payment organisation hands them to insurers ({@link Layout#INSURER},
     *                        {@code .CSV}, with an MN record per receipt)
     */
    public record Options(int members, int fiscalYear, long seed, double unlinkableShare, Layout layout) {

        public Options(int members, int fiscalYear, long seed, double unlinkableShare) {
            this(members, fiscalYear, seed, unlinkableShare, Layout.CLAIM);
        }

        public Options {
            java.util.Objects.requireNonNull(layout, "layout");
            if (members < 1) {
                throw new IllegalArgumentException("members must be at least 1");
            }
            if (unlinkableShare < 0 || unlinkableShare > 1) {
                throw new IllegalArgumentException("unlinkable share must be between 0 and 1");
            }
        }
    }

    /** What was written. */
    public record Summary(
            String insurerNumber,
            long persons,
            long memberRows,
            Map<ReceiptKind, Long> receipts,
            long checkups,
            long checkupArchives,
            long receiptBytes) {
        public long totalReceipts() {
            return receipts.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /** Told how far generation has got. */
    public interface Progress {
        void update(long personsDone, long personsTotal);
    }

    static final int CHUNK_PERSONS = 2_000;
    static final int ARCHIVE_DOCUMENTS = 5_000;

    private SyntheticYear() {}

    public static Summary write(Options o, Path dir, Progress progress) throws IOException {
        Files.createDirectories(dir.resolve("claims"));
        Files.createDirectories(dir.resolve("checkups"));
        Population population = new Population(o.seed(), o.fiscalYear(), o.members());
        YearMonth first = YearMonth.of(o.fiscalYear(), 4);
        Facilities facilities = new Facilities(o.seed(), o.members(), "13", first);
        CodeCatalog codes = new CodeCatalog();
        ClaimSynthesizer claims =
                new ClaimSynthesizer(codes, facilities, o.fiscalYear(), o.seed(), o.unlinkableShare());
        CheckupSynthesizer checkups = new CheckupSynthesizer(facilities, o.fiscalYear(), o.seed(), o.unlinkableShare());
        LocalDate created = LocalDate.of(o.fiscalYear() + 1, 4, 30);

        ExecutorService maker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "synthetic-chunk");
            t.setDaemon(true);
            return t;
        });
        try (Output out = new Output(dir, first, population.insurerNumber(), created, facilities, o.layout())) {
            Future<Chunk> next = maker.submit(() -> Chunk.make(population, o.members(), claims, checkups));
            while (true) {
                Chunk chunk = next.get();
                if (chunk.people.isEmpty()) {
                    break;
                }
                next = maker.submit(() -> Chunk.make(population, o.members(), claims, checkups));
                out.write(chunk);
                progress.update(out.persons, o.members());
            }
            out.finish();
            return new Summary(
                    population.insurerNumber(),
                    out.persons,
                    out.memberRows,
                    out.receiptCounts,
                    out.checkups,
                    out.archiveCount,
                    out.receiptBytes());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IOException(e.getCause());
        } finally {
            maker.shutdownNow();
        }
    }

    /**
     * People of one chunk with everything made for them: their receipts bucketed by file (kind ×
     * treatment month) and sorted by facility, and their checkup documents already serialised.
     */
    private record Chunk(
            List<Population.Person> people, List<List<ClaimSynthesizer.Claim>> files, List<Document> checkups) {

        record Document(int centre, byte[] xml) {}

        static Chunk make(
                Population population, int total, ClaimSynthesizer claimMaker, CheckupSynthesizer checkupMaker) {
            List<Population.Person> people = new ArrayList<>(CHUNK_PERSONS + 8);
            while (people.size() < CHUNK_PERSONS && population.personsSoFar() < total) {
                for (Population.Person p : population.next().persons()) {
                    if (p.index() < total) {
                        people.add(p); // the last household is cut to the requested size
                    }
                }
            }
            int kinds = ReceiptKind.values().length;
            List<List<ClaimSynthesizer.Claim>> files = new ArrayList<>(kinds * 12);
            for (int i = 0; i < kinds * 12; i++) {
                files.add(new ArrayList<>(people.size()));
            }
            List<Document> checkups = new ArrayList<>(people.size() / 3);
            jp.kenpo.privacy.formats.checkup.CheckupWriter xml = new jp.kenpo.privacy.formats.checkup.CheckupWriter();
            YearMonth first = claimMaker.firstMonth();
            for (Population.Person p : people) {
                for (ClaimSynthesizer.Claim c : claimMaker.claims(p)) {
                    int month = (int) first.until(c.month(), java.time.temporal.ChronoUnit.MONTHS);
                    files.get(c.kind().ordinal() * 12 + month).add(c);
                }
                CheckupSynthesizer.Done d = checkupMaker.checkup(p);
                if (d != null) {
                    checkups.add(new Document(d.centre(), xml.toBytes(d.checkup())));
                }
            }
            for (List<ClaimSynthesizer.Claim> f : files) {
                f.sort(Comparator.comparingInt(ClaimSynthesizer.Claim::facilityOrder));
            }
            return new Chunk(people, files, checkups);
        }
    }

    /** The open files of one generation run. */
    private static final class Output implements AutoCloseable {
        private final Path dir;
        private final YearMonth first;
        private final String insurer;
        private final LocalDate created;
        private final Facilities facilities;
        private final Layout layout;
        private long managementNumber;
        private final BufferedWriter memberFile;
        private final MemberCsv members;
        private final ReceiptWriter[][] writers = new ReceiptWriter[ReceiptKind.values().length][12];
        private final int[][] numbers = new int[ReceiptKind.values().length][12];
        private final CheckupArchiveWriter[] archives;
        private final int[] archiveSerial;
        final Map<ReceiptKind, Long> receiptCounts = new EnumMap<>(ReceiptKind.class);
        long persons;
        long memberRows;
        long checkups;
        long archiveCount;

        Output(Path dir, YearMonth first, String insurer, LocalDate created, Facilities facilities, Layout layout)
                throws IOException {
            this.dir = dir;
            this.layout = layout;
            this.first = first;
            this.insurer = insurer;
            this.created = created;
            this.facilities = facilities;
            this.memberFile = Files.newBufferedWriter(dir.resolve("members.csv"), StandardCharsets.UTF_8);
            this.members = new MemberCsv(memberFile);
            this.archives = new CheckupArchiveWriter[facilities.checkupCentres.length];
            this.archiveSerial = new int[facilities.checkupCentres.length];
            for (ReceiptKind k : ReceiptKind.values()) {
                receiptCounts.put(k, 0L);
            }
        }

        void write(Chunk chunk) throws IOException {
            for (Population.Person p : chunk.people) {
                persons++;
                for (Member m : p.rows()) {
                    members.write(m);
                    memberRows++;
                }
            }
            ReceiptKind[] kinds = ReceiptKind.values();
            for (int f = 0; f < chunk.files.size(); f++) {
                List<ClaimSynthesizer.Claim> claims = chunk.files.get(f);
                if (claims.isEmpty()) {
                    continue;
                }
                ReceiptKind kind = kinds[f / 12];
                int month = f % 12;
                ReceiptWriter w = writer(kind, month);
                jp.kenpo.privacy.formats.receipt.Facility openFacility = null;
                for (ClaimSynthesizer.Claim c : claims) {
                    Receipt r = c.receipt();
                    if (!r.facility().equals(openFacility)) {
                        if (openFacility != null) {
                            w.endFacility();
                        }
                        w.beginFacility(r.facility());
                        openFacility = r.facility();
                    }
                    numbers[f / 12][month] = numbers[f / 12][month] % 999_999 + 1;
                    Receipt numbered = r.withReceiptNumber(numbers[f / 12][month]);
                    w.write(layout == Layout.INSURER ? withManagementRecord(numbered) : numbered);
                }
                w.endFacility();
                receiptCounts.merge(kind, (long) claims.size(), Long::sum);
            }
            for (Chunk.Document d : chunk.checkups) {
                archive(d.centre()).addDocument(d.xml());
                checkups++;
            }
        }

        /**
         * The MN record the review-and-payment organisation puts before each receipt it hands to
         * an insurer: a management number and the facility's address (synthetic).
         */
        private Receipt withManagementRecord(Receipt r) {
            OtherRecord mn = new OtherRecord(
                    0,
                    "MN",
                    List.of(
                            Long.toString(9_000_000_000L + ++managementNumber),
                            facilities.addressOf(r.facility().code()),
                            "",
                            "",
                            "",
                            ""));
            return Receipts.withLeadingRecord(r, mn);
        }

        private ReceiptWriter writer(ReceiptKind kind, int month) throws IOException {
            ReceiptWriter w = writers[kind.ordinal()][month];
            if (w == null) {
                String name = kind.name().toLowerCase(java.util.Locale.ROOT) + "-"
                        + jp.kenpo.privacy.formats.era.ReceiptDates.formatYearMonth(first.plusMonths(month))
                        + (layout == Layout.INSURER ? ".CSV" : ".UKE");
                OutputStream os = Files.newOutputStream(dir.resolve("claims").resolve(name));
                w = new ReceiptWriter(os, layout == Layout.CLAIM, layout);
                writers[kind.ordinal()][month] = w;
            }
            return w;
        }

        private CheckupArchiveWriter archive(int centre) throws IOException {
            CheckupArchiveWriter a = archives[centre];
            if (a != null && a.count() >= ARCHIVE_DOCUMENTS) {
                a.close();
                a = null;
            }
            if (a == null) {
                // 同日分割送信回数 is one digit: a centre's eleventh archive goes on the next day
                int nth = archiveSerial[centre]++;
                LocalDate submitted = created.plusDays(nth / 10);
                String sender = facilities.checkupCentres[centre];
                String name = CheckupArchiveWriter.archiveBaseName(sender, insurer, submitted, nth % 10) + ".zip";
                a = new CheckupArchiveWriter(
                        Files.newOutputStream(dir.resolve("checkups").resolve(name)),
                        sender,
                        insurer,
                        submitted,
                        nth % 10);
                archives[centre] = a;
                archiveCount++;
            }
            return a;
        }

        long receiptBytes() throws IOException {
            long total = 0;
            try (var files = Files.list(dir.resolve("claims"))) {
                for (Path p : (Iterable<Path>) files::iterator) {
                    total += Files.size(p);
                }
            }
            return total;
        }

        private boolean finished;

        void finish() throws IOException {
            if (finished) {
                return;
            }
            finished = true;
            members.close();
            for (ReceiptWriter[] row : writers) {
                for (int i = 0; i < row.length; i++) {
                    if (row[i] != null) {
                        row[i].close();
                        row[i] = null;
                    }
                }
            }
            for (int i = 0; i < archives.length; i++) {
                if (archives[i] != null) {
                    archives[i].close();
                    archives[i] = null;
                }
            }
        }

        @Override
        public void close() {
            try {
                finish();
            } catch (IOException | RuntimeException e) {
                throw new UncheckedIOException(e instanceof IOException io ? io : new IOException(e));
            }
        }
    }
}
