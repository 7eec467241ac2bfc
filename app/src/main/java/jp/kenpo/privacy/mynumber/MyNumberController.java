package jp.kenpo.privacy.mynumber;

import java.util.List;
import java.util.Optional;
import jp.kenpo.privacy.catalog.PurposeCode;
import jp.kenpo.privacy.members.MemberKey;
import jp.kenpo.privacy.provision.ExchangeOrder;
import jp.kenpo.privacy.shared.BadRequestException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
class MyNumberController {

    private final MyNumberVault vault;

    MyNumberController(MyNumberVault vault) {
        this.vault = vault;
    }

    record Masked(String member, String individualNumber) {}

    /**
     * A request to read one member's number for a My Number purpose; for an info-linkage purpose
     * (7.x) also the other institution (its id in the recipient register) and the items exchanged.
     */
    record ReadRequest(MemberKey member, PurposeCode purpose, String counterparty, List<String> items) {}

    record Read(String member, String purpose, String individualNumber) {
        @Override
        public String toString() {
            return "Read[" + member + ", " + purpose + "]";
        }
    }

    /** Whether a number is on file, as staff may see it: {@code ********1234}. */
    @GetMapping("/members/{key}/my-number")
    Masked masked(@PathVariable MemberKey key) {
        return new Masked(key.toString(), vault.masked(key));
    }

    /**
     * The number itself, for a My Number purpose and a role that handles numbers; audited with its
     * purpose, and for a 7.x purpose recorded as an exchange with the counterparty named.
     */
    @PostMapping("/my-numbers/reads")
    Read read(@RequestBody ReadRequest body) {
        if (body.member() == null) {
            throw new BadRequestException("member", "is required");
        }
        if (body.purpose() == null) {
            throw new BadRequestException("purpose", "is required");
        }
        Optional<ExchangeOrder> exchange = body.counterparty() == null && body.items() == null
                ? Optional.empty()
                : Optional.of(new ExchangeOrder(body.counterparty(), body.items()));
        return new Read(
                body.member().toString(),
                body.purpose().toString(),
                vault.read(body.member(), body.purpose(), exchange).reveal());
    }
}
