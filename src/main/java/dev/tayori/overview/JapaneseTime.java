package dev.tayori.overview;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.Locale;

/**
 * Dates and times as the operator reads them on the admin pages: 「12月11日(金) 12:00」, the weekday
 * in Japanese, the year only when it is not this year's (a send next January says 「2027年1月8日(金)」,
 * so December's operator does not read it as last January).
 */
public final class JapaneseTime {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private JapaneseTime() {
    }

    /** 「12月11日(金) 12:00」, or 「2027年1月8日(金) 07:00」 outside {@code now}'s year; "-" for none. */
    public static String dateTime(Instant at, ZoneId zone, Instant now) {
        if (at == null) {
            return "-";
        }
        ZonedDateTime t = at.atZone(zone);
        String year = t.getYear() == now.atZone(zone).getYear() ? "" : t.getYear() + "年";
        return year + t.getMonthValue() + "月" + t.getDayOfMonth() + "日(" + weekday(t.toLocalDate()) + ") " + TIME.format(t);
    }

    /** 「2026年11月1日(日)」 */
    public static String day(LocalDate day) {
        return day.getYear() + "年" + day.getMonthValue() + "月" + day.getDayOfMonth() + "日(" + weekday(day) + ")";
    }

    private static String weekday(LocalDate day) {
        return day.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.JAPANESE);
    }
}
