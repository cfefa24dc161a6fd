package dev.tayori.campaign;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

/**
 * A drip sequence such as the 7-day workbook: step 1 at once on confirmation, each later step at
 * {@code sendAt} local time on a later local day than the step before.
 */
public record Sequence(String id, String name, Path file, LocalTime sendAt, List<Step> steps) implements Campaign {
    @Override
    public String kind() {
        return "sequence";
    }

    public Step step(int number) {
        return steps.get(number - 1);
    }

    public int size() {
        return steps.size();
    }

    /**
     * When the step after one sent at {@code sentAt} is due: the first send-at time on a local day after
     * the day of {@code sentAt}. Counting from when the step was actually sent, not when it was due,
     * is what keeps one step a day after downtime instead of a burst of catch-up mail.
     */
    public Instant nextDueAfter(Instant sentAt, ZoneId zone) {
        return sentAt.atZone(zone).toLocalDate().plusDays(1).atTime(sendAt).atZone(zone).toInstant();
    }
}
