package jp.kenpo.privacy.provision;

import jp.kenpo.privacy.shared.BadRequestException;

/**
 * A provision the register or the catalog does not allow (a purpose the recipient may not receive,
 * a contract not in force, a consignee not reviewed in time), naming the field at fault.
 */
public class ProvisionRefusedException extends BadRequestException {

    public ProvisionRefusedException(String field, String reason) {
        super(field, reason);
    }
}
