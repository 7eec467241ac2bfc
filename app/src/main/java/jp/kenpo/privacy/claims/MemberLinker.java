package jp.kenpo.privacy.claims;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jp.kenpo.privacy.formats.MemberKey;
import jp.kenpo.privacy.members.MemberIdentity;
import jp.kenpo.privacy.members.MemberRegistry;

/**
 * Links a received record to a member by the identifiers on the card: 保険者番号, 記号, 番号 and,
 * where recorded, 枝番. Values are compared after NFKC normalisation, because real files often
 * write the digits of 記号・番号 full-width. Without a 枝番 (older files), the member of the
 * household with the record's sex and birth date is taken if there is exactly one. A record whose
 * sex or birth date contradict the member named is not linked: it goes to quarantine.
 */
final class MemberLinker {

    /** The result: a member id, or why there is none. */
    record Link(long memberId, QuarantineReason reason, String detail) {
        boolean linked() {
            return reason == null;
        }
    }

    private final Map<String, MemberIdentity> byKey = new HashMap<>();
    private final Map<String, List<MemberIdentity>> byHousehold = new HashMap<>();

    static MemberLinker load(MemberRegistry registry) {
        var linker = new MemberLinker();
        registry.forEachIdentity(m -> {
            linker.byKey.put(m.key().toString(), m);
            linker.byHousehold
                    .computeIfAbsent(m.key().symbol() + "-" + m.key().number(), k -> new ArrayList<>(3))
                    .add(m);
        });
        return linker;
    }

    /**
     * @param sex       the record's sex code (1 male, 2 female), or null when not recorded
     * @param birthDate the record's birth date, or null when not recorded
     */
    Link link(MemberKey recorded, String sex, LocalDate birthDate) {
        if (recorded == null || recorded.number().isBlank()) {
            return new Link(0, QuarantineReason.NO_MEMBER_KEY, "the record names no member");
        }
        String insurer = normal(recorded.insurerNumber());
        String symbol = normal(recorded.symbol());
        String number = normal(recorded.number());
        String branch = normal(recorded.branch());
        if (branch.length() == 1 && Character.isDigit(branch.charAt(0))) {
            branch = "0" + branch;
        }
        String shown = insurer + " " + symbol + "-" + number + (branch.isEmpty() ? "" : "-" + branch);
        MemberIdentity member;
        if (!branch.isEmpty()) {
            member = byKey.get(symbol + "-" + number + "-" + branch);
            if (member == null) {
                return new Link(0, QuarantineReason.UNKNOWN_MEMBER, "no member " + shown + " in the registry");
            }
        } else {
            List<MemberIdentity> household = byHousehold.getOrDefault(symbol + "-" + number, List.of()).stream()
                    .filter(m -> samePerson(m, sex, birthDate))
                    .toList();
            if (household.isEmpty()) {
                return new Link(
                        0,
                        QuarantineReason.UNKNOWN_MEMBER,
                        "no member of household " + shown + " with this sex and birth date");
            }
            if (household.size() > 1) {
                return new Link(
                        0,
                        QuarantineReason.AMBIGUOUS_MEMBER,
                        household.size() + " members of household " + shown
                                + " have this sex and birth date, and no 枝番 was recorded");
            }
            member = household.get(0);
        }
        if (!member.insurerNumber().equals(insurer)) {
            return new Link(
                    0,
                    QuarantineReason.INSURER_MISMATCH,
                    shown + ": member " + member.key() + " belongs to insurer " + member.insurerNumber());
        }
        if (!samePerson(member, sex, birthDate)) {
            return new Link(
                    0,
                    QuarantineReason.PERSON_MISMATCH,
                    shown + ": the record's sex or birth date differ from " + "member " + member.key() + "'s");
        }
        return new Link(member.id(), null, null);
    }

    private static boolean samePerson(MemberIdentity m, String sex, LocalDate birthDate) {
        boolean sexMatches =
                sex == null || sex.isBlank() || Integer.toString(m.sex().code()).equals(sex.strip());
        boolean birthMatches = birthDate == null || birthDate.equals(m.birthDate());
        return sexMatches && birthMatches;
    }

    private static String normal(String value) {
        return value == null
                ? ""
                : Normalizer.normalize(value, Normalizer.Form.NFKC).strip();
    }
}
