package dev.tayori.subscriber;

import dev.tayori.mail.EmailAddress;
import dev.tayori.mail.InvalidAddressException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVRecord;

/**
 * One data row of an import read into a reader, or refused with a {@link SkipReason} the edges put
 * in the operator's words (the import reports it by line and goes on with the other rows).
 */
final class ImportRows {
    record Row(long line, EmailAddress address, String name, ZoneId zone, List<String> tags, Instant confirmedAt) {
    }

    /** Consent older than this is a typo in the year (0226, 1926), not a reader of this newsletter. */
    static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");

    // Excel on Japanese Windows writes dates as 2026/10/01 9:00; people type 2026-10-01 or 2026-10-01 09:00.
    private static final DateTimeFormatter LOCAL = new DateTimeFormatterBuilder()
            .appendPattern("uuuu[-][/]M[-][/]d[['T'][' ']H:mm[:ss]]").toFormatter(Locale.ROOT)
            .withResolverStyle(ResolverStyle.STRICT);

    private final ImportHeader header;
    private final ZoneId defaultZone;
    private final Instant now;

    ImportRows(ImportHeader header, ZoneId defaultZone, Instant now) {
        this.header = header;
        this.defaultZone = defaultZone;
        this.now = now;
    }

    /** The row, or a {@link RowRefused} saying why not. */
    Row parse(CSVRecord record, long line) {
        if (record.size() != header.size()) {
            throw new RowRefused(new SkipReason.ColumnCount(header.size(), record.size()));
        }
        String status = header.get(record, "status");
        if (!status.isEmpty() && !status.equals(SubscriberStatus.CONFIRMED.db())) {
            throw new RowRefused(new SkipReason.NotConfirmed(status));
        }
        String email = header.get(record, "email");
        EmailAddress address;
        try {
            address = EmailAddress.parse(email);
        } catch (InvalidAddressException e) {
            throw new RowRefused(new SkipReason.BadAddress(email, e.reason(), e.getMessage()));
        }
        String name;
        try {
            name = ReaderName.check(header.get(record, "name"));
        } catch (ReaderName.Refused e) {
            throw new RowRefused(new SkipReason.BadName(e.problem(), e.getMessage()));
        }
        String zoneText = header.get(record, "timezone");
        ZoneId zone = zoneText.isEmpty() ? defaultZone : zone(zoneText);
        List<String> tags = new ArrayList<>();
        for (String tag : header.get(record, "tags").split("[;|]")) {
            if (!tag.isBlank()) {
                if (!tag.strip().matches("[\\p{L}\\p{N}_.-]{1,50}")) {
                    throw new RowRefused(new SkipReason.BadTag(tag.strip()));
                }
                tags.add(tag.strip());
            }
        }
        String confirmedText = header.get(record, "confirmed_at");
        Instant confirmedAt = confirmedText.isEmpty() ? now : confirmedAt(confirmedText, zone);
        return new Row(line, address, name, zone, tags, confirmedAt);
    }

    // The parsers below name the column and show a value that would do: java.time's own messages
    // ("Text '...' could not be parsed at index 0") mean nothing to the operator who wrote the CSV.
    static ZoneId zone(String text) {
        if (text.equalsIgnoreCase("JST")) {
            return ZoneId.of("Asia/Tokyo"); // what Japanese operators write; the one meaning it has here
        }
        try {
            return ZoneId.of(text);
        } catch (DateTimeException e) {
            String city = text.replace(' ', '_');
            for (String id : ZoneId.getAvailableZoneIds()) {
                if (id.equalsIgnoreCase(text)) {
                    return ZoneId.of(id);
                }
            }
            for (String id : ZoneId.getAvailableZoneIds()) {
                if (id.contains("/") && id.substring(id.lastIndexOf('/') + 1).equalsIgnoreCase(city)) {
                    throw new RowRefused(new SkipReason.UnknownTimeZone(text, id));
                }
            }
            throw new RowRefused(new SkipReason.UnknownTimeZone(text, null));
        }
    }

    /** An instant with an offset, or a local date and time read in the reader's time zone. */
    Instant confirmedAt(String text, ZoneId zone) {
        Instant at;
        try {
            at = OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeException e) {
            try {
                TemporalAccessor local = LOCAL.parseBest(text, LocalDateTime::from, LocalDate::from);
                at = local instanceof LocalDateTime t ? t.atZone(zone).toInstant()
                        : ((LocalDate) local).atStartOfDay(zone).toInstant();
            } catch (DateTimeException e2) {
                throw new RowRefused(new SkipReason.BadConfirmedAt(text, SkipReason.BadConfirmedAt.When.UNREADABLE));
            }
        }
        if (at.isAfter(now)) {
            throw new RowRefused(new SkipReason.BadConfirmedAt(text, SkipReason.BadConfirmedAt.When.FUTURE));
        }
        if (at.isBefore(EARLIEST)) {
            throw new RowRefused(new SkipReason.BadConfirmedAt(text, SkipReason.BadConfirmedAt.When.BEFORE_2000));
        }
        return at;
    }
}
