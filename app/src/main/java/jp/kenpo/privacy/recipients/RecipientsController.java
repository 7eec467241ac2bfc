package jp.kenpo.privacy.recipients;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import jp.kenpo.privacy.catalog.PurposeCode;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/recipients")
class RecipientsController {

    private final RecipientRegister register;

    RecipientsController(RecipientRegister register) {
        this.register = register;
    }

    /** A recipient to register; contractTo, reviewedOn (consignees) and openPgpPublicKey may be left out. */
    record AddRequest(
            String id,
            RecipientKind kind,
            String name,
            String address,
            String representative,
            List<PurposeCode> purposes,
            String contractReference,
            LocalDate contractFrom,
            LocalDate contractTo,
            LocalDate reviewedOn,
            String openPgpPublicKey) {}

    /** The day of an end or a review. */
    record DayRequest(LocalDate on) {}

    @GetMapping
    List<Recipient> list() {
        return register.list();
    }

    @GetMapping("/{id}")
    Recipient show(@PathVariable String id) {
        return register.require(id);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Recipient add(@RequestBody AddRequest body) {
        return register.add(new NewRecipient(
                body.id(),
                body.kind(),
                body.name(),
                body.address(),
                body.representative(),
                body.purposes(),
                body.contractReference(),
                body.contractFrom(),
                Optional.ofNullable(body.contractTo()),
                Optional.ofNullable(body.reviewedOn()),
                Optional.ofNullable(body.openPgpPublicKey())));
    }

    @PostMapping("/{id}/end")
    Recipient end(@PathVariable String id, @RequestBody DayRequest body) {
        register.end(id, body.on());
        return register.require(id);
    }

    @PostMapping("/{id}/review")
    Recipient reviewed(@PathVariable String id, @RequestBody DayRequest body) {
        register.reviewed(id, body.on());
        return register.require(id);
    }
}
