package dev.tayori.delivery;

import dev.tayori.mail.SmtpFailure;

/**
 * Why a sending run stopped before the end of what was due. Code that acts on it (the dashboard's
 * SMTP warning, "wait for the window" against "something is wrong") branches on {@link #reason()};
 * {@link #detail()} is the English line for the log and the command line, never tested; {@link #hold()}
 * is the full sending limit and until when, for a stop that waits.
 */
public record Stop(Reason reason, String detail, dev.tayori.limits.Hold hold) {
    public Stop(Reason reason, String detail) {
        this(reason, detail, null);
    }

    /** A full sending limit, with the instant it has room again (kept in the database for every node). */
    static Stop held(dev.tayori.limits.Hold hold) {
        return new Stop(Reason.SENDING_LIMIT, "waiting: " + hold.limit().reason(), hold);
    }

    public enum Reason {
        /** No connection, no greeting, TLS failed, or no server configured: nothing can be sent. */
        SMTP_UNREACHABLE,
        /** The server answers but refuses our login (smtp.username, smtp.password). */
        LOGIN_REFUSED,
        /** A sending limit (smtp.window, smtp.rate) is full: nothing is wrong, the rest waits for it. */
        SENDING_LIMIT,
        /** The sender settings lack what every mail must carry; nothing was claimed. */
        SETTINGS_MISSING,
        /** A mail went out whose "sent" could not be written: going on could send mail twice. */
        NOT_RECORDED,
        /** The database could not be read while sending. */
        DATABASE,
        /** The process is shutting down. */
        INTERRUPTED
    }

    /** The stop for a server that cannot be used at all (the kinds {@link RowSender} gives up on). */
    static Stop of(SmtpFailure unusable) {
        return new Stop(unusable.kind() == SmtpFailure.Kind.LOGIN_REFUSED ? Reason.LOGIN_REFUSED : Reason.SMTP_UNREACHABLE,
                unusable.getMessage());
    }

    /** A full sending limit: the run ends, and the rest goes in a later one. */
    public boolean waits() {
        return reason == Reason.SENDING_LIMIT;
    }

    /** The SMTP server cannot be used: what the dashboard warns about until a run reaches it again. */
    public boolean smtpUnusable() {
        return reason == Reason.SMTP_UNREACHABLE || reason == Reason.LOGIN_REFUSED;
    }
}
