package jp.kenpo.privacy.pages;

import jp.kenpo.privacy.members.MemberKey;
import jp.kenpo.privacy.members.MemberRegistry;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The portal's two pages about what became of a member's data: who received it (the provision
 * records kept about them, APPI Art. 33(5): date, recipient, purpose as the notice words it, items)
 * and their requests (state and the date they are due to be answered by). The security chain lets
 * a member reach only themselves and their dependents.
 */
@Controller
class PortalRecordPages {

    private final MemberRegistry members;
    private final MemberRecords records;

    PortalRecordPages(MemberRegistry members, MemberRecords records) {
        this.members = members;
        this.records = records;
    }

    @GetMapping("/portal/members/{key}/recipients")
    String recipients(@PathVariable String key, @RequestParam(defaultValue = "1") String page, Model model) {
        MemberKey k = TypedInput.pathKey(key);
        model.addAttribute("member", members.read(k));
        model.addAttribute("records", records.records(k, page, true));
        return "pages/portal-recipients";
    }

    @GetMapping("/portal/members/{key}/requests")
    String requests(@PathVariable String key, Model model) {
        MemberKey k = TypedInput.pathKey(key);
        model.addAttribute("member", members.read(k));
        model.addAttribute("requests", records.requests(k));
        return "pages/portal-requests";
    }
}
