package dev.tayori.readers;

import dev.tayori.subscriber.SubscriberStatus;

/**
 * What the operator narrowed the list to: a part of an address or name, a status, a tag and a place
 * in the workbook. A null part is no condition; the same filter drives the page, the count said on a
 * bulk confirmation, the bulk action itself and the export, so they always agree.
 */
public record ReaderFilter(String text, SubscriberStatus status, String tag, Place place, Integer lesson) {
    /** Where a reader is in the workbook. */
    public enum Place {
        /** Still receiving it; with a lesson number, only those whose next lesson is that one. */
        IN_PROGRESS("active"),
        FINISHED("finished"),
        NOT_ENROLLED("none");

        final String sql;

        Place(String sql) {
            this.sql = sql;
        }
    }

    public static final ReaderFilter ALL = new ReaderFilter(null, null, null, null, null);

    public ReaderFilter {
        text = text == null || text.isBlank() ? null : text.strip();
        tag = tag == null || tag.isBlank() ? null : tag.strip();
        lesson = place == Place.IN_PROGRESS ? lesson : null;
    }

    /** The LIKE pattern for a partial match, with the wildcards the operator typed taken literally. */
    String pattern() {
        if (text == null) {
            return null;
        }
        return "%" + text.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
    }
}
