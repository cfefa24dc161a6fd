package dev.tayori.campaign;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

/** The names of the built-in segments, and what is wrong with a name that is not one. */
public final class Segments {
    public static final String VALID = "all, workbook-finished, workbook-in-progress, confirmed-before:YYYY-MM-DD, tag:NAME";
    /** The segments that take no parameter, in the order the operator sees them. */
    public static final List<String> FIXED = List.of("all", "workbook-finished", "workbook-in-progress");
    public static final String CONFIRMED_BEFORE = "confirmed-before:";
    public static final String TAG = "tag:";
    private static final int FIRST_YEAR = 2000;
    private static final int LAST_YEAR = 2100;

    /** Why a name is not a segment; each edge chooses its own words for it. */
    public enum Problem { UNKNOWN, BAD_DATE }

    private Segments() {
    }

    /** Empty when {@code name} is a valid segment. */
    public static Optional<Problem> check(String name) {
        if (FIXED.contains(name)) {
            return Optional.empty();
        }
        if (name.startsWith(CONFIRMED_BEFORE)) {
            try {
                // The years every instant the operator types is held to (config/Instants): a day in year
                // +99999 is a typo that reads as "everyone", and is no mailing anyone means.
                int year = LocalDate.parse(name.substring(CONFIRMED_BEFORE.length())).getYear();
                return year >= FIRST_YEAR && year <= LAST_YEAR ? Optional.empty() : Optional.of(Problem.BAD_DATE);
            } catch (DateTimeParseException e) {
                return Optional.of(Problem.BAD_DATE);
            }
        }
        return isTagName(name.startsWith(TAG) ? name.substring(TAG.length()) : null)
                ? Optional.empty() : Optional.of(Problem.UNKNOWN);
    }

    /** Whether a tag can be named in a segment (tag:NAME): letters, digits, _ . - and at most 50 of them. */
    public static boolean isTagName(String tag) {
        return tag != null && tag.matches("[\\p{L}\\p{N}_.-]{1,50}");
    }

    /** Null when {@code name} is a valid segment, else the reason with the list of valid ones (English, for files, CLI and API). */
    public static String problem(String name) {
        return check(name).map(p -> p == Problem.BAD_DATE
                ? "segment '" + name + "': the date must be a day of the years " + FIRST_YEAR + " to " + LAST_YEAR
                        + ", written like confirmed-before:2026-11-01"
                : "unknown segment '" + name + "'; valid segments: " + VALID).orElse(null);
    }
}
