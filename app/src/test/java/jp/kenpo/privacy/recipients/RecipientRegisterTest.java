package jp.kenpo.privacy.recipients;

import static jp.kenpo.privacy.testing.TestAccounts.operator;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import jp.kenpo.privacy.catalog.PurposeCode;
import jp.kenpo.privacy.shared.BadRequestException;
import jp.kenpo.privacy.testing.DatabaseTest;
import jp.kenpo.privacy.testing.TestNumbers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class RecipientRegisterTest extends DatabaseTest {

    static final String KEY = """
            -----BEGIN PGP PUBLIC KEY BLOCK-----
            Comment: synthetic test key

            mDMEZQAAABYJKwYBBAHaRw8BAQdAc3ludGhldGljIHRlc3Qga2V5IGZvciBrZW5w
            bw==
            =AbCd
            -----END PGP PUBLIC KEY BLOCK-----
            """;

    @Autowired
    RecipientRegister register;

    static String freshId(String prefix) {
        return prefix + "-" + Long.toString(System.nanoTime(), 36).toUpperCase();
    }

    static NewRecipient employer(String id) {
        return new NewRecipient(
                id,
                RecipientKind.THIRD_PARTY,
                "試験商事株式会社",
                "東京都千代田区試験町1-1",
                "代表取締役 試験 一郎",
                List.of(PurposeCode.parse("3.8"), PurposeCode.parse("1.4")),
                "collabo-2025-01",
                LocalDate.parse("2025-04-01"),
                Optional.empty(),
                Optional.empty(),
                Optional.of(KEY));
    }

    @Test
    void aRegisteredRecipientIsFoundWithEverythingItWasGiven() {
        String id = freshId("EMPLOYER");
        Recipient r = operator(() -> register.add(employer(id)));

        assertThat(register.require(id)).isEqualTo(r);
        assertThat(r.purposes()).containsExactly(PurposeCode.parse("1.4"), PurposeCode.parse("3.8"));
        assertThat(r.openPgpPublicKey()).hasValueSatisfying(k -> assertThat(k).startsWith("-----BEGIN PGP"));
        assertThat(register.list()).contains(r);
        assertThat(r.contractCovers(LocalDate.parse("2025-04-01"))).isTrue();
        assertThat(r.contractCovers(LocalDate.parse("2025-03-31"))).isFalse();
    }

    @Test
    void anEndedRecipientsContractNoLongerCovers() {
        String id = freshId("EMPLOYER");
        operator(() -> register.add(employer(id)));
        operator(() -> {
            register.end(id, LocalDate.parse("2026-04-01"));
            return null;
        });

        Recipient r = register.require(id);
        assertThat(r.endedOn()).contains(LocalDate.parse("2026-04-01"));
        assertThat(r.contractCovers(LocalDate.parse("2026-03-31"))).isTrue();
        assertThat(r.contractCovers(LocalDate.parse("2026-04-01"))).isFalse();
        assertThatThrownBy(() -> operator(() -> {
                    register.end(id, LocalDate.parse("2026-05-01"));
                    return null;
                }))
                .hasMessageContaining("ended already");
    }

    @Test
    void aConsigneesReviewIsRecordedAndOthersAreNotReviewed() {
        String id = freshId("PRINTER");
        operator(() -> register.add(new NewRecipient(
                id,
                RecipientKind.CONSIGNEE,
                "試験印刷株式会社",
                "大阪府大阪市試験区2-2",
                "代表取締役 試験 花子",
                List.of(PurposeCode.parse("5.2")),
                "print-2025",
                LocalDate.parse("2025-04-01"),
                Optional.of(LocalDate.parse("2027-03-31")),
                Optional.of(LocalDate.parse("2025-03-15")),
                Optional.empty())));
        operator(() -> {
            register.reviewed(id, LocalDate.parse("2026-03-10"));
            return null;
        });
        assertThat(register.require(id).reviewedOn()).contains(LocalDate.parse("2026-03-10"));

        String employer = freshId("EMPLOYER");
        operator(() -> register.add(employer(employer)));
        assertThatThrownBy(() -> operator(() -> {
                    register.reviewed(employer, LocalDate.parse("2026-03-10"));
                    return null;
                }))
                .hasMessageContaining("no consignee");
    }

    @Test
    void anUnknownRecipientIsRefusedNamingTheIdField() {
        assertThat(register.find("NOBODY-HERE")).isEmpty();
        assertThatThrownBy(() -> register.require("NOBODY-HERE"))
                .isInstanceOf(UnknownRecipientException.class)
                .satisfies(e -> assertThat(((BadRequestException) e).field()).isEqualTo("id"));
        String number = TestNumbers.next();
        assertThatThrownBy(() -> register.require(number + "x"))
                .isInstanceOf(UnknownRecipientException.class)
                .hasMessageNotContaining(number);
    }

    @Test
    void aPurposeOfAnotherFlowIsRefusedForTheKind() {
        var n = employer(freshId("EMPLOYER"));
        var consignment = new NewRecipient(
                n.id(),
                n.kind(),
                n.name(),
                n.address(),
                n.representative(),
                List.of(PurposeCode.parse("5.2")),
                n.contractReference(),
                n.contractFrom(),
                n.contractTo(),
                n.reviewedOn(),
                Optional.empty());
        assertThatThrownBy(() -> operator(() -> register.add(consignment)))
                .isInstanceOf(BadRequestException.class)
                .hasMessageContaining("CONSIGNMENT")
                .satisfies(e -> assertThat(((BadRequestException) e).field()).isEqualTo("purposes"));
    }

    @Test
    void badFieldsAreRefusedNamingTheFieldNeverTheValue() {
        String number = TestNumbers.next();
        var n = employer(freshId("EMPLOYER"));
        assertRefused(with(n, "id", "lower-case"), "id", null);
        assertRefused(with(n, "name", "試験\u0000商事"), "name", null);
        assertRefused(with(n, "address", "番号 " + number), "address", number);
        assertRefused(with(n, "representative", " "), "representative", null);
        assertRefused(with(n, "key", "not a key"), "openPgpPublicKey", null);
        assertRefused(
                new NewRecipient(
                        n.id(),
                        n.kind(),
                        n.name(),
                        n.address(),
                        n.representative(),
                        n.purposes(),
                        n.contractReference(),
                        n.contractFrom(),
                        Optional.of(n.contractFrom().minusDays(1)),
                        Optional.empty(),
                        Optional.empty()),
                "contractTo",
                null);
        assertRefused(
                new NewRecipient(
                        n.id(),
                        n.kind(),
                        n.name(),
                        n.address(),
                        n.representative(),
                        n.purposes(),
                        n.contractReference(),
                        n.contractFrom(),
                        Optional.empty(),
                        Optional.of(LocalDate.parse("2025-01-01")),
                        Optional.empty()),
                "reviewedOn",
                null);
        operator(() -> register.add(n));
        assertRefused(n, "id", null);
    }

    private void assertRefused(NewRecipient n, String field, String notShown) {
        assertThatThrownBy(() -> operator(() -> register.add(n)))
                .isInstanceOf(BadRequestException.class)
                .satisfies(e -> {
                    assertThat(((BadRequestException) e).field()).isEqualTo(field);
                    if (notShown != null) {
                        assertThat(e.getMessage()).doesNotContain(notShown);
                    }
                });
    }

    private static NewRecipient with(NewRecipient n, String field, String value) {
        return new NewRecipient(
                field.equals("id") ? value : n.id(),
                n.kind(),
                field.equals("name") ? value : n.name(),
                field.equals("address") ? value : n.address(),
                field.equals("representative") ? value : n.representative(),
                n.purposes(),
                n.contractReference(),
                n.contractFrom(),
                n.contractTo(),
                n.reviewedOn(),
                field.equals("key") ? Optional.of(value) : n.openPgpPublicKey());
    }
}
