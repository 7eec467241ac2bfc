package jp.kenpo.privacy.release;

import it.unimi.dsi.fastutil.longs.Long2IntOpenHashMap;
import it.unimi.dsi.fastutil.longs.Long2ObjectOpenHashMap;
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
import java.util.Set;
import jp.kenpo.privacy.anonymizer.AnonymizationException;
import jp.kenpo.privacy.anonymizer.AnonymizationResult;
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
        ReleaseSpec spec = in.spec();
        ReleaseSpec.Thresholds t = spec.thresholds();
        LocalDate from = in.period().from().atDay(1);
        LocalDate until = in.period().to().plusMonths(1).atDay(1);
        YearMonth cutOffMonth = YearMonth.from(in.cutOff());
        Map<String, Long> processing = new LinkedHashMap<>();

        // diagnoses of the period, for the rare-code rule and the (k,m) sets
        DiagnosisCodes codes = new DiagnosisCodes();
        boolean withDiagnoses = spec.releases(ReleaseTable.RECEIPT_DIAGNOSES, "diagnosis");
        if (withDiagnoses) {
            phases.read(() -> records.diagnoses(from, until, d -> {
                if (in.permitted().contains(d.memberId())) {
                    codes.add(d.memberId(), d.code(), d.icd10());
                }
            }));
        }
        codes.applyRareRule(t.rareCodes());

        // the persons and Rule 34(5)
        List<PersonClasses.Person> persons = new ArrayList<>();
        Map<Long, Member> members = new HashMap<>();
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
        PersonClasses.Outcome searched;
        try {
            searched = phases.search(() -> PersonClasses.anonymize(persons, codes, t, withDiagnoses));
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
        Long2IntOpenHashMap row = new Long2IntOpenHashMap();
        row.defaultReturnValue(-1);
        Long2ObjectOpenHashMap<String> pseudonymOf = new Long2ObjectOpenHashMap<>();
        for (int i = 0; i < persons.size(); i++) {
            if (classes.released()[i]) {
                long id = persons.get(i).memberId();
                row.put(id, i);
                pseudonymOf.put(id, pseudonyms.person(id));
            }
        }
        processing.put("persons top-coded (born more than " + t.ageTop() + " years before the cut-off)", oldBand);
        processing.put("diagnosis codes generalised to ICD-10 category", (long) codes.generalisedToCategory());
        processing.put("diagnosis codes generalised to ICD-10 chapter", (long) codes.generalisedToChapter());
        processing.put("diagnosis codes removed as rare", (long) codes.removedCodes());

        Map<String, Long> rows = new LinkedHashMap<>();
        Writer w = new Writer(spec, staging, rows, phases);
        w.persons(persons, classes, pseudonymOf);
        w.periods(persons, classes, members, in.cutOff(), pseudonymOf);

        if (spec.releases(ReleaseTable.RECEIPTS)) {
            TopCode points = new TopCode();
            RareCodes dpc = new RareCodes();
            phases.read(() -> records.receipts(from, until, r -> {
                if (row.get(r.memberId()) >= 0) {
                    if (r.points() != null) {
                        points.add(r.points());
                    }
                    dpc.add(r.memberId(), r.dpcCode());
                }
            }));
            points.fix(t.pointsPercentile());
            dpc.fix(t.rareCodes());
            Map<String, String> facilities = new HashMap<>();
            w.table(
                    ReleaseTable.RECEIPTS,
                    table -> records.receipts(from, until, r -> {
                        String person = pseudonymOf.get(r.memberId());
                        if (person == null) {
                            return;
                        }
                        Map<String, String> cells = new HashMap<>();
                        cells.put("receipt", pseudonyms.receipt(r.fileId(), r.seq()));
                        cells.put("person", person);
                        cells.put("kind", r.kind());
                        cells.put("receipt_type", r.receiptType());
                        cells.put(
                                "treatment_month",
                                YearMonth.from(r.treatmentMonth()).toString());
                        cells.put("inpatient", r.inpatient() ? "1" : "0");
                        cells.put("days", r.days() == null ? "" : r.days().toString());
                        cells.put("points", points.apply(r.points()));
                        cells.put("dpc_code", dpc.keeps(r.dpcCode()) && r.dpcCode() != null ? r.dpcCode() : "");
                        cells.put(
                                "facility",
                                r.facilityCode() == null
                                        ? ""
                                        : facilities.computeIfAbsent(r.facilityCode(), pseudonyms::facility));
                        cells.put("prefecture", r.prefecture() == null ? "" : r.prefecture());
                        table.add(person, cells);
                    }));
            processing.put("receipt points top-coded", points.coded());
            processing.put("DPC codes removed as rare", dpc.removed());
        }

        if (spec.releases(ReleaseTable.RECEIPT_DIAGNOSES)) {
            KmResult km = classes.diagnoses().orElse(null);
            Set<String> kmRemoved = km == null ? Set.of() : new HashSet<>(km.suppressedItems());
            int level = km == null ? 0 : km.level();
            long[] dropped = new long[2];
            w.table(
                    ReleaseTable.RECEIPT_DIAGNOSES,
                    table -> records.diagnoses(from, until, d -> {
                        String person = pseudonymOf.get(d.memberId());
                        if (person == null) {
                            return;
                        }
                        String label = codes.label(d.code());
                        if (label.equals(DiagnosisCodes.REMOVED)) {
                            dropped[0]++;
                            return;
                        }
                        String shown = classes.diagnosisHierarchy()
                                .generalize(label, level)
                                .orElse(DiagnosisCodes.REMOVED);
                        if (shown.equals(DiagnosisCodes.REMOVED) || kmRemoved.contains(shown)) {
                            dropped[1]++;
                            return;
                        }
                        Map<String, String> cells = new HashMap<>();
                        cells.put("receipt", pseudonyms.receipt(d.fileId(), d.receiptSeq()));
                        cells.put("diagnosis", shown);
                        cells.put("main", d.main() ? "1" : "0");
                        cells.put("outcome", d.outcome() == null ? "" : d.outcome());
                        table.add(person, cells);
                    }));
            processing.put("diagnosis rows removed as rare codes", dropped[0]);
            processing.put("diagnosis rows removed for (k,m)-anonymity", dropped[1]);
        }

        if (spec.releases(ReleaseTable.RECEIPT_PROCEDURES)) {
            TopCode points = new TopCode();
            RareCodes rare = new RareCodes();
            phases.read(() -> records.procedures(from, until, p -> {
                if (row.get(p.memberId()) >= 0) {
                    rare.add(p.memberId(), p.code());
                    if (p.points() != null) {
                        points.add(p.points());
                    }
                }
            }));
            rare.fix(t.rareCodes());
            points.fix(t.pointsPercentile());
            w.table(
                    ReleaseTable.RECEIPT_PROCEDURES,
                    table -> records.procedures(from, until, p -> {
                        String person = pseudonymOf.get(p.memberId());
                        if (person == null || !rare.keeps(p.code())) {
                            return;
                        }
                        Map<String, String> cells = new HashMap<>();
                        cells.put("receipt", pseudonyms.receipt(p.fileId(), p.receiptSeq()));
                        cells.put("record_type", p.recordType());
                        cells.put("code", p.code());
                        cells.put("points", points.apply(p.points()));
                        cells.put("times", Integer.toString(p.times()));
                        table.add(person, cells);
                    }));
            processing.put("procedure rows removed as rare codes", rare.removed());
            processing.put("procedure points top-coded", points.coded());
        }

        if (spec.releases(ReleaseTable.RECEIPT_DRUGS)) {
            TopCode points = new TopCode();
            RareCodes rare = new RareCodes();
            phases.read(() -> records.drugs(from, until, g -> {
                if (row.get(g.memberId()) >= 0) {
                    rare.add(g.memberId(), g.code());
                    if (g.points() != null) {
                        points.add(g.points());
                    }
                }
            }));
            rare.fix(t.rareCodes());
            points.fix(t.pointsPercentile());
            w.table(
                    ReleaseTable.RECEIPT_DRUGS,
                    table -> records.drugs(from, until, g -> {
                        String person = pseudonymOf.get(g.memberId());
                        if (person == null || !rare.keeps(g.code())) {
                            return;
                        }
                        Map<String, String> cells = new HashMap<>();
                        cells.put("receipt", pseudonyms.receipt(g.fileId(), g.receiptSeq()));
                        cells.put("code", g.code());
                        cells.put("quantity", g.quantity() == null ? "" : TopCode.plain(g.quantity()));
                        cells.put("points", points.apply(g.points()));
                        cells.put("times", g.times() == null ? "" : g.times().toString());
                        table.add(person, cells);
                    }));
            processing.put("drug rows removed as rare codes", rare.removed());
            processing.put("drug points top-coded", points.coded());
        }

        if (spec.releases(ReleaseTable.CHECKUPS)) {
            Map<String, String> facilities = new HashMap<>();
            w.table(
                    ReleaseTable.CHECKUPS,
                    table -> records.checkups(from, until, c -> {
                        String person = pseudonymOf.get(c.memberId());
                        if (person == null) {
                            return;
                        }
                        Map<String, String> cells = new HashMap<>();
                        cells.put("checkup", pseudonyms.checkup(c.fileId(), c.seq()));
                        cells.put("person", person);
                        cells.put(
                                "checkup_month", YearMonth.from(c.checkupDate()).toString());
                        cells.put("program_type", c.programType() == null ? "" : c.programType());
                        cells.put(
                                "facility",
                                c.facilityCode() == null
                                        ? ""
                                        : facilities.computeIfAbsent(c.facilityCode(), pseudonyms::facility));
                        table.add(person, cells);
                    }));
        }

        if (spec.releases(ReleaseTable.CHECKUP_OBSERVATIONS)) {
            Map<String, TopCode> values = new HashMap<>();
            phases.read(() -> records.observations(from, until, o -> {
                if (row.get(o.memberId()) >= 0 && "PQ".equals(o.valueType()) && o.number() != null) {
                    values.computeIfAbsent(o.code(), c -> new TopCode())
                            .add(o.number().doubleValue());
                }
            }));
            values.values().forEach(v -> v.fix(t.valuesPercentile()));
            long[] freeText = new long[1];
            w.table(
                    ReleaseTable.CHECKUP_OBSERVATIONS,
                    table -> records.observations(from, until, o -> {
                        String person = pseudonymOf.get(o.memberId());
                        if (person == null) {
                            return;
                        }
                        String type = o.valueType() == null ? "" : o.valueType();
                        if (type.equals("ST")) {
                            // Rule 34(4): free text (所見 and the like) is never released
                            freeText[0]++;
                            return;
                        }
                        Map<String, String> cells = new HashMap<>();
                        cells.put("checkup", pseudonyms.checkup(o.fileId(), o.checkupSeq()));
                        cells.put("code", o.code());
                        BigDecimal number = type.equals("PQ") ? o.number() : null;
                        TopCode top = values.get(o.code());
                        cells.put(
                                "value", number == null ? "" : top == null ? TopCode.plain(number) : top.apply(number));
                        cells.put("unit", type.equals("PQ") && o.unit() != null ? o.unit() : "");
                        cells.put(
                                "answer",
                                (type.equals("CD") || type.equals("CO") || type.equals("CE")) && o.text() != null
                                        ? o.text()
                                        : "");
                        table.add(person, cells);
                    }));
            processing.put(
                    "checkup values top-coded",
                    values.values().stream().mapToLong(TopCode::coded).sum());
            processing.put("checkup free-text observations removed", freeText[0]);
        }

        long released = classes.releasedCount();
        processing.put("persons suppressed (Rule 34(5))", persons.size() - released);
        Map<String, Long> population = new LinkedHashMap<>();
        population.put("eligible at the cut-off", (long) in.eligible().size());
        in.leftOut().forEach((reason, n) -> population.put("left out: " + reason, n));
        population.put("in scope", (long) persons.size());
        population.put("suppressed", persons.size() - released);
        population.put("released", released);
        ReleaseFigures figures = new ReleaseFigures(
                population, rows, processing, risk(classes, in, t, released, persons.size()), classes.levels());
        return new Built(figures, rows, phases.seconds());
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

    private static ReleaseFigures.Risk risk(
            PersonClasses.Outcome classes, Input in, ReleaseSpec.Thresholds t, long released, int inScope) {
        AnonymizationResult result = classes.result();
        // journalist model: the attacker matches against everyone eligible at the cut-off, not only those released
        Map<String, Integer> populationClasses = new HashMap<>();
        YearMonth oldestShown = YearMonth.from(in.cutOff()).minusYears(t.ageTop());
        DiagnosisCodes none = new DiagnosisCodes();
        none.applyRareRule(1);
        for (Member m : in.eligible()) {
            populationClasses.merge(key(person(m, in.cutOff(), oldestShown, none), classes), 1, Integer::sum);
        }
        double highest = 0;
        double sum = 0;
        for (int i = 0; i < classes.persons().size(); i++) {
            if (!classes.released()[i]) {
                continue;
            }
            int size = populationClasses.getOrDefault(key(classes.persons().get(i), classes), 1);
            highest = Math.max(highest, 1.0 / size);
            sum += 1.0 / size;
        }
        var after = result.after();
        return new ReleaseFigures.Risk(
                after.risk().highest(),
                after.risk().average(),
                highest,
                released == 0 ? 0 : sum / released,
                after.risk().recordsAboveThreshold(),
                after.classes().smallest(),
                after.informationLoss().loss(),
                inScope == 0 ? 0 : (double) released / inScope);
    }

    private static String key(PersonClasses.Person p, PersonClasses.Outcome classes) {
        String[] q = p.quasi();
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < q.length; i++) {
            String column = PersonClasses.QUASI.get(i);
            int level = classes.level(column);
            String v = switch (column) {
                case "birth_month" -> MonthLevels.at(q[i], level, true);
                case "enrolled", "withdrawn" -> MonthLevels.at(q[i], level, false);
                default -> level == 0 ? q[i] : MonthLevels.TOP;
            };
            sb.append(v).append('\u0001');
        }
        return sb.toString();
    }

    /** Writes the tables, each column in the order the spec's table has it in {@link ReleaseTable}. */
    private static final class Writer {
        private final ReleaseSpec spec;
        private final Path staging;
        private final Map<String, Long> rows;
        private final Phases phases;

        Writer(ReleaseSpec spec, Path staging, Map<String, Long> rows, Phases phases) {
            this.spec = spec;
            this.staging = staging;
            this.rows = rows;
            this.phases = phases;
        }

        interface Fill {
            void into(Rows table);
        }

        /** A table being filled: each row a map of column to cell, kept to the spec's columns. */
        static final class Rows {
            private final CsvTable csv;
            private final List<String> columns;

            Rows(CsvTable csv, List<String> columns) {
                this.csv = csv;
                this.columns = columns;
            }

            void add(String person, Map<String, String> cells) {
                List<String> line = new ArrayList<>(columns.size());
                for (String c : columns) {
                    line.add(cells.getOrDefault(c, ""));
                }
                csv.add(person, line);
            }
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

        void table(ReleaseTable table, Fill fill) {
            if (!spec.releases(table)) {
                return;
            }
            List<String> columns = columns(table);
            CsvTable csv = new CsvTable(staging, table.fileName(), columns);
            phases.readAndWrite(() -> fill.into(new Rows(csv, columns)));
            phases.write(csv::close);
            rows.put(table.fileName(), csv.rows());
        }

        void persons(List<PersonClasses.Person> persons, PersonClasses.Outcome classes, Map<Long, String> pseudonymOf) {
            table(ReleaseTable.PERSONS, t -> {
                for (int i = 0; i < persons.size(); i++) {
                    if (!classes.released()[i]) {
                        continue;
                    }
                    String person = pseudonymOf.get(persons.get(i).memberId());
                    Map<String, String> cells = new HashMap<>();
                    cells.put("person", person);
                    for (int q = 0; q < PersonClasses.QUASI.size(); q++) {
                        cells.put(PersonClasses.QUASI.get(q), classes.values()[i][q]);
                    }
                    t.add(person, cells);
                }
            });
        }

        void periods(
                List<PersonClasses.Person> persons,
                PersonClasses.Outcome classes,
                Map<Long, Member> members,
                LocalDate cutOff,
                Map<Long, String> pseudonymOf) {
            int acquiredLevel = classes.level("enrolled");
            int lostLevel = classes.level("withdrawn");
            table(ReleaseTable.ELIGIBILITY_PERIODS, t -> {
                for (int i = 0; i < persons.size(); i++) {
                    if (!classes.released()[i]) {
                        continue;
                    }
                    long id = persons.get(i).memberId();
                    String person = pseudonymOf.get(id);
                    for (EligibilityPeriod p : members.get(id).eligibility()) {
                        if (p.acquiredOn().isAfter(cutOff)) {
                            continue;
                        }
                        String lost = p.lostOn().isEmpty() || p.lostOn().get().isAfter(cutOff)
                                ? ""
                                : YearMonth.from(p.lostOn().get()).toString();
                        Map<String, String> cells = new HashMap<>();
                        cells.put("person", person);
                        // the same coarseness as the persons table's enrolment and withdrawal
                        cells.put(
                                "acquired",
                                MonthLevels.at(YearMonth.from(p.acquiredOn()).toString(), acquiredLevel, false));
                        cells.put("lost", MonthLevels.at(lost, lostLevel, false));
                        t.add(person, cells);
                    }
                }
            });
        }
    }

    /** Time spent reading, processing, searching and writing, for the bench's shares. */
    static final class Phases {
        private long read;
        private long readWrite;
        private long search;
        private long write;

        void read(Runnable r) {
            long s = System.nanoTime();
            r.run();
            read += System.nanoTime() - s;
        }

        void readAndWrite(Runnable r) {
            long s = System.nanoTime();
            r.run();
            readWrite += System.nanoTime() - s;
        }

        <T> T search(java.util.function.Supplier<T> r) {
            long s = System.nanoTime();
            T t = r.get();
            search += System.nanoTime() - s;
            return t;
        }

        void write(Runnable r) {
            long s = System.nanoTime();
            r.run();
            write += System.nanoTime() - s;
        }

        Map<String, Double> seconds() {
            Map<String, Double> m = new LinkedHashMap<>();
            m.put("database reads (statistics passes)", read / 1e9);
            m.put("database reads with processing (writing passes)", readWrite / 1e9);
            m.put("search", search / 1e9);
            m.put("sorting and writing files", write / 1e9);
            return m;
        }
    }
}
