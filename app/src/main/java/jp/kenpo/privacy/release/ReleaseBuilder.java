package jp.kenpo.privacy.release;

import it.unimi.dsi.fastutil.longs.Long2ObjectOpenHashMap;
import it.unimi.dsi.fastutil.longs.LongArrayList;
import it.unimi.dsi.fastutil.longs.LongOpenHashSet;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.LongFunction;
import jp.kenpo.privacy.anonymizer.AnonymizationException;
import jp.kenpo.privacy.anonymizer.AnonymizationResult;
import jp.kenpo.privacy.anonymizer.measure.Measures;
import jp.kenpo.privacy.anonymizer.setvalued.KmResult;
import jp.kenpo.privacy.claims.HealthRecords;
import jp.kenpo.privacy.members.EligibilityPeriod;
import jp.kenpo.privacy.members.Member;
import jp.kenpo.privacy.members.MemberKind;

/**
 * Turns the society's data into the CSV tables of one release, in a folder the caller provides:
 * the population, Rule 34(1)–(3) (no identifier has a column; birth dates become months;
 * linking codes become keyed pseudonyms), Rule 34(4) (extreme ages in one band, outlying points
 * and values top-coded, rare codes generalised or removed, free text and facility names never
 * read) and Rule 34(5) (k-anonymity and (k,m)-anonymity by the anonymizer's optimal search).
 * Persons the search suppresses are left out of every table. Each table's rows come from the
 * database in a fixed order and are filed by pseudonym, so the same inputs give the same bytes.
 */
final class ReleaseBuilder {

    /** Everything one build reads besides the health records. */
    record Input(
            ReleaseSpec spec,
            ReleaseSpec.Period period,
            LocalDate cutOff,
            List<Member> eligible,
            Set<Long> permitted,
            Map<String, Long> leftOut) {}

    /** The tables written and the figures of the build, with the seconds spent on each phase. */
    record Built(ReleaseFigures figures, Map<String, Long> rows, Map<String, Double> seconds) {}

    private final HealthRecords records;

    ReleaseBuilder(HealthRecords records) {
        this.records = records;
    }

    Built build(Input in, Pseudonyms pseudonyms, Path staging) {
        return build(in, pseudonyms, staging, CumulativeCheck.NONE);
    }

