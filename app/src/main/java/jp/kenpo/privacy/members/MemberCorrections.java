package jp.kenpo.privacy.members;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import jp.kenpo.privacy.audit.Actor;
import jp.kenpo.privacy.audit.AuditAction;
import jp.kenpo.privacy.audit.AuditEvent;
import jp.kenpo.privacy.audit.AuditTrail;
import jp.kenpo.privacy.shared.BadRequestException;
import jp.kenpo.privacy.shared.NumberMask;
import jp.kenpo.privacy.shared.SocietyTime;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Corrections (訂正) of who a member key names — insurer number, names, sex, birth date — made on
 * purpose, with a reason, audited, and kept with the values they replaced. The society keeps
 * personal data accurate (APPI Art. 22) and corrects it when the person asks (Art. 34); the
 * member file cannot do either, since a changed identity in it is as likely another person.
 * A person's own request for correction is to be answered through the same method.
 */
@Service
public class MemberCorrections {

    static final int REASON_MAX = 2000;

    private final RegistryRows tables;
    private final JdbcTemplate jdbc;
    private final MemberRegistry registry;
    private final Clock clock;
    private final AuditTrail audit;

    MemberCorrections(RegistryRows tables, MemberRegistry registry, Clock clock, AuditTrail audit) {
        this.tables = tables;
        this.jdbc = tables.jdbc();
        this.registry = registry;
        this.clock = clock;
        this.audit = audit;
    }

