package org.wargeys.web;

import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.FormatStyle;
import java.time.temporal.ChronoField;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The date formats readers see, per language: the JDK's CLDR formats, except for Somali, where the
 * site follows what Somali news outlets print. Immutable.
 *
 * <p>Somali (looked up 2026-11-29, see docs/dates.md): the CLDR data in Java 17 gives "23 Bisha Laba iyo
 * Tobnaad 2020" ("the twelfth month") for the long date, a form Somali newsrooms do not use; BBC News
 * Somali prints "23 Disembar 2020" (day, month name, year, with the month names below), and Somali
 * outlets write the same names in running text ("Bishii Sebtembar 30-keedii"). Current CLDR's own
 * stand-alone names (Jannaayo … Desembar) differ in a few spellings; the outlets win.
 */
final class DateFormats {

    /** BBC News Somali's month names, January to December. */
    static final List<String> SOMALI_MONTHS = List.of(
            "Jannaayo",
            "Febraayo",
            "Maarso",
            "Abriil",
            "Maajo",
            "Juunyo",
            "Luulyo",
            "Agoosto",
            "Sebtembar",
            "Oktoobar",
            "Nofembar",
            "Disembar");

    private DateFormats() {}

    /** The long date: "23 December 2020", "23 Disembar 2020", "٢٣ ديسمبر ٢٠٢٠". */
    static DateTimeFormatter date(Locale locale, ZoneId zone) {
        if (somali(locale)) return somali("d MMMM y", locale).withZone(zone);
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG)
                .withLocale(locale)
                .withZone(zone);
    }

    /** The long date with the time of day. */
    static DateTimeFormatter dateTime(Locale locale, ZoneId zone) {
        if (somali(locale)) return somali("d MMMM y, HH:mm", locale).withZone(zone);
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.LONG, FormatStyle.SHORT)
                .withLocale(locale)
                .withZone(zone);
    }

    /** A month of a year, as an archive's title names it: "December 2020", "Disembar 2020". */
    static String monthAndYear(Locale locale, YearMonth month) {
        if (somali(locale)) return somali("MMMM y", locale).format(month);
        return DateTimeFormatter.ofPattern("LLLL y", locale).format(month);
    }

    private static boolean somali(Locale locale) {
        return locale.getLanguage().equals("so");
    }

    /** A pattern whose {@code MMMM} is spelled with {@link #SOMALI_MONTHS}. */
    private static DateTimeFormatter somali(String pattern, Locale locale) {
        Map<Long, String> months = new LinkedHashMap<>();
        for (int m = 1; m <= 12; m++) months.put((long) m, SOMALI_MONTHS.get(m - 1));
        String[] parts = pattern.split("MMMM", -1);
        return new DateTimeFormatterBuilder()
                .appendPattern(parts[0])
                .appendText(ChronoField.MONTH_OF_YEAR, months)
                .appendPattern(parts[1])
                .toFormatter(locale);
    }
}
