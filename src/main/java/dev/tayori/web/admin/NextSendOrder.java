package dev.tayori.web.admin;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Orders the dashboard's "next sends" soonest first. CampaignOverview says when as the operator
 * reads it ("sending", a local time with its offset as Formats.local writes it, "per subscriber, at
 * 07:00", "paused", "-"); the text is parsed back rather than the overview's rules repeated here.
 * An announcement going out now comes first, then dated sends by instant, then the sequences (a
 * time of day per subscriber), then campaigns with nothing ahead.
 */
record NextSendOrder(int rank, Instant at) implements Comparable<NextSendOrder> {
    /** The pattern of Formats.local: 2026-12-01 12:00 +09:00. */
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm xxx");

    static NextSendOrder of(String nextSend) {
        if ("sending".equals(nextSend)) {
            return new NextSendOrder(0, Instant.MIN);
        }
        try {
            return new NextSendOrder(1, OffsetDateTime.parse(nextSend, LOCAL).toInstant());
        } catch (DateTimeParseException | NullPointerException e) {
            return new NextSendOrder(nextSend != null && nextSend.startsWith("per subscriber") ? 2 : 3, Instant.MAX);
        }
    }

    @Override
    public int compareTo(NextSendOrder other) {
        return rank != other.rank ? Integer.compare(rank, other.rank) : at.compareTo(other.at);
    }
}
