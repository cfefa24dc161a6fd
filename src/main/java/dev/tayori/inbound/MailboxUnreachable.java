package dev.tayori.inbound;

/** The mailbox cannot be opened; the message names the server and user, never the password. */
public final class MailboxUnreachable extends RuntimeException {
    public MailboxUnreachable(String message) {
        super(message);
    }
}
