package jp.kenpo.privacy.formats.receipt;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * 調剤レコード (CZ) of a pharmacy receipt: one dispensing of the RP (SH) it follows.
 *
 * @param seq                      position among the receipt's child records (0-based)
 * @param doctorNumber             医師番号 (up to 2 digits; empty when not recorded)
 * @param prescribedOn             処方月日 (the day the prescription was issued)
 * @param dispensedOn              調剤月日
 * @param reception                処方箋受付回 (which reception of the month)
 * @param quantity                 調剤数量 (days for 内服, times for 頓服, …)
 * @param preparationFee           調剤料 (薬剤調製料) group, {@code null} when not recorded
 * @param splitCategory            分割区分 (分割調剤; empty when none)
 * @param previousQuantity         前回までの数量 (分割調剤; {@code null} when none)
 * @param drugPoints               点数 (薬剤料) ({@code null} when not recorded)
 * @param additions                加算料 groups in recorded order (at most 10)
 * @param packagingDays            一包化日数 ({@code null} when none)
 * @param splitKind                分割調剤種類 (empty when none)
 * @param previousPackagingDays    前回までの一包化日数 ({@code null} when none)
 * @param doctorSplitCode          医師の指示による分割調剤: コード (empty when none)
 * @param doctorSplitCategory      医師の指示による分割調剤: 分割区分 (empty when none)
 * @param doctorSplitQuantity      医師の指示による分割調剤: 分割対象調剤数量 ({@code null} when none)
 * @param doctorSplitPackagingDays 医師の指示による分割調剤: 分割対象一包化日数 ({@code null} when none)
 * @param inclusiveManagement      包括管理料等 (empty when none)
 * @param otherFacilityReception   他医療機関受診に係る処方箋受付 (empty when none)
 * @param outpatientSupport        外来服薬支援料2 group ({@code null} when none; 令和 layouts from 2022)
 * @param managementFee            調剤管理料 group ({@code null} when none; 令和 layouts from 2022)
 * @param managementOvertime       調剤管理料の時間外等加算 group ({@code null} when none)
 * @param drugReduction            薬剤料減算区分 (empty when none)
 * @param drugReductionPoints      薬剤料減算点数: 合計 and 第一 to 第四公費, five entries, {@code null} where not recorded
 */
public record Dispensing(
        int seq,
        String doctorNumber,
        LocalDate prescribedOn,
        LocalDate dispensedOn,
        int reception,
        int quantity,
        DispensingFee preparationFee,
        String splitCategory,
        Integer previousQuantity,
        Integer drugPoints,
        List<DispensingFee> additions,
        Integer packagingDays,
        String splitKind,
        Integer previousPackagingDays,
        String doctorSplitCode,
        String doctorSplitCategory,
        Integer doctorSplitQuantity,
        Integer doctorSplitPackagingDays,
        String inclusiveManagement,
        String otherFacilityReception,
        DispensingFee outpatientSupport,
        DispensingFee managementFee,
        DispensingFee managementOvertime,
        String drugReduction,
        List<Integer> drugReductionPoints)
        implements ChildRecord {

    public static final int MAX_ADDITIONS = 10;
    public static final int REDUCTION_POINTS = 5;

    public Dispensing {
        doctorNumber = doctorNumber == null ? "" : doctorNumber;
        Objects.requireNonNull(prescribedOn, "prescribedOn");
        Objects.requireNonNull(dispensedOn, "dispensedOn");
        splitCategory = splitCategory == null ? "" : splitCategory;
        additions = List.copyOf(additions);
        if (additions.size() > MAX_ADDITIONS) {
            throw new IllegalArgumentException("at most " + MAX_ADDITIONS + " 加算料, got " + additions.size());
        }
        splitKind = splitKind == null ? "" : splitKind;
        doctorSplitCode = doctorSplitCode == null ? "" : doctorSplitCode;
        doctorSplitCategory = doctorSplitCategory == null ? "" : doctorSplitCategory;
        inclusiveManagement = inclusiveManagement == null ? "" : inclusiveManagement;
        otherFacilityReception = otherFacilityReception == null ? "" : otherFacilityReception;
        drugReduction = drugReduction == null ? "" : drugReduction;
        if (drugReductionPoints.size() != REDUCTION_POINTS) {
            throw new IllegalArgumentException("five 薬剤料減算 points, got " + drugReductionPoints.size());
        }
        // entries may be null (not recorded), which List.copyOf refuses
        drugReductionPoints = Collections.unmodifiableList(new ArrayList<>(drugReductionPoints));
    }

    /** A dispensing with the fields the older (54-field) layout has, the later ones not recorded. */
    public static Dispensing of(
            int seq,
            String doctorNumber,
            LocalDate prescribedOn,
            LocalDate dispensedOn,
            int reception,
            int quantity,
            DispensingFee preparationFee,
            Integer drugPoints,
            List<DispensingFee> additions) {
        return new Dispensing(
                seq,
                doctorNumber,
                prescribedOn,
                dispensedOn,
                reception,
                quantity,
                preparationFee,
                "",
                null,
                drugPoints,
                additions,
                null,
                "",
                null,
                "",
                "",
                null,
                null,
                "",
                "",
                null,
                null,
                null,
                "",
                Arrays.asList(new Integer[REDUCTION_POINTS]));
    }

    @Override
    public String recordType() {
        return "CZ";
    }
}
