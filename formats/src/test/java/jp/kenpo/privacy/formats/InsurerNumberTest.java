package jp.kenpo.privacy.formats;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class InsurerNumberTest {

    @Test
    void checkDigitFollowsTheWeightedDigitSum() {
        // 0,6,1,3,0,0,1 from the right: 1×2=2, 0×1, 0×2, 3×1=3, 1×2=2, 6×1=6, 0×2 → 13 → (10−3) mod 10 = 7
        assertThat(InsurerNumber.checkDigit("0613001")).isEqualTo(7);
        assertThat(InsurerNumber.isValid("06130017")).isTrue();
        assertThat(InsurerNumber.isValid("06130018")).isFalse();
        // a product of two digits: 9×2 = 18 → 1+8
        assertThat(InsurerNumber.checkDigit("0000009")).isEqualTo(1);
        assertThat(InsurerNumber.checkDigit("0000000")).isZero();
    }

    @Test
    void societyNumbersStartWith06() {
        assertThat(InsurerNumber.isHealthInsuranceSociety("06130017")).isTrue();
        assertThat(InsurerNumber.isHealthInsuranceSociety("01130012")).isFalse();
        assertThat(InsurerNumber.isValid("0613001")).isFalse();
        assertThat(InsurerNumber.isValid("０６１３００１７")).isFalse();
    }
}
