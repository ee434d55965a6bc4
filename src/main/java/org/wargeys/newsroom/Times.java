package org.wargeys.newsroom;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Map;
import org.wargeys.web.Messages;

/**
 * Times as the newsroom shows them, always in the site's time zone: "10:02" for today, "25 Nov 2026,
 * 10:02" before or after, with the zone's abbreviation ("14:00 EAT") where a time is a promise
 * (scheduled publication, due times). Stateless.
 */
final class Times {

    private Times() {}

    /** "10:02" today, else the date and the time. */
    static String brief(Instant at, Messages msg, ZoneId zone, Instant now) {
        if (at == null) return "";
        if (sameDay(at, now, zone)) return pattern("HH:mm", at, msg, zone);
        return dateAndTime(at, msg, zone, "HH:mm");
    }

    /** "14:00 EAT" today, else with the date: for scheduled and due times. */
    static String zoned(Instant at, Messages msg, ZoneId zone, Instant now) {
        if (at == null) return "";
        if (sameDay(at, now, zone)) return pattern("HH:mm zzz", at, msg, zone);
        return dateAndTime(at, msg, zone, "HH:mm zzz");
    }

    /** The date and a 24-hour time ({@code timePattern}), joined as the language joins them. */
    static String dateAndTime(Instant at, Messages msg, ZoneId zone, String timePattern) {
        String date = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
                .withLocale(msg.language().locale())
                .withZone(zone)
                .format(at);
        return msg.format(
                "newsroom.time.date_and_time", Map.of("date", date, "time", pattern(timePattern, at, msg, zone)));
    }

    /** An ISO instant for a {@code <time datetime>} attribute. */
    static String iso(Instant at) {
        return at == null ? "" : at.toString();
    }

    private static String pattern(String pattern, Instant at, Messages msg, ZoneId zone) {
        return DateTimeFormatter.ofPattern(pattern, msg.language().locale())
                .withZone(zone)
                .format(at);
    }

    private static boolean sameDay(Instant a, Instant b, ZoneId zone) {
        return LocalDate.ofInstant(a, zone).equals(LocalDate.ofInstant(b, zone));
    }
}
