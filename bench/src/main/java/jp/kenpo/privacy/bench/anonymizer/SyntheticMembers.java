package jp.kenpo.privacy.bench.anonymizer;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import jp.kenpo.privacy.anonymizer.data.ColumnSpec;
import jp.kenpo.privacy.anonymizer.data.ColumnType;
import jp.kenpo.privacy.anonymizer.data.Role;
import jp.kenpo.privacy.anonymizer.data.SetColumn;
import jp.kenpo.privacy.anonymizer.data.Table;
import jp.kenpo.privacy.anonymizer.data.TableBuilder;
import jp.kenpo.privacy.anonymizer.hierarchy.CodeRule;
import jp.kenpo.privacy.anonymizer.hierarchy.DateRule;
import jp.kenpo.privacy.anonymizer.hierarchy.Hierarchy;
import jp.kenpo.privacy.anonymizer.hierarchy.HierarchyRule;

/**
 * A synthetic member table of a health insurance society, deterministic from a seed: no real
 * person is in it. Columns: member number (identifying), sex, birth year-month, enrollment and
 * withdrawal year-month, insured person or dependent (本人/家族), prefecture, the ICD-10 chapter
 * of the year's main diagnosis (sensitive) and the year's diagnosis codes (set-valued).
 */
final class SyntheticMembers {

    static final YearMonth AS_OF = YearMonth.of(2025, 3);

    static final List<String> QUASI_IDENTIFIERS =
            List.of("sex", "birth", "enrolled", "withdrawn", "relationship", "prefecture");

    // JIS prefecture codes with populations in ten thousands (2020 census, rounded)
    private static final int[] POPULATION = {
        522, 124, 121, 230, 96, 107, 183, 287, 193, 194, 734, 628, 1405, 924, 220, 103, 113, 77, 81, 205, 198, 363, 754,
        177, 141, 258, 884, 547, 132, 92, 55, 67, 189, 280, 134, 72, 95, 133, 69, 514, 81, 131, 174, 112, 107, 159, 147
    };
    private static final String[] REGION_OF = new String[47];
    private static final String[] PREFECTURES = new String[47];

    static {
        for (int p = 1; p <= 47; p++) {
            PREFECTURES[p - 1] = (p < 10 ? "0" : "") + p;
        }
        String[][] regions = {
            {"北海道", "1"},
            {"東北", "2-7"},
            {"関東", "8-14"},
            {"中部", "15-23"},
            {"近畿", "24-30"},
            {"中国", "31-35"},
            {"四国", "36-39"},
            {"九州・沖縄", "40-47"}
        };
        for (String[] region : regions) {
            String[] range = region[1].split("-");
            int from = Integer.parseInt(range[0]);
            int to = Integer.parseInt(range[range.length - 1]);
            for (int p = from; p <= to; p++) {
                REGION_OF[p - 1] = region[0];
            }
        }
    }

    // ICD-10 chapters as ranges of three-character codes
    static final String[][] CHAPTERS = {
        {"I", "A00", "B99"},
        {"II", "C00", "D48"},
        {"III", "D50", "D89"},
        {"IV", "E00", "E90"},
        {"V", "F00", "F99"},
        {"VI", "G00", "G99"},
        {"VII", "H00", "H59"},
        {"VIII", "H60", "H95"},
        {"IX", "I00", "I99"},
        {"X", "J00", "J99"},
        {"XI", "K00", "K93"},
        {"XII", "L00", "L99"},
        {"XIII", "M00", "M99"},
        {"XIV", "N00", "N99"},
        {"XV", "O00", "O99"},
        {"XVI", "P00", "P96"},
        {"XVII", "Q00", "Q99"},
        {"XVIII", "R00", "R99"},
        {"XIX", "S00", "T98"},
        {"XXI", "Z00", "Z99"}
    };

    private final List<String> codes = new ArrayList<>(); // four-character codes, e.g. E11.9
    private final double[] cumulative; // Zipf-like popularity of the codes

