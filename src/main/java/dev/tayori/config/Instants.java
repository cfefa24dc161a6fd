package dev.tayori.config;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * Dates and times the operator types (the API's "at", the admin schedule form, the CLI's --at):
 * one reading and one sane range for all three. With an offset (2026-12-01T12:00+09:00) it is that
 * instant; without one (2026-12-01T12:00) it is read in the timezone setting, as the operator's
 * clock shows it. Years outside 2000-2100 are a typo (or an attack on date arithmetic: year
 * +999999999 overflows the planners), never a mailing.
 */
public final class Instants {
    public static final Instant EARLIEST = OffsetDateTime.of(2000, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC).toInstant();
    public static final Instant LATEST = OffsetDateTime.of(2101, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC).toInstant();
    /** The longest text worth parsing; anything longer is not a date. */
    private static final int MAX_LENGTH = 64;

    /** Why a text is not an instant tayori takes; the edge that shows it chooses the words. */
    public static final class Refused extends IllegalArgumentException {
        public enum Kind { NOT_A_DATE, OUT_OF_RANGE }

        private final Kind kind;

        Refused(Kind kind, String message) {
            super(message);
            this.kind = kind;
        }

        public Kind kind() {
            return kind;
        }
    }

    private Instants() {
    }

    public static Instant parse(String text, ZoneId zone) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty() || t.length() > MAX_LENGTH) {
            throw notADate(t.length() > MAX_LENGTH ? t.substring(0, MAX_LENGTH) + "..." : t, zone);
        }
        // "2026-12-01 12:00", as people write it, is the same as ISO's 2026-12-01T12:00
        t = t.replaceFirst("^(\\d{4}-\\d{2}-\\d{2}) +(\\d)", "$1T$2");
        Instant instant;
        try {
            instant = OffsetDateTime.parse(t).toInstant();
        } catch (DateTimeException withOffset) {
            try {
                instant = LocalDateTime.parse(t).atZone(zone).toInstant();
            } catch (DateTimeException local) {
                throw notADate(t, zone);
            }
        }
        return inRange(instant, t);
    }

    /** An instant from anywhere else (a CSV, a flag) held to the same range. */
    public static Instant inRange(Instant instant, String asGiven) {
        if (instant.isBefore(EARLIEST) || !instant.isBefore(LATEST)) {
            throw new Refused(Refused.Kind.OUT_OF_RANGE, "'" + asGiven + "' is outside the years 2000 to 2100");
        }
        return instant;
    }

    /** True when the text names its own offset, so no time zone was assumed. */
    public static boolean hasOffset(String text) {
        try {
            OffsetDateTime.parse(text.strip().replaceFirst("^(\\d{4}-\\d{2}-\\d{2}) +(\\d)", "$1T$2"));
            return true;
        } catch (DateTimeException e) {
            return false;
        }
    }

    private static Refused notADate(String t, ZoneId zone) {
        return new Refused(Refused.Kind.NOT_A_DATE, "'" + t + "' is not a date and time; write it like 2026-12-01T12:00+09:00,"
                + " or 2026-12-01T12:00 for " + zone.getId() + " time (the timezone setting)");
    }
}
