package dev.tayori.subscriber;

import dev.tayori.mail.InvalidAddressException;

/**
 * Why one row of an import was skipped, with what each edge needs to say so in its own words: the
 * command line prints {@link #english()}, the admin's result page words the kind and its values in
 * Japanese (web/admin/ImportWords). Nothing branches on the English.
 */
public sealed interface SkipReason {
    /** The command line's words, as it has always printed them. */
    String english();

    /** The row has more or fewer cells than the header has columns. */
    record ColumnCount(int expected, int found) implements SkipReason {
        @Override
        public String english() {
            return "expected " + expected + " columns, found " + found;
        }
    }

    /** A status column that says something other than confirmed (an export of unsubscribed readers). */
    record NotConfirmed(String status) implements SkipReason {
        @Override
        public String english() {
            return "the status is " + status + "; only confirmed readers are imported";
        }
    }

    /** The email cell is no usable address; {@code english} is the address check's own sentence. */
    record BadAddress(String text, InvalidAddressException.Reason reason, String english) implements SkipReason {
    }

    /** The name cell would break a header or a page; {@code english} is the name check's own sentence. */
    record BadName(ReaderName.Problem problem, String english) implements SkipReason {
    }

    /** A tag with characters a tag may not hold. */
    record BadTag(String tag) implements SkipReason {
        @Override
        public String english() {
            return "tag '" + Visible.of(tag) + "' may only hold letters, digits, _ . -";
        }
    }

    /** A timezone cell that names no time zone; {@code suggestion} is the one meant, or null if none is clear. */
    record UnknownTimeZone(String text, String suggestion) implements SkipReason {
        @Override
        public String english() {
            return "timezone '" + Visible.of(text) + "' is not a time zone" + (suggestion == null ? " (e.g. Asia/Tokyo)"
                    : ": did you mean " + suggestion + "?");
        }
    }

    /** A confirmed_at cell that cannot be when the reader agreed. */
    record BadConfirmedAt(String text, When when) implements SkipReason {
        public enum When { UNREADABLE, FUTURE, BEFORE_2000 }

        @Override
        public String english() {
            return "confirmed_at '" + Visible.of(text) + "' " + switch (when) {
                case UNREADABLE -> "is not an instant such as 2026-11-24T07:00+09:00";
                case FUTURE -> "is in the future; consent is recorded after it was given (leave the cell empty for now)";
                case BEFORE_2000 -> "is before 2000; is the year right?";
            };
        }
    }

    /** The address was erased at the reader's request; {@code english} is the suppression list's own sentence. */
    record Suppressed(String address, String english) implements SkipReason {
    }

    /** The address is on an earlier line of the same file; only that first row is imported. */
    record Repeated(String address, long firstLine) implements SkipReason {
        @Override
        public String english() {
            return address + " is already on line " + firstLine + " of this file; only the first is imported";
        }
    }
}
