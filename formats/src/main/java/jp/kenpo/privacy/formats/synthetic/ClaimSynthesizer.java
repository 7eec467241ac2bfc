package jp.kenpo.privacy.formats.synthetic;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import jp.kenpo.privacy.formats.MemberKey;
import jp.kenpo.privacy.formats.receipt.Comment;
import jp.kenpo.privacy.formats.receipt.Diagnosis;
import jp.kenpo.privacy.formats.receipt.DiagnosisGroup;
import jp.kenpo.privacy.formats.receipt.Dispensing;
import jp.kenpo.privacy.formats.receipt.DispensingFee;
import jp.kenpo.privacy.formats.receipt.DpcDiagnosis;
import jp.kenpo.privacy.formats.receipt.Drug;
import jp.kenpo.privacy.formats.receipt.Eligibility;
import jp.kenpo.privacy.formats.receipt.Insurance;
import jp.kenpo.privacy.formats.receipt.Material;
import jp.kenpo.privacy.formats.receipt.Prescription;
import jp.kenpo.privacy.formats.receipt.Procedure;
import jp.kenpo.privacy.formats.receipt.PublicExpense;
import jp.kenpo.privacy.formats.receipt.Receipt;
import jp.kenpo.privacy.formats.receipt.ReceiptKind;
import jp.kenpo.privacy.formats.receipt.ServiceDays;

/**
 * The receipts of one person for one fiscal year. Each person draws from their own random stream
 * (seeded from the population seed and their index), so the result does not depend on the order
 * or thread in which people are handled.
 *
 * <p>Shapes: a personal propensity (gamma-distributed, higher for small children and the
 * elderly), chronic conditions that grow with age and bring monthly visits, acute illnesses
 * drawn from a Zipf-weighted code list with a long tail of rare codes, a pharmacy receipt for
 * most outpatient receipts (院外処方), dental courses of one to three months, and rare
 * admissions. About 10 receipts per member-year: 医科 ≈ 52% (入院 about 1 in 50 of them),
 * 調剤 ≈ 36%, 歯科 ≈ 12%.
 */
final class ClaimSynthesizer {

    /** A receipt with the treatment month it belongs to (its レセプト番号 is set when written). */
    record Claim(YearMonth month, ReceiptKind kind, Receipt receipt, int facilityOrder) {

        /** @param receipt its facility code (7 digits, unique among the generated facilities) orders a file's receipts */
        static Claim of(YearMonth month, ReceiptKind kind, Receipt receipt) {
            return new Claim(
                    month, kind, receipt, Integer.parseInt(receipt.facility().code()));
        }
    }

    private final CodeCatalog codes;
    private final Facilities facilities;
    private final YearMonth firstMonth;
    private final double unlinkable;
    private final long seed;

    ClaimSynthesizer(CodeCatalog codes, Facilities facilities, int fiscalYear, long seed, double unlinkable) {
        this.codes = codes;
        this.facilities = facilities;
        this.firstMonth = YearMonth.of(fiscalYear, 4);
        this.seed = seed;
        this.unlinkable = unlinkable;
    }

    YearMonth firstMonth() {
        return firstMonth;
    }

