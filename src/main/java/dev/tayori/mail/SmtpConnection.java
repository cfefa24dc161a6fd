package dev.tayori.mail;

import dev.tayori.config.SmtpSettings;
import java.io.IOException;

/**
 * One SMTP connection, opened on first use and reused for every message after it (a new
 * connection per message costs a TCP and SMTP handshake each time). Messages are written by
 * {@link MessageBuilder} and carried by {@link SmtpSession}.
 */
public final class SmtpConnection implements AutoCloseable {
    private final SmtpSettings settings;
    /** The name tayori gives itself in EHLO: this machine's host name, found once. */
    private static final String HELO_NAME = heloName();
    private SmtpSession smtp;
    private int sentOnThisConnection;
    private boolean everOpened;

    public SmtpConnection(SmtpSettings settings) {
        this.settings = settings;
    }

    public String server() {
        return settings.host() + ":" + settings.port();
    }

    public void connect() throws SmtpFailure {
        // A dropped connection shows itself as a failure of the next send, which reconnects; asking
        // the server first (a NOOP) would cost a round trip per mail.
        if (smtp != null && smtp.isOpen()) {
            return;
        }
        if (!settings.configured()) {
            throw new SmtpFailure(SmtpFailure.Kind.UNREACHABLE, 0,
                    "no SMTP server is configured: set smtp.host (TAYORI_SMTP_HOST) and smtp.port (TAYORI_SMTP_PORT)", null);
        }
        SmtpSession opening = new SmtpSession(settings, HELO_NAME);
        try {
            opening.open();
            smtp = opening;
            sentOnThisConnection = 0;
            everOpened = true;
        } catch (SmtpFailure e) {
            opening.close();
            throw e;
        } catch (IOException e) {
            opening.close();
            throw new SmtpFailure(SmtpFailure.Kind.UNREACHABLE, 0, "cannot reach the SMTP server " + server()
                    + ": " + rootMessage(e), e);
        }
    }

    /**
     * Whether a session was ever opened here: the server answered, and took our TLS and our login. The
     * outbox tells the dashboard from this that the server is usable again, even when every mail of
     * the run was refused for its recipient.
     */
    public boolean everOpened() {
        return everOpened;
    }

    /** Sends one message as written; returns only when the server has answered 250 to its data. */
    public void send(MessageBuilder.Wire message) throws SmtpFailure {
        send(message, null);
    }

    /**
     * As {@link #send(MessageBuilder.Wire)}, announcing {@code next} as the mail that will be sent
     * after this one on this connection, so that its envelope travels with this one's data (see
     * {@link SmtpSession#send}). Sending anything else next is allowed: the connection is reopened.
     */
    public void send(MessageBuilder.Wire message, MessageBuilder.Wire next) throws SmtpFailure {
        if (smtp != null && smtp.ahead() != null && !smtp.ahead().equals(message.messageId())) {
            closeQuietly(); // an envelope for another mail is already on its way: start clean
        }
        boolean lastOnConnection = sentOnThisConnection + 1 >= settings.messagesPerConnection();
        if (sentOnThisConnection >= settings.messagesPerConnection()) {
            // servers limit messages per connection (Postfix: 100 by default with some setups); reopen first
            closeQuietly();
        }
        connect();
        try {
            smtp.send(message.from(), message.to(), message.bytes(), message.messageId(),
                    next == null || lastOnConnection ? null
                            : new SmtpSession.Envelope(next.from(), next.to(), next.messageId()));
            sentOnThisConnection++;
        } catch (SmtpFailure e) {
            if (e.kind() == SmtpFailure.Kind.CONNECTION_LOST) {
                closeQuietly();
            }
            throw e;
        } catch (IOException e) {
            // no reply at all: the line dropped, perhaps after the server took the message (uncertain)
            closeQuietly();
            throw new SmtpFailure(SmtpFailure.Kind.CONNECTION_LOST, 0, "the connection to " + server() + " was lost: "
                    + rootMessage(e), e);
        }
    }

    private void closeQuietly() {
        if (smtp != null) {
            smtp.close();
        }
        smtp = null;
        sentOnThisConnection = 0;
    }

    @Override
    public void close() {
        closeQuietly();
    }

    private static String heloName() {
        try {
            String name = java.net.InetAddress.getLocalHost().getHostName();
            return name.isBlank() ? "localhost" : name;
        } catch (IOException e) {
            return "localhost";
        }
    }

    static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
