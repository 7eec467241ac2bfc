package jp.kenpo.privacy.requests;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * What an answer tells the person, as {@code data.json} holds it and {@code report.html} shows it.
 * Each section is present when the answer discloses it; a withheld or unavailable one says why in
 * {@link #notes()}. Nothing internal (registry ids, hashes) and never an individual number.
 */
record Answer(
        RequestPart request,
        Optional<Registry> registry,
        Optional<List<Period>> eligibility,
        Optional<List<Correction>> corrections,
        Optional<List<PurposeLine>> purposes,
        Optional<List<ConsentLine>> consentHistory,
        Optional<HealthData> healthData,
        Optional<String> individualNumber,
        Optional<List<ProvisionLine>> provisionRecords,
        Optional<String> statement,
        List<String> notes) {

    record RequestPart(
            long id,
            String kind,
            String kindJa,
            String article,
            String member,
            LocalDate receivedOn,
            String filedBy,
            String channel,
            Optional<String> delivery,
            int feeYen,
            String outcome,
            String outcomeJa,
            Optional<String> ground,
            Optional<String> groundArticle,
            Optional<String> reason,
            Optional<String> purpose,
            LocalDate answeredOn) {}

    record Registry(
            String insurerNumber,
            String memberKey,
            String kind,
            Optional<String> insuredPerson,
            String nameKanji,
            String nameKana,
            String sex,
            LocalDate birthDate) {}

    record Period(LocalDate acquiredOn, Optional<LocalDate> lostOn) {}

    record Correction(String correctedAt, String reason, List<String> fields) {}

    record PurposeLine(String code, String text, String policy, Optional<String> statute, Optional<String> state) {}

    record ConsentLine(
            int number,
            String action,
            String target,
            LocalDate receivedOn,
            String channel,
            String filedBy,
            String recordedAt) {}

    /** The monthly summary, and each receipt when the member asked for the detail (else empty). */
    record HealthData(List<ReceiptMonth> receipts, List<Checkup> checkups, List<ReceiptDetail> receiptDetail) {}

    record ReceiptDetail(
            String month,
            String kind,
            Optional<String> facility,
            boolean inpatient,
            Optional<Integer> days,
            Optional<Integer> points,
            List<String> diagnoses) {}

    record ReceiptMonth(String month, String kind, int receipts, int inpatient, long days, long points) {}

    record Checkup(LocalDate date, Optional<String> facility, int observations) {}

    /** One record of Art. 29/30 (or an exempt one, logged all the same) about the member. */
    record ProvisionLine(
            LocalDate on,
            String direction,
            String record,
            String counterparty,
            String purpose,
            List<String> items,
            Optional<String> exemption) {}
}
