package dev.tayori.config;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** A limit such as 1000/1h or 2/s: at most {@code count} messages in any {@code period}. */
public record RateSpec(int count, Duration period) {
    /** Parses "N/s", "N/min", "N/h", "N/1h", "N/30min"; empty text is no limit (null). */
    public static RateSpec parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String[] parts = text.strip().split("/");
        if (parts.length != 2) {
            throw new IllegalArgumentException("write a limit like 1000/1h, 20/min or 2/s, not '" + text + "'");
        }
        int count;
        try {
            count = Integer.parseInt(parts[0].strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + parts[0].strip() + "' in '" + text + "' is not a whole number");
        }
        String unit = parts[1].strip().toLowerCase(Locale.ROOT);
        int amount = 1;
        int digits = 0;
        while (digits < unit.length() && Character.isDigit(unit.charAt(digits))) {
            digits++;
        }
        if (digits > 0) {
            amount = Integer.parseInt(unit.substring(0, digits));
            unit = unit.substring(digits);
        }
        Duration one = switch (unit) {
            case "s", "sec", "second" -> Duration.ofSeconds(1);
            case "m", "min", "minute" -> Duration.ofMinutes(1);
            case "h", "hour" -> Duration.ofHours(1);
            case "d", "day" -> Duration.ofDays(1);
            default -> throw new IllegalArgumentException("the period in '" + text + "' must be s, min, h or d");
        };
        if (count < 1 || amount < 1) {
            throw new IllegalArgumentException("'" + text + "' must allow at least one message per period");
        }
        return new RateSpec(count, one.multipliedBy(amount));
    }

    /** "docomo.ne.jp=2/s, ezweb.ne.jp=30/min" as a map from domain to limit. */
    public static Map<String, RateSpec> parseDomains(String text) {
        Map<String, RateSpec> limits = new LinkedHashMap<>();
        if (text == null || text.isBlank()) {
            return limits;
        }
        for (String entry : text.split(",")) {
            String[] kv = entry.strip().split("=");
            if (kv.length != 2 || kv[0].isBlank()) {
                throw new IllegalArgumentException("write domain limits like docomo.ne.jp=2/s, ezweb.ne.jp=30/min");
            }
            limits.put(kv[0].strip().toLowerCase(Locale.ROOT), parse(kv[1]));
        }
        return limits;
    }
}
