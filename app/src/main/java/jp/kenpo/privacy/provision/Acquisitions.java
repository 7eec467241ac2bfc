package jp.kenpo.privacy.provision;

import java.nio.file.Path;
import java.sql.Types;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Map;
import java.util.Optional;
import jp.kenpo.privacy.audit.Actor;
import jp.kenpo.privacy.audit.AuditAction;
import jp.kenpo.privacy.audit.AuditEvent;
import jp.kenpo.privacy.audit.AuditTrail;
import jp.kenpo.privacy.catalog.CatalogService;
import jp.kenpo.privacy.catalog.Flow;
import jp.kenpo.privacy.catalog.Purpose;
import jp.kenpo.privacy.members.ImportProblem;
import jp.kenpo.privacy.members.MemberKey;
import jp.kenpo.privacy.members.MemberRegistry;
import jp.kenpo.privacy.recipients.Recipient;
import jp.kenpo.privacy.recipients.RecipientKind;
import jp.kenpo.privacy.recipients.RecipientRegister;
import jp.kenpo.privacy.recipients.UnknownRecipientException;
import jp.kenpo.privacy.shared.BadRequestException;
import jp.kenpo.privacy.shared.FreeText;
import jp.kenpo.privacy.shared.SocietyTime;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records what the society receives from a third party: the confirmation record of APPI Art. 30
 * (PPC Rules Art. 24: the provider's name, address and representative, how it obtained the data,
 * the day, the members, the items). Data a consignor or joint user hands over is logged as exempt
 * (Art. 30(1) proviso with Art. 27(5)); what an info-linkage brings (7.1–7.4) is an exchange record
 * (情報提供等の記録, My Number Act Art. 23). The provider is an entry of the recipient register.
 */
@Service
public class Acquisitions {

    static final int OBTAINED_HOW_MAX = 400;

    private final RecipientRegister register;
    private final CatalogService catalogs;
    private final MemberRegistry members;
    private final JdbcTemplate jdbc;
    private final AuditTrail audit;
    private final Clock clock;