    Built build(Input in, Pseudonyms pseudonyms, Path staging, CumulativeCheck cumulative) {
        Phases phases = new Phases();
        Map<String, Long> processing = new LinkedHashMap<>();

        Map<String, Long> rows = new LinkedHashMap<>();
        // two threads write the tables out while this one reads the next: at the end, when the last
        // tables are closed together, this one only waits
        ExecutorService output = Executors.newFixedThreadPool(2, r -> new Thread(r, "release-writer"));
        ExecutorService searching = Executors.newSingleThreadExecutor(r -> new Thread(r, "release-search"));
        ExecutorService reading = Executors.newSingleThreadExecutor(r -> new Thread(r, "release-reader"));
        Writer w = new Writer(in.spec(), staging, rows, phases, output);
        try {
            return build(in, pseudonyms, cumulative, phases, rows, processing, w, searching, reading);
        } catch (RuntimeException | Error e) {
            w.discard();
            throw e;
        } finally {
            // a failed build leaves no writing behind it: the caller removes the staging folder
            output.shutdownNow();
            searching.shutdownNow();
            reading.shutdownNow();
            try {
                if (!output.awaitTermination(1, TimeUnit.MINUTES)
                        || !searching.awaitTermination(1, TimeUnit.MINUTES)
                        || !reading.awaitTermination(1, TimeUnit.MINUTES)) {
                    throw new IllegalStateException("the release's writing, search or reading thread did not stop");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private Built build(
            Input in,
            Pseudonyms pseudonyms,
            CumulativeCheck cumulative,
            Phases phases,
            Map<String, Long> rows,
            Map<String, Long> processing,
            Writer w,
            ExecutorService searching,
            ExecutorService reading) {
        ReleaseSpec spec = in.spec();
        ReleaseSpec.Thresholds t = spec.thresholds();
        LocalDate from = in.period().from().atDay(1);
        LocalDate until = in.period().to().plusMonths(1).atDay(1);
        YearMonth cutOffMonth = YearMonth.from(in.cutOff());

        // every person in scope is filed under their pseudonym from the first read on; the rows of
        // those the search suppresses are left out when the tables are written
        PersonsInScope scope = new PersonsInScope(
                in.eligible().stream()
                        .mapToLong(Member::id)
                        .filter(id -> in.permitted().contains(id))
                        .toArray(),
                pseudonyms::person);

        // the checkups and their observations need nothing of the receipts: a thread of their own
        // reads them from the start, filed under every person in scope, with its own HMAC
        CsvTable checkupRows = w.open(ReleaseTable.CHECKUPS);
        CsvTable observationRows = w.open(ReleaseTable.CHECKUP_OBSERVATIONS);
        Map<String, TopCode> values = new HashMap<>();
        long[] freeText = new long[1];
        // then the drugs, once this thread has the receipts: the two threads share the lines
        LongArrayList receiptBits = new LongArrayList();
        CompletableFuture<HealthRecords.ReceiptsRead> receiptsIn = new CompletableFuture<>();
        ReceiptLines drugs = new ReceiptLines(w, ReleaseTable.RECEIPT_DRUGS, 1, "drug", scope, receiptBits);
        Future<Long> checkupsRead = reading.submit(() -> {
            long started = System.nanoTime();
            try (Pseudonyms own = pseudonyms.copy()) {
                readCheckups(from, until, scope, own, checkupRows, observationRows, values, freeText);
            }
            if (drugs.released()) {
                HealthRecords.ReceiptsRead receipts = receiptsIn.get();
                records.drugs(
                        receipts,
                        g -> drugs.file(
                                g.receipt(),
                                g.memberId(),
                                g.fileId(),
                                g.receiptSeq(),
                                g.seq(),
                                g.code(),
                                g.points(),
                                receipt -> new String[] {
                                    receipt,
                                    g.code(),
                                    g.quantity() == null ? "" : TopCode.plain(g.quantity()),
                                    g.points() == null ? "" : g.points().toString(),
                                    g.times() == null ? "" : g.times().toString()
                                }));
            }
            return System.nanoTime() - started;
        });

        // the receipts of the period, before the search: their lines find their member through
        // them, and the diagnoses must be read before the search. Their rows are filed now and
        // finished once the search has said who is released; a receipt's pseudonym is computed once
        // here and kept as its 128 bits for the lines that follow
        CsvTable receiptRows = w.open(ReleaseTable.RECEIPTS);
        TopCode receiptPoints = new TopCode();
        RareCodes dpc = new RareCodes();
        HealthRecords.ReceiptsRead receipts;
        {
            Map<String, String> facilities = new HashMap<>();
            LastMonth months = new LastMonth();
            HealthRecords.ReceiptsRead[] read = new HealthRecords.ReceiptsRead[1];
            phases.read(sink -> read[0] = records.receipts(from, until, sink), (HealthRecords.Receipt r) -> {
                String person = scope.filedUnder(r.memberId());
                if (person == null) {
                    receiptBits.add(0);
                    receiptBits.add(0);
                    return;
                }
                pseudonyms.receipt(r.fileId(), r.seq(), receiptBits);
                if (receiptRows == null) {
                    return;
                }
                if (r.points() != null) {
                    receiptPoints.add(r.memberId(), r.points());
                }
                dpc.add(r.memberId(), r.dpcCode());
                receiptRows.add(person, r.fileId(), r.seq(), new String[] {
                    Pseudonyms.hex(receiptBits, r.index()),
                    person,
                    r.kind(),
                    r.receiptType(),
                    months.of(r.treatmentMonth()),
                    r.inpatient() ? "1" : "0",
                    r.days() == null ? "" : r.days().toString(),
                    r.points() == null ? "" : r.points().toString(),
                    r.dpcCode() == null ? "" : r.dpcCode(),
                    r.facilityCode() == null ? "" : facilities.computeIfAbsent(r.facilityCode(), pseudonyms::facility),
                    r.prefecture() == null ? "" : r.prefecture()
                });
            });
            receipts = read[0];
            receiptsIn.complete(receipts);
        }

        // diagnoses of the period, for the rare-code rule and the (k,m) sets; the table's rows are
        // filed in the same pass and finished once the search has said who is released
        DiagnosisCodes codes = new DiagnosisCodes();
        boolean withDiagnoses = spec.releases(ReleaseTable.RECEIPT_DIAGNOSES, "diagnosis");
        CsvTable diagnosisRows = w.open(ReleaseTable.RECEIPT_DIAGNOSES);
        if (withDiagnoses || diagnosisRows != null) {
            LastReceipt receipt = new LastReceipt(scope::filedUnder, receiptBits);
            phases.read(sink -> records.diagnoses(receipts, sink), (HealthRecords.Diagnosis d) -> {
                String person = receipt.person(d.receipt(), d.memberId());
                if (person == null) {
                    return;
                }
                if (withDiagnoses) {
                    codes.add(d.memberId(), d.code(), d.icd10());
                }
                if (diagnosisRows != null) {
                    diagnosisRows.add(person, place(d.fileId(), d.receiptSeq()), d.seq(), new String[] {
                        receipt.pseudonym(), d.code(), d.main() ? "1" : "0", d.outcome() == null ? "" : d.outcome()
                    });
                }
            });
        }
        codes.applyRareRule(t.rareCodes());

        // the persons and Rule 34(5)
        List<PersonClasses.Person> persons = new ArrayList<>();
        Long2ObjectOpenHashMap<Member> members = new Long2ObjectOpenHashMap<>();
        YearMonth oldestShown = cutOffMonth.minusYears(t.ageTop());
        long oldBand = 0;
        for (Member m : in.eligible()) {
            if (!in.permitted().contains(m.id())) {
                continue;
            }
            members.put(m.id(), m);
            PersonClasses.Person p = person(m, in.cutOff(), oldestShown, codes);
            if (p.birth().startsWith("<")) {
                oldBand++;
            }
            persons.add(p);
        }
        if (persons.isEmpty()) {
            throw new ReleaseRefusedException("period", "no member may be released at the cut-off " + in.cutOff());
        }
        // the search runs on its own thread while this one reads the procedures, filed under every
        // person in scope like the receipts (the two together took 14.6 s and ~15 s one after the
        // other at 1,000,000 members, on a machine of two cores of which the search used one)
        Future<PersonClasses.Outcome> search =
                searching.submit(() -> phases.search(() -> PersonClasses.anonymize(persons, codes, t, withDiagnoses)));
        Suppressed suppressed = new Suppressed();
        ReceiptLines procedures =
                new ReceiptLines(w, ReleaseTable.RECEIPT_PROCEDURES, 2, "procedure", scope, receiptBits);
        if (procedures.released()) {
            phases.read(
                    sink -> records.procedures(receipts, sink),
                    (HealthRecords.Procedure p) -> procedures.file(
                            p.receipt(),
                            p.memberId(),
                            p.fileId(),
                            p.receiptSeq(),
                            p.seq(),
                            p.code(),
                            p.points(),
                            receipt -> new String[] {
                                receipt,
                                p.recordType(),
                                p.code(),
                                p.points() == null ? "" : p.points().toString(),
                                Integer.toString(p.times())
                            }));
        }
        PersonClasses.Outcome searched;
        try {
            searched = phases.waitForSearch(search);
        } catch (AnonymizationException e) {
            // the engine's message may quote a value; the spec's thresholds are what to change
            throw new ReleaseRefusedException(
                    "privacy",
                    "no generalisation of the " + persons.size() + " persons meets k = " + t.k() + " and (k,m) = ("
                            + t.diagnosesK() + "," + t.diagnosesM() + ") within the suppression limit "
                            + t.suppression());
        }
        // STABLE: k over every release the recipient holds (Rule 34(5)); PER_RELEASE: as searched
        PersonClasses.Outcome classes = cumulative.apply(searched, members, in.cutOff(), t, processing);
        for (int i = 0; i < persons.size(); i++) {
            long id = persons.get(i).memberId();
            if (classes.released()[i]) {
                scope.release(id);
            } else {
                suppressed.add(scope.filedUnder(id));
            }
        }
        processing.put("persons top-coded (born more than " + t.ageTop() + " years before the cut-off)", oldBand);
        processing.put("diagnosis codes generalised to ICD-10 category", (long) codes.generalisedToCategory());
        processing.put("diagnosis codes generalised to ICD-10 chapter", (long) codes.generalisedToChapter());
        processing.put("diagnosis codes removed as rare", (long) codes.removedCodes());

        w.persons(persons, classes, scope);
        w.periods(persons, classes, members, in.cutOff(), scope);

        // the statistics of the receipts (top-coding limit, rare DPC codes) count the released only
        if (receiptRows != null) {
            phases.process(() -> {
                receiptPoints.fix(t.pointsPercentile(), scope::released);
                dpc.fix(t.rareCodes(), scope::released);
            });
            w.close(ReleaseTable.RECEIPTS, receiptRows, row -> {
                if (suppressed.holds(row)) {
                    return false;
                }
                receiptPoints.applyWhole(row, 7);
                if (!dpc.keeps(row.get(8))) {
                    row.set(8, "");
                }
                return true;
            });
            w.after(() -> {
                processing.put("receipt points top-coded", receiptPoints.coded());
                processing.put("DPC codes removed as rare", dpc.removed());
            });
        }

        if (diagnosisRows != null) {
            KmResult km = classes.diagnoses().orElse(null);
            Set<String> kmRemoved = km == null ? Set.of() : new HashSet<>(km.suppressedItems());
            int level = km == null ? 0 : km.level();
            Map<String, String> shownOf = new HashMap<>();
            long[] dropped = new long[2];
            w.close(ReleaseTable.RECEIPT_DIAGNOSES, diagnosisRows, row -> {
                if (suppressed.holds(row)) {
                    return false;
                }
                String code = row.get(1);
                String label = codes.label(code);
                if (label.equals(DiagnosisCodes.REMOVED)) {
                    dropped[0]++;
                    return false;
                }
                String shown = shownOf.computeIfAbsent(
                        label,
                        l -> classes.diagnosisHierarchy().generalize(l, level).orElse(DiagnosisCodes.REMOVED));
                if (shown.equals(DiagnosisCodes.REMOVED) || kmRemoved.contains(shown)) {
                    dropped[1]++;
                    return false;
                }
                if (!shown.equals(code)) {
                    // a code left as it is keeps the bytes it was filed with
                    row.set(1, shown);
                }
                return true;
            });
            w.after(() -> {
                processing.put("diagnosis rows removed as rare codes", dropped[0]);
                processing.put("diagnosis rows removed for (k,m)-anonymity", dropped[1]);
            });
        }

        procedures.close(w, t, scope, suppressed, phases, processing);

        // the receipts, diagnoses and procedures go to the writer first; then the other thread's tables
        phases.alongside(Phases.CHECKUPS, phases.waitFor("waiting for the checkups and the drugs", checkupsRead));
        drugs.close(w, t, scope, suppressed, phases, processing);

        if (checkupRows != null) {
            w.close(ReleaseTable.CHECKUPS, checkupRows, row -> !suppressed.holds(row));
        }
        if (observationRows != null) {
            phases.process(() -> values.values().forEach(v -> v.fix(t.valuesPercentile(), scope::released)));
            w.close(ReleaseTable.CHECKUP_OBSERVATIONS, observationRows, row -> {
                if (suppressed.holds(row)) {
                    return false;
                }
                TopCode top = values.get(row.get(1));
                if (top != null) {
                    top.applyDecimal(row, 2);
                }
                return true;
            });
            w.after(() -> {
                processing.put(
                        "checkup values top-coded",
                        values.values().stream().mapToLong(TopCode::coded).sum());
                processing.put("checkup free-text observations removed", freeText[0]);
            });
        }

        w.finish();
        long released = classes.releasedCount();
        processing.put("persons suppressed (Rule 34(5))", persons.size() - released);
        Map<String, Long> population = new LinkedHashMap<>();
        population.put("eligible at the cut-off", (long) in.eligible().size());
        in.leftOut().forEach((reason, n) -> population.put("left out: " + reason, n));
        population.put("in scope", (long) persons.size());
        population.put("suppressed", persons.size() - released);
        population.put("released", released);
        ReleaseFigures figures = new ReleaseFigures(
                population,
                rows,
                processing,
                risk(classes, cumulative.heldBesides(), in, t, released, persons.size()),
                classes.levels());
        return new Built(figures, rows, phases.seconds());
    }

    /**
     * Files the checkups of the days and their observations under the persons' pseudonyms; free
     * text is never filed (Rule 34(4)), numbers are gathered by item for the top-coding limits.
     */
    private void readCheckups(
            LocalDate from,
            LocalDate until,
            PersonsInScope scope,
            Pseudonyms pseudonyms,
            CsvTable checkupRows,
            CsvTable observationRows,
            Map<String, TopCode> values,
            long[] freeText) {
        if (checkupRows != null) {
            Map<String, String> facilities = new HashMap<>();
            records.checkups(from, until, c -> {
                String person = scope.filedUnder(c.memberId());
                if (person == null) {
                    return;
                }
                checkupRows.add(person, c.fileId(), c.seq(), new String[] {
                    pseudonyms.checkup(c.fileId(), c.seq()),
                    person,
                    YearMonth.from(c.checkupDate()).toString(),
                    c.programType() == null ? "" : c.programType(),
                    c.facilityCode() == null ? "" : facilities.computeIfAbsent(c.facilityCode(), pseudonyms::facility)
                });
            });
        }
        if (observationRows != null) {
            LastPseudonym checkup = new LastPseudonym();
            records.observations(from, until, o -> {
                String person = scope.filedUnder(o.memberId());
                if (person == null) {
                    return;
                }
                String type = o.valueType() == null ? "" : o.valueType();
                if (type.equals("ST")) {
                    // Rule 34(4): free text (所見 and the like) is never released
                    freeText[0]++;
                    return;
                }
                BigDecimal number = type.equals("PQ") ? o.number() : null;
                if (number != null) {
                    values.computeIfAbsent(o.code(), c -> new TopCode()).add(o.memberId(), number.doubleValue());
                }
                observationRows.add(person, place(o.fileId(), o.checkupSeq()), o.seq(), new String[] {
                    checkup.of(o.fileId(), o.checkupSeq(), pseudonyms::checkup),
                    o.code(),
                    number == null ? "" : TopCode.plain(number),
                    type.equals("PQ") && o.unit() != null ? o.unit() : "",
                    (type.equals("CD") || type.equals("CO") || type.equals("CE")) && o.text() != null ? o.text() : ""
                });
            });
        }
    }

    /** What another thread of the build threw, as thrown: an unchecked exception or error is passed on. */
    private static RuntimeException thrown(ExecutionException e) {
        if (e.getCause() instanceof RuntimeException r) {
            return r;
        }
        if (e.getCause() instanceof Error err) {
            throw err;
        }
        return new IllegalStateException(e.getCause());
    }

    /** A receipt's or checkup's place in the records, by file and number, for ordering its lines. */
    private static long place(long fileId, int seq) {
        if (fileId < 0 || fileId > Integer.MAX_VALUE) {
            throw new IllegalStateException("a file id beyond 2^31 cannot order the release's rows");
        }
        return fileId << 32 | (seq & 0xffffffffL);
    }

    static PersonClasses.Person person(Member m, LocalDate cutOff, YearMonth oldestShown, DiagnosisCodes codes) {
        List<EligibilityPeriod> periods = m.eligibility().stream()
                .filter(p -> !p.acquiredOn().isAfter(cutOff))
                .toList();
        String enrolled = periods.isEmpty()
                ? ""
                : YearMonth.from(periods.get(0).acquiredOn()).toString();
        EligibilityPeriod last = periods.isEmpty() ? null : periods.get(periods.size() - 1);
        String withdrawn =
                last == null || last.lostOn().isEmpty() || last.lostOn().get().isAfter(cutOff)
                        ? ""
                        : YearMonth.from(last.lostOn().get()).toString();
        return new PersonClasses.Person(
                m.id(),
                Integer.toString(m.sex().code()),
                MonthLevels.birth(YearMonth.from(m.birthDate()), oldestShown),
                m.kind() == MemberKind.INSURED ? "本人" : "家族",
                enrolled,
                withdrawn,
                codes.cell(m.id()));
    }

    /**
     * The measured risk of what the recipient holds once it has this release: its released persons
     * and, when it joins this release to earlier ones, the rows it holds besides ({@code
     * heldBesides}, PPC Rules Art. 34(5)). Without those the search's own measures stand.
     */
    private static ReleaseFigures.Risk risk(
            PersonClasses.Outcome classes,
            Optional<Map<Long, String[]>> heldBesides,
            Input in,
            ReleaseSpec.Thresholds t,
            long released,
            int inScope) {
        AnonymizationResult result = classes.result();
        Map<Long, String[]> held = heldBesides.orElse(Map.of());
        MonthLevels.Memo months = new MonthLevels.Memo();
        List<String> table = new ArrayList<>();
        for (int i = 0; i < classes.persons().size(); i++) {
            if (classes.released()[i]) {
                table.add(key(classes.persons().get(i), classes, months));
            }
        }
        held.values().forEach(row -> table.add(key(row)));
        // journalist model: the attacker matches against everyone eligible at the cut-off, not only
        // those released; a member the recipient holds a row of counts with that row, eligible now or
        // not, so that no class of the population is smaller than the same class of what it holds
        Map<String, Integer> populationClasses = new HashMap<>();
        YearMonth oldestShown = YearMonth.from(in.cutOff()).minusYears(t.ageTop());
        DiagnosisCodes none = new DiagnosisCodes();
        none.applyRareRule(1);
        Set<Long> heldAndEligible = new HashSet<>();
        for (Member m : in.eligible()) {
            String[] row = held.get(m.id());
            if (row != null) {
                heldAndEligible.add(m.id());
            }
            String k = row == null ? key(person(m, in.cutOff(), oldestShown, none), classes, months) : key(row);
            populationClasses.merge(k, 1, Integer::sum);
        }
        held.forEach((id, row) -> {
            if (!heldAndEligible.contains(id)) {
                populationClasses.merge(key(row), 1, Integer::sum);
            }
        });
        double highest = 0;
        double sum = 0;
        for (String k : table) {
            int size = populationClasses.getOrDefault(k, 1);
            highest = Math.max(highest, 1.0 / size);
            sum += 1.0 / size;
        }
        // the prosecutor figures as the search defines them (risk above its threshold 1/k), over
        // the classes of what the recipient holds
        Measures after = heldBesides.isEmpty()
                ? result.after()
                : Measures.of(
                        classSizes(table),
                        0,
                        result.after().informationLoss(),
                        result.after().risk().threshold());
        String scope = heldBesides.isEmpty()
                ? "the " + released + " persons of this release"
                : "the " + table.size() + " persons the recipient holds with this release (" + released
                        + " released in it, " + held.size() + " held from the earlier releases joined to it)";
        return new ReleaseFigures.Risk(
                after.risk().highest(),
                after.risk().average(),
                highest,
                table.isEmpty() ? 0 : sum / table.size(),
                after.risk().recordsAboveThreshold(),
                after.classes().smallest(),
                result.after().informationLoss().loss(),
                inScope == 0 ? 0 : (double) released / inScope,
                scope);
    }

    private static long[] classSizes(List<String> keys) {
        Map<String, Long> sizes = new HashMap<>();
        keys.forEach(k -> sizes.merge(k, 1L, Long::sum));
        return sizes.values().stream().mapToLong(Long::longValue).toArray();
    }

    private static String key(PersonClasses.Person p, PersonClasses.Outcome classes, MonthLevels.Memo months) {
        return key(CumulativePersons.generalised(p.quasi(), classes.levels(), months));
    }

    /** A class of the persons: its generalised quasi-identifiers as one string. */
    static String key(String[] generalised) {
        return String.join("\u0001", generalised);
    }

    /**
     * A table of receipt lines that carry a code and points (procedures, drugs): filed under every
     * person in scope as read; on the way out the rows of the suppressed and of codes held by fewer
     * released persons than the spec's threshold are left out, and points above the spec's
     * percentile of the released are top-coded (Rule 34(4)).
     */
    private static final class ReceiptLines {
        interface Cells {
            String[] of(String receiptPseudonym);
        }

        private final ReleaseTable table;
        private final CsvTable rows;
        private final int codeCell;
        private final String name;
        private final TopCode points = new TopCode();
        private final RareCodes codes = new RareCodes();
        private final LastReceipt receipt;

        ReceiptLines(
                Writer w,
                ReleaseTable table,
                int codeCell,
                String name,
                PersonsInScope scope,
                LongArrayList receiptBits) {
            this.table = table;
            this.rows = w.open(table);
            this.codeCell = codeCell;
            this.name = name;
            this.receipt = new LastReceipt(scope::filedUnder, receiptBits);
        }

        /** Whether the spec releases the table. */
        boolean released() {
            return rows != null;
        }

        void file(
                int receiptIndex,
                long memberId,
                long fileId,
                int receiptSeq,
                int seq,
                String code,
                Integer linePoints,
                Cells cells) {
            String person = receipt.person(receiptIndex, memberId);
            if (person == null) {
                return;
            }
            codes.add(memberId, code);
            if (linePoints != null) {
                points.add(memberId, linePoints);
            }
            rows.add(person, place(fileId, receiptSeq), seq, cells.of(receipt.pseudonym()));
        }

        /** Fixes the statistics over the released and hands the table to the writer. */
        void close(
                Writer w,
                ReleaseSpec.Thresholds t,
                PersonsInScope scope,
                Suppressed suppressed,
                Phases phases,
                Map<String, Long> processing) {
            if (rows == null) {
                return;
            }
            phases.process(() -> {
                codes.fix(t.rareCodes(), scope::released);
                points.fix(t.pointsPercentile(), scope::released);
            });
            w.close(table, rows, row -> {
                if (suppressed.holds(row) || !codes.keeps(row.get(codeCell))) {
                    return false;
                }
                points.applyWhole(row, 3);
                return true;
            });
            w.after(() -> {
                processing.put(name + " rows removed as rare codes", codes.removed());
                processing.put(name + " points top-coded", points.coded());
            });
        }
    }

    /**
     * The pseudonyms of the persons the search suppressed, asked of every row on its way out: by
     * their first 64 bits first, which answers nearly every row without making text of its pseudonym.
     */
    private static final class Suppressed {
        private final Set<String> persons = new HashSet<>();
        private final LongOpenHashSet prefixes = new LongOpenHashSet();

        void add(String pseudonym) {
            persons.add(pseudonym);
            prefixes.add(Long.parseUnsignedLong(pseudonym, 0, 16, 16));
        }

        boolean holds(CsvTable.Row row) {
            return prefixes.contains(row.personPrefix()) && persons.contains(row.person());
        }
    }

    /**
     * The person and the pseudonym of the last line's receipt: the lines of a receipt come
     * together, so the person is looked up and the pseudonym written out once per receipt, not
     * once per line (38 M lines, 10 M receipts at 1,000,000 members).
     */
    private static final class LastReceipt {
        private final LongFunction<String> persons;
        private final LongArrayList bits;
        private int index = -1;
        private String person;
        private String pseudonym;

        LastReceipt(LongFunction<String> persons, LongArrayList bits) {
            this.persons = persons;
            this.bits = bits;
        }

        /** The pseudonym the receipt's member is filed under; null when the member is not. */
        String person(int receipt, long memberId) {
            if (receipt != index) {
                index = receipt;
                person = persons.apply(memberId);
                pseudonym = null;
            }
            return person;
        }

        /** The receipt's pseudonym (after {@link #person} gave a person). */
        String pseudonym() {
            if (pseudonym == null) {
                pseudonym = Pseudonyms.hex(bits, index);
            }
            return pseudonym;
        }
    }

    /** The last row's month as text: a month's file of receipts holds nearly only that treatment month. */
    private static final class LastMonth {
        private LocalDate day;
        private String text;

        String of(LocalDate month) {
            if (!month.equals(day)) {
                day = month;
                text = YearMonth.from(month).toString();
            }
            return text;
        }
    }

    /**
     * The pseudonym of the last row's checkup, for the observations, which come grouped by it:
     * one HMAC per checkup instead of one per row.
     */
    private static final class LastPseudonym {
        interface OfRecord {
            String of(long fileId, int seq);
        }

        private long id = Long.MIN_VALUE;
        private int seq;
        private String value;

        String of(long fileId, int recordSeq, OfRecord pseudonym) {
            if (value == null || id != fileId || seq != recordSeq) {
                id = fileId;
                seq = recordSeq;
                value = pseudonym.of(fileId, recordSeq);
            }
            return value;
        }
    }

    /** Writes the tables, each column in the order the spec's table has it in {@link ReleaseTable}. */
    private static final class Writer {
        private final ReleaseSpec spec;
        private final Path staging;
        private final Map<String, Long> rows;
        private final Phases phases;
        private final ExecutorService output;
        private final List<Callable<Void>> steps = new ArrayList<>();
        private final List<CsvTable> open = new ArrayList<>();

        Writer(ReleaseSpec spec, Path staging, Map<String, Long> rows, Phases phases, ExecutorService output) {
            this.spec = spec;
            this.staging = staging;
            this.rows = rows;
            this.phases = phases;
            this.output = output;
        }

        /** Closes the buckets of the tables not handed to the output thread (the build failed). */
        void discard() {
            open.forEach(CsvTable::discard);
            open.clear();
        }

        /** Runs {@code step} once the tables closed before it are written, in the order given. */
        void after(Runnable step) {
            steps.add(() -> {
                step.run();
                return null;
            });
        }

        /** Waits for every table to be written, then runs the steps queued after them, in order. */
        void finish() {
            phases.waitFor(this::runSteps);
        }

        private void runSteps() {
            try {
                for (Callable<Void> step : steps) {
                    step.call();
                }
            } catch (ExecutionException e) {
                throw thrown(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while the release's files were written", e);
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            steps.clear();
        }

        interface Fill {
            void into(CsvTable table);
        }

        List<String> columns(ReleaseTable table) {
            List<String> names = new ArrayList<>();
            for (ReleaseTable.Column c : table.columns()) {
                if (spec.releases(table, c.name())) {
                    names.add(c.name());
                }
            }
            return names;
        }

        /** The table's file, taking rows of all its columns (in {@link ReleaseTable}'s order); null if not released. */
        CsvTable open(ReleaseTable table) {
            if (!spec.releases(table)) {
                return null;
            }
            List<String> all =
                    table.columns().stream().map(ReleaseTable.Column::name).toList();
            CsvTable csv = new CsvTable(staging, table.fileName(), columns(table), all);
            open.add(csv);
            return csv;
        }

        /**
         * Sorts, finishes and writes the table on the output thread, while the next table is read;
         * its rows are counted once it is written.
         */
        void close(ReleaseTable table, CsvTable csv, CsvTable.Finish finish) {
            open.remove(csv);
            Future<?> written = output.submit(() -> phases.write(() -> csv.close(finish)));
            steps.add(() -> {
                written.get();
                rows.put(table.fileName(), csv.rows());
                return null;
            });
        }

        /** Fills the table, then fixes what needs all its rows, then writes it out through {@code finish}. */
        void table(ReleaseTable table, Fill fill, Runnable fix, CsvTable.Finish finish) {
            CsvTable csv = open(table);
            if (csv == null) {
                return;
            }
            fill.into(csv);
            phases.process(fix);
            close(table, csv, finish);
        }

        void persons(List<PersonClasses.Person> persons, PersonClasses.Outcome classes, PersonsInScope scope) {
            table(
                    ReleaseTable.PERSONS,
                    t -> phases.process(() -> {
                        for (int i = 0; i < persons.size(); i++) {
                            if (!classes.released()[i]) {
                                continue;
                            }
                            String person = scope.filedUnder(persons.get(i).memberId());
                            String[] cells = new String[1 + PersonClasses.QUASI.size()];
                            cells[0] = person;
                            // the table's columns after the pseudonym are the quasi-identifiers, in that order
                            System.arraycopy(classes.values()[i], 0, cells, 1, PersonClasses.QUASI.size());
                            t.add(person, cells);
                        }
                    }),
                    () -> {},
                    CsvTable.Finish.NONE);
        }

        void periods(
                List<PersonClasses.Person> persons,
                PersonClasses.Outcome classes,
                Map<Long, Member> members,
                LocalDate cutOff,
                PersonsInScope scope) {
            MonthLevels.Memo months = new MonthLevels.Memo();
            int acquiredLevel = classes.level("enrolled");
            int lostLevel = classes.level("withdrawn");
            table(
                    ReleaseTable.ELIGIBILITY_PERIODS,
                    t -> phases.process(() -> {
                        for (int i = 0; i < persons.size(); i++) {
                            if (!classes.released()[i]) {
                                continue;
                            }
                            long id = persons.get(i).memberId();
                            String person = scope.filedUnder(id);
                            for (EligibilityPeriod p : members.get(id).eligibility()) {
                                if (p.acquiredOn().isAfter(cutOff)) {
                                    continue;
                                }
                                String lost = p.lostOn().isEmpty()
                                                || p.lostOn().get().isAfter(cutOff)
                                        ? ""
                                        : YearMonth.from(p.lostOn().get()).toString();
                                // the same coarseness as the persons table's enrolment and withdrawal
                                t.add(person, new String[] {
                                    person,
                                    months.at(YearMonth.from(p.acquiredOn()).toString(), acquiredLevel, false),
                                    months.at(lost, lostLevel, false)
                                });
                            }
                        }
                    }),
                    () -> {},
                    CsvTable.Finish.NONE);
        }
    }

    /**
     * Time spent in the database reads (the driver's fetching and decoding included), in the
     * processing of the rows read (filing, pseudonyms, statistics), in the search and waiting for
     * the writing thread at the end; and, apart, that thread's time sorting, finishing and
     * writing the files while the next tables were read. For the bench's shares.
     */
    static final class Phases {
        /** The writing thread's time, spent alongside the reads: not part of the build's sum. */
        static final String ALONGSIDE =
                "sorting, finishing and writing files (two writing threads, alongside the reads)";
        /** The search's time, on its own thread alongside the reads: not part of the build's sum. */
        static final String SEARCH = "search (third thread, alongside the reads)";
        /** The checkups' reading thread's time: not part of the build's sum. */
        static final String CHECKUPS =
                "checkups, observations and drugs read and filed (fourth thread, alongside the reads)";

        private long read;
        private long process;
        private long search;
        /** Added to by the writing threads. */
        private final java.util.concurrent.atomic.LongAdder write = new java.util.concurrent.atomic.LongAdder();

        private long waiting;
        private final Map<String, Long> waits = new LinkedHashMap<>();
        private final Map<String, Long> other = new LinkedHashMap<>();

        /** Reads with {@code source}, timing what {@code sink} does with each row as processing. */
        <T> void read(Consumer<Consumer<T>> source, Consumer<T> sink) {
            long[] inside = new long[1];
            long s = System.nanoTime();
            source.accept(row -> {
                long a = System.nanoTime();
                sink.accept(row);
                inside[0] += System.nanoTime() - a;
            });
            read += System.nanoTime() - s - inside[0];
            process += inside[0];
        }

        void process(Runnable r) {
            long s = System.nanoTime();
            r.run();
            process += System.nanoTime() - s;
        }

        /** Runs the search (on the search thread); its time is read once {@link #waitForSearch} returned. */
        <T> T search(java.util.function.Supplier<T> r) {
            long s = System.nanoTime();
            T t = r.get();
            search += System.nanoTime() - s;
            return t;
        }

        /** Waits for the search's outcome, rethrowing what it threw. */
        <T> T waitForSearch(Future<T> outcome) {
            return waitFor("waiting for the search", outcome);
        }

        /** Time another thread spent alongside the reads, under {@code label}: shown, not added. */
        void alongside(String label, long nanos) {
            other.merge(label, nanos, Long::sum);
        }

        /** Waits for what another thread does, counting the wait under {@code label}, rethrowing what it threw. */
        <T> T waitFor(String label, Future<T> outcome) {
            long s = System.nanoTime();
            try {
                return outcome.get();
            } catch (ExecutionException e) {
                throw thrown(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted " + label, e);
            } finally {
                waits.merge(label, System.nanoTime() - s, Long::sum);
            }
        }

        void write(Runnable r) {
            long s = System.nanoTime();
            r.run();
            write.add(System.nanoTime() - s);
        }

        void waitFor(Runnable r) {
            long s = System.nanoTime();
            r.run();
            waiting += System.nanoTime() - s;
        }

        Map<String, Double> seconds() {
            Map<String, Double> m = new LinkedHashMap<>();
            m.put("database reads (one pass per table)", read / 1e9);
            m.put("processing (filing rows, pseudonyms, statistics)", process / 1e9);
            m.put(SEARCH, search / 1e9);
            other.forEach((label, nanos) -> m.put(label, nanos / 1e9));
            waits.forEach((label, nanos) -> m.put(label, nanos / 1e9));
            m.put("waiting for the last files to be written", waiting / 1e9);
            m.put(ALONGSIDE, write.sum() / 1e9);
            return m;
        }
    }
}