    /**
     * Corrects the member's identity with the same rules a row of the member file meets, keeps the
     * old and new values with the reason, and audits the correction (naming the fields, not their
     * values).
     *
     * @throws BadRequestException naming the field at fault (never repeating its value)
     * @throws UnknownMemberException when no member has the key
     */
    @Transactional
    public MemberCorrection correct(MemberKey key, IdentityCorrection correction) {
        String reason = reason(correction.reason());
        LocalDate today = SocietyTime.dateOf(clock.instant());
        // the revision lock first, as every registry writer: an import running now sees this or waits
        long revision = tables.nextRevision();
        Member member = registry.require(key);
        var before = new PersonIdentity(
                member.insurerNumber(), member.nameKanji(), member.nameKana(), member.sex(), member.birthDate());
        PersonIdentity after = corrected(before, correction, today, member.eligibility());
        List<String> changed = before.changedIn(after);
        if (changed.isEmpty()) {
            throw new IllegalArgumentException("the correction changes nothing: give at least one field whose new "
                    + "value differs from the registered one");
        }
        jdbc.update(
                """
                update member set insurer_number = ?, name_kanji = ?, name_kana = ?, sex = ?, birth_date = ?, revision = ?
                 where id = ?""",
                after.insurerNumber(),
                after.nameKanji(),
                after.nameKana(),
                after.sex().code(),
                after.birthDate(),
                revision,
                member.id());
        Instant now = clock.instant();
        String by = Actor.current().name();
        var generated = new GeneratedKeyHolder();
        jdbc.update(
                connection -> {
                    var insert = connection.prepareStatement("""
                    insert into member_correction (member_id, corrected_at, corrected_by, reason, revision,
                           old_insurer_number, old_name_kanji, old_name_kana, old_sex, old_birth_date,
                           new_insurer_number, new_name_kanji, new_name_kana, new_sex, new_birth_date)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", new String[] {"id"});
                    insert.setLong(1, member.id());
                    insert.setObject(2, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
                    insert.setString(3, by);
                    insert.setString(4, reason);
                    insert.setLong(5, revision);
                    int column = 6;
                    for (PersonIdentity identity : List.of(before, after)) {
                        insert.setString(column++, identity.insurerNumber());
                        insert.setString(column++, identity.nameKanji());
                        insert.setString(column++, identity.nameKana());
                        insert.setInt(column++, identity.sex().code());
                        insert.setObject(column++, identity.birthDate());
                    }
                    return insert;
                },
                generated);
        long id = generated.getKey().longValue();
        audit.record(AuditEvent.of(
                        AuditAction.MEMBER_CORRECTED,
                        "identity corrected (correction #" + id + "): " + String.join(", ", changed)
                                + "; registry revision " + revision)
                .member(key));
        return new MemberCorrection(id, key, now, by, reason, changes(before, after));
    }

    /** The member's corrections, oldest first: a read of the member's personal data, audited. */
    @Transactional
    public List<MemberCorrection> history(MemberKey key) {
        long id = registry.require(key).id();
        List<MemberCorrection> corrections = jdbc.query(
                """
                select id, corrected_at, corrected_by, reason,
                       old_insurer_number, old_name_kanji, old_name_kana, old_sex, old_birth_date,
                       new_insurer_number, new_name_kanji, new_name_kana, new_sex, new_birth_date
                  from member_correction where member_id = ? order by id""",
                (rs, n) -> new MemberCorrection(
                        rs.getLong(1),
                        key,
                        rs.getObject(2, OffsetDateTime.class).toInstant(),
                        rs.getString(3),
                        rs.getString(4),
                        changes(identity(rs, 5), identity(rs, 10))),
                id);
        audit.record(
                AuditEvent.of(AuditAction.MEMBER_READ, "correction history").member(key));
        return corrections;
    }

    private static PersonIdentity identity(ResultSet rs, int column) throws SQLException {
        return new PersonIdentity(
                rs.getString(column),
                rs.getString(column + 1),
                rs.getString(column + 2),
                Sex.ofCode(rs.getInt(column + 3)),
                rs.getObject(column + 4, LocalDate.class));
    }

    private static List<MemberCorrection.Change> changes(PersonIdentity before, PersonIdentity after) {
        return before.changedIn(after).stream()
                .map(f -> new MemberCorrection.Change(f, before.value(f), after.value(f)))
                .toList();
    }

    /** The identity after the correction, each given field checked as the member file's column is. */
    private static PersonIdentity corrected(
            PersonIdentity before, IdentityCorrection c, LocalDate today, List<EligibilityPeriod> eligibility) {
        String insurer = given(c.insurerNumber()).orElse(before.insurerNumber());
        refuseIf("insurerNumber", MemberFieldRules.insurerNumber(insurer));
        String kanji = given(c.nameKanji()).orElse(before.nameKanji());
        refuseIf("nameKanji", MemberFieldRules.nameKanji(kanji));
        String kana = given(c.nameKana()).orElse(before.nameKana());
        refuseIf("nameKana", MemberFieldRules.nameKana(kana));
        Sex sex = given(c.sex())
                .map(code -> switch (code) {
                    case "1" -> Sex.MALE;
                    case "2" -> Sex.FEMALE;
                    default -> throw new BadRequestException("sex", "must be 1 (male) or 2 (female)");
                })
                .orElse(before.sex());
        LocalDate birth = before.birthDate();
        if (given(c.birthDate()).isPresent()) {
            try {
                birth = LocalDate.parse(given(c.birthDate()).get());
            } catch (DateTimeParseException e) {
                throw new BadRequestException("birthDate", "is not a date YYYY-MM-DD");
            }
            refuseIf("birthDate", MemberFieldRules.birthDate(birth, today));
            LocalDate born = birth;
            eligibility.stream()
                    .map(EligibilityPeriod::acquiredOn)
                    .filter(born::isAfter)
                    .findFirst()
                    .ifPresent(a -> {
                        throw new BadRequestException("birthDate", "is after the member's eligibility from " + a);
                    });
        }
        return new PersonIdentity(insurer, kanji, kana, sex, birth);
    }

    /** A field given with text in it; blank is not given. */
    private static Optional<String> given(Optional<String> field) {
        return field.map(String::strip).filter(v -> !v.isEmpty());
    }

    private static void refuseIf(String field, String problem) {
        if (problem != null) {
            throw new BadRequestException(field, problem);
        }
    }

    private static String reason(String reason) {
        String text = reason == null ? "" : reason.strip();
        refuseIf(
                "reason",
                text.isEmpty()
                        ? "is required: say what the correction comes from (a form, a request)"
                        : MemberFieldRules.text(text, REASON_MAX));
        if (text.chars().anyMatch(Character::isISOControl)) {
            throw new BadRequestException("reason", "contains control characters");
        }
        if (NumberMask.holdsNumber(text)) {
            // an individual number is kept in the vault only (番号法第20条)
            throw new BadRequestException(
                    "reason",
                    "holds what may be an individual number (12 digits that pass "
                            + "its check digit); numbers are kept in the My Number vault only: leave it out of the reason");
        }
        return text;
    }
}
