package jp.kenpo.privacy.formats.receipt;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * How many fields (the record identifier counted) a record of a type has in each layout of the
 * 記録条件仕様: per receipt kind (医科, DPC, 歯科, 調剤) and edition (the 和暦 editions up to 令和2年,
 * which record dates as GYYMMDD, and the 令和 editions with Western dates). A layout is exact: the
 * record carries every field up to its last, empty ones included. A range is allowed only where a
 * later revision appended fields (CZ) or where formats/README.md says the count could not be
 * confirmed. A type with no count for a kind does not belong to receipts of that kind.
 */
final class FieldCounts {

    /**
     * An allowed count, {@code min} to {@code max} inclusive, or {@code also} (an edition that
     * appended fields to a record whose older layout is still sent; -1 for none).
     */
    record Range(int min, int max, int also) {

        Range(int min, int max) {
            this(min, max, -1);
        }

        static Range exactly(int n) {
            return new Range(n, n);
        }

        /** Exactly {@code older} or exactly {@code newer}, nothing between (a count between is another layout). */
        static Range either(int older, int newer) {
            return new Range(older, older, newer);
        }

        boolean allows(int count) {
            return count >= min && count <= max || count == also;
        }

        @Override
        public String toString() {
            String range = min == max ? Integer.toString(min) : min + "–" + max;
            return also < 0 ? range : range + " or " + also;
        }
    }

    /** The kinds of layout a receipt follows: 医科 splits into the 出来高 layout and the DPC layout. */
    enum Kind {
        MEDICAL("医科"),
        DPC("DPC"),
        DENTAL("歯科"),
        PHARMACY("調剤");

        final String japanese;

        Kind(String japanese) {
            this.japanese = japanese;
        }

        static Kind of(ReceiptKind kind, boolean dpc) {
            return switch (kind) {
                case MEDICAL -> dpc ? DPC : MEDICAL;
                case DENTAL -> DENTAL;
                case PHARMACY -> PHARMACY;
            };
        }
    }

    private FieldCounts() {}

    /**
     * RE of the 出来高 and the DPC layout: 医科 35 or 38 / 38, DPC 37 or 40 / 40 (和暦 / 令和: the 和暦
     * editions from 平成30年4月 on appended カタカナ氏名 and 患者の状態); 歯科 27; 調剤 42.
     */
    static Range receipt(Kind kind, boolean eraDates) {
        return of(RecordType.RE, kind, eraDates);
    }

    private static Range receiptLayout(Kind kind, boolean eraDates) {
        return switch (kind) {
            case MEDICAL -> eraDates ? Range.either(35, 38) : Range.exactly(38);
            case DPC -> eraDates ? Range.either(37, 40) : Range.exactly(40);
            case DENTAL -> Range.exactly(27);
            case PHARMACY -> Range.exactly(42);
        };
    }

    /** The count of a child record (or facility header) of {@code kind}; null when the type does not belong to it. */
    static Range of(RecordType type, Kind kind, boolean eraDates) {
        return TABLE.get(index(type, kind, eraDates));
    }

    private static int index(RecordType type, Kind kind, boolean eraDates) {
        return (kind.ordinal() * 2 + (eraDates ? 1 : 0)) * TYPES + type.ordinal();
    }

    private static final int TYPES = RecordType.values().length;

    /** Every count made once (the reader asks for one per line); null where a type does not belong. */
    private static final List<Range> TABLE = table();

    private static List<Range> table() {
        Range[] t = new Range[Kind.values().length * 2 * TYPES];
        for (Kind k : Kind.values()) {
            for (RecordType type : RecordType.values()) {
                t[index(type, k, false)] = layout(type, k, false);
                t[index(type, k, true)] = layout(type, k, true);
            }
        }
        return Collections.unmodifiableList(Arrays.asList(t));
    }

