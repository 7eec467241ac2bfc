package jp.kenpo.privacy.pages;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.kenpo.privacy.catalog.CatalogVersion;
import jp.kenpo.privacy.catalog.PurposeCode;
import jp.kenpo.privacy.consent.Channel;
import jp.kenpo.privacy.consent.ConsentAction;
import jp.kenpo.privacy.consent.ConsentRequest;
import jp.kenpo.privacy.consent.ConsentTarget;
import jp.kenpo.privacy.consent.Filer;
import jp.kenpo.privacy.consent.InvalidConsentRequestException;
import jp.kenpo.privacy.members.MemberKey;

/**
 * A member's paper form (申出書) as the clerk typed it: what they ask for (reserve, give, withdraw,
 * lift), for which purposes or whole categories, received when, filed by whom, with a note. Kept
 * as typed, so a refused form comes back with everything still in it.
 *
 * @param targets {@code c3} for the whole of category 3, {@code p3.8} for purpose 3.8
 */
record PaperForm(String action, List<String> targets, String received, String filedBy, String note) {

    PaperForm {
        action = action == null ? "" : action;
        targets = targets == null ? List.of() : List.copyOf(targets);
        received = received == null ? "" : received;
        filedBy = filedBy == null ? "" : filedBy;
        note = note == null ? "" : note;
    }

    static PaperForm blank(LocalDate today) {
        return new PaperForm("", List.of(), today.toString(), Filer.SELF.name(), "");
    }

    /**
     * The form to show again after a refusal: as typed, but for a note that was refused, which may
     * hold an individual number and is never repeated (番号法第20条).
     */
    PaperForm shownAgain(Checked checked) {
        return checked != null && checked.errors().containsKey("note")
                ? new PaperForm(action, targets, received, filedBy, "")
                : this;
    }

    /** The form read: the requests to record, or what is wrong, field by field (message keys). */
    record Checked(List<ConsentRequest> requests, Map<String, String> errors) {
        boolean ok() {
            return errors.isEmpty();
        }
    }

    /**
     * Reads the form against the catalog in force. A whole category ticked takes in its purposes:
     * those are not recorded again one by one. The date is the one the society received the form
     * (ウ: a change takes effect from it), so it cannot lie in the future.
     */
    Checked check(MemberKey member, CatalogVersion version, LocalDate today) {
        var errors = new LinkedHashMap<String, String>();
        ConsentAction act = null;
        try {
            act = ConsentAction.valueOf(action);
        } catch (IllegalArgumentException e) {
            errors.put("action", "form.error.action");
        }
        var categories = new ArrayList<Integer>();
        var purposes = new ArrayList<PurposeCode>();
        for (String t : targets) {
            if (t.startsWith("c") && t.substring(1).matches("[1-9][0-9]?")) {
                int c = Integer.parseInt(t.substring(1));
                if (version.category(c).isPresent() && !categories.contains(c)) {
                    categories.add(c);
                }
            } else if (t.startsWith("p") && t.substring(1).matches(PurposeCode.REGEX)) {
                var code = PurposeCode.parse(t.substring(1));
                if (version.purpose(code).isPresent() && !purposes.contains(code)) {
                    purposes.add(code);
                }
            }
        }
        purposes.removeIf(p -> categories.contains(p.category()));
        if (categories.isEmpty() && purposes.isEmpty()) {
            errors.put("targets", "form.error.targets");
        }
        Optional<LocalDate> on = TypedInput.date(received);
        if (on.isEmpty()) {
            errors.put("received", "form.error.received");
        } else if (on.get().isAfter(today)) {
            errors.put("received", "form.error.receivedFuture");
        }
        Filer filer = null;
        try {
            filer = Filer.valueOf(filedBy);
        } catch (IllegalArgumentException e) {
            errors.put("filedBy", "form.error.filedBy");
        }
        var requests = new ArrayList<ConsentRequest>();
        if (errors.isEmpty()) {
            Optional<String> text = note.isBlank() ? Optional.empty() : Optional.of(note.strip());
            try {
                for (int c : categories) {
                    requests.add(new ConsentRequest(
                            member, act, ConsentTarget.category(c), on.get(), Channel.PAPER, filer, text));
                }
                for (PurposeCode p : purposes) {
                    requests.add(new ConsentRequest(
                            member, act, ConsentTarget.purpose(p), on.get(), Channel.PAPER, filer, text));
                }
            } catch (InvalidConsentRequestException e) {
                // the note: control characters, or an individual number (番号法第20条)
                errors.put("note", "form.error.note");
                requests.clear();
            }
        }
        return new Checked(List.copyOf(requests), java.util.Collections.unmodifiableMap(errors));
    }
}
