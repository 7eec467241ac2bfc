package jp.kenpo.privacy.requests;

import java.util.List;

/**
 * The answer as a person reads it: one HTML page in Japanese, self-contained (no script, no outside
 * resource), with a print stylesheet so that the paper form (書面の交付, Art. 33(1)) is the same
 * page printed on A4.
 */
final class AnswerReport {

    private AnswerReport() {}

    private static final String STYLE = """
            body { font-family: "Noto Sans CJK JP", "Noto Sans JP", "IPAexGothic", sans-serif; margin: 2em; color: #111; line-height: 1.6; }
            h1 { font-size: 1.4em; border-bottom: 2px solid #333; }
            h2 { font-size: 1.1em; margin-top: 1.6em; border-left: 4px solid #333; padding-left: .4em; }
            table { border-collapse: collapse; margin: .4em 0; }
            th, td { border: 1px solid #888; padding: .2em .5em; text-align: left; vertical-align: top; }
            th { background: #eee; }
            td.n { text-align: right; }
            p.note { border: 1px solid #c00; padding: .4em; }
            @media print {
              @page { size: A4; margin: 15mm; }
              body { margin: 0; font-size: 10pt; }
              h2 { break-after: avoid; }
              tr { break-inside: avoid; }
              thead { display: table-header-group; }
            }
            """;

    static String html(Answer a) {
        var h = new StringBuilder(16_384);
        Answer.RequestPart r = a.request();
        h.append("<!DOCTYPE html>\n<html lang=\"ja\"><head><meta charset=\"UTF-8\"><title>")
                .append(esc(r.kindJa()))
                .append("請求に対する回答（受付番号 ")
                .append(r.id())
                .append("）</title><style>")
                .append(STYLE)
                .append("</style></head><body>\n<h1>")
                .append(esc(r.kindJa()))
                .append("請求に対する回答</h1>\n");
        table(
                h,
                List.of("項目", "内容"),
                List.of(
                        List.of("受付番号", Long.toString(r.id())),
                        List.of("請求の種類", r.kindJa() + "（" + r.article() + "）"),
                        List.of("記号・番号・枝番", r.member()),
                        List.of("受付日", r.receivedOn().toString()),
                        List.of("請求者", r.filedBy()),
                        List.of("利用目的", r.purpose().orElse("—")),
                        List.of("手数料", r.feeYen() + "円"),
                        List.of("決定", r.outcomeJa()),
                        List.of("回答日", r.answeredOn().toString())));
        a.statement().ifPresent(s -> h.append("<p>").append(esc(s)).append("</p>\n"));
        for (String note : a.notes()) {
            h.append("<p class=\"note\">").append(esc(note)).append("</p>\n");
        }
        a.registry().ifPresent(g -> {
            h.append("<h2>").append(esc(Section.REGISTRY.ja())).append("</h2>\n");
            table(
                    h,
                    List.of("項目", "内容"),
                    List.of(
                            List.of("保険者番号", g.insurerNumber()),
                            List.of("記号・番号・枝番", g.memberKey()),
                            List.of("区分", "INSURED".equals(g.kind()) ? "被保険者" : "被扶養者"),
                            List.of("被保険者（被扶養者の場合）", g.insuredPerson().orElse("—")),
                            List.of("氏名", g.nameKanji()),
                            List.of("氏名（カナ）", g.nameKana()),
                            List.of("性別", "MALE".equals(g.sex()) ? "男" : "女"),
                            List.of("生年月日", g.birthDate().toString())));
        });
        a.eligibility().ifPresent(periods -> {
            h.append("<h2>").append(esc(Section.ELIGIBILITY.ja())).append("</h2>\n");
            table(
                    h,
                    List.of("資格取得日", "資格喪失日"),
                    periods.stream()
                            .map(p -> List.of(
                                    p.acquiredOn().toString(),
                                    p.lostOn().map(Object::toString).orElse("（継続中）")))
                            .toList());
        });
        a.corrections().ifPresent(cs -> {
            h.append("<h2>").append(esc(Section.CORRECTIONS.ja())).append("</h2>\n");
            table(
                    h,
                    List.of("訂正日時", "理由", "訂正の内容（訂正前 → 訂正後）"),
                    cs.stream()
                            .map(c -> List.of(c.correctedAt(), c.reason(), String.join("\n", c.fields())))
                            .toList());
        });
        a.purposes().ifPresent(ps -> {
            h.append("<h2>").append(esc(Section.CONSENT.ja())).append("</h2>\n");
            table(
                    h,
                    List.of("番号", "利用目的", "根拠", "状態"),
                    ps.stream()
                            .map(p -> List.of(
                                    p.code(),
                                    p.text(),
                                    "LEGAL".equals(p.policy())
                                            ? "法令に基づく（" + p.statute().orElse("") + "）"
                                            : "黙示の同意",
                                    p.state().map(AnswerReport::stateJa).orElse("")))
                            .toList());
        });
        a.consentHistory().ifPresent(events -> {
            h.append("<h3>同意・留保の履歴</h3>\n");
            if (events.isEmpty()) {
                h.append("<p>お申出の記録はありません（公表した利用目的のすべてに黙示の同意）。</p>\n");
            } else {
                table(
                        h,
                        List.of("番号", "内容", "対象", "受付日", "受付方法", "申出者", "記録日時"),
                        events.stream()
                                .map(e -> List.of(
                                        Integer.toString(e.number()),
                                        actionJa(e.action()),
                                        e.target(),
                                        e.receivedOn().toString(),
                                        e.channel(),
                                        e.filedBy(),
                                        e.recordedAt()))
                                .toList());
            }
        });
        a.healthData().ifPresent(d -> {
            h.append("<h2>").append(esc(Section.HEALTH_DATA.ja())).append("</h2>\n<h3>レセプト（診療年月・種別ごと）</h3>\n");
            if (d.receipts().isEmpty()) {
                h.append("<p>保有していません。</p>\n");
            } else {
                table(
                        h,
                        List.of("診療年月", "種別", "件数", "うち入院", "日数", "点数"),
                        d.receipts().stream()
                                .map(m -> List.of(
                                        m.month(),
                                        kindJa(m.kind()),
                                        Integer.toString(m.receipts()),
                                        Integer.toString(m.inpatient()),
                                        Long.toString(m.days()),
                                        Long.toString(m.points())))
                                .toList());
            }
            if (!d.receiptDetail().isEmpty()) {
                h.append("<h3>レセプト（1件ごと）</h3>\n");
                table(
                        h,
                        List.of("診療年月", "種別", "医療機関等コード", "入院", "日数", "点数", "傷病名"),
                        d.receiptDetail().stream()
                                .map(line -> List.of(
                                        line.month(),
                                        kindJa(line.kind()),
                                        line.facility().orElse("—"),
                                        line.inpatient() ? "入院" : "入院外",
                                        line.days().map(String::valueOf).orElse("—"),
                                        line.points().map(String::valueOf).orElse("—"),
                                        String.join("、", line.diagnoses())))
                                .toList());
            }
            h.append("<h3>特定健康診査</h3>\n");
            if (d.checkups().isEmpty()) {
                h.append("<p>保有していません。</p>\n");
            } else {
                table(
                        h,
                        List.of("受診日", "実施機関", "検査項目数"),
                        d.checkups().stream()
                                .map(c -> List.of(
                                        c.date().toString(),
                                        c.facility().orElse("—"),
                                        Integer.toString(c.observations())))
                                .toList());
            }
        });
        a.individualNumber()
                .ifPresent(n -> h.append("<h2>")
                        .append(esc(Section.MY_NUMBER.ja()))
                        .append("</h2>\n<p>")
                        .append(esc(n))
                        .append("（個人番号そのものは、この回答には記載しません。）</p>\n"));
        a.provisionRecords().ifPresent(ps -> {
            h.append("<h2>").append(esc(Section.PROVISION_RECORDS.ja())).append("</h2>\n");
            if (ps.isEmpty()) {
                h.append("<p>あなたの個人データを第三者に提供し、又は第三者から受領した記録はありません。</p>\n");
            } else {
                table(
                        h,
                        List.of("年月日", "提供・受領", "記録の種類", "相手方", "利用目的", "項目", "記録義務の例外"),
                        ps.stream()
                                .map(p -> List.of(
                                        p.on().toString(),
                                        p.direction(),
                                        p.record(),
                                        p.counterparty(),
                                        p.purpose(),
                                        String.join("、", p.items()),
                                        p.exemption().orElse("—")))
                                .toList());
            }
        });
        h.append("<p>この回答に関するお問い合わせ、又は内容に誤りがある場合の訂正等の請求は、当組合の個人情報相談窓口へお申し出ください。</p>\n");
        h.append("</body></html>\n");
        return h.toString();
    }

