package jp.kenpo.privacy.formats.checkup;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import jp.kenpo.privacy.formats.MemberKey;

/**
 * One 特定健診情報ファイル: the HL7 CDA R2 document of one person's specific health checkup
 * (特定健康診査, 高齢者の医療の確保に関する法律 第20条).
 *
 * @param documentId     ClinicalDocument/id extension (empty when the id is a nullFlavor)
 * @param reportCategory 報告区分 (ClinicalDocument/code)
 * @param createdOn      document effectiveTime (作成日)
 * @param member         保険者番号, 記号, 番号, 枝番 from recordTarget/patientRole/id
 * @param name           patient name as recorded (usually kana; may be empty)
 * @param sex            administrativeGenderCode (1 男, 2 女)
 * @param birthDate      birthTime
 * @param checkupDate    serviceEvent effectiveTime (健診実施日)
 * @param programType    健診プログラム種別 (serviceEvent/code)
 * @param facilityCode   健診機関番号 (author organization id, 10 digits)
 * @param facilityName   健診機関名称
 * @param observations   the results, nested groups flattened, in document order
 */
public record Checkup(
        String documentId,
        String reportCategory,
        LocalDate createdOn,
        MemberKey member,
        String name,
        String sex,
        LocalDate birthDate,
        LocalDate checkupDate,
        String programType,
        String facilityCode,
        String facilityName,
        List<Observation> observations) {

    public Checkup {
        documentId = documentId == null ? "" : documentId;
        reportCategory = reportCategory == null ? "" : reportCategory;
        Objects.requireNonNull(member, "member");
        name = name == null ? "" : name;
        Objects.requireNonNull(sex, "sex");
        Objects.requireNonNull(birthDate, "birthDate");
        Objects.requireNonNull(checkupDate, "checkupDate");
        programType = programType == null ? "" : programType;
        facilityCode = facilityCode == null ? "" : facilityCode;
        facilityName = facilityName == null ? "" : facilityName;
        observations = List.copyOf(observations);
    }

    /** The first observation with this item code, or {@code null}. */
    public Observation find(String code) {
        for (Observation o : observations) {
            if (o.code().equals(code)) {
                return o;
            }
        }
        return null;
    }
}
