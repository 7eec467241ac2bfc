package jp.kenpo.privacy.formats.receipt;

import java.util.Objects;

/**
 * One fee group of a 調剤レコード (CZ): 負担区分, コード and 点数, and for the 調剤料 and the
 * 調剤管理料 also the 算定区分 and 算定先No that say under which RP it is counted.
 *
 * @param burden      負担区分
 * @param calculation 算定区分 (1 digit; empty for groups without one)
 * @param target      算定先No (2 digits; empty for groups without one)
 * @param code        調剤行為コード (9 digits)
 * @param points      点数 ({@code null} when not recorded)
 */
public record DispensingFee(String burden, String calculation, String target, String code, Integer points) {

    public DispensingFee {
        burden = burden == null ? "" : burden;
        calculation = calculation == null ? "" : calculation;
        target = target == null ? "" : target;
        Objects.requireNonNull(code, "code");
    }
}
