package jp.kenpo.privacy.formats.synthetic;

import static jp.kenpo.privacy.formats.checkup.CheckupCodes.ALT;
import static jp.kenpo.privacy.formats.checkup.CheckupCodes.AST;
import static jp.kenpo.privacy.formats.checkup.CheckupCodes.BMI;
import static jp.kenpo.privacy.formats.checkup.CheckupCodes.CASUAL_GLUCOSE;
import static jp.kenpo.privacy.formats.checkup.CheckupCodes.DIASTOLIC;
import static jp.kenpo.privacy.formats.checkup.CheckupCodes.FASTING_GLUCOSE;
import static jp.kenpo.privacy.formats.checkup.CheckupCodes.GAMMA_GT;
import static jp.kenpo.privacy.formats.checkup.CheckupCodes.HBA1C;
import static jp.kenpo.privacy.formats.checkup.CheckupCodes.HDL;
import static jp.kenpo.privacy.formats.checkup.CheckupCodes.HEIGHT;
import static jp.kenpo.privacy.formats.checkup.CheckupCodes.LDL;
import static jp.kenpo.privacy.formats.checkup.CheckupCodes.MEDICATION_BLOOD_PRESSURE;
import static jp.kenpo.privacy.formats.checkup.CheckupCodes.MEDICATION_GLUCOSE;
import static jp.kenpo.privacy.formats.checkup.CheckupCodes.MEDICATION_LIPIDS;
import static jp.kenpo.privacy.formats.checkup.CheckupCodes.SMOKING;
import static jp.kenpo.privacy.formats.checkup.CheckupCodes.SYSTOLIC;
import static jp.kenpo.privacy.formats.checkup.CheckupCodes.TRIGLYCERIDES;
import static jp.kenpo.privacy.formats.checkup.CheckupCodes.URINE_PROTEIN;
import static jp.kenpo.privacy.formats.checkup.CheckupCodes.URINE_SUGAR;
import static jp.kenpo.privacy.formats.checkup.CheckupCodes.WAIST;
import static jp.kenpo.privacy.formats.checkup.CheckupCodes.WEIGHT;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import jp.kenpo.privacy.formats.MemberKey;
import jp.kenpo.privacy.formats.checkup.Checkup;
import jp.kenpo.privacy.formats.checkup.Observation;

/**
 * The 特定健診 of one person in one fiscal year, if they take it. 特定健康診査 is owed to members
 * aged 40–74 (高齢者の医療の確保に関する法律 第20条; age as at the end of the fiscal year); about
 * 78% of the insured and 45% of dependents take it.
 *
 * <p>Values come from one latent metabolic factor per person, so that BMI, waist, blood pressure,
 * triglycerides, glucose, HbA1c and ALT rise together and HDL falls, with sex and age effects,
 * about 8% with a diabetic glucose level, medication answers that follow the values, and about
 * 0.5% of values replaced by outliers.
 */
final class CheckupSynthesizer {

    static final String ANSWER_SYSTEM = jp.kenpo.privacy.formats.checkup.CheckupCodes.ANSWER_YES_NO;
    static final String URINE_SYSTEM = jp.kenpo.privacy.formats.checkup.CheckupCodes.QUALITATIVE_RESULT;

    private final Facilities facilities;
    private final LocalDate fyStart;
    private final LocalDate fyEnd;
    private final long seed;
    private final double unlinkable;

    CheckupSynthesizer(Facilities facilities, int fiscalYear, long seed, double unlinkable) {
        this.facilities = facilities;
        this.fyStart = LocalDate.of(fiscalYear, 4, 1);
        this.fyEnd = LocalDate.of(fiscalYear + 1, 3, 31);
        this.seed = seed;
        this.unlinkable = unlinkable;
    }

    /** The checkup and the index of the centre that did it, or {@code null}. */
    record Done(int centre, Checkup checkup) {}