    SyntheticMembers() {
        for (String[] chapter : CHAPTERS) {
            for (String three : threeCharacterCodes(chapter[1], chapter[2])) {
                for (int digit = 0; digit < 10; digit += 3) {
                    codes.add(three + "." + digit);
                }
            }
        }
        // a fixed shuffle so that popularity does not follow the alphabet
        SplittableRandom shuffle = new SplittableRandom(20250301L);
        for (int i = codes.size() - 1; i > 0; i--) {
            int j = shuffle.nextInt(i + 1);
            String swap = codes.get(i);
            codes.set(i, codes.get(j));
            codes.set(j, swap);
        }
        cumulative = new double[codes.size()];
        double sum = 0;
        for (int i = 0; i < codes.size(); i++) {
            sum += 1.0 / Math.pow(i + 1, 1.1);
            cumulative[i] = sum;
        }
        for (int i = 0; i < cumulative.length; i++) {
            cumulative[i] /= sum;
        }
    }

    static List<String> threeCharacterCodes(String from, String to) {
        List<String> result = new ArrayList<>();
        for (char letter = from.charAt(0); letter <= to.charAt(0); letter++) {
            int first = letter == from.charAt(0) ? Integer.parseInt(from.substring(1)) : 0;
            int last = letter == to.charAt(0) ? Integer.parseInt(to.substring(1)) : 99;
            for (int n = first; n <= last; n++) {
                result.add(letter + String.format("%02d", n));
            }
        }
        return result;
    }

    static List<ColumnSpec> columns(boolean diagnoses) {
        List<ColumnSpec> columns = new ArrayList<>(List.of(
                new ColumnSpec("member", ColumnType.STRING, Role.IDENTIFYING),
                new ColumnSpec("sex", ColumnType.STRING, Role.QUASI_IDENTIFYING),
                new ColumnSpec("birth", ColumnType.YEAR_MONTH, Role.QUASI_IDENTIFYING),
                new ColumnSpec("enrolled", ColumnType.YEAR_MONTH, Role.QUASI_IDENTIFYING),
                new ColumnSpec("withdrawn", ColumnType.YEAR_MONTH, Role.QUASI_IDENTIFYING),
                new ColumnSpec("relationship", ColumnType.STRING, Role.QUASI_IDENTIFYING),
                new ColumnSpec("prefecture", ColumnType.STRING, Role.QUASI_IDENTIFYING),
                new ColumnSpec("main-chapter", ColumnType.STRING, Role.SENSITIVE)));
        if (diagnoses) {
            columns.add(new ColumnSpec("diagnoses", ColumnType.STRING, Role.SET_VALUED));
        }
        return columns;
    }

