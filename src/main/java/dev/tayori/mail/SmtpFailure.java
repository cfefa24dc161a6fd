package dev.tayori.mail;

/** Why a message was not accepted, sorted by what the sender should do about it. */
public class SmtpFailure extends Exception {
    public enum Kind {
        /** The server cannot be reached (no connection, no greeting, TLS failed, none configured): nothing can be sent now. */
        UNREACHABLE,
        /** The server answers but refuses our login (smtp.username, smtp.password): nothing can be sent now. */
        LOGIN_REFUSED,
        /** The connection dropped or the server closed it (421): reconnect and retry. */
        CONNECTION_LOST,
        /** A 4xx reply: try again later. */
        TRANSIENT,
        /** A 5xx reply for the recipient: the address does not accept mail (a hard bounce). */
        RECIPIENT_REJECTED,
        /** A 5xx reply for the message itself: retrying the same message will not help. */
        MESSAGE_REJECTED
    }

    private final Kind kind;
    private final int replyCode;

    public SmtpFailure(Kind kind, int replyCode, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.replyCode = replyCode;
    }

    public Kind kind() {
        return kind;
    }

    public int replyCode() {
        return replyCode;
    }
}
