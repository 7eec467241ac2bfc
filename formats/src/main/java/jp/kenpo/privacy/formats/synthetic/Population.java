package jp.kenpo.privacy.formats.synthetic;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import jp.kenpo.privacy.formats.InsurerNumber;
import jp.kenpo.privacy.formats.MemberKey;

/**
 * Generates the members of one synthetic 健保組合, household by household (an insured employee
 * and their dependents), deterministically from a seed. Shapes: an employees' age pyramid
 * (few under 22 and over 64), about 62% male insured, dependent spouses mostly wives, children
 * up to 22; about 8% of the insured join and 6% leave during the fiscal year, newborns join on
 * their birthday, and about 1% of the insured have an earlier period of membership (a second
 * row with the same key).
 */
final class Population {

    private static final double[] INSURED_AGE = insuredAgeWeights();

    private final SplittableRandom r;
    private final LocalDate fyStart;
    private final LocalDate fyEnd;
    private final String insurerNumber;
    private final int offices;
    private final int[] nextNumber;
    private long persons;

    /** Members of one household: the insured first. Rows: more than one per person when re-joined. */
    record Household(List<Person> persons) {}

    /** A person with their rows and their global index (which seeds their own claims). */
    record Person(long index, List<Member> rows) {
        Member current() {
            return rows.get(rows.size() - 1);
        }
    }

    Population(long seed, int fiscalYear, int members) {
        this.r = new SplittableRandom(seed);
        this.fyStart = LocalDate.of(fiscalYear, 4, 1);
        this.fyEnd = LocalDate.of(fiscalYear + 1, 3, 31);
        this.insurerNumber = insurerNumber(seed);
        this.offices = Math.max(1, members / 150);
        this.nextNumber = new int[offices];
    }

    /**
     * 保険者番号 of the synthetic society: 法別番号 06, 都道府県 13, a serial from the seed and the
     * check digit (see {@link InsurerNumber}).
     */
    static String insurerNumber(long seed) {
        String first = "0613" + String.format("%03d", Math.floorMod(seed * 7919 + 101, 1000));
        return first + InsurerNumber.checkDigit(first);
    }

    String insurerNumber() {
        return insurerNumber;
    }

    long personsSoFar() {
        return persons;
    }

