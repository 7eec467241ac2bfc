package jp.kenpo.privacy.requests;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import jp.kenpo.privacy.catalog.Purpose;
import jp.kenpo.privacy.claims.HealthDataHeld;
import jp.kenpo.privacy.claims.HealthDataHoldings;
import jp.kenpo.privacy.consent.ConsentLedger;
import jp.kenpo.privacy.consent.ConsentStatus;
import jp.kenpo.privacy.members.Member;
import jp.kenpo.privacy.members.MemberCorrection;
import jp.kenpo.privacy.members.MemberCorrections;
import jp.kenpo.privacy.members.MemberRegistry;
import jp.kenpo.privacy.mynumber.MyNumberRefusedException;
import jp.kenpo.privacy.mynumber.MyNumberVault;
import jp.kenpo.privacy.mynumber.NoIndividualNumberException;
import jp.kenpo.privacy.provision.ProvisionEntry;
import jp.kenpo.privacy.provision.ProvisionHistory;
import jp.kenpo.privacy.provision.RecordKind;
import jp.kenpo.privacy.shared.SocietyTime;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Builds the answer to a decided request from what the owning modules tell (each read audited by
 * its owner): the registry, the consent ledger, the claims module's holdings, the vault's masked
 * view. Never reads another module's tables.
 */
@Component
class AnswerBuilder {

    /** What a disclosure under Art. 33(1) holds; the provision records are Art. 33(5)'s own request. */
    private static final Set<Section> DISCLOSED = EnumSet.of(
            Section.REGISTRY,
            Section.ELIGIBILITY,
            Section.CORRECTIONS,
            Section.CONSENT,
            Section.HEALTH_DATA,
            Section.MY_NUMBER);

    static final String NO_PROVISION_RECORDS = "第三者提供の記録（第29条）は、この版のシステムでは開示の対象に含めていません。記録は別途、書面でお知らせします。";

