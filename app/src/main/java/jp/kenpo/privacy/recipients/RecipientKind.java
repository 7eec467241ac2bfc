package jp.kenpo.privacy.recipients;

import java.util.EnumSet;
import java.util.Set;
import jp.kenpo.privacy.catalog.Flow;

/** Who a recipient is to the society, which decides what it may receive and which record a provision needs. */
public enum RecipientKind {
    /** 第三者: another business (APPI Art. 27), e.g. an employer for collabo-health. */
    THIRD_PARTY(EnumSet.of(Flow.THIRD_PARTY_PROVISION, Flow.ANONYMIZED_INFORMATION)),
    /** 委託先: processes data on the society's behalf (APPI Art. 27(5)(i)), supervised under Art. 25. */
    CONSIGNEE(EnumSet.of(Flow.CONSIGNMENT)),
    /** 共同利用者 (APPI Art. 27(5)(iii)), e.g. a joint project of the federation. */
    JOINT_USE(EnumSet.of(Flow.THIRD_PARTY_PROVISION)),
    /** 審査支払機関. */
    REVIEW_PAYMENT_ORGANISATION(EnumSet.of(Flow.REVIEW_PAYMENT_ORGANISATION)),
    /** 国・地方公共団体・他の医療保険者等: info-linkage (番号法第19条), the online eligibility system, reports by law. */
    PUBLIC_BODY(EnumSet.of(
            Flow.MY_NUMBER_PROVISION,
            Flow.MY_NUMBER_RECEIPT,
            Flow.ONLINE_ELIGIBILITY_REGISTRATION,
            Flow.ONLINE_ELIGIBILITY_RECEIPT,
            Flow.THIRD_PARTY_PROVISION));

    private final Set<Flow> flows;

    RecipientKind(Set<Flow> flows) {
        this.flows = flows;
    }

    /** Whether a purpose of this flow may send data to (or take it from) a recipient of this kind. */
    public boolean takes(Flow flow) {
        return flows.contains(flow);
    }

    /** The flows this kind takes, for a refusal to name. */
    public Set<Flow> flows() {
        return Set.copyOf(flows);
    }
}