    private static Range layout(RecordType type, Kind kind, boolean eraDates) {
        boolean dpc = kind == Kind.DPC;
        boolean medical = kind == Kind.MEDICAL || dpc;
        boolean pharmacy = kind == Kind.PHARMACY;
        boolean dental = kind == Kind.DENTAL;
        return switch (type) {
            case RE -> receiptLayout(kind, eraDates);
            // 届出 after the telephone number is listed by one source only (README); the 歯科 IR has no name (9)
            case IR -> pharmacy ? null : dental ? Range.exactly(9) : new Range(10, 11);
            // the 歯科 file's own facility header, before its IR
            case UK -> dental ? Range.exactly(10) : null;
            case YK -> pharmacy ? Range.exactly(9) : null;
            case GO -> Range.exactly(4);
            // 歯科 HO has no 予備 before the 食事療養 fields, 歯科 KO none after its 負担金額 fields
            case HO -> Range.exactly(pharmacy || dental ? 14 : dpc ? 16 : 15);
            case KO -> Range.exactly(pharmacy || dental ? 10 : dpc ? 13 : 12);
            case SN -> Range.exactly(9);
            case JD, MF -> Range.exactly(33);
            case KH -> medical ? Range.exactly(2) : null;
            case SY -> medical ? Range.exactly(8) : null;
            case HS, SS -> dental ? Range.exactly(type == RecordType.HS ? 13 : 109) : null;
            // 歯科 SI, IY and TO carry no comment fields; 歯科 CO ends with 歯式 and 予備 fields. 歯科 KO, SI,
            // IY and CO: the 和暦 jiki_s01 list and the 令和8年6月版 list agree (formats/README.md, (b) and (f))
            case SI -> pharmacy ? null : Range.exactly(dental ? 38 : 44);
            case IY -> Range.exactly(pharmacy ? 10 : dental ? 39 : 44);
            case TO -> Range.exactly(pharmacy ? 7 : dental ? 45 : 48);
            case CO -> Range.exactly(pharmacy ? 3 : dental ? 11 : 5);
            case SJ -> pharmacy ? null : Range.exactly(3);
            case NI -> medical ? new Range(2, 40) : null;
            case BU -> dpc ? Range.exactly(6) : null;
            case SB -> dpc ? Range.exactly(8) : null;
            case KK -> dpc ? Range.exactly(14) : null;
            case SK, GA -> dpc ? Range.exactly(7) : null;
            case HH -> dpc ? Range.exactly(9) : null;
            case GT -> dpc ? Range.exactly(12) : null;
            case CD -> dpc ? Range.exactly(11) : null;
            case SH -> pharmacy ? Range.exactly(10) : null;
            // 54 fields up to 他医療機関受診; the 2022 revisions appended 外来服薬支援料2, 調剤管理料 and 薬剤料減算 (71)
            case CZ -> pharmacy ? new Range(54, 71) : null;
            case KI -> pharmacy ? Range.exactly(114) : null;
            case TK -> pharmacy ? Range.exactly(3) : null;
            case ST -> pharmacy ? Range.exactly(16) : null;
            case TI, TR, TS -> medical ? new Range(2, 20) : null;
            // the review-and-payment organisation's records: layouts not confirmed (README)
            case MN -> new Range(2, 12);
            case RC -> new Range(2, 20);
            case JY, EX -> new Range(2, 40);
        };
    }

    private static final Map<RecordType, Range> WIDEST = widest();

    private static Map<RecordType, Range> widest() {
        EnumMap<RecordType, Range> m = new EnumMap<>(RecordType.class);
        for (RecordType t : RecordType.values()) {
            int min = Integer.MAX_VALUE;
            int max = 0;
            for (Kind k : Kind.values()) {
                for (boolean era : new boolean[] {true, false}) {
                    Range r = of(t, k, era);
                    if (r != null) {
                        min = Math.min(min, r.min);
                        max = Math.max(max, Math.max(r.max, r.also));
                    }
                }
            }
            m.put(t, new Range(min, max));
        }
        return Collections.unmodifiableMap(m);
    }

    /** The counts of every layout of the type: what a record must have before its receipt is known. */
    static Range widest(RecordType type) {
        return WIDEST.get(type);
    }
}
