package jp.kenpo.privacy.provision;

import java.time.Clock;
import java.time.LocalDate;
import jp.kenpo.privacy.audit.AuditAction;
import jp.kenpo.privacy.audit.AuditEvent;
import jp.kenpo.privacy.audit.AuditTrail;
import jp.kenpo.privacy.shared.BadRequestException;
import jp.kenpo.privacy.shared.SocietyTime;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Deletes provision, confirmation and exchange records whose retention ended before a day (PPC Rules
 * Art. 21, 26; My Number Act Art. 23(1) and its Order for the info-linkage's): only those, audited with
 * the counts. The database refuses to delete a record still within its retention whoever asks (V17_1, V23_1).
 */
@Service
public class RecordsPurge {

    /** How many of each were deleted. */
    public record Purged(
            LocalDate before,
            int provisionRecords,
            int runs,
            int confirmationRecords,
            int acquisitions,
            int onlineEligibility,
            int exchangeRecords,
            int exchanges) {
        public int total() {
            return provisionRecords
                    + runs
                    + confirmationRecords
                    + acquisitions
                    + onlineEligibility
                    + exchangeRecords
                    + exchanges;
        }
    }

    private final JdbcTemplate jdbc;
    private final AuditTrail audit;
    private final Clock clock;

    RecordsPurge(JdbcTemplate jdbc, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * @param before records whose retention ended before this day go; it may not be after today, so
     *               that no record still within its retention is asked for
     */
    @Transactional
    public Purged purge(LocalDate before) {
        LocalDate today = SocietyTime.dateOf(clock.instant());
        if (before == null || before.isAfter(today)) {
            throw new BadRequestException(
                    "before", "name a day not after today (" + today + "): records are kept until their retention end");
        }
        int records = jdbc.update("delete from provision_record where retention_until < ?", before);
        int runs = jdbc.update("""
                delete from provision_run where retention_until < ?
                   and not exists (select 1 from provision_record r where r.run_id = provision_run.id)""", before);
        int confirmations = jdbc.update("delete from acquisition_member where retention_until < ?", before);
        int acquisitions = jdbc.update("""
                delete from acquisition where retention_until < ?
                   and not exists (select 1 from acquisition_member m where m.acquisition_id = acquisition.id)""", before);
        int online = jdbc.update("delete from online_eligibility_exchange where retention_until < ?", before);
        // 情報提供等の記録: 7 years (My Number Act Art. 23(1) and its Order), in each row's retention_until
        int exchangeRecords = jdbc.update("delete from my_number_exchange_member where retention_until < ?", before);
        int exchanges = jdbc.update("""
                delete from my_number_exchange where retention_until < ?
                   and not exists (select 1 from my_number_exchange_member m where m.exchange_id = my_number_exchange.id)""", before);
        var purged = new Purged(before, records, runs, confirmations, acquisitions, online, exchangeRecords, exchanges);
        audit.record(AuditEvent.of(
                AuditAction.RECORDS_PURGED,
                "records past their retention end before " + before + " deleted: " + records
                        + " provision records, " + runs + " runs, " + confirmations + " confirmation records, "
                        + acquisitions + " acquisitions, " + online + " online eligibility records, " + exchangeRecords
                        + " exchange records (" + exchanges + " exchanges)"));
        return purged;
    }
}
