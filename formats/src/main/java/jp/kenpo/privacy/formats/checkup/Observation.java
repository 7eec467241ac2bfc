package jp.kenpo.privacy.formats.checkup;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One result of a checkup document: an {@code observation} with its item code (特定健診項目コード,
 * JLAC10-based 17 characters, code system {@value CheckupCodes#ITEM_CODE_SYSTEM}) and its value, as
 * recorded. Names are not kept: the code is the meaning.
 *
 * @param code            項目コード
 * @param codeSystem      OID of the item code system
 * @param valueType       {@code xsi:type} of the value: PQ (quantity), CD / CO (coded), ST (text);
 *                        empty when the observation has no value element
 * @param value           PQ: the number as written; CD/CO: the code; ST: the text; empty for a null value
 * @param unit            PQ unit (UCUM-like, as written); empty otherwise
 * @param valueCodeSystem CD/CO: OID of the answer code system; empty otherwise
 * @param nullFlavor      the value's (or the code's) nullFlavor, e.g. {@code NI} or {@code UNK}; empty when none
 */
public record Observation(
        String code,
        String codeSystem,
        String valueType,
        String value,
        String unit,
        String valueCodeSystem,
        String nullFlavor) {

    public Observation {
        Objects.requireNonNull(code, "code");
        codeSystem = codeSystem == null ? "" : codeSystem;
        valueType = valueType == null ? "" : valueType;
        value = value == null ? "" : value;
        unit = unit == null ? "" : unit;
        valueCodeSystem = valueCodeSystem == null ? "" : valueCodeSystem;
        nullFlavor = nullFlavor == null ? "" : nullFlavor;
    }

    public static Observation quantity(String code, String value, String unit) {
        return new Observation(code, CheckupCodes.ITEM_CODE_SYSTEM, "PQ", value, unit, "", "");
    }

    public static Observation coded(String code, String answer, String answerSystem) {
        return new Observation(code, CheckupCodes.ITEM_CODE_SYSTEM, "CO", answer, "", answerSystem, "");
    }

    public static Observation text(String code, String text) {
        return new Observation(code, CheckupCodes.ITEM_CODE_SYSTEM, "ST", text, "", "", "");
    }

    /** The numeric value of a PQ observation, {@code null} for any other. */
    public BigDecimal number() {
        return "PQ".equals(valueType) && !value.isEmpty() ? new BigDecimal(value) : null;
    }
}
