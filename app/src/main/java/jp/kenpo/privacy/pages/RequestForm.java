package jp.kenpo.privacy.pages;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import jp.kenpo.privacy.members.IdentityCorrection;
import jp.kenpo.privacy.requests.Authority;
import jp.kenpo.privacy.requests.Decision;
import jp.kenpo.privacy.requests.Ground;
import jp.kenpo.privacy.requests.IdentityCheck;
import jp.kenpo.privacy.requests.Outcome;
import jp.kenpo.privacy.requests.RightsRequest;
import jp.kenpo.privacy.requests.Section;
import jp.kenpo.privacy.shared.ExpectedForm;

/**
 * A step a clerk takes on a member's request, as typed: how identity was confirmed (and a
 * representative's authority), or the decision (outcome, statutory ground, sections withheld, the
 * corrected fields, a note), or the answer. Kept as typed, so a refused step comes back with
 * everything in it, but a refused note, which may hold an individual number (番号法第20条).
 */
record RequestForm(
        String method,
        String authority,
        String outcome,
        String ground,
        List<String> withheld,
        String nameKanji,
        String nameKana,
        String sex,
        String birthDate,
        String insurerNumber,
        String note,
        String receiptDetail) {

    RequestForm {
        method = orEmpty(method);
        authority = orEmpty(authority);
        outcome = orEmpty(outcome);
        ground = orEmpty(ground);
        withheld = withheld == null ? List.of() : List.copyOf(withheld);
        nameKanji = orEmpty(nameKanji);
        nameKana = orEmpty(nameKana);
        sex = orEmpty(sex);
        birthDate = orEmpty(birthDate);
        insurerNumber = orEmpty(insurerNumber);
        note = orEmpty(note);
        receiptDetail = orEmpty(receiptDetail);
    }

    static RequestForm blank() {
        return new RequestForm(null, null, null, null, null, null, null, null, null, null, null, null);
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s.strip();
    }

    RequestForm withoutNote() {
        return new RequestForm(
                method,
                authority,
                outcome,
                ground,
                withheld,
                nameKanji,
                nameKana,
                sex,
                birthDate,
                insurerNumber,
                "",
                receiptDetail);
    }

    public boolean wantsReceiptDetail() {
        return "true".equals(receiptDetail);
    }

    /** The step read, or what is wrong with it field by field (message keys). */
    record Read<T>(Optional<T> value, Map<String, String> errors) {
        boolean ok() {
            return errors.isEmpty();
        }
    }

    /** A verification: the method, and the authority a representative shows (APPI Art. 37(2)(3)). */
    record Verification(IdentityCheck method, Optional<Authority> authority) {}

    Read<Verification> verification(RightsRequest r) {
        var errors = new LinkedHashMap<String, String>();
        IdentityCheck m = ExpectedForm.constant(IdentityCheck.class, method);
        if (m == null) {
            errors.put("method", "request.error.method");
        }
        Optional<Authority> a = Optional.empty();
        if (r.filedBy().isRepresentative()) {
            Authority shown = ExpectedForm.constant(Authority.class, authority);
            if (shown == null || shown.shows() != r.filedBy()) {
                errors.put("authority", "request.error.authority");
            } else {
                a = Optional.of(shown);
            }
        }
        return new Read<>(errors.isEmpty() ? Optional.of(new Verification(m, a)) : Optional.empty(), errors);
    }

    /**
     * A decision: the outcome; a partial answer or a refusal names a ground that answers this kind
     * of request (Art. 36); a partial disclosure names what it withholds; a correction granted the
     * fields as they are to read. The desk checks all of it again when it records.
     */
    Read<Decision> decision(RightsRequest r) {
        var errors = new LinkedHashMap<String, String>();
        Outcome o = ExpectedForm.constant(Outcome.class, outcome);
        if (o == null) {
            errors.put("outcome", "request.error.outcome");
        }
        Optional<Ground> g = Optional.empty();
        if (o != null && o != Outcome.FULL) {
            Ground named = ExpectedForm.constant(Ground.class, ground);
            if (named == null || !named.answers(r.kind())) {
                errors.put("ground", "request.error.ground");
            } else {
                g = Optional.of(named);
            }
        }
        Set<Section> sections = EnumSet.noneOf(Section.class);
        for (String s : withheld) {
            Section section = ExpectedForm.constant(Section.class, s);
            if (section != null) {
                sections.add(section);
            }
        }
        boolean partialDisclosure = r.kind().isDisclosure() && o == Outcome.PARTIAL;
        if (partialDisclosure && sections.isEmpty()) {
            errors.put("withheld", "request.error.withheld");
        }
        if (!partialDisclosure) {
            sections.clear();
        }
        Optional<IdentityCorrection> correction = Optional.empty();
        if (r.kind() == jp.kenpo.privacy.requests.RequestKind.CORRECT && o != null && o != Outcome.REFUSED) {
            var c = new IdentityCorrection(
                    given(insurerNumber), given(nameKanji), given(nameKana), given(sex), given(birthDate), "");
            if (c.insurerNumber().isEmpty()
                    && c.nameKanji().isEmpty()
                    && c.nameKana().isEmpty()
                    && c.sex().isEmpty()
                    && c.birthDate().isEmpty()) {
                errors.put("nameKanji", "request.error.correction");
            }
            correction = Optional.of(c);
        }
        if (!errors.isEmpty()) {
            return new Read<>(Optional.empty(), errors);
        }
        return new Read<>(Optional.of(new Decision(o, g, sections, correction, given(note))), errors);
    }

    /** The corrected fields given, for the confirmation: field name, value. */
    List<Map.Entry<String, String>> correctedFields() {
        var out = new ArrayList<Map.Entry<String, String>>();
        given(nameKanji).ifPresent(v -> out.add(Map.entry("member.name", v)));
        given(nameKana).ifPresent(v -> out.add(Map.entry("member.kana", v)));
        given(sex).ifPresent(v -> out.add(Map.entry("request.sex", v)));
        given(birthDate).ifPresent(v -> out.add(Map.entry("member.birthDate", v)));
        given(insurerNumber).ifPresent(v -> out.add(Map.entry("request.insurerNumber", v)));
        return out;
    }

    private static Optional<String> given(String s) {
        return s.isBlank() ? Optional.empty() : Optional.of(s);
    }
}
