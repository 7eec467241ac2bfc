package jp.kenpo.privacy.mynumber;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jp.kenpo.privacy.shared.NumberMask;
import jp.kenpo.privacy.testing.TestNumbers;
import org.junit.jupiter.api.Test;

class IndividualNumberTest {

    @Test
    void theCheckDigitFollowsTheOrdinance() {
        // 番号法施行規則第5条, by hand: first eleven 12345678901, P(n) from the right 1,0,9,8,7,6,5,4,3,2,1,
        // Q(n) 2..7 then 2..6: sum 212, 212 mod 11 = 3, check digit 11 - 3 = 8
        assertThat(NumberMask.checkDigit("12345678901")).isEqualTo(8);
        assertThat(IndividualNumber.isValid("123456789018")).isTrue();
        assertThat(IndividualNumber.isValid("123456789017")).isFalse();
        // remainders 0 and 1 give 0: 00000000000 sums to 0
        assertThat(NumberMask.checkDigit("00000000000")).isZero();
        assertThat(IndividualNumber.isValid("000000000000")).isTrue();
        // P(11) = 1, Q(11) = 6: remainder 6, check digit 5
        assertThat(NumberMask.checkDigit("10000000000")).isEqualTo(5);
        // a remainder of 1: P(1) = 6, Q(1) = 2: 12 mod 11 = 1 -> 0
        assertThat(NumberMask.checkDigit("00000000006")).isZero();
    }

    @Test
    void theApplicationAndAnIndependentImplementationAgreeAndTyposAreCaught() {
        int typos = 0;
        int caught = 0;
        for (int i = 0; i < 2000; i++) {
            String n = TestNumbers.next();
            assertThat(IndividualNumber.isValid(n)).as(n).isTrue();
            int position = i % 11;
            char changed = (char) ('0' + ((n.charAt(position) - '0' + 1 + i % 9) % 10));
            String typo = n.substring(0, position) + changed + n.substring(position + 1);
            assertThat(IndividualNumber.isValid(typo)).isEqualTo(TestNumbers.valid(typo));
            typos++;
            caught += IndividualNumber.isValid(typo) ? 0 : 1;
        }
        // every single-digit change moves the sum mod 11; only a move between remainders 0 and 1,
        // which both give check digit 0, goes unnoticed
        assertThat(caught).isGreaterThan(typos * 85 / 100);
    }

    @Test
    void aNumberNeverShowsItselfByAccident() {
        String digits = TestNumbers.next();
        IndividualNumber n = IndividualNumber.parse(digits);

        assertThat(n.toString()).isEqualTo("********" + digits.substring(8)).doesNotContain(digits);
        assertThat(n.masked()).isEqualTo(n.toString());
        assertThat(String.valueOf(java.util.List.of(n))).doesNotContain(digits);
        assertThat(n.reveal()).isEqualTo(digits);
        assertThat(n).isEqualTo(IndividualNumber.parse(digits));
    }

    @Test
    void aRefusalNeverRepeatsTheInput() {
        String wrongCheck = TestNumbers.next().substring(0, 11) + "x";
        String valid = TestNumbers.next();
        String typo = valid.substring(0, 11) + (char) ('0' + (valid.charAt(11) - '0' + 1) % 10);
        assertThatThrownBy(() -> IndividualNumber.parse(typo))
                .hasMessageContaining("check digit")
                .hasMessageNotContaining(typo);
        assertThatThrownBy(() -> IndividualNumber.parse(wrongCheck))
                .hasMessageContaining("12 digits")
                .hasMessageNotContaining(wrongCheck.substring(0, 11));
        assertThatThrownBy(() -> IndividualNumber.parse(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void textKeptOrAnsweredHasItsNumbersMaskedAndNothingElse() {
        String number = TestNumbers.next();
        String failing = number.substring(0, 11) + (char) ('0' + (number.charAt(11) - '0' + 1) % 10);
        assertThat(NumberMask.mask("GET /api/v1/members/" + number + "/my-number"))
                .isEqualTo("GET /api/v1/members/********" + number.substring(8) + "/my-number");
        assertThat(NumberMask.mask("個人番号" + number + "です")).isEqualTo("個人番号********" + number.substring(8) + "です");
        assertThat(NumberMask.mask(number + "," + number)).doesNotContain(number);
        assertThat(NumberMask.mask("sha256 ab" + number + "cd"))
                .as("inside a hash")
                .contains(number);
        assertThat(NumberMask.mask("1" + number)).as("13 digits").contains(number);
        assertThat(NumberMask.mask("at " + failing)).as("the check digit fails").isEqualTo("at " + failing);
        assertThat(NumberMask.holdsNumber("note " + number)).isTrue();
        assertThat(NumberMask.holdsNumber("note " + failing)).isFalse();
        assertThat(NumberMask.mask(null)).isNull();
    }
}