    /** The table; without {@code diagnoses} the set-valued column is left out. */
    Table generate(int rows, long seed, boolean withDiagnoses) {
        SplittableRandom random = new SplittableRandom(seed);
        TableBuilder builder = Table.builder(columns(withDiagnoses));
        String[] row = new String[withDiagnoses ? 9 : 8];
        double[] prefecture = cumulativeOf(POPULATION);
        StringBuilder items = new StringBuilder();
        List<String> diagnoses = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            boolean insured = random.nextDouble() < 0.55;
            boolean male = random.nextDouble() < (insured ? 0.62 : 0.35);
            int age = insured
                    ? clamp((int) Math.round(44 + 12 * random.nextGaussian()), 18, 74)
                    : random.nextDouble() < 0.6
                            ? random.nextInt(23)
                            : clamp((int) Math.round(45 + 11 * random.nextGaussian()), 20, 74);
            YearMonth birth = AS_OF.minusYears(age).minusMonths(random.nextInt(12));
            int tenureMonths = (int)
                    Math.min(12L * (age - (insured ? 18 : 0)), Math.round(-Math.log(1 - random.nextDouble()) * 120));
            YearMonth enrolled = AS_OF.minusMonths(Math.max(0, tenureMonths));
            if (enrolled.isBefore(birth)) {
                enrolled = birth;
            }
            String withdrawn = "";
            if (random.nextDouble() < 0.12) {
                long span = Math.max(1, enrolled.until(AS_OF, java.time.temporal.ChronoUnit.MONTHS));
                withdrawn = enrolled.plusMonths(1 + random.nextLong(span)).toString();
            }
            int count = poisson(random, age < 15 || age > 60 ? 4.0 : 2.5);
            diagnoses.clear();
            for (int d = 0; d < count; d++) {
                String code = codes.get(pick(random, cumulative));
                if (!diagnoses.contains(code)) {
                    diagnoses.add(code);
                }
            }
            items.setLength(0);
            for (String code : diagnoses) {
                if (items.length() > 0) {
                    items.append('|');
                }
                items.append(code);
            }
            row[0] = "M" + (100_000_000 + i);
            row[1] = male ? "M" : "F";
            row[2] = birth.toString();
            row[3] = enrolled.toString();
            row[4] = withdrawn;
            row[5] = insured ? "本人" : "家族";
            row[6] = PREFECTURES[pick(random, prefecture)];
            row[7] = diagnoses.isEmpty() ? "none" : chapterOf(diagnoses.get(0));
            if (withDiagnoses) {
                row[8] = items.toString();
            }
            builder.row(row);
        }
        return builder.build();
    }

    /** The hierarchies: built from rules, as a society would configure them. */
    Map<String, Hierarchy> hierarchies(Table table) {
        Map<String, Hierarchy> result = new LinkedHashMap<>();
        List<String[]> sexes = List.of(new String[] {"M", "*"}, new String[] {"F", "*"});
        result.put("sex", Hierarchy.of("sex", sexes));
        DateRule dates = new DateRule(List.of(5, 10));
        for (String column : List.of("birth", "enrolled", "withdrawn")) {
            result.put(column, dates.build(column, ColumnType.YEAR_MONTH, distinct(table, column)));
        }
        result.put("relationship", Hierarchy.of("relationship", List.of(new String[] {"本人", "*"}, new String[] {
            "家族", "*"
        })));
        List<String[]> prefectures = new ArrayList<>();
        for (int p = 1; p <= 47; p++) {
            prefectures.add(new String[] {PREFECTURES[p - 1], REGION_OF[p - 1], "*"});
        }
        result.put("prefecture", Hierarchy.of("prefecture", prefectures));
        if (table.columnNames().contains("diagnoses")) {
            result.put(
                    "diagnoses",
                    diagnosisRule()
                            .build(
                                    "diagnoses",
                                    ColumnType.STRING,
                                    List.of(((SetColumn) table.column("diagnoses")).dictionary())));
        }
        return result;
    }

    /** ICD-10: code → three characters → block of ten (within its chapter) → chapter → *. */
    static HierarchyRule diagnosisRule() {
        List<CodeRule.Range> blocks = new ArrayList<>();
        List<CodeRule.Range> chapters = new ArrayList<>();
        for (String[] chapter : CHAPTERS) {
            chapters.add(new CodeRule.Range(chapter[1], chapter[2], chapter[0]));
            List<String> three = threeCharacterCodes(chapter[1], chapter[2]);
            int start = 0;
            for (int i = 1; i <= three.size(); i++) {
                if (i == three.size()
                        || three.get(i).charAt(0) != three.get(start).charAt(0)
                        || three.get(i).charAt(1) != three.get(start).charAt(1)) {
                    blocks.add(new CodeRule.Range(three.get(start), three.get(i - 1), null));
                    start = i;
                }
            }
        }
        return new CodeRule(List.of(
                new CodeRule.Prefix(3),
                new CodeRule.Ranges("ICD-10 blocks", blocks),
                new CodeRule.Ranges("ICD-10 chapters", chapters)));
    }

    private static String chapterOf(String code) {
        String three = code.substring(0, 3);
        for (String[] chapter : CHAPTERS) {
            if (three.compareTo(chapter[1]) >= 0 && three.compareTo(chapter[2]) <= 0) {
                return chapter[0];
            }
        }
        throw new IllegalStateException(code);
    }

    private static List<String> distinct(Table table, String column) {
        return List.of(((jp.kenpo.privacy.anonymizer.data.ValueColumn) table.column(column)).dictionary());
    }

    private static double[] cumulativeOf(int[] weights) {
        double[] cumulative = new double[weights.length];
        double sum = 0;
        for (int i = 0; i < weights.length; i++) {
            sum += weights[i];
            cumulative[i] = sum;
        }
        for (int i = 0; i < cumulative.length; i++) {
            cumulative[i] /= sum;
        }
        return cumulative;
    }

    private static int pick(SplittableRandom random, double[] cumulative) {
        int index = java.util.Arrays.binarySearch(cumulative, random.nextDouble());
        return Math.min(cumulative.length - 1, index >= 0 ? index : -index - 1);
    }

    private static int poisson(SplittableRandom random, double mean) {
        double limit = Math.exp(-mean);
        double product = random.nextDouble();
        int n = 0;
        while (product > limit) {
            product *= random.nextDouble();
            n++;
        }
        return n;
    }

    private static int clamp(int value, int min, int max) {
        return Math.max(min, Math.min(max, value));
    }
}
