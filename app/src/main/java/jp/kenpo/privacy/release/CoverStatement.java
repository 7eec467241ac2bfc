package jp.kenpo.privacy.release;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * The statement to the recipient that accompanies a release (匿名加工情報である旨の明示): APPI Art.
 * 43(4) requires the society, when it provides anonymized information to a third party, to state
 * to the recipient that it is anonymized information, and to publish its items and the method of
 * provision (PPC Rules Art. 37). The statement also reminds the recipient of the prohibition of
 * re-identification (識別行為の禁止, Art. 45). It is written in Japanese, as it is sent.
 */
public record CoverStatement(
        String releaseId,
        String societyName,
        String recipientName,
        String recipientAddress,
        LocalDate issuedOn,
        String period,
        List<String> items,
        DeliveryMethod method) {

    /** The file name of the statement, in the archive and beside it. */
    public static final String FILE = "cover-statement.ja.txt";

    public CoverStatement {
        oneLine("releaseId", releaseId);
        oneLine("societyName", societyName);
        oneLine("recipientName", recipientName);
        oneLine("recipientAddress", recipientAddress);
        Objects.requireNonNull(issuedOn, "issuedOn");
        oneLine("period", period);
        Objects.requireNonNull(items, "items");
        items = List.copyOf(items);
        if (items.isEmpty()) {
            throw new IllegalArgumentException("items: a release states at least one item");
        }
        for (int i = 0; i < items.size(); i++) {
            oneLine("items[" + i + "]", items.get(i));
        }
        Objects.requireNonNull(method, "method");
    }

    private static void oneLine(String field, String value) {
        Objects.requireNonNull(value, field);
        if (value.isBlank()) {
            throw new IllegalArgumentException(field + ": must not be blank");
        }
        if (value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
            throw new IllegalArgumentException(field + ": must be one line");
        }
    }

    /** The statement as sent: plain text, UTF-8, lines ending in LF. */
    public String renderJa() {
        var sb = new StringBuilder();
        sb.append("匿名加工情報の提供について（匿名加工情報である旨の明示）\n\n");
        sb.append(recipientAddress).append('\n');
        sb.append(recipientName).append("　御中\n\n");
        sb.append(issuedOn.getYear())
                .append('年')
                .append(issuedOn.getMonthValue())
                .append('月')
                .append(issuedOn.getDayOfMonth())
                .append("日\n");
        sb.append(societyName).append("\n\n");
        sb.append("提供番号：").append(releaseId).append('\n');
        sb.append("対象期間：").append(period).append("\n\n");
        sb.append(
                "当組合は、個人情報の保護に関する法律（以下「法」といいます。）第43条第4項及び" + "個人情報保護委員会規則第37条に基づき、本書とともに提供する情報が匿名加工情報であることを明示します。\n\n");
        sb.append("1. 本情報は、法第43条第1項及び個人情報保護委員会規則第34条の基準に従い、"
                + "特定の個人を識別することができず、作成に用いた個人情報を復元することができないように当組合が加工した匿名加工情報です。\n\n");
        sb.append("2. 匿名加工情報に含まれる個人に関する情報の項目（法第43条第4項）\n");
        items.forEach(i -> sb.append("　・").append(i).append('\n'));
        sb.append('\n');
        sb.append("3. 提供の方法（法第43条第4項）\n");
        sb.append("　").append(method.ja()).append("\n\n");
        sb.append("4. 識別行為の禁止（法第45条）\n");
        sb.append("　貴社は、本匿名加工情報を取り扱うに当たっては、その作成に用いられた個人情報に係る本人を識別するために、"
                + "当該個人情報から削除された記述等若しくは個人識別符号若しくは加工の方法に関する情報を取得し、"
                + "又は本匿名加工情報を他の情報と照合してはなりません。\n\n");
        sb.append("5. 第三者への提供（法第44条）\n");
        sb.append("　本匿名加工情報を第三者に提供するときは、あらかじめその項目及び提供の方法を公表し、" + "提供先に対して匿名加工情報である旨を明示してください。\n\n");
        sb.append("6. 安全管理措置等（法第46条）\n");
        sb.append("　本匿名加工情報の安全管理、苦情の処理その他の適正な取扱いを確保するために必要な措置を講じ、" + "その内容を公表するよう努めてください。\n\n");
        sb.append("本書の同梱物の一覧とハッシュ値は manifest.json に記載しています。\n");
        return sb.toString();
    }
}
