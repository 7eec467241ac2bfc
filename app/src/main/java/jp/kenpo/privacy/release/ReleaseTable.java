package jp.kenpo.privacy.release;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The tables a release may hold and every column that may be in them, each with its processing
 * rule and the published item of 9.1 it belongs to (a keyword of the item's Japanese text). Nothing
 * outside this list can be written: names, kana, 保険者番号, 記号・番号・枝番, individual numbers,
 * addresses, exact dates, free text and facility names have no column here (PPC Rules Art. 34(1), (2), (4)).
 */
public enum ReleaseTable {
    PERSONS(
            "persons",
            List.of(
                    new Column("person", ColumnRule.PSEUDONYM, Item.ELIGIBILITY),
                    new Column("sex", ColumnRule.QUASI, Item.SEX),
                    new Column("birth_month", ColumnRule.QUASI, Item.BIRTH),
                    new Column("kind", ColumnRule.QUASI, Item.ELIGIBILITY),
                    new Column("enrolled", ColumnRule.QUASI, Item.ELIGIBILITY),
                    new Column("withdrawn", ColumnRule.QUASI, Item.ELIGIBILITY))),
    ELIGIBILITY_PERIODS(
            "eligibility_periods",
            List.of(
                    new Column("person", ColumnRule.PSEUDONYM, Item.ELIGIBILITY),
                    new Column("acquired", ColumnRule.MONTH, Item.ELIGIBILITY),
                    new Column("lost", ColumnRule.MONTH, Item.ELIGIBILITY))),
    RECEIPTS(
            "receipts",
            List.of(
                    new Column("receipt", ColumnRule.PSEUDONYM, Item.RECEIPTS),
                    new Column("person", ColumnRule.PSEUDONYM, Item.RECEIPTS),
                    new Column("kind", ColumnRule.AS_IS, Item.RECEIPTS),
                    new Column("receipt_type", ColumnRule.AS_IS, Item.RECEIPTS),
                    new Column("treatment_month", ColumnRule.MONTH, Item.RECEIPTS),
                    new Column("inpatient", ColumnRule.AS_IS, Item.RECEIPTS),
                    new Column("days", ColumnRule.AS_IS, Item.RECEIPTS),
                    new Column("points", ColumnRule.TOP_CODE, Item.RECEIPTS),
                    new Column("dpc_code", ColumnRule.RARE_CODE, Item.RECEIPTS),
                    new Column("facility", ColumnRule.PSEUDONYM, Item.RECEIPTS),
                    new Column("prefecture", ColumnRule.AS_IS, Item.RECEIPTS))),
    RECEIPT_DIAGNOSES(
            "receipt_diagnoses",
            List.of(
                    new Column("receipt", ColumnRule.PSEUDONYM, Item.RECEIPTS),
                    new Column("diagnosis", ColumnRule.RARE_CODE, Item.RECEIPTS),
                    new Column("main", ColumnRule.AS_IS, Item.RECEIPTS),
                    new Column("outcome", ColumnRule.AS_IS, Item.RECEIPTS))),
    RECEIPT_PROCEDURES(
            "receipt_procedures",
            List.of(
                    new Column("receipt", ColumnRule.PSEUDONYM, Item.RECEIPTS),
                    new Column("record_type", ColumnRule.AS_IS, Item.RECEIPTS),
                    new Column("code", ColumnRule.RARE_CODE, Item.RECEIPTS),
                    new Column("points", ColumnRule.TOP_CODE, Item.RECEIPTS),
                    new Column("times", ColumnRule.AS_IS, Item.RECEIPTS))),
    RECEIPT_DRUGS(
            "receipt_drugs",
            List.of(
                    new Column("receipt", ColumnRule.PSEUDONYM, Item.RECEIPTS),
                    new Column("code", ColumnRule.RARE_CODE, Item.RECEIPTS),
                    new Column("quantity", ColumnRule.AS_IS, Item.RECEIPTS),
                    new Column("points", ColumnRule.TOP_CODE, Item.RECEIPTS),
                    new Column("times", ColumnRule.AS_IS, Item.RECEIPTS))),
    CHECKUPS(
            "checkups",
            List.of(
                    new Column("checkup", ColumnRule.PSEUDONYM, Item.CHECKUPS),
                    new Column("person", ColumnRule.PSEUDONYM, Item.CHECKUPS),
                    new Column("checkup_month", ColumnRule.MONTH, Item.CHECKUPS),
                    new Column("program_type", ColumnRule.AS_IS, Item.CHECKUPS),
                    new Column("facility", ColumnRule.PSEUDONYM, Item.CHECKUPS))),
    CHECKUP_OBSERVATIONS(
            "checkup_observations",
            List.of(
                    new Column("checkup", ColumnRule.PSEUDONYM, Item.CHECKUPS),
                    new Column("code", ColumnRule.AS_IS, Item.CHECKUPS),
                    new Column("value", ColumnRule.TOP_CODE, Item.CHECKUPS),
                    new Column("unit", ColumnRule.AS_IS, Item.CHECKUPS),
                    new Column("answer", ColumnRule.AS_IS, Item.CHECKUPS)));

    /**
     * The published items of 9.1, each known by a word of its Japanese text: the catalog's text
     * may be reworded, but an item whose word is gone is no longer published.
     */
    public enum Item {
        SEX("性別"),
        BIRTH("生年月"),
        ELIGIBILITY("資格"),
        RECEIPTS("診療報酬明細書"),
        CHECKUPS("健診");

        private final String word;

        Item(String word) {
            this.word = word;
        }

        public String word() {
            return word;
        }

        /** Whether a published item's Japanese text is this item. */
        public boolean is(String publishedItem) {
            return publishedItem.contains(word);
        }
    }

    /** A column that may be released, its rule and its item. */
    public record Column(String name, ColumnRule rule, Item item) {

        /** Whether the values are year-months, or generalisations of them (dates coarsened: Rule 34(1)). */
        boolean holdsMonths() {
            return rule == ColumnRule.MONTH
                    || (rule == ColumnRule.QUASI
                            && (item == Item.BIRTH || name.equals("enrolled") || name.equals("withdrawn")));
        }
    }

    private final String fileName;
    private final Map<String, Column> columns = new LinkedHashMap<>();

    ReleaseTable(String fileName, List<Column> columns) {
        this.fileName = fileName;
        columns.forEach(c -> this.columns.put(c.name(), c));
    }

    /** The table's name in the spec and its file's name without {@code .csv}. */
    public String fileName() {
        return fileName;
    }

    public List<Column> columns() {
        return List.copyOf(columns.values());
    }

    public Optional<Column> column(String name) {
        return Optional.ofNullable(columns.get(name));
    }

    public static Optional<ReleaseTable> named(String name) {
        for (ReleaseTable t : values()) {
            if (t.fileName.equals(name)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
