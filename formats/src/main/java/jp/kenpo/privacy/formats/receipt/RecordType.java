package jp.kenpo.privacy.formats.receipt;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The record types of the receipt electronic format (レコード識別情報) this reader knows, with
 * the names of the fields it reads. Field names follow the 記録条件仕様; positions are those of
 * the 令和 layouts (see formats/README.md for the sources and what could not be confirmed). How many
 * fields a record has in each layout is {@link FieldCounts}'.
 */
public enum RecordType {
    IR(
            "医療機関情報レコード",
            Role.FACILITY,
            "審査支払機関",
            "都道府県",
            "点数表",
            "医療機関コード",
            "予備",
            "医療機関名称",
            "請求年月",
            "マルチボリューム識別情報",
            "電話番号",
            "届出"),
    /** The 歯科 file's facility header (name and 請求年月); the 9-field 歯科 IR after it carries the telephone number. */
    UK(
            "医療機関情報レコード（歯科）",
            Role.FACILITY,
            "審査支払機関",
            "都道府県",
            "点数表",
            "医療機関コード",
            "予備",
            "医療機関名称",
            "請求年月",
            "届出",
            "マルチボリューム識別情報"),
    YK("薬局情報レコード", Role.FACILITY, "審査支払機関", "都道府県", "点数表", "薬局コード", "薬局名称", "請求年月", "マルチボリューム識別情報", "電話番号", "届出"),
    GO("診療報酬請求書レコード", Role.END, "総件数", "総合計点数", "マルチボリューム識別情報"),
    RE("レセプト共通レコード", Role.RECEIPT, "レセプト番号", "レセプト種別", "診療年月", "氏名", "男女区分", "生年月日", "給付割合", "入院年月日"),
    MN("レセプト管理レコード", Role.MANAGEMENT, "レセプト管理番号"),
    HO(
            "保険者レコード",
            Role.CHILD,
            "保険者番号",
            "被保険者証等の記号",
            "被保険者証等の番号",
            "診療実日数",
            "合計点数",
            "予備",
            "食事療養・生活療養 回数",
            "食事療養・生活療養 合計金額",
            "職務上の事由",
            "証明書番号",
            "負担金額 医療保険"),
    KO("公費レコード", Role.CHILD, "公費負担者番号", "公費受給者番号", "任意給付区分", "診療実日数", "合計点数", "負担金額 公費"),
    SN("資格確認レコード", Role.CHILD, "負担者種別", "確認区分", "保険者番号等（資格確認）", "記号（資格確認）", "番号（資格確認）", "枝番", "受給者番号"),
    SY("傷病名レコード", Role.CHILD, "傷病名コード", "診療開始日", "転帰区分", "修飾語コード", "傷病名称", "主傷病", "補足コメント"),
    HS(
            "傷病名部位レコード",
            Role.CHILD,
            "診療開始日",
            "転帰区分",
            "歯式コード",
            "傷病名コード",
            "修飾語コード",
            "傷病名称",
            "併存傷病名数",
            "病態移行",
            "主傷病",
            "コメントコード",
            "補足コメント"),
    SI(
            "診療行為レコード",
            Role.CHILD,
            "診療識別",
            "負担区分",
            "診療行為コード",
            "数量データ",
            "点数",
            "回数",
            "コメントコード1",
            "文字データ1",
            "コメントコード2",
            "文字データ2",
            "コメントコード3",
            "文字データ3"),
    SS("歯科診療行為レコード", Role.CHILD, "診療識別", "負担区分", "診療行為コード", "数量データ1", "数量データ2"),
    IY(
            "医薬品レコード",
            Role.CHILD,
            "診療識別",
            "負担区分",
            "医薬品コード",
            "使用量",
            "点数",
            "回数",
            "コメントコード1",
            "文字データ1",
            "コメントコード2",
            "文字データ2",
            "コメントコード3",
            "文字データ3"),
    TO(
            "特定器材レコード",
            Role.CHILD,
            "診療識別",
            "負担区分",
            "特定器材コード",
            "使用量",
            "点数",
            "回数",
            "単位コード",
            "単価",
            "予備",
            "商品名及び規格又はサイズ",
            "コメントコード1",
            "文字データ1",
            "コメントコード2",
            "文字データ2",
            "コメントコード3",
            "文字データ3"),
    CO("コメントレコード", Role.CHILD, "診療識別", "負担区分", "コメントコード", "文字データ"),
    SJ("症状詳記レコード", Role.CHILD, "症状詳記区分", "症状詳記データ"),
    JD("受診日等レコード", Role.CHILD),
    MF("窓口負担額レコード", Role.CHILD),
    KH("国保連固有情報レコード", Role.CHILD),
    NI("日計表レコード", Role.CHILD),
    // DPC (記録条件仕様 DPC用)
    BU("診断群分類レコード", Role.CHILD, "診断群分類番号", "今回入院年月日", "今回退院年月日", "DPC転帰区分", "死因"),
    SB("傷病レコード", Role.CHILD, "傷病名コード", "修飾語コード", "傷病名称", "ICD10コード", "傷病名区分", "死因", "補足コメント"),
    KK("患者基礎レコード", Role.CHILD),
    SK("診療関連レコード", Role.CHILD),
    GA("外泊レコード", Role.CHILD),
    HH("包括評価レコード", Role.CHILD),
    GT("合計調整レコード", Role.CHILD),
    CD("コーディングデータレコード", Role.CHILD),
    // 調剤 (記録条件仕様 調剤用)
    SH(
            "処方基本レコード",
            Role.CHILD,
            "処方No",
            "剤形コード",
            "用法コード",
            "特別指示",
            "単位薬剤料",
            "単位薬剤料 第一公費",
            "単位薬剤料 第二公費",
            "単位薬剤料 第三公費",
            "単位薬剤料 第四公費"),
    CZ("調剤レコード", Role.CHILD, czFieldNames()),
    KI("基本料・薬学管理料レコード", Role.CHILD),
    TK("摘要欄レコード", Role.CHILD),
    ST("分割技術料レコード", Role.CHILD),
    // 臓器提供者レセプト, kept with the receipt they follow
    TI("臓器提供医療機関情報レコード", Role.CHILD),
    TR("臓器提供者レセプト情報レコード", Role.CHILD),
    TS("臓器提供者請求情報レコード", Role.CHILD),
    // added by the review-and-payment organisation
    RC("レコード管理情報レコード", Role.CHILD),
    JY("事由レコード", Role.CHILD),
    EX("審査運用レコード", Role.CHILD);

