package dev.tayori.campaign;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** The names of the built-in segments, and what is wrong with a name that is not one. */
public final class Segments {
    public static final String VALID = "all, workbook-finished, workbook-in-progress, confirmed-before:YYYY-MM-DD, tag:NAME";

    private Segments() {
    }

    /** Null when {@code name} is a valid segment, else the reason with the list of valid ones. */
    public static String problem(String name) {
        if (name.equals("all") || name.equals("workbook-finished") || name.equals("workbook-in-progress")) {
            return null;
        }
        if (name.startsWith("confirmed-before:")) {
            try {
                LocalDate.parse(name.substring("confirmed-before:".length()));
                return null;
            } catch (DateTimeParseException e) {
                return "segment '" + name + "': the date must be written like confirmed-before:2026-11-01";
            }
        }
        if (name.startsWith("tag:") && name.length() > 4 && name.substring(4).matches("[\\p{L}\\p{N}_.-]{1,50}")) {
            return null;
        }
        return "unknown segment '" + name + "'; valid segments: " + VALID;
    }
}
