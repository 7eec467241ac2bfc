package jp.kenpo.privacy.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class CoverStatementTest {

    static final List<String> ITEMS = ReleaseArchiveTest.ITEMS;

    static CoverStatement statement(String recipient, List<String> items, DeliveryMethod method) {
        return new CoverStatement(
                "R-2026-11",
                "例示健康保険組合",
                recipient,
                "東京都千代田区例町1-2-3",
                LocalDate.of(2026, 12, 7),
                "2025-04〜2026-03",
                items,
                method);
    }

    @Test
    void theStatementSaysItIsAnonymizedInformationNamingTheArticles() {
        String text =
                statement("株式会社レセプト分析（例）", ITEMS, DeliveryMethod.ELECTRONIC).renderJa();

        assertThat(text)
                .contains("匿名加工情報であることを明示します")
                .contains("法」といいます。）第43条第4項")
                .contains("個人情報保護委員会規則第37条")
                .contains("識別行為の禁止（法第45条）")
                .contains("他の情報と照合してはなりません")
                .contains("株式会社レセプト分析（例）　御中")
                .contains("2026年12月7日")
                .contains("提供番号：R-2026-11")
                .contains("対象期間：2025-04〜2026-03");
    }

    @Test
    void theStatementListsEveryItemAndTheMethod() {
        String electronic = statement("株式会社例", ITEMS, DeliveryMethod.ELECTRONIC).renderJa();
        for (String item : ITEMS) {
            assertThat(electronic).contains("　・" + item + "\n");
        }
        assertThat(electronic).contains("提供の方法（法第43条第4項）\n　" + DeliveryMethod.ELECTRONIC.ja());
        assertThat(statement("株式会社例", ITEMS, DeliveryMethod.PHYSICAL_MEDIA).renderJa())
                .contains("記録媒体（DVD）の郵送");
    }

    @Test
    void aStatementNeedsItsItemsAndOneLineFields() {
        assertThatThrownBy(() -> statement("株式会社例", List.of(), DeliveryMethod.ELECTRONIC))
                .hasMessage("items: a release states at least one item");
        assertThatThrownBy(() -> statement("株式会社例", List.of("性別", " "), DeliveryMethod.ELECTRONIC))
                .hasMessage("items[1]: must not be blank");
        assertThatThrownBy(() -> statement("株式会社\n例", ITEMS, DeliveryMethod.ELECTRONIC))
                .hasMessage("recipientName: must be one line");
    }
}
