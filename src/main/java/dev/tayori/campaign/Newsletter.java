package dev.tayori.campaign;

import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A recurring newsletter: an issue at {@code sendAt} on each of {@code days}, in {@code zone}, built
 * from the articles published since the issue before.
 *
 * @param catchUp how late a slot may still be sent after tayori was down; later, it is skipped
 * @param rereadNotInLast the re-read pick avoids articles featured in this many recent issues
 */
public record Newsletter(String id, String name, Path file, Set<DayOfWeek> days, LocalTime sendAt, ZoneId zone,
        String subject, String template, int articlesPerIssue, int excerptLength, boolean rereadWhenNothingNew,
        int rereadNotInLast, Duration catchUp, Map<String, String> linkParameters, int subjectLine, int templateLine)
        implements Campaign {

    @Override
    public String kind() {
        return "newsletter";
    }

    /** The latest slot at or before {@code at}, if one exists within the last week. */
    public Optional<Instant> latestSlotAtOrBefore(Instant at) {
        ZonedDateTime local = at.atZone(zone);
        for (int back = 0; back <= 7; back++) {
            ZonedDateTime day = local.minusDays(back);
            if (days.contains(day.getDayOfWeek())) {
                Instant slot = day.toLocalDate().atTime(sendAt).atZone(zone).toInstant();
                if (!slot.isAfter(at)) {
                    return Optional.of(slot);
                }
            }
        }
        return Optional.empty();
    }

    /** The first slot strictly after {@code at}. */
    public Instant nextSlotAfter(Instant at) {
        ZonedDateTime local = at.atZone(zone);
        for (int ahead = 0; ahead <= 8; ahead++) {
            ZonedDateTime day = local.plusDays(ahead);
            if (days.contains(day.getDayOfWeek())) {
                Instant slot = day.toLocalDate().atTime(sendAt).atZone(zone).toInstant();
                if (slot.isAfter(at)) {
                    return slot;
                }
            }
        }
        throw new IllegalStateException("a newsletter without days");
    }
}
