package jp.kenpo.privacy.release;

import java.time.LocalDate;
import jp.kenpo.privacy.catalog.Language;
import jp.kenpo.privacy.catalog.NoticeFormat;
import jp.kenpo.privacy.catalog.PublicDocument;
import org.springframework.stereotype.Component;

/**
 * The public statement on anonymized information (匿名加工情報の作成・提供に関する公表), rendered
 * as the notice is — text blocks separated by a blank line, Markdown, or an escaped HTML page. It
 * states what the law asks the society to publish: that it creates anonymized information
 * continuously and the items it contains (APPI Art. 43(3), PPC Rules Art. 36), the items and the
 * method of each provision to a third party (Art. 43(4), Rule 37), and the safety measures for the
 * processing-method information (加工方法等情報; Art. 43(2), Rule 35) and for the information
 * itself (Art. 43(6)). Items, measures and the society's name appear as the facts give them.
 */
@Component
public class ReleasePublication {

    public String render(PublicationFacts facts, Language lang, NoticeFormat format) {
        boolean ja = lang == Language.JA;
        var out = PublicDocument.of(format, lang);
        String society = facts.societyName();
        out.title(ja ? "匿名加工情報の作成及び第三者提供に関する公表" : "Anonymized information: creation and provision to third parties");
        out.paragraph(
                ja
                        ? society + "は、個人情報の保護に関する法律（以下「法」といいます。）第43条第3項及び第4項並びに"
                                + "個人情報保護委員会規則（以下「規則」といいます。）第36条及び第37条に基づき、"
                                + "継続的に作成し第三者に提供する匿名加工情報について、次のとおり公表します。"
                        : society
                                + " continuously creates anonymized information (tokumei kakō jōhō) and provides it to"
                                + " third parties. Under Art. 43(3) and (4) of the Act on the Protection of Personal"
                                + " Information (APPI) and Art. 36 and 37 of the rules of the Personal Information Protection"
                                + " Commission (PPC Rules), it publishes the following.");

        out.heading(
                ja
                        ? "1. 匿名加工情報に含まれる個人に関する情報の項目（法第43条第3項）"
                        : "1. Items of personal information contained (APPI Art. 43(3))");
        out.list(facts.items());

        out.heading(
                ja
                        ? "2. 第三者への提供の方法（法第43条第4項、規則第37条）"
                        : "2. Method of provision to third parties (APPI Art. 43(4), PPC Rules Art. 37)");
        out.paragraph(
                ja
                        ? "上記の項目の匿名加工情報を、次の方法により継続的に提供します。提供に当たっては、提供先に対し、"
                                + "当該情報が匿名加工情報であること、その項目及び提供の方法を書面により明示し、"
                                + "本人を識別するための照合等をしてはならないこと（法第45条）を示します。"
                        : "Anonymized information with the items above is provided continuously by the following methods."
                                + " Each recipient is told in writing that the information is anonymized information, its"
                                + " items and the method, and that it must not be re-identified or matched with other"
                                + " information (APPI Art. 45).");
        out.list(facts.methods().stream().map(m -> ja ? m.ja() : m.en()).toList());

        out.heading(
                ja
                        ? "3. 加工方法等情報及び匿名加工情報の安全管理のための措置（法第43条第2項・第6項、規則第35条）"
                        : "3. Safety measures for the processing-method information and the anonymized information"
                                + " (APPI Art. 43(2), (6); PPC Rules Art. 35)");
        out.paragraph(facts.safetyMeasures());

        out.heading(ja ? "4. 作成した匿名加工情報" : "4. Anonymized information created");
        if (facts.releases().isEmpty()) {
            out.paragraph(ja ? "まだ作成していません。" : "None has been created yet.");
        } else {
            out.list(facts.releases().stream().map(r -> release(r, ja)).toList());
        }
        return out.toString();
    }

    private static String release(PublishedRelease r, boolean ja) {
        return ja
                ? date(r.createdOn()) + "作成　項目：" + String.join("、", r.items()) + "　提供の方法："
                        + r.method().ja()
                : "created " + r.createdOn() + "; items: " + String.join(", ", r.items()) + "; method: "
                        + r.method().en();
    }

    private static String date(LocalDate d) {
        return d.getYear() + "年" + d.getMonthValue() + "月" + d.getDayOfMonth() + "日";
    }
}