    static SplittableRandom streamFor(long seed, long personIndex, long salt) {
        return new SplittableRandom(mix(seed * 0x9E3779B97F4A7C15L + personIndex * 0xBF58476D1CE4E5B9L + salt));
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    List<Claim> claims(Population.Person person) {
        SplittableRandom r = streamFor(seed, person.index(), 1);
        Member m = person.current();
        LocalDate mid = firstMonth.atDay(1).plusMonths(6);
        int age = Math.max(0, m.ageOn(mid));
        double propensity = ageFactor(age, m.sex()) * Draw.gamma(r, 1.4) / 1.4;
        List<Chronic> chronic = chronicConditions(r, age, mid);
        boolean publicExpense = !chronic.isEmpty() && r.nextDouble() < 0.02;
        Facilities.Site clinic = facilities.clinics[r.nextInt(facilities.clinics.length)];
        Facilities.Site pharmacy = facilities.pharmacies[r.nextInt(facilities.pharmacies.length)];
        Facilities.Site dentist = facilities.dentists[r.nextInt(facilities.dentists.length)];
        MemberKey key = m.key();
        boolean unlinked = unlinkable > 0 && r.nextDouble() < unlinkable;
        if (unlinked) {
            key = new MemberKey(key.insurerNumber(), key.symbol(), "9" + key.number() + "9", key.branch());
        }

        List<Claim> out = new ArrayList<>(16);
        int dentalLeft = 0;
        int inpatientLeft = 0;
        LocalDate admitted = null;
        for (int i = 0; i < 12; i++) {
            YearMonth month = firstMonth.plusMonths(i);
            int[] eligible = eligibleDays(person, month);
            if (eligible.length == 0) {
                dentalLeft = 0;
                inpatientLeft = 0;
                continue;
            }
            Context c = new Context(r, m, key, month, eligible, age, publicExpense, chronic);
            // admissions
            if (inpatientLeft == 0 && r.nextDouble() < 0.005 * propensity * (age >= 60 ? 2.5 : 1)) {
                inpatientLeft = 1 + (r.nextDouble() < 0.3 ? 1 : 0);
                admitted = month.atDay(eligible[r.nextInt(eligible.length)]);
            }
            if (inpatientLeft > 0) {
                Facilities.Site hospital = facilities.hospitals[r.nextInt(facilities.hospitals.length)];
                out.add(Claim.of(month, ReceiptKind.MEDICAL, inpatient(c, hospital, admitted, --inpatientLeft == 0)));
            }
            // outpatient: the home clinic for chronic care, other clinics for acute illness
            int outpatient = Draw.poisson(r, 0.3 * propensity) + (!chronic.isEmpty() && r.nextDouble() < 0.75 ? 1 : 0);
            for (int k = 0; k < Math.min(outpatient, 4); k++) {
                Facilities.Site site = k == 0 && !chronic.isEmpty()
                        ? clinic
                        : facilities.clinics[r.nextInt(facilities.clinics.length)];
                out.add(Claim.of(month, ReceiptKind.MEDICAL, outpatient(c, site, k == 0)));
                if (r.nextDouble() < 0.72) {
                    Facilities.Site ph = r.nextDouble() < 0.7
                            ? pharmacy
                            : facilities.pharmacies[r.nextInt(facilities.pharmacies.length)];
                    out.add(Claim.of(month, ReceiptKind.PHARMACY, pharmacy(c, ph)));
                }
            }
            if (dentalLeft == 0 && r.nextDouble() < 0.08 * Math.sqrt(propensity) * (age < 3 ? 0.2 : 1)) {
                dentalLeft = 1 + Draw.pick(r, Draw.cumulative(0.5, 0.3, 0.2));
            }
            if (dentalLeft > 0) {
                dentalLeft--;
                out.add(Claim.of(month, ReceiptKind.DENTAL, dental(c, dentist)));
            }
        }
        return out;
    }

    /** Relative use of care by age and sex (children under 6 and people over 60 use most). */
    private static double ageFactor(int age, int sex) {
        double f = age < 6
                ? 1.7
                : age < 15 ? 0.95 : age < 25 ? 0.6 : age < 40 ? 0.75 : age < 50 ? 0.95 : age < 60 ? 1.2 : 1.6;
        return sex == 2 && age >= 20 && age < 50 ? f * 1.2 : f;
    }

    private record Chronic(String code, LocalDate since, int drugIndex) {}

    private List<Chronic> chronicConditions(SplittableRandom r, int age, LocalDate mid) {
        double ageCurve = age < 20 ? 0.03 : age < 30 ? 0.1 : age < 40 ? 0.25 : age < 50 ? 0.5 : age < 60 ? 0.8 : 1.0;
        List<Chronic> list = new ArrayList<>(2);
        for (int i = 0; i < CodeCatalog.CHRONIC; i++) {
            double prevalence = 0.22 / (1 + i) * ageCurve;
            if (r.nextDouble() < prevalence) {
                list.add(new Chronic(codes.diseases[i], mid.minusDays(200 + r.nextInt(3000)), r.nextInt(40)));
            }
        }
        return list;
    }

    /** Days of the month on which the person is a member (acquired_on ≤ d < lost_on for one of their rows). */
    private static int[] eligibleDays(Population.Person p, YearMonth month) {
        int n = month.lengthOfMonth();
        boolean[] on = new boolean[n + 1];
        int count = 0;
        long first = month.atDay(1).toEpochDay();
        for (Member row : p.rows()) {
            long from = Math.max(first, row.acquiredOn().toEpochDay());
            long to = row.lostOn() == null
                    ? first + n
                    : Math.min(first + n, row.lostOn().toEpochDay());
            for (long d = from; d < to; d++) {
                int day = (int) (d - first) + 1;
                if (!on[day]) {
                    on[day] = true;
                    count++;
                }
            }
        }
        int[] days = new int[count];
        int k = 0;
        for (int d = 1; d <= n; d++) {
            if (on[d]) {
                days[k++] = d;
            }
        }
        return days;
    }

    /** What every receipt of one person-month shares. */
    private record Context(
            SplittableRandom r,
            Member member,
            MemberKey key,
            YearMonth month,
            int[] eligible,
            int age,
            boolean publicExpense,
            List<Chronic> chronic) {}

    private String receiptType(Context c, ReceiptKind kind, boolean inpatient) {
        int last;
        boolean elderly = c.age >= 70;
        if (c.member.kind() == MemberKind.INSURED) {
            last = elderly ? 8 : 2;
        } else if (c.age < 6) {
            last = 4;
        } else {
            last = elderly ? 8 : 6;
        }
        if (inpatient) {
            last -= 1;
        }
        return kind.scoreTable() + "1" + (c.publicExpense ? "2" : "1") + last;
    }

    private Receipt receipt(
            Context c,
            Facilities.Site site,
            ReceiptKind kind,
            String type,
            LocalDate admission,
            int days,
            int points,
            Integer meals,
            Integer mealAmount,
            List<Diagnosis> diagnoses,
            List<Procedure> procedures,
            List<Drug> drugs,
            List<Material> materials,
            List<Comment> comments,
            DiagnosisGroup bu,
            List<DpcDiagnosis> sb,
            List<Prescription> sh,
            List<Dispensing> cz) {
        Member m = c.member;
        Insurance ho = new Insurance(
                c.key.insurerNumber(), c.key.symbol(), c.key.number(), days, points, meals, mealAmount, "", null);
        List<PublicExpense> ko =
                c.publicExpense ? List.of(new PublicExpense("54136015", "1234566", "", days, points, 0)) : List.of();
        Eligibility sn = new Eligibility("1", "01", "", "", "", c.key.branch(), "");
        return new Receipt(
                site.forTreatmentMonth(c.month),
                1,
                type,
                c.month,
                m.nameKanji(),
                Integer.toString(m.sex()),
                m.birthDate(),
                admission,
                m.nameKana(),
                ho,
                ko,
                sn,
                diagnoses,
                procedures,
                drugs,
                materials,
                comments,
                List.of(),
                List.of(),
                bu,
                sb,
                sh,
                cz);
    }

    private Receipt outpatient(Context c, Facilities.Site site, boolean chronicVisit) {
        SplittableRandom r = c.r;
        int visits = Math.min(
                c.eligible.length,
                chronicVisit && !c.chronic.isEmpty() ? 1 + Draw.poisson(r, 0.2) : 1 + Draw.poisson(r, 0.5));
        int[] days = pickDays(r, c.eligible, visits);
        LocalDate first = c.month.atDay(days[0]);
        int seq = 0;
        List<Diagnosis> dx = new ArrayList<>(4);
        if (chronicVisit) {
            for (Chronic ch : c.chronic) {
                if (dx.isEmpty() || r.nextDouble() < 0.85) {
                    dx.add(new Diagnosis(
                            seq++, "SY", ch.code, ch.since, "1", List.of(), "", dx.isEmpty() ? "01" : "", "", ""));
                }
            }
        }
        boolean newIllness = dx.isEmpty() || r.nextDouble() < 0.3;
        if (newIllness) {
            int acute = 1 + Draw.poisson(r, 0.6);
            for (int k = 0; k < acute; k++) {
                dx.add(acuteDiagnosis(r, seq++, first, dx.isEmpty()));
            }
        }
        List<Procedure> si = new ArrayList<>(4);
        CodeCatalog.Item visit = newIllness && !chronicVisit ? codes.visits[0] : codes.visits[1];
        si.add(new Procedure(
                seq++,
                "SI",
                newIllness && !chronicVisit ? "11" : "12",
                "1",
                visit.code(),
                null,
                visit.points(),
                visits,
                List.of(),
                daysOf(days, 1)));
        int points = visit.points() * visits;
        if (r.nextDouble() < 0.35) {
            int tests = 1 + r.nextInt(3);
            for (int k = 0; k < tests; k++) {
                CodeCatalog.Item t = CodeCatalog.any(r, codes.tests);
                si.add(new Procedure(
                        seq++,
                        "SI",
                        k == 0 ? "60" : "",
                        "1",
                        t.code(),
                        null,
                        t.points(),
                        1,
                        List.of(),
                        daysOf(new int[] {days[0]}, 1)));
                points += t.points();
            }
        }
        if (r.nextDouble() < 0.08) {
            CodeCatalog.Item t = CodeCatalog.any(r, codes.treatments);
            si.add(new Procedure(
                    seq++,
                    "SI",
                    "40",
                    "1",
                    t.code(),
                    null,
                    t.points(),
                    1,
                    List.of(),
                    daysOf(new int[] {days[days.length - 1]}, 1)));
            points += t.points();
        }
        List<Drug> iy = new ArrayList<>(2);
        if (r.nextDouble() < 0.15) {
            CodeCatalog.Item d = codes.drug(r);
            int count = 5 + r.nextInt(10);
            iy.add(new Drug(
                    seq++,
                    "21",
                    "1",
                    d.code(),
                    BigDecimal.valueOf(1 + r.nextInt(3)),
                    d.points(),
                    count,
                    List.of(),
                    daysOf(new int[] {days[0]}, count)));
            points += d.points() * count;
        }
        List<Comment> co = r.nextDouble() < 0.04
                ? List.of(new Comment(seq, "", "1", codes.comments[r.nextInt(codes.comments.length)], "テストコメント"))
                : List.of();
        return receipt(
                c,
                site,
                ReceiptKind.MEDICAL,
                receiptType(c, ReceiptKind.MEDICAL, false),
                null,
                visits,
                points,
                null,
                null,
                dx,
                si,
                iy,
                List.of(),
                co,
                null,
                List.of(),
                List.of(),
                List.of());
    }

    /** Share of admissions billed as DPC receipts (a minority: most members' stays here are short, at small hospitals). */
    private static final double DPC_SHARE = 0.3;

    /** The 傷病名区分 the main disease of a DPC stay is recorded under: 医療資源最投入, 主傷病名, 入院の契機. */
    private static final List<String> DPC_ROLES = List.of("01", "11", "21");

    /** A synthetic ICD-10 code of the right shape, fixed per disease code (the generator has no real mapping). */
    static String icd10Of(String diseaseCode) {
        int h = diseaseCode.hashCode() & 0x7fffffff;
        return (char) ('A' + h % 26) + String.format("%03d", (h / 26) % 1000);
    }

    private Diagnosis acuteDiagnosis(SplittableRandom r, int seq, LocalDate start, boolean main) {
        if (r.nextDouble() < 0.003) {
            return new Diagnosis(
                    seq, "SY", Diagnosis.UNCODED, start, "1", List.of(), "テスト未コード化傷病", main ? "01" : "", "", "");
        }
        List<String> modifiers =
                r.nextDouble() < 0.06 ? List.of(codes.modifiers[r.nextInt(codes.modifiers.length)]) : List.of();
        String outcome = r.nextDouble() < 0.3 ? "2" : "1";
        return new Diagnosis(seq, "SY", codes.acuteDisease(r), start, outcome, modifiers, "", main ? "01" : "", "", "");
    }

    /** 調剤料 of an RP (synthetic code, points of the 内服 調剤料 for up to 7 days of supply and more). */
    private static DispensingFee preparationFee(int supply) {
        return new DispensingFee("1", "1", "01", supply <= 7 ? "190000110" : "190000210", supply <= 7 ? 24 : 50);
    }

    private Receipt pharmacy(Context c, Facilities.Site site) {
        SplittableRandom r = c.r;
        int drugs = Math.min(1 + Draw.poisson(r, c.chronic.isEmpty() ? 0.8 : 1.6), 6);
        int supply = c.chronic.isEmpty() ? 3 + r.nextInt(12) : 14 * (1 + r.nextInt(4));
        // one RP (SH, its CZ, then its IY records) for up to three drugs taken alike, a second for the rest
        int rps = drugs > 3 ? 2 : 1;
        int day = c.eligible[r.nextInt(c.eligible.length)];
        LocalDate prescribed = c.month.atDay(day);
        LocalDate dispensed =
                day < c.month.lengthOfMonth() && r.nextDouble() < 0.1 ? prescribed.plusDays(1) : prescribed;
        List<Drug> iy = new ArrayList<>(drugs);
        List<Prescription> sh = new ArrayList<>(rps);
        List<Dispensing> cz = new ArrayList<>(rps);
        List<Integer> noPublic = java.util.Arrays.asList(new Integer[Prescription.PUBLIC_EXPENSES]);
        int points = 0;
        int seq = 0;
        int k = 0;
        for (int rp = 1; rp <= rps; rp++) {
            int shSeq = seq++;
            int czSeq = seq++;
            int unit = 0;
            for (int end = rp == rps ? drugs : 3; k < end; k++) {
                CodeCatalog.Item d = !c.chronic.isEmpty() && k < c.chronic.size()
                        ? codes.drugs[c.chronic.get(k).drugIndex]
                        : codes.drug(r);
                int quantity = 1 + r.nextInt(3);
                // 調剤 IY records carry 負担区分, code and 使用量 only; days and points belong to SH and CZ
                iy.add(new Drug(
                        seq++,
                        "",
                        "1",
                        d.code(),
                        BigDecimal.valueOf(quantity),
                        null,
                        null,
                        List.of(),
                        ServiceDays.NONE));
                unit += d.points() * quantity;
            }
            DispensingFee fee = preparationFee(supply);
            sh.add(new Prescription(shSeq, Integer.toString(rp), "1", "", "", unit, noPublic));
            cz.add(Dispensing.of(czSeq, "1", prescribed, dispensed, 1, supply, fee, unit * supply, List.of()));
            points += unit * supply + fee.points();
        }
        return receipt(
                c,
                site,
                ReceiptKind.PHARMACY,
                receiptType(c, ReceiptKind.PHARMACY, false),
                null,
                1,
                points,
                null,
                null,
                List.of(),
                List.of(),
                iy,
                List.of(),
                List.of(),
                null,
                List.of(),
                sh,
                cz);
    }

    private Receipt dental(Context c, Facilities.Site site) {
        SplittableRandom r = c.r;
        int visits = Math.min(c.eligible.length, 1 + Draw.poisson(r, 1.0));
        int[] days = pickDays(r, c.eligible, visits);
        int seq = 0;
        List<Diagnosis> hs = new ArrayList<>(2);
        int n = 1 + (r.nextDouble() < 0.35 ? 1 : 0);
        for (int k = 0; k < n; k++) {
            String tooth = "1" + (1 + r.nextInt(4)) + (1 + r.nextInt(8)) + "000";
            hs.add(new Diagnosis(
                    seq++, "HS", codes.acuteDisease(r), null, "", List.of(), "", k == 0 ? "01" : "", "", tooth));
        }
        List<Procedure> ss = new ArrayList<>(4);
        int points = 0;
        int items = 1 + Draw.poisson(r, 1.2);
        for (int k = 0; k < Math.min(items, 6); k++) {
            CodeCatalog.Item t = k == 0 ? codes.dental[0] : CodeCatalog.any(r, codes.dental);
            int[] on = k == 0 ? days : new int[] {days[r.nextInt(days.length)]};
            ss.add(new Procedure(
                    seq++,
                    "SS",
                    k == 0 ? "12" : "40",
                    "1",
                    t.code(),
                    null,
                    t.points(),
                    on.length,
                    List.of(),
                    daysOf(on, 1)));
            points += t.points() * on.length;
        }
        return receipt(
                c,
                site,
                ReceiptKind.DENTAL,
                receiptType(c, ReceiptKind.DENTAL, false),
                null,
                visits,
                points,
                null,
                null,
                hs,
                ss,
                List.of(),
                List.of(),
                List.of(),
                null,
                List.of(),
                List.of(),
                List.of());
    }

    private Receipt inpatient(Context c, Facilities.Site site, LocalDate admitted, boolean lastMonth) {
        SplittableRandom r = c.r;
        int from = admitted.getMonth() == c.month.getMonth() && admitted.getYear() == c.month.getYear()
                ? admitted.getDayOfMonth()
                : 1;
        List<Integer> stay = new ArrayList<>();
        int length = lastMonth ? 2 + r.nextInt(14) : 99;
        for (int d : c.eligible) {
            if (d >= from && stay.size() < length) {
                stay.add(d);
            }
        }
        if (stay.isEmpty()) {
            stay.add(c.eligible[c.eligible.length - 1]);
        }
        int[] days = stay.stream().mapToInt(Integer::intValue).toArray();
        // a share of admissions are at DPC hospitals: BU and the SB records come first, the 出来高 records after them
        boolean dpc = r.nextDouble() < DPC_SHARE;
        int comorbidities = Math.min(c.chronic.size(), 4);
        int seq = dpc ? 1 + DPC_ROLES.size() + comorbidities : 0;
        List<Diagnosis> dx = new ArrayList<>(3);
        Diagnosis main = acuteDiagnosis(r, seq++, admitted, true);
        dx.add(main);
        for (Chronic ch : c.chronic) {
            dx.add(new Diagnosis(seq++, "SY", ch.code, ch.since, "1", List.of(), "", "", "", ""));
        }
        DiagnosisGroup bu = null;
        List<DpcDiagnosis> sb = new ArrayList<>(dpc ? DPC_ROLES.size() + comorbidities : 0);
        if (dpc) {
            String group =
                    String.format("%02d%04dxx%02dx0xx", 1 + r.nextInt(18), r.nextInt(10000), r.nextBoolean() ? 97 : 99);
            bu = new DiagnosisGroup(
                    0,
                    group,
                    admitted,
                    lastMonth ? c.month.atDay(days[days.length - 1]) : null,
                    lastMonth ? "1" : "",
                    "");
            int at = 1;
            for (String role : DPC_ROLES) {
                sb.add(new DpcDiagnosis(
                        at++, main.code(), main.modifiers(), main.name(), icd10Of(main.code()), role, "", ""));
            }
            for (int k = 0; k < comorbidities; k++) {
                String code = c.chronic.get(k).code;
                sb.add(new DpcDiagnosis(at++, code, List.of(), "", icd10Of(code), "4" + (k + 1), "", ""));
            }
        }
        List<Procedure> si = new ArrayList<>(4);
        CodeCatalog.Item basic = CodeCatalog.any(r, codes.inpatientBasics);
        si.add(new Procedure(
                seq++, "SI", "90", "1", basic.code(), null, basic.points(), days.length, List.of(), daysOf(days, 1)));
        int points = basic.points() * days.length;
        int extra = 1 + Draw.poisson(r, 2);
        for (int k = 0; k < extra; k++) {
            CodeCatalog.Item t =
                    r.nextBoolean() ? CodeCatalog.any(r, codes.tests) : CodeCatalog.any(r, codes.treatments);
            int[] on = {days[r.nextInt(days.length)]};
            si.add(new Procedure(
                    seq++, "SI", k == 0 ? "60" : "", "1", t.code(), null, t.points(), 1, List.of(), daysOf(on, 1)));
            points += t.points();
        }
        List<Drug> iy = new ArrayList<>(3);
        for (int k = 0; k < 1 + r.nextInt(3); k++) {
            CodeCatalog.Item d = codes.drug(r);
            iy.add(new Drug(
                    seq++,
                    "33",
                    "1",
                    d.code(),
                    new BigDecimal("1.5"),
                    d.points(),
                    days.length,
                    List.of(),
                    daysOf(days, 1)));
            points += d.points() * days.length;
        }
        List<Material> to = new ArrayList<>(1);
        if (r.nextDouble() < 0.15) {
            CodeCatalog.Item t = CodeCatalog.any(r, codes.materials);
            to.add(new Material(
                    seq,
                    "50",
                    "1",
                    t.code(),
                    BigDecimal.ONE,
                    t.points(),
                    1,
                    "",
                    null,
                    "",
                    List.of(),
                    daysOf(new int[] {days[0]}, 1)));
            points += t.points();
        }
        int meals = 3 * days.length;
        return receipt(
                c,
                site,
                ReceiptKind.MEDICAL,
                receiptType(c, ReceiptKind.MEDICAL, true),
                admitted,
                days.length,
                points,
                meals,
                meals * 490,
                dx,
                si,
                iy,
                to,
                List.of(),
                bu,
                sb,
                List.of(),
                List.of());
    }

    /** {@code n} distinct days among the eligible ones, ascending. */
    private static int[] pickDays(SplittableRandom r, int[] eligible, int n) {
        n = Math.min(n, eligible.length);
        int[] copy = eligible.clone();
        for (int i = 0; i < n; i++) {
            int j = i + r.nextInt(copy.length - i);
            int t = copy[i];
            copy[i] = copy[j];
            copy[j] = t;
        }
        int[] out = java.util.Arrays.copyOf(copy, n);
        java.util.Arrays.sort(out);
        return out;
    }

    private static ServiceDays daysOf(int[] days, int countEach) {
        return ServiceDays.onDays(days, countEach);
    }
}
