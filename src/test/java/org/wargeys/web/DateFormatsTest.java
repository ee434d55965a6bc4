package org.wargeys.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class DateFormatsTest {

    static final ZoneId MOGADISHU = ZoneId.of("Africa/Mogadishu");
    static final Instant DAY = Instant.parse("2020-12-23T07:00:00Z");

    @Test
    void somali_dates_are_written_as_somali_outlets_print_them_not_as_the_nth_month() {
        assertThat(DateFormats.date(Locale.forLanguageTag("so"), MOGADISHU).format(DAY))
                .isEqualTo("23 Disembar 2020");
        assertThat(DateFormats.dateTime(Locale.forLanguageTag("so"), MOGADISHU).format(DAY))
                .isEqualTo("23 Disembar 2020, 10:00");
        assertThat(DateFormats.monthAndYear(Locale.forLanguageTag("so"), YearMonth.of(2021, 9)))
                .isEqualTo("Sebtembar 2021");
        for (int m = 1; m <= 12; m++) {
            assertThat(DateFormats.date(Locale.forLanguageTag("so"), MOGADISHU)
                            .format(YearMonth.of(2020, m).atDay(15).atStartOfDay(MOGADISHU)))
                    .doesNotContain("Bisha");
        }
    }

    @Test
    void english_and_arabic_keep_their_cldr_long_dates() {
        assertThat(DateFormats.date(Locale.ENGLISH, MOGADISHU).format(DAY)).isEqualTo("December 23, 2020");
        assertThat(DateFormats.monthAndYear(Locale.ENGLISH, YearMonth.of(2020, 12)))
                .isEqualTo("December 2020");
        assertThat(DateFormats.date(Locale.forLanguageTag("ar"), MOGADISHU).format(DAY))
                .contains("ديسمبر");
    }
}