    /** Where a record stands in the file structure. */
    public enum Role {
        /** opens a facility's data (IR, YK) */
        FACILITY,
        /** closes a facility's data (GO) */
        END,
        /** opens a receipt (RE) */
        RECEIPT,
        /** per-receipt management data; belongs to the RE right after it, else to the open receipt */
        MANAGEMENT,
        /** belongs to the open receipt */
        CHILD
    }

    private static final Map<String, RecordType> BY_CODE = byCode();

    private static Map<String, RecordType> byCode() {
        Map<String, RecordType> m = new HashMap<>();
        for (RecordType t : values()) {
            m.put(t.name(), t);
        }
        return Map.copyOf(m);
    }

    private final String japanese;
    private final Role role;
    private final String[] fieldNames;

    RecordType(String japanese, Role role, String... fieldNames) {
        this.japanese = japanese;
        this.role = role;
        this.fieldNames = fieldNames;
    }

    public String japanese() {
        return japanese;
    }

    public Role role() {
        return role;
    }

    /** CZ's 70 fields: the 調剤料 group, 10 加算料 groups, 分割調剤, then the groups the 2022 revisions appended. */
    private static String[] czFieldNames() {
        List<String> n = new ArrayList<>(List.of(
                "医師番号",
                "処方月日",
                "調剤月日",
                "処方箋受付回",
                "調剤数量",
                "負担区分 調剤料",
                "算定区分 調剤料",
                "算定先No 調剤料",
                "コード 調剤料",
                "点数 調剤料",
                "分割区分",
                "前回までの数量",
                "点数 薬剤料",
                "予備"));
        for (int k = 1; k <= 10; k++) {
            n.addAll(List.of("負担区分 加算料" + k, "コード 加算料" + k, "点数 加算料" + k));
        }
        n.addAll(List.of(
                "一包化日数",
                "分割調剤種類",
                "前回までの一包化日数",
                "コード 医師の指示による分割調剤",
                "分割区分 医師の指示による分割調剤",
                "分割対象調剤数量",
                "分割対象一包化日数",
                "包括管理料等",
                "他医療機関受診に係る処方箋受付",
                "負担区分 外来服薬支援料2",
                "コード 外来服薬支援料2",
                "点数 外来服薬支援料2",
                "負担区分 調剤管理料",
                "算定区分 調剤管理料",
                "算定先No 調剤管理料",
                "コード 調剤管理料",
                "点数 調剤管理料",
                "負担区分 時間外等加算",
                "コード 時間外等加算",
                "点数 時間外等加算",
                "薬剤料減算区分",
                "薬剤料減算 合計",
                "薬剤料減算 第一公費",
                "薬剤料減算 第二公費",
                "薬剤料減算 第三公費",
                "薬剤料減算 第四公費"));
        return n.toArray(String[]::new);
    }

    /** Name of field {@code index} (1 = the first field after the identifier). */
    public String fieldName(int index) {
        int days = dayOffset();
        if (days > 0 && index >= days && index < days + 31) {
            return (index - days + 1) + "日の情報";
        }
        if (this == SS && index == 76) {
            return "点数";
        }
        if (this == SS && index == 77) {
            return "回数";
        }
        return index >= 1 && index <= fieldNames.length ? fieldNames[index - 1] : "項目" + index;
    }

    /** Index of the first of the 31 算定日情報 fields, or -1 for a type without them. */
    public int dayOffset() {
        return switch (this) {
            case SI, IY -> 13;
            case TO -> 17;
            case SS -> 78;
            default -> -1;
        };
    }

    /** The type of a two-letter identifier, or {@code null} when it is not one this reader knows. */
    public static RecordType of(String code) {
        return BY_CODE.get(code);
    }
}