    private static void table(StringBuilder h, List<String> head, List<List<String>> rows) {
        h.append("<table><thead><tr>");
        head.forEach(c -> h.append("<th>").append(esc(c)).append("</th>"));
        h.append("</tr></thead><tbody>\n");
        for (List<String> row : rows) {
            h.append("<tr>");
            for (String c : row) {
                boolean number = !c.isEmpty() && c.chars().allMatch(Character::isDigit);
                h.append(number ? "<td class=\"n\">" : "<td>")
                        .append(esc(c).replace("\n", "<br>"))
                        .append("</td>");
            }
            h.append("</tr>\n");
        }
        h.append("</tbody></table>\n");
    }

    static String esc(String text) {
        var out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static String stateJa(String state) {
        return switch (state) {
            case "DEEMED" -> "黙示の同意";
            case "RESERVED" -> "留保（同意なし）";
            case "CONSENTED" -> "留保のうえ同意";
            default -> state;
        };
    }

    private static String actionJa(String action) {
        return switch (action) {
            case "RESERVE" -> "留保";
            case "GIVE" -> "同意";
            case "WITHDRAW" -> "同意の撤回";
            case "LIFT" -> "留保の解除";
            default -> action;
        };
    }

    private static String kindJa(String kind) {
        return switch (kind) {
            case "MEDICAL" -> "医科";
            case "DENTAL" -> "歯科";
            case "PHARMACY" -> "調剤";
            default -> kind;
        };
    }
}