    Done checkup(Population.Person person) {
        SplittableRandom r = ClaimSynthesizer.streamFor(seed, person.index(), 2);
        Member m = person.current();
        int ageAtYearEnd = m.ageOn(fyEnd);
        if (ageAtYearEnd < 40 || ageAtYearEnd > 74) {
            return null;
        }
        if (r.nextDouble() >= (m.kind() == MemberKind.INSURED ? 0.78 : 0.45)) {
            return null;
        }
        // most checkups happen from May to November
        LocalDate date =
                fyStart.plusDays(30 + (long) Draw.clamp(Math.abs(Draw.normal(r, 0, 90)) + r.nextInt(40), 0, 330));
        if (!m.eligibleOn(date)) {
            return null;
        }
        int age = m.ageOn(date);
        boolean male = m.sex() == 1;
        double z = r.nextGaussian(); // latent metabolic factor

        double height = Draw.normal(r, male ? 171.5 - 0.12 * (age - 40) : 158.3 - 0.1 * (age - 40), male ? 5.8 : 5.4);
        double bmi = Draw.clamp((male ? 24.0 : 22.0) + 2.9 * z + Draw.normal(r, 0, 1.3), 14.5, 48);
        double weight = bmi * height * height / 10_000;
        double waist = (male ? 85 : 80) + 2.6 * (bmi - (male ? 24 : 22)) + Draw.normal(r, 0, 3.2);
        boolean bpMeds = false;
        double sbp = 112 + (male ? 5 : 0) + 0.55 * (age - 40) + 1.6 * (bmi - 23) + Draw.normal(r, 0, 12);
        if (sbp > 145 && r.nextDouble() < 0.6) {
            bpMeds = true;
            sbp -= Draw.normal(r, 15, 6);
        }
        double dbp = 0.62 * sbp + (male ? 3 : 0) + Draw.normal(r, 0, 6);
        double tg = Draw.logNormal(r, (male ? 110 : 80) * Math.exp(0.04 * (bmi - 23)), 0.45);
        double hdl = (male ? 55 : 67) - 1.3 * (bmi - 23) - 0.02 * (tg - 100) + Draw.normal(r, 0, 11);
        double ldl = 118 + (male ? 0 : 0.6 * Math.max(0, age - 48)) + 1.2 * (bmi - 23) + Draw.normal(r, 0, 28);
        boolean lipidMeds = ldl > 160 && r.nextDouble() < 0.35;
        if (lipidMeds) {
            ldl -= Draw.normal(r, 40, 10);
        }
        double ast = Draw.logNormal(r, 21 + 0.4 * Math.max(0, bmi - 23), 0.3);
        double alt = Draw.logNormal(r, (male ? 21 : 15) * Math.exp(0.06 * (bmi - 23)), 0.45);
        double ggt = Draw.logNormal(r, male ? 33 : 19, 0.6);
        boolean diabetic = r.nextDouble() < 0.03 + 0.04 * Math.max(0, z) + 0.001 * Math.max(0, age - 40);
        double fpg = 90
                + 0.25 * (age - 40)
                + 1.4 * (bmi - 23)
                + Draw.normal(r, 0, 8)
                + (diabetic ? Draw.normal(r, 45, 25) : 0);
        fpg = Draw.clamp(fpg, 65, 400);
        boolean glucoseMeds = diabetic && r.nextDouble() < 0.55;
        double hba1c = Draw.clamp(2.6 + 0.029 * fpg + Draw.normal(r, 0, 0.2), 4.0, 14);
        boolean fasting = r.nextDouble() < 0.85;
        boolean smoker = r.nextDouble() < (male ? 0.27 : 0.08);
        int urineSugar = fpg > 180 ? 3 + r.nextInt(2) : fpg > 150 && r.nextDouble() < 0.5 ? 2 : 1;
        int urineProtein = r.nextDouble() < 0.9 ? 1 : 2 + r.nextInt(3);

        double[] values = {height, weight, bmi, waist, sbp, dbp, tg, hdl, ldl, ast, alt, ggt, fpg, hba1c};
        // a few outliers: a value far out of the usual range (recording errors and rare conditions)
        if (r.nextDouble() < 0.005 * values.length) {
            int i = 6 + r.nextInt(values.length - 6);
            values[i] = values[i] * (3 + r.nextInt(6));
        }
        List<Observation> obs = new ArrayList<>(20);
        obs.add(pq(HEIGHT, values[0], 1, "cm"));
        obs.add(pq(WEIGHT, values[1], 1, "kg"));
        obs.add(pq(BMI, values[2], 1, "kg/m2"));
        obs.add(pq(WAIST, values[3], 1, "cm"));
        obs.add(pq(SYSTOLIC, values[4], 0, "mmHg"));
        obs.add(pq(DIASTOLIC, values[5], 0, "mmHg"));
        obs.add(pq(TRIGLYCERIDES, values[6], 0, "mg/dL"));
        obs.add(pq(HDL, Math.max(15, values[7]), 0, "mg/dL"));
        obs.add(pq(LDL, Math.max(30, values[8]), 0, "mg/dL"));
        obs.add(pq(AST, values[9], 0, "U/L"));
        obs.add(pq(ALT, values[10], 0, "U/L"));
        obs.add(pq(GAMMA_GT, values[11], 0, "U/L"));
        obs.add(pq(
                fasting ? FASTING_GLUCOSE : CASUAL_GLUCOSE,
                fasting ? values[12] : values[12] + Draw.normal(r, 25, 15),
                0,
                "mg/dL"));
        obs.add(pq(HBA1C, values[13], 1, "%"));
        obs.add(Observation.coded(URINE_SUGAR, Integer.toString(urineSugar), URINE_SYSTEM));
        obs.add(Observation.coded(URINE_PROTEIN, Integer.toString(urineProtein), URINE_SYSTEM));
        obs.add(Observation.coded(MEDICATION_BLOOD_PRESSURE, bpMeds ? "1" : "2", ANSWER_SYSTEM));
        obs.add(Observation.coded(MEDICATION_GLUCOSE, glucoseMeds ? "1" : "2", ANSWER_SYSTEM));
        obs.add(Observation.coded(MEDICATION_LIPIDS, lipidMeds ? "1" : "2", ANSWER_SYSTEM));
        obs.add(Observation.coded(SMOKING, smoker ? "1" : "2", ANSWER_SYSTEM));

        int centre = r.nextInt(facilities.checkupCentres.length);
        MemberKey key = m.key();
        if (unlinkable > 0 && r.nextDouble() < unlinkable) {
            key = new MemberKey(key.insurerNumber(), key.symbol(), "9" + key.number() + "9", key.branch());
        }
        Checkup c = new Checkup(
                "",
                "10",
                date.plusDays(7 + r.nextInt(14)),
                key,
                m.nameKana(),
                Integer.toString(m.sex()),
                m.birthDate(),
                date,
                "010",
                facilities.checkupCentres[centre],
                facilities.checkupCentreNames[centre],
                obs);
        return new Done(centre, c);
    }

    private static Observation pq(String code, double value, int decimals, String unit) {
        return Observation.quantity(
                code,
                BigDecimal.valueOf(Math.max(0, value))
                        .setScale(decimals, RoundingMode.HALF_UP)
                        .toPlainString(),
                unit);
    }
}
