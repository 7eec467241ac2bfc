package jp.kenpo.privacy.provision;

import java.time.LocalDate;
import java.util.Optional;
import jp.kenpo.privacy.catalog.PurposeCode;

/**
 * Data received from a provider in the register, to be recorded (APPI Art. 30).
 *
 * @param obtainedHow how the provider came to hold the data (取得の経緯, PPC Rules Art. 24(1)(i)), e.g.
 *                    "労働安全衛生法第66条の定期健康診断として実施"
 * @param receivedOn  the day it was received (default today)
 */
public record AcquisitionOrder(
        String provider,
        PurposeCode purpose,
        String obtainedHow,
        Optional<LocalDate> receivedOn,
        Optional<String> memberColumn) {

    public AcquisitionOrder {
        receivedOn = receivedOn == null ? Optional.empty() : receivedOn;
        memberColumn = memberColumn == null ? Optional.empty() : memberColumn;
    }
}
