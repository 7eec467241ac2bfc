package jp.kenpo.privacy.pages;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ValueFreeTest {

    @Test
    void aQuotedValueAndADateAreLeftOut() {
        assertThat(ValueFree.of("'1980-02-30' is not a date YYYY-MM-DD")).isEqualTo("… is not a date YYYY-MM-DD");
        assertThat(ValueFree.of("1990-01-01 is not a plausible birth date"))
                .isEqualTo("… is not a plausible birth date");
        assertThat(ValueFree.of("2019-04-01 must be after acquired_on 2020-04-01"))
                .isEqualTo("… must be after acquired_on …");
        assertThat(ValueFree.of("date \"4560230\" is neither GYYMMDD (7 digits) nor YYYYMMDD (8 digits)"))
                .isEqualTo("date … is neither GYYMMDD (7 digits) nor YYYYMMDD (8 digits)");
        assertThat(ValueFree.of("「山田 太郎」 is too long")).isEqualTo("… is too long");
    }

    @Test
    void wordsQuotedToNameSomethingStay() {
        assertThat(ValueFree.of("header column 1 is 'name' but should be 'insurer_number'"))
                .isEqualTo("header column 1 is 'name' but should be 'insurer_number'");
        assertThat(ValueFree.of("'spouse' must be insured or dependent"))
                .isEqualTo("'spouse' must be insured or dependent");
    }

    @Test
    void anIndividualNumberIsMaskedWhereverItStands() {
        assertThat(ValueFree.of("no member 06139912 123456789018-1-00 in the registry"))
                .doesNotContain("123456789018");
    }
}