    Household next() {
        List<Person> people = new ArrayList<>(4);
        int office = officeFor();
        String symbol = Integer.toString(1000 + office);
        String number = Integer.toString(++nextNumber[office]);
        int age = 18 + Draw.pick(r, INSURED_AGE);
        int sex = r.nextDouble() < 0.62 ? 1 : 2;
        LocalDate birth = birthFor(age);
        String[] family = NameBook.family(r);

        // membership of the insured: hired at some point after 18; some join or leave this year
        LocalDate acquired;
        if (r.nextDouble() < 0.08) {
            acquired = fyStart.plusDays(r.nextInt(365));
        } else {
            int maxYears = Math.max(1, Math.min(age - 18, 40));
            acquired = fyStart.minusDays(1 + r.nextInt(maxYears * 365));
            if (acquired.isBefore(birth.plusYears(18))) {
                acquired = birth.plusYears(18);
            }
        }
        LocalDate lost = null;
        if (r.nextDouble() < 0.06) {
            LocalDate from = acquired.isAfter(fyStart) ? acquired.plusDays(1) : fyStart;
            long span = Math.max(1, fyEnd.toEpochDay() - from.toEpochDay());
            lost = from.plusDays(r.nextLong(span));
        }
        MemberKey key = new MemberKey(insurerNumber, symbol, number, "00");
        String[] given = NameBook.given(r, sex);
        List<Member> rows = new ArrayList<>(2);
        if (r.nextDouble() < 0.01 && acquired.isAfter(birth.plusYears(21))) {
            // an earlier period: joined, left, and came back
            LocalDate earlierLost = acquired.minusDays(30 + r.nextInt(300));
            LocalDate earlierAcquired = earlierLost.minusDays(200 + r.nextInt(1500));
            if (earlierAcquired.isAfter(birth.plusYears(18))) {
                rows.add(new Member(
                        key,
                        MemberKind.INSURED,
                        "",
                        name(family[0], given[0]),
                        name(family[1], given[1]),
                        sex,
                        birth,
                        earlierAcquired,
                        earlierLost));
            }
        }
        rows.add(new Member(
                key,
                MemberKind.INSURED,
                "",
                name(family[0], given[0]),
                name(family[1], given[1]),
                sex,
                birth,
                acquired,
                lost));
        people.add(new Person(persons++, rows));

        int branch = 1;
        double marriedP = age < 24 ? 0.02 : age < 30 ? 0.35 : age < 40 ? 0.65 : 0.72;
        if (r.nextDouble() < marriedP && r.nextDouble() < (sex == 1 ? 0.55 : 0.08)) {
            int spouseSex = 3 - sex;
            int spouseAge = (int) Draw.clamp(Math.round(Draw.normal(r, age + (sex == 1 ? -2 : 2), 3)), 18, 90);
            LocalDate spouseBirth = birthFor(spouseAge);
            people.add(dependent(key, branch++, family, spouseSex, spouseBirth, acquired, lost));
        }
        if (age >= 24 && r.nextDouble() < (age < 30 ? 0.25 : age < 56 ? 0.7 : 0.2)) {
            int children = 1 + Draw.pick(r, Draw.cumulative(0.45, 0.42, 0.13));
            for (int c = 0; c < children; c++) {
                int childAge = r.nextInt(Math.min(23, age - 22));
                LocalDate childBirth = childAge == 0 && r.nextDouble() < 0.5
                        ? fyStart.plusDays(r.nextInt(365)) // born this year: joins on the day of birth
                        : birthFor(childAge);
                if (lost != null && !childBirth.isBefore(lost)) {
                    continue;
                }
                if (childAge >= 19 && r.nextDouble() < 0.4) {
                    continue; // working, or insured elsewhere
                }
                people.add(dependent(key, branch++, family, 1 + r.nextInt(2), childBirth, acquired, lost));
            }
        }
        if (age >= 40 && r.nextDouble() < 0.02) {
            LocalDate parentBirth = birthFor(Math.min(100, age + 26 + r.nextInt(10)));
            people.add(dependent(key, branch, family, 1 + r.nextInt(2), parentBirth, acquired, lost));
        }
        return new Household(people);
    }

    private Person dependent(
            MemberKey insured,
            int branch,
            String[] family,
            int sex,
            LocalDate birth,
            LocalDate insuredAcquired,
            LocalDate insuredLost) {
        LocalDate acquired = birth.isAfter(insuredAcquired) ? birth : insuredAcquired;
        if (!birth.isAfter(insuredAcquired) && r.nextDouble() < 0.03) {
            acquired = insuredAcquired.plusDays(r.nextInt(300)); // married or moved in later
        }
        LocalDate lost = insuredLost;
        if (lost != null && !acquired.isBefore(lost)) {
            acquired = lost.minusDays(1);
        }
        String[] given = NameBook.given(r, sex);
        MemberKey key = new MemberKey(
                insured.insurerNumber(), insured.symbol(), insured.number(), String.format("%02d", branch));
        Member m = new Member(
                key,
                MemberKind.DEPENDENT,
                insured.branch(),
                name(family[0], given[0]),
                name(family[1], given[1]),
                sex,
                birth,
                acquired,
                lost);
        return new Person(persons++, List.of(m));
    }

    /** Offices have very different sizes: a few large ones and many small ones. */
    private int officeFor() {
        double u = r.nextDouble();
        return (int) Math.min(offices - 1, Math.floor(offices * u * u));
    }

    /** A birth date giving the age at the start of the fiscal year. */
    private LocalDate birthFor(int age) {
        return fyStart.minusYears(age).minusDays(1 + r.nextInt(365));
    }

    private static String name(String family, String given) {
        return family + "　" + given;
    }

    private static double[] insuredAgeWeights() {
        double[] w = new double[74 - 18 + 1];
        for (int i = 0; i < w.length; i++) {
            int age = 18 + i;
            w[i] = age < 22 ? 0.35 : age < 50 ? 1.0 : age < 60 ? 0.9 : age < 65 ? 0.5 : age < 70 ? 0.18 : 0.06;
        }
        return Draw.cumulative(w);
    }
}