    Acquisitions(
            RecipientRegister register,
            CatalogService catalogs,
            MemberRegistry members,
            JdbcTemplate jdbc,
            AuditTrail audit,
            Clock clock) {
        this.register = register;
        this.catalogs = catalogs;
        this.members = members;
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * @throws UnknownRecipientException naming the field {@code provider}
     * @throws BadRequestException       naming the field at fault
     * @throws ProvisionInputException   naming the lines of an input that cannot be read, or its unknown members
     */
    @Transactional
    public AcquisitionReport record(AcquisitionOrder order, Path input, String source) {
        Recipient provider = register.find(order.provider())
                .orElseThrow(() -> new UnknownRecipientException("provider", order.provider()));
        if (order.purpose() == null) {
            throw new BadRequestException("purpose", "name the purpose the data was received for, e.g. 3.2");
        }
        LocalDate today = SocietyTime.dateOf(clock.instant());
        LocalDate on = order.receivedOn().orElse(today);
        if (on.isAfter(today)) {
            throw new BadRequestException("receivedOn", "a receipt cannot be dated after today");
        }
        Purpose purpose = catalogs.catalog()
                .purposeInForceAt(order.purpose(), SocietyTime.startOf(on))
                .orElseThrow(() -> new BadRequestException(
                        "purpose", "purpose " + order.purpose() + " is not in the catalog in force on " + on));
        String how = order.obtainedHow() == null ? "" : order.obtainedHow().strip();
        if (how.isEmpty()) {
            throw new BadRequestException(
                    "obtainedHow", "say how the provider obtained the data (取得の経緯, PPC Rules Art. 24(1)(i))");
        }
        String problem = FreeText.problem(how, false);
        if (problem != null || how.length() > OBTAINED_HOW_MAX) {
            throw new BadRequestException(
                    "obtainedHow", problem != null ? problem : "is longer than " + OBTAINED_HOW_MAX + " characters");
        }
        String recordType;
        Optional<Exemption> exemption;
        if (purpose.flow() == Flow.MY_NUMBER_RECEIPT) {
            recordType = "MY_NUMBER_EXCHANGE";
            exemption = Optional.of(Exemption.UNDER_LAW);
        } else if (provider.kind() == RecipientKind.CONSIGNEE) {
            recordType = "EXEMPT";
            exemption = Optional.of(Exemption.CONSIGNMENT);
        } else if (provider.kind() == RecipientKind.JOINT_USE) {
            recordType = "EXEMPT";
            exemption = Optional.of(Exemption.JOINT_USE);
        } else {
            recordType = "ART30";
            exemption = Optional.empty();
        }
        ProvisionInput.Scan scan =
                ProvisionInput.scan(input, source, order.memberColumn().orElse(ProvisionOrder.DEFAULT_MEMBER_COLUMN));
        Map<MemberKey, Long> ids = members.ids(scan.keys());
        var unknown = new ArrayList<ImportProblem>();
        int[] rows = new int[scan.keys().size()];
        for (int r = 0; r < scan.rows(); r++) {
            int m = scan.rowMember()[r];
            rows[m]++;
            if (!ids.containsKey(scan.keys().get(m)) && rows[m] == 1) {
                unknown.add(new ImportProblem(
                        source,
                        scan.rowLine()[r],
                        order.memberColumn().orElse(ProvisionOrder.DEFAULT_MEMBER_COLUMN),
                        "no member " + scan.keys().get(m) + " in the registry: register the member first"));
            }
        }
        if (!unknown.isEmpty()) {
            throw new ProvisionInputException(source, unknown);
        }
        LocalDate retained = Retention.confirmationRecord(on, order.purpose(), recordType);
        var key = new GeneratedKeyHolder();
        jdbc.update(
                con -> {
                    var ps = con.prepareStatement("""
                            insert into acquisition (provider_id, provider_name, provider_address, provider_representative,
                                   obtained_how, purpose_code, record_type, exemption, received_on, items, file_name,
                                   file_sha256, recorded_at, recorded_by, retention_until)
                            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", new String[] {"id"});
                    ps.setString(1, provider.id());
                    ps.setString(2, provider.name());
                    ps.setString(3, provider.address());
                    ps.setString(4, provider.representative());
                    ps.setString(5, how);
                    ps.setString(6, order.purpose().toString());
                    ps.setString(7, recordType);
                    ps.setString(8, exemption.map(Exemption::article).orElse(null));
                    ps.setObject(9, on);
                    ps.setString(10, String.join(ProvisionHistory.ITEM_SEPARATOR, scan.header()));
                    ps.setString(11, source.length() > 1000 ? source.substring(0, 1000) : source);
                    ps.setString(12, scan.sha256());
                    ps.setObject(13, OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
                    ps.setString(14, Actor.current().name());
                    ps.setObject(15, retained);
                    return ps;
                },
                key);
        long id = key.getKey().longValue();
        var batch = new ArrayList<Object[]>();
        for (int m = 0; m < scan.keys().size(); m++) {
            batch.add(new Object[] {id, ids.get(scan.keys().get(m)), on, rows[m], retained});
        }
        jdbc.batchUpdate("""
                insert into acquisition_member (acquisition_id, member_id, received_on, row_count, retention_until)
                values (?, ?, ?, ?, ?)""", batch, new int[] {Types.BIGINT, Types.BIGINT, Types.DATE, Types.INTEGER, Types.DATE});
        audit.record(AuditEvent.of(
                        AuditAction.ACQUISITION_RECORDED,
                        "acquisition " + id + " from " + provider.id() + " for " + order.purpose() + " (" + recordType
                                + exemption.map(e -> ", " + e.article()).orElse("") + "), received " + on
                                + ", sha256 " + scan.sha256() + "; " + scan.rows() + " rows; "
                                + AuditEvent.listedPopulation(scan.keys()))
                .purpose(order.purpose()));
        return new AcquisitionReport(
                id,
                provider.id(),
                order.purpose(),
                on,
                recordType,
                exemption.map(Exemption::article),
                scan.sha256(),
                scan.header(),
                scan.rows(),
                scan.keys().size(),
                retained);
    }
}
