package jp.kenpo.privacy.mynumber;

import jp.kenpo.privacy.catalog.PurposeCode;
import jp.kenpo.privacy.members.MemberKey;
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

    /** A request to read one member's number for a My Number purpose. */
    record ReadRequest(MemberKey member, PurposeCode purpose) {}

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

    /** The number itself, for a My Number purpose and a role that handles numbers; audited with its purpose. */
    @PostMapping("/my-numbers/reads")
    Read read(@RequestBody ReadRequest body) {
        if (body.member() == null) {
            throw new BadRequestException("member", "is required");
        }
        if (body.purpose() == null) {
            throw new BadRequestException("purpose", "is required");
        }
        return new Read(
                body.member().toString(),
                body.purpose().toString(),
                vault.read(body.member(), body.purpose()).reveal());
    }
}
