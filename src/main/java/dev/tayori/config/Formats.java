package dev.tayori.config;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** How instants are shown to the operator: their own time zone, with the offset, to the minute. */
public final class Formats {
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm xxx");
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm");
    private static final DateTimeFormatter DAY_AND_CLOCK = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    /** An instant as Instant.toString() writes it, in UTC: 2026-12-03T22:00:00Z, 2026-12-03T22:00:00.123Z. */
    private static final Pattern UTC_INSTANT = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?Z");

    private Formats() {
    }

    public static String local(Instant instant, ZoneId zone) {
        return instant == null ? "-" : LOCAL.format(instant.atZone(zone));
    }

    /**
     * A time later today as a clock shows it, "12:04"; with the date, "2026-12-03 12:04", when it is
     * not {@code now}'s day (both in {@code zone}).
     */
    public static String clock(Instant instant, ZoneId zone, Instant now) {
        boolean today = instant.atZone(zone).toLocalDate().equals(now.atZone(zone).toLocalDate());
        return (today ? CLOCK : DAY_AND_CLOCK).format(instant.atZone(zone));
    }

    /**
     * A recorded reason with its UTC instants shown in local time. The planners store reasons such as
     * "missed: tayori was not sending from 2026-12-03T22:00:00Z until ..." once, in the database; the
     * operator reads them later, in their own zone.
     */
    public static String localInstantsIn(String text, ZoneId zone) {
        if (text == null) {
            return null;
        }
        Matcher m = UTC_INSTANT.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(local(Instant.parse(m.group()), zone)));
        }
        m.appendTail(out);
        return out.toString();
    }
}
