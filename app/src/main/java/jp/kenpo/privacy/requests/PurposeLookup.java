package jp.kenpo.privacy.requests;

import java.time.Clock;
import jp.kenpo.privacy.catalog.CatalogService;
import jp.kenpo.privacy.catalog.Purpose;
import jp.kenpo.privacy.catalog.PurposeCode;
import jp.kenpo.privacy.shared.BadRequestException;
import org.springframework.stereotype.Component;

/** The purposes of the notice in force today, as a request names them. */
@Component
class PurposeLookup {

    private final CatalogService catalog;
    private final Clock clock;

    PurposeLookup(CatalogService catalog, Clock clock) {
        this.catalog = catalog;
        this.clock = clock;
    }

    Purpose inForce(PurposeCode code) {
        return catalog.catalog()
                .purposeInForceAt(code, clock.instant())
                .orElseThrow(() -> new BadRequestException("purpose", "no purpose " + code + " is in force today"));
    }
}