    private final MemberRegistry members;
    private final MemberCorrections corrections;
    private final ConsentLedger ledger;
    private final HealthDataHoldings health;
    private final MyNumberVault vault;
    private final PurposeLookup purposes;
    private final ProvisionHistory provisionHistory;
    private final Clock clock;
    private final TransactionTemplate ownTransaction;
    private final JsonMapper json =
            JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    AnswerBuilder(
            MemberRegistry members,
            MemberCorrections corrections,
            ConsentLedger ledger,
            HealthDataHoldings health,
            MyNumberVault vault,
            PurposeLookup purposes,
            ProvisionHistory provisionHistory,
            Clock clock,
            PlatformTransactionManager transactions) {
        this.members = members;
        this.corrections = corrections;
        this.ledger = ledger;
        this.health = health;
        this.vault = vault;
        this.purposes = purposes;
        this.provisionHistory = provisionHistory;
        this.clock = clock;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * The answer's package; {@code receiptDetail}: the member asked for each receipt, not only the
     * monthly summary.
     */
    AnswerPackage build(RightsRequest r, List<RequestEvent> history, LocalDate answeredOn, boolean receiptDetail) {
        Answer answer = content(r, history, answeredOn, receiptDetail);
        byte[] zip = zip(answer, answeredOn);
        return new AnswerPackage("request-" + r.id() + ".zip", zip, sha256(zip));
    }

    Answer content(RightsRequest r, List<RequestEvent> history, LocalDate answeredOn, boolean receiptDetail) {
        Outcome outcome = r.outcome().orElseThrow();
        var notes = new ArrayList<String>();
        Optional<Purpose> purpose = r.purpose().map(purposes::inForce);
        var head = new Answer.RequestPart(
                r.id(),
                r.kind().name(),
                r.kind().ja(),
                "個人情報の保護に関する法律" + r.kind().article(),
                r.member().toString(),
                r.receivedOn(),
                r.filedBy().ja(),
                r.channel().name(),
                r.delivery().map(Enum::name),
                r.feeYen(),
                outcome.name(),
                outcome.ja(),
                r.ground().map(Enum::name),
                r.ground().map(Ground::article),
                r.ground().map(Ground::reasonJa),
                purpose.map(p -> p.code() + " " + p.text().ja()),
                answeredOn);
        Set<Section> shown = EnumSet.noneOf(Section.class);
        Optional<String> statement = Optional.empty();
        boolean granted = outcome != Outcome.REFUSED;
        switch (r.kind()) {
            case DISCLOSE -> {
                if (granted) {
                    shown.addAll(DISCLOSED);
                }
            }
            case DISCLOSE_PROVISION_RECORDS -> {
                if (granted) {
                    shown.add(Section.PROVISION_RECORDS);
                }
            }
            case NOTIFY_PURPOSE -> {
                if (granted) {
                    shown.add(Section.CONSENT);
                    statement = Optional.of("当組合における個人情報の利用目的は、次の「利用目的ごとの同意の状態」のとおりです。");
                }
            }
            case CORRECT -> {
                if (granted) {
                    shown.add(Section.CORRECTIONS);
                    statement = Optional.of("ご請求に基づき、登録情報を訂正しました。訂正前の内容は履歴として保存しています。");
                }
            }
            default -> statement = Optional.of(suspension(r, purpose.orElseThrow(), history, granted));
        }
        r.withheld().forEach(s -> {
            if (shown.remove(s)) {
                notes.add("「" + s.ja() + "」は、" + r.ground().map(Ground::article).orElse("") + "により開示しません。");
            }
        });
        if (!granted) {
            notes.add("ご請求には応じられません（" + r.ground().map(Ground::article).orElse("") + "）。理由："
                    + r.ground().map(Ground::reasonJa).orElse(""));
        }
        Optional<Member> member = shown.contains(Section.REGISTRY) || shown.contains(Section.ELIGIBILITY)
                ? Optional.of(members.read(r.member()))
                : Optional.empty();
        Optional<ConsentStatus> consent = shown.contains(Section.CONSENT)
                ? Optional.of(ledger.status(r.member(), clock.instant(), Optional.empty()))
                : Optional.empty();
        Optional<String> number = Optional.empty();
        if (shown.contains(Section.MY_NUMBER)) {
            number = Optional.of(individualNumber(r));
        }
        Optional<List<Answer.ProvisionLine>> provisions =
                shown.contains(Section.PROVISION_RECORDS) ? Optional.of(provisionLines(r)) : Optional.empty();
        return new Answer(
                head,
                member.filter(m -> shown.contains(Section.REGISTRY)).map(AnswerBuilder::registry),
                member.filter(m -> shown.contains(Section.ELIGIBILITY))
                        .map(m -> m.eligibility().stream()
                                .map(p -> new Answer.Period(p.acquiredOn(), p.lostOn()))
                                .toList()),
                shown.contains(Section.CORRECTIONS) ? Optional.of(corrections(r, history)) : Optional.empty(),
                consent.map(AnswerBuilder::purposeLines),
                consent.filter(c -> r.kind() != RequestKind.NOTIFY_PURPOSE).map(AnswerBuilder::consentLines),
                shown.contains(Section.HEALTH_DATA) ? Optional.of(health(r, receiptDetail)) : Optional.empty(),
                number,
                provisions,
                statement,
                notes);
    }

    private String suspension(RightsRequest r, Purpose p, List<RequestEvent> history, boolean granted) {
        String what = "利用目的 " + p.code() + "「" + p.text().ja() + "」";
        if (!granted && r.ground().filter(g -> g == Ground.STATUTORY_BASIS).isPresent()) {
            return what + "は、法令（" + p.statute().orElse("") + "）に基づく取扱いです。当組合はこの取扱いを続ける義務を負うため、"
                    + "ご請求に応じることはできません。ご請求は記録し、この取扱いは法令の定める範囲に限ります。";
        }
        if (!granted) {
            return what + "についてのご請求には応じられません。";
        }
        Optional<Long> seq = history.stream()
                .filter(e -> e.state() == RequestState.DECIDED)
                .flatMap(e -> e.consentSeq().stream())
                .findFirst();
        LocalDate from = history.stream()
                .filter(e -> e.state() == RequestState.DECIDED)
                .map(e -> SocietyTime.dateOf(e.at()))
                .findFirst()
                .orElseThrow();
        String stopped = what + "について、" + from + "から"
                + (r.kind().isAboutProvision() ? "第三者への提供" : "利用")
                + "を停止しました。今後はご本人の明示の同意がある場合に限り取り扱います（同意の留保として記録"
                + seq.map(s -> "、台帳番号 " + s).orElse("") + "）。";
        if (r.kind() == RequestKind.ERASE || r.kind() == RequestKind.HARM_ERASE) {
            stopped += "なお、資格及び給付の記録は健康保険法令の定める期間保存する義務があるため消去せず、" + "この利用目的には用いない措置をとりました。";
        }
        return stopped;
    }

    private List<Answer.Correction> corrections(RightsRequest r, List<RequestEvent> history) {
        List<MemberCorrection> all = corrections.history(r.member());
        if (r.kind() == RequestKind.CORRECT) {
            Set<Long> made = new java.util.HashSet<>();
            history.forEach(e -> e.correctionId().ifPresent(made::add));
            all = all.stream().filter(c -> made.contains(c.id())).toList();
        }
        return all.stream()
                .map(c -> new Answer.Correction(
                        SocietyTime.format(c.correctedAt()),
                        c.reason(),
                        c.changes().stream()
                                .map(ch -> fieldJa(ch.field()) + "：" + ch.before() + " → " + ch.after())
                                .toList()))
                .toList();
    }

    private Answer.HealthData health(RightsRequest r, boolean receiptDetail) {
        HealthDataHeld held = health.of(r.member());
        return new Answer.HealthData(
                held.receipts().stream()
                        .map(m -> new Answer.ReceiptMonth(
                                m.treatmentMonth().toString(),
                                m.kind(),
                                m.receipts(),
                                m.inpatient(),
                                m.days(),
                                m.points()))
                        .toList(),
                held.checkups().stream()
                        .map(c -> new Answer.Checkup(
                                c.checkupDate(), Optional.ofNullable(c.facilityCode()), c.observations()))
                        .toList(),
                receiptDetail
                        ? health.receipts(r.member()).stream()
                                .map(d -> new Answer.ReceiptDetail(
                                        d.treatmentMonth().toString(),
                                        d.kind(),
                                        Optional.ofNullable(d.facilityCode()),
                                        d.inpatient(),
                                        Optional.ofNullable(d.days()),
                                        Optional.ofNullable(d.points()),
                                        d.diagnoses()))
                                .toList()
                        : List.of());
    }

    /**
     * Whether a number is on file, masked: the number itself never goes into a disclosure (番号法第19条).
     * The vault's view is a transaction of its own: a view that finds no number is refused (and
     * audited so), which must not roll back the answer.
     */
    private String individualNumber(RightsRequest r) {
        try {
            return "登録あり（" + ownTransaction.execute(status -> vault.masked(r.member())) + "）";
        } catch (NoIndividualNumberException none) {
            return "登録なし";
        } catch (MyNumberRefusedException refused) {
            return "この回答を作成した担当者には表示が許されていないため記載していません";
        }
    }

    private List<Answer.ProvisionLine> provisionLines(RightsRequest r) {
        return provisionHistory.ofMember(r.member()).stream()
                .map(e -> new Answer.ProvisionLine(
                        e.on(),
                        e.direction() == ProvisionEntry.Direction.SENT ? "提供" : "受領",
                        recordJa(e.record()),
                        e.counterpartyName(),
                        e.purpose().toString(),
                        e.items(),
                        e.exemption()))
                .toList();
    }

    private static String recordJa(RecordKind kind) {
        return switch (kind) {
            case PROVISION_RECORD -> "第三者提供の記録（第29条）";
            case EXEMPT_PROVISION -> "提供（記録義務の対象外）";
            case CONFIRMATION_RECORD -> "第三者からの受領の確認記録（第30条）";
            case EXEMPT_RECEIPT -> "受領（記録義務の対象外）";
            case MY_NUMBER_EXCHANGE -> "情報提供等の記録（番号法第23条）";
            case ONLINE_ELIGIBILITY -> "オンライン資格確認等システムとの授受";
        };
    }

    private static Answer.Registry registry(Member m) {
        return new Answer.Registry(
                m.insurerNumber(),
                m.key().toString(),
                m.kind().name(),
                m.insured().map(Object::toString),
                m.nameKanji(),
                m.nameKana(),
                m.sex().name(),
                m.birthDate());
    }

    private static List<Answer.PurposeLine> purposeLines(ConsentStatus s) {
        return s.purposes().stream()
                .map(p -> new Answer.PurposeLine(
                        p.purpose().code().toString(),
                        p.purpose().text().ja(),
                        p.purpose().policy().name(),
                        p.purpose().statute(),
                        Optional.of(p.state().name())))
                .toList();
    }

    private static List<Answer.ConsentLine> consentLines(ConsentStatus s) {
        return s.history().stream()
                .map(e -> new Answer.ConsentLine(
                        e.memberSeq(),
                        e.action().name(),
                        e.target().toString(),
                        e.receivedOn(),
                        e.channel().name(),
                        e.filedBy().name(),
                        SocietyTime.format(e.recordedAt())))
                .toList();
    }

    private static String fieldJa(String field) {
        return switch (field) {
            case "insurer_number" -> "保険者番号";
            case "name_kanji" -> "氏名";
            case "name_kana" -> "氏名（カナ）";
            case "sex" -> "性別";
            case "birth_date" -> "生年月日";
            default -> field;
        };
    }

    private byte[] zip(Answer answer, LocalDate answeredOn) {
        var bytes = new ByteArrayOutputStream();
        long time = SocietyTime.startOf(answeredOn).toEpochMilli();
        try (var zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
            entry(zip, "report.html", AnswerReport.html(answer).getBytes(StandardCharsets.UTF_8), time);
            entry(zip, "data.json", json.writeValueAsBytes(answer), time);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static void entry(ZipOutputStream zip, String name, byte[] content, long time) throws IOException {
        var e = new ZipEntry(name);
        // the same answer makes the same bytes: its digest in the trail names it
        e.setTime(time);
        zip.putNextEntry(e);
        zip.write(content);
        zip.closeEntry();
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
