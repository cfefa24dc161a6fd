package dev.tayori.subscriber;

import org.jdbi.v3.core.mapper.reflect.ColumnName;

/**
 * Two subscribers whose addresses differ only in case (Jiro@Example.JP, jiro@example.jp), kept apart
 * by migration V008 because merging them is the operator's call. A lookup by address finds the first.
 */
public record AddressDuplicate(@ColumnName("first_id") long firstId, @ColumnName("first_email") String firstEmail,
        @ColumnName("first_status") String firstStatus, @ColumnName("second_id") long secondId,
        @ColumnName("second_email") String secondEmail, @ColumnName("second_status") String secondStatus) {

    /**
     * Both rows may get mail (pending or confirmed): the reader would receive every mail twice. Once
     * one of them is unsubscribed or bounced, the pair is history, not a problem.
     */
    public boolean bothMayGetMail() {
        return mayGetMail(firstStatus) && mayGetMail(secondStatus);
    }

    private static boolean mayGetMail(String status) {
        return SubscriberStatus.PENDING.db().equals(status) || SubscriberStatus.CONFIRMED.db().equals(status);
    }

    /** One line for the command line: both rows, and what to do. */
    public String line() {
        return "#" + firstId + " " + firstEmail + " (" + firstStatus + ") and #" + secondId + " " + secondEmail
                + " (" + secondStatus + ")" + (bothMayGetMail()
                        ? ": one reader, both may get mail; unsubscribe one of them on its admin page (/admin/subscribers/"
                        + secondId + ")" : ": one of them no longer gets mail");
    }
}
