package jp.kenpo.privacy.decision;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import jp.kenpo.privacy.catalog.PurposeCode;
import jp.kenpo.privacy.members.MemberKey;
import jp.kenpo.privacy.shared.SocietyTime;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/decisions")
class DecisionController {

    private final DecisionService decisions;
    private final Clock clock;

    DecisionController(DecisionService decisions, Clock clock) {
        this.decisions = decisions;
        this.clock = clock;
    }

    /**
     * @param at      the instant of the use (default: now); {@code 2026-04-01} means 00:00 Tokyo time
     * @param knownAt decide with only the events recorded by then
     */
    record DecisionRequest(MemberKey member, PurposeCode purpose, String at, String knownAt) {}

    /** @param members the population; absent means every member in the registry */
    record BatchRequest(PurposeCode purpose, String at, List<MemberKey> members, String knownAt) {}

    @PostMapping
    Decision decide(@RequestBody DecisionRequest body) {
        require(body.member(), "member");
        require(body.purpose(), "purpose");
        return decisions.decide(body.member(), body.purpose(), instant(body.at(), "at"), known(body.knownAt()));
    }

    @PostMapping("/batch")
    BatchDecision batch(@RequestBody BatchRequest body) {
        require(body.purpose(), "purpose");
        return decisions.decideBatch(
                body.purpose(), instant(body.at(), "at"), Optional.ofNullable(body.members()), known(body.knownAt()));
    }

    private Instant instant(String text, String field) {
        if (text == null) {
            return clock.instant();
        }
        try {
            return SocietyTime.parseInstant(text);
        } catch (IllegalArgumentException e) {
            throw new jp.kenpo.privacy.shared.BadRequestException(field, e.getMessage());
        }
    }

    private Optional<Instant> known(String text) {
        return text == null ? Optional.empty() : Optional.of(instant(text, "knownAt"));
    }

    private static void require(Object value, String field) {
        if (value == null) {
            throw new jp.kenpo.privacy.shared.BadRequestException(field, "is required");
        }
    }
}
