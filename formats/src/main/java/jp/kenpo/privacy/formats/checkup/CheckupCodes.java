package jp.kenpo.privacy.formats.checkup;

/**
 * OIDs and item codes of the 特定健診 electronic standard format (特定健診情報ファイル仕様説明書,
 * 厚生労働省) that this module reads and the generator writes. The item codes are the national
 * 特定健診項目コード (JLAC10-based, 17 characters); which ones are confirmed against a source and
 * which are not is listed in formats/README.md.
 */
public final class CheckupCodes {

    private CheckupCodes() {}

    public static final String HL7_NAMESPACE = "urn:hl7-org:v3";
    public static final String XSI_NAMESPACE = "http://www.w3.org/2001/XMLSchema-instance";
    /**
     * Namespace of the exchange archive's own documents, 交換用基本情報 (ix08) and 集計情報 (su08), in
     * the V08 schemas of the specifications Version 4 (2023); the person documents stay HL7 CDA.
     */
    public static final String EXCHANGE_NAMESPACE = "https://www.mhlw.go.jp/stf/seisakunitsuite/bunya/0000161103.html";
    /** 種別コード (別表1) 6: 特定健診機関又は特定保健指導機関から保険者. */
    public static final String INTERACTION_FACILITY_TO_INSURER = "6";
    /** 実施区分コード (別表3) 1: 特定健診情報. */
    public static final String SERVICE_EVENT_CHECKUP = "1";

    /** 特定健診項目コード. */
    public static final String ITEM_CODE_SYSTEM = "1.2.392.200119.6.1005";
    /** 保険者番号. */
    public static final String INSURER_NUMBER = "1.2.392.200119.6.101";
    /** 健診機関番号. */
    public static final String FACILITY_NUMBER = "1.2.392.200119.6.102";
    /** 被保険者証等の記号. */
    public static final String SYMBOL = "1.2.392.200119.6.204";
    /** 被保険者証等の番号. */
    public static final String NUMBER = "1.2.392.200119.6.205";
    /** 被保険者証等の枝番. */
    public static final String BRANCH = "1.2.392.200119.6.211";
    /** 報告区分. */
    public static final String REPORT_CATEGORY = "1.2.392.200119.6.1001";
    /** 健診プログラム種別. */
    public static final String PROGRAM_TYPE = "1.2.392.200119.6.1002";
    /** 男女区分. */
    public static final String SEX = "1.2.392.200119.6.1104";
    /** セクションコード. */
    public static final String SECTION = "1.2.392.200119.6.1010";
    /** 問診結果コード: 1 はい, 2 いいえ. */
    public static final String ANSWER_YES_NO = "1.2.392.200119.6.2003";
    /** 健診定性検査結果コード: 1 −, 2 ±, 3 1+, 4 2+, 5 3+. */
    public static final String QUALITATIVE_RESULT = "1.2.392.200119.6.2102";

    public static final String HEIGHT = "9N001000000000001";
    public static final String WEIGHT = "9N006000000000001";
    public static final String BMI = "9N011000000000001";
    /** 腹囲 (実測). */
    public static final String WAIST = "9N016160100000001";
    /** 収縮期血圧 (1回目). */
    public static final String SYSTOLIC = "9A751000000000001";
    /** 拡張期血圧 (1回目). */
    public static final String DIASTOLIC = "9A761000000000001";
    /** 中性脂肪 (可視吸光光度法). */
    public static final String TRIGLYCERIDES = "3F015000002327101";
    /** HDLコレステロール (可視吸光光度法). */
    public static final String HDL = "3F070000002327101";
    /** LDLコレステロール (可視吸光光度法). */
    public static final String LDL = "3F077000002327101";
    /** GOT (AST) (紫外吸光光度法). */
    public static final String AST = "3B035000002327201";
    /** GPT (ALT) (紫外吸光光度法). */
    public static final String ALT = "3B045000002327201";
    /** γ-GT (可視吸光光度法). */
    public static final String GAMMA_GT = "3B090000002327101";
    /** 空腹時血糖 (電位差法). */
    public static final String FASTING_GLUCOSE = "3D010000001926101";
    /** 随時血糖 (電位差法). */
    public static final String CASUAL_GLUCOSE = "3D010129901926101";
    /** HbA1c (NGSP値, 免疫学的方法). */
    public static final String HBA1C = "3D046000001906202";
    /** 尿糖 (試験紙法 機械読み取り). */
    public static final String URINE_SUGAR = "1A020000000191111";
    /** 尿蛋白 (試験紙法 機械読み取り). */
    public static final String URINE_PROTEIN = "1A010000000191111";
    /** 服薬1 (血圧). */
    public static final String MEDICATION_BLOOD_PRESSURE = "9N701000000000011";
    /** 服薬2 (血糖). */
    public static final String MEDICATION_GLUCOSE = "9N706000000000011";
    /** 服薬3 (脂質). */
    public static final String MEDICATION_LIPIDS = "9N711000000000011";
    /** 喫煙. */
    public static final String SMOKING = "9N736000000000011";
}
