package jp.kenpo.privacy.formats.era;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.YearMonth;
import jp.kenpo.privacy.formats.InvalidValueException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReceiptDatesTest {

    @ParameterizedTest
    @CsvSource({
        "1010101, 1868-01-01", // 明治元年
        "1450729, 1912-07-29", // last day of 明治
        "2010730, 1912-07-30", // 大正元年 first day
        "2151224, 1926-12-24",
        "3011225, 1926-12-25", // 昭和元年
        "3640107, 1989-01-07", // last day of 昭和
        "4010108, 1989-01-08", // 平成元年
        "4310430, 2019-04-30", // last day of 平成
        "5010501, 2019-05-01", // 令和元年
        "5060229, 2024-02-29", // leap day
        "20240229, 2024-02-29",
        "19800415, 1980-04-15"
    })
    void convertsDatesExactly(String recorded, LocalDate expected) {
        assertThat(ReceiptDates.parseDate(recorded)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({
        "4310501, 平成31年 does not include 2019-05-01",
        "5010430, 令和1年 does not include 2019-04-30",
        "3640108, 昭和64年 does not include 1989-01-08",
        "4010107, 平成1年 does not include 1989-01-07",
        "5050229, impossible date 5050229",
        "20230229, impossible date 20230229",
        "20241301, impossible date 20241301",
        "6010101, unknown 年号区分コード '6'",
        "0010101, unknown 年号区分コード '0'",
        "4000101, era year 00",
        "401010, neither GYYMMDD",
        "2024-01-01, neither GYYMMDD",
        "4A10101, non-digit"
    })
    void refusesImpossibleDates(String recorded, String reason) {
        assertThatThrownBy(() -> ReceiptDates.parseDate(recorded))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining(reason);
    }

    @Test
    void monthsOnTheHeiseiReiwaBoundary() {
        assertThat(ReceiptDates.parseYearMonth("43104")).isEqualTo(YearMonth.of(2019, 4));
        assertThat(ReceiptDates.parseYearMonth("50105")).isEqualTo(YearMonth.of(2019, 5));
        assertThat(ReceiptDates.parseYearMonth("202405")).isEqualTo(YearMonth.of(2024, 5));
        assertThatThrownBy(() -> ReceiptDates.parseYearMonth("43105")).hasMessageContaining("does not include");
        assertThatThrownBy(() -> ReceiptDates.parseYearMonth("50104")).hasMessageContaining("does not include");
        assertThatThrownBy(() -> ReceiptDates.parseYearMonth("202413")).hasMessageContaining("impossible month");
        assertThatThrownBy(() -> ReceiptDates.parseYearMonth("2024")).hasMessageContaining("neither GYYMM");
    }

    @Test
    void aMonthSpanningTwoErasBelongsToBoth() {
        // 昭和64年1月 (1–7 January) and 平成元年1月 (8–31 January) are the same month
        assertThat(ReceiptDates.parseYearMonth("36401")).isEqualTo(YearMonth.of(1989, 1));
        assertThat(ReceiptDates.parseYearMonth("40101")).isEqualTo(YearMonth.of(1989, 1));
    }

    @Test
    void eraFormsRoundTrip() {
        for (LocalDate d = LocalDate.of(1868, 1, 1); d.isBefore(LocalDate.of(2031, 1, 1)); d = d.plusDays(1)) {
            assertThat(ReceiptDates.parseDate(ReceiptDates.formatEraDate(d))).isEqualTo(d);
            assertThat(ReceiptDates.parseDate(ReceiptDates.formatDate(d))).isEqualTo(d);
        }
        assertThat(ReceiptDates.formatEraDate(LocalDate.of(2019, 4, 30))).isEqualTo("4310430");
        assertThat(ReceiptDates.formatEraDate(LocalDate.of(2019, 5, 1))).isEqualTo("5010501");
        assertThat(ReceiptDates.formatEraYearMonth(YearMonth.of(2019, 5))).isEqualTo("50105");
        assertThat(ReceiptDates.formatEraYearMonth(YearMonth.of(2019, 4))).isEqualTo("43104");
    }
}
