package jp.kenpo.privacy.pages;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import jp.kenpo.privacy.catalog.CatalogService;
import jp.kenpo.privacy.catalog.Purpose;
import jp.kenpo.privacy.members.MemberKey;
import jp.kenpo.privacy.provision.ProvisionEntry;
import jp.kenpo.privacy.provision.ProvisionHistory;
import jp.kenpo.privacy.requests.RequestDesk;
import jp.kenpo.privacy.requests.RightsRequest;
import jp.kenpo.privacy.shared.SocietyTime;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * What a member's pages show of the records kept about them: the provision, confirmation and
 * exchange records (APPI Art. 29, 30, 33(5); My Number Act Art. 23), newest first, from the same
 * {@link ProvisionHistory} the API reads, a page at a time; and their requests from the
 * {@link RequestDesk}. Both reads are audited by the modules that own them.
 */
@Component
class MemberRecords {

    static final int PAGE = 50;

    private final ProvisionHistory provisions;
    private final RequestDesk desk;
    private final CatalogService catalogs;
    private final Clock clock;

    MemberRecords(ProvisionHistory provisions, RequestDesk desk, CatalogService catalogs, Clock clock) {
        this.provisions = provisions;
        this.desk = desk;
        this.catalogs = catalogs;
        this.clock = clock;
    }

    /** One record with the purpose as the notice worded it on the record's date (or now, if retired since). */
    record Shown(ProvisionEntry entry, Optional<Purpose> purpose) {}

    /** A page of records: those shown, their place among all, and the neighbouring pages. */
    record RecordPage(List<Shown> records, int page, int pages, int total, int from, int to) {
        public boolean hasNext() {
            return page < pages;
        }

        public boolean hasPrevious() {
            return page > 1;
        }
    }

    /** Every record about the member; {@code sentOnly}: only data that left the society (who received it). */
    RecordPage records(MemberKey member, String page, boolean sentOnly) {
        List<ProvisionEntry> all = provisions.ofMember(member).stream()
                .filter(e -> !sentOnly || e.direction() == ProvisionEntry.Direction.SENT)
                .toList();
        int pages = Math.max(1, (all.size() + PAGE - 1) / PAGE);
        int n = Math.min(Math.max(1, pageNumber(page)), pages);
        int from = (n - 1) * PAGE;
        int to = Math.min(all.size(), from + PAGE);
        var catalog = catalogs.catalog();
        List<Shown> shown = all.subList(from, to).stream()
                .map(e -> new Shown(
                        e,
                        catalog.purposeInForceAt(e.purpose(), SocietyTime.startOf(e.on()))
                                .or(() -> catalog.purposeInForceAt(e.purpose(), clock.instant()))))
                .toList();
        return new RecordPage(shown, n, pages, all.size(), all.isEmpty() ? 0 : from + 1, to);
    }

    /** The requests about the member, newest first. */
    List<RightsRequest> requests(MemberKey member) {
        return desk.about(List.of(member));
    }

    /** For the console's member page: its records ({@code records}: the page asked for) and its requests. */
    void addTo(Model model, MemberKey member, String page) {
        model.addAttribute("records", records(member, page, false));
        model.addAttribute("pageBase", "/console/members/" + member);
        model.addAttribute("requests", requests(member));
        model.addAttribute("today", today());
    }

    /** Today in Tokyo, against which a request is overdue. */
    LocalDate today() {
        return SocietyTime.dateOf(clock.instant());
    }

    private static int pageNumber(String text) {
        try {
            return text == null || text.isBlank() ? 1 : Integer.parseInt(TypedInput.normal(text));
        } catch (NumberFormatException notANumber) {
            return 1;
        }
    }
}
