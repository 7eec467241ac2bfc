package jp.kenpo.privacy.formats.synthetic;

import java.time.YearMonth;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import jp.kenpo.privacy.formats.receipt.Facility;

/**
 * The synthetic clinics, hospitals, dental clinics, pharmacies and checkup centres a population
 * uses, sized to the population. Facilities are templates; the 請求年月 is filled per file.
 */
final class Facilities {

    /** A facility; its headers for the 13 billing months after the fiscal year's first treatment month are made once. */
    static final class Site {
        final String code;
        private final Facility[] byMonth = new Facility[13];
        private final YearMonth first;

        Site(String recordType, String prefecture, String scoreTable, String code, String name, YearMonth first) {
            this.code = code;
            this.first = first;
            for (int i = 0; i < byMonth.length; i++) {
                byMonth[i] = new Facility(
                        recordType, "1", prefecture, scoreTable, code, name, first.plusMonths(i + 1), "00", "");
            }
        }

        /** The header of receipts for treatment month {@code month}, billed the month after. */
        Facility forTreatmentMonth(YearMonth month) {
            return byMonth[(int) first.until(month, java.time.temporal.ChronoUnit.MONTHS)];
        }
    }

    final Site[] clinics;
    final Site[] hospitals;
    final Site[] dentists;
    final Site[] pharmacies;
    final String[] checkupCentres;
    final String[] checkupCentreNames;
    private final java.util.Map<String, String> addresses = new java.util.HashMap<>();

    /** Facility codes already given: a code names one facility. */
    private final java.util.Set<String> codes = new java.util.HashSet<>();

    Facilities(long seed, int members, String prefecture, YearMonth firstMonth) {
        SplittableRandom r = new SplittableRandom(seed ^ 0x46414349L);
        clinics = sites(r, Math.max(10, members / 400), "IR", "1", prefecture, "医院", firstMonth);
        hospitals = sites(r, Math.max(3, members / 4000), "IR", "1", prefecture, "病院", firstMonth);
        dentists = sites(r, Math.max(5, members / 1200), "UK", "3", prefecture, "歯科医院", firstMonth);
        pharmacies = sites(r, Math.max(5, members / 800), "YK", "4", prefecture, "薬局", firstMonth);
        int centres = Math.max(2, Math.min(40, members / 20000));
        checkupCentres = new String[centres];
        checkupCentreNames = new String[centres];
        for (int i = 0; i < centres; i++) {
            checkupCentres[i] = prefecture + digits(r, 8);
            checkupCentreNames[i] = "テスト健診センター" + fullWidth(i + 1);
        }
    }

    private Site[] sites(
            SplittableRandom r,
            int n,
            String type,
            String table,
            String prefecture,
            String suffix,
            YearMonth firstMonth) {
        Site[] s = new Site[n];
        for (int i = 0; i < n; i++) {
            // most facilities are in the society's prefecture, some in the neighbouring ones
            String pref = r.nextDouble() < 0.85 ? prefecture : String.format("%02d", 8 + r.nextInt(8));
            String code;
            do {
                code = digits(r, 7);
            } while (!codes.add(code));
            s[i] = new Site(type, pref, table, code, "テスト" + suffix + fullWidth(i + 1), firstMonth);
        }
        return s;
    }

    /** A synthetic address for a facility code (the 所在地 of the MN record). */
    String addressOf(String code) {
        return addresses.computeIfAbsent(
                code, c -> "テスト市テスト町" + fullWidth(Integer.parseInt(c.substring(3)) % 99 + 1) + "－１");
    }

    static String digits(RandomGenerator r, int n) {
        StringBuilder b = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            b.append((char) ('0' + r.nextInt(10)));
        }
        return b.toString();
    }

    /** Full-width digits: facility names are 漢字 mode fields. */
    static String fullWidth(int n) {
        String s = Integer.toString(n);
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            b.append((char) ('０' + (s.charAt(i) - '0')));
        }
        return b.toString();
    }
}
