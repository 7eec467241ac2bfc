package jp.kenpo.privacy.members;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Optional;
import jp.kenpo.privacy.formats.InsurerNumber;
import jp.kenpo.privacy.testing.TestNumbers;
import org.junit.jupiter.api.Test;

class MemberValuesTest {

    @Test
    void insurerNumbersCarryACheckDigit() {
        // by hand: digits from the right 1,9,9,3,1,6,0 × 2,1,2,1,2,1,2 = 2,9,18,3,2,6,0;
        // digit sums 2+9+(1+8)+3+2+6+0 = 31; 10 - 1 = 9
        assertThat(InsurerNumber.checkDigit("0613991")).isEqualTo(9);
        assertThat(InsurerNumber.isHealthInsuranceSociety("06139919")).isTrue();
        assertThat(InsurerNumber.isHealthInsuranceSociety("06139910")).isFalse();
        assertThat(InsurerNumber.isHealthInsuranceSociety("01139916")).isFalse();
    }

    @Test
    void memberKeysAreSymbolNumberBranch() {
        MemberKey key = MemberKey.parse("1234-5678-01");

        assertThat(key).isEqualTo(new MemberKey("1234", "5678", "01"));
        assertThat(key.toString()).isEqualTo("1234-5678-01");
        assertThat(key.withBranch("00").toString()).isEqualTo("1234-5678-00");
        assertThatThrownBy(() -> MemberKey.parse("1234-5678")).hasMessageContaining("SYMBOL-NUMBER-BRANCH");
        assertThatThrownBy(() -> MemberKey.parse("1234-5678-1")).hasMessageContaining("two digits");
        assertThatThrownBy(() -> MemberKey.parse("12 4-5678-01")).hasMessageContaining("symbol");
    }

    @Test
    void aRefusedKeyIsNeverRepeatedAndAnIndividualNumberIsNoKeyPart() {
        String number = TestNumbers.next();
        assertThatThrownBy(() -> MemberKey.parse(number))
                .hasMessageContaining("SYMBOL-NUMBER-BRANCH")
                .hasMessageNotContaining(number);
        assertThatThrownBy(() -> MemberKey.parse(number + "-1-x")).hasMessageNotContaining(number);
        assertThatThrownBy(() -> MemberKey.parse("A-" + number + "-00"))
                .hasMessageStartingWith("number (番号)")
                .hasMessageContaining("individual number")
                .hasMessageNotContaining(number);
        assertThatThrownBy(() -> new MemberKey(number, "1", "00")).hasMessageStartingWith("symbol (記号)");
        String notANumber = number.substring(0, 11) + (char) ('0' + (number.charAt(11) - '0' + 1) % 10);
        assertThat(MemberKey.parse("A-" + notANumber + "-00").number())
                .as("12 digits failing the check digit")
                .isEqualTo(notANumber);
    }

    @Test
    void eligibilityEndsTheDayBeforeTheLossDate() {
        var period = new EligibilityPeriod(LocalDate.of(2020, 4, 1), Optional.of(LocalDate.of(2025, 4, 1)));

        assertThat(period.covers(LocalDate.of(2020, 3, 31))).isFalse();
        assertThat(period.covers(LocalDate.of(2020, 4, 1))).isTrue();
        assertThat(period.covers(LocalDate.of(2025, 3, 31))).isTrue();
        assertThat(period.covers(LocalDate.of(2025, 4, 1))).as("資格喪失日").isFalse();
        assertThat(period.overlaps(new EligibilityPeriod(LocalDate.of(2025, 4, 1), Optional.empty())))
                .isFalse();
        assertThat(period.overlaps(new EligibilityPeriod(LocalDate.of(2025, 3, 1), Optional.empty())))
                .isTrue();
    }
}
