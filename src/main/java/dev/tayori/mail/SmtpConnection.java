package dev.tayori.mail;

import dev.tayori.config.SmtpSettings;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.util.Properties;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;

/**
 * One SMTP connection, opened on first use and reused for every message after it (a new
 * connection per message costs a TCP and SMTP handshake each time).
 */
public final class SmtpConnection implements AutoCloseable {
    private final SmtpSettings settings;
    private final Session session;
    private Transport transport;
    private int sentOnThisConnection;

    public SmtpConnection(SmtpSettings settings) {
        this.settings = settings;
        this.session = session(settings);
    }

    static {
        // Jakarta Mail 2.1 looks its StreamProvider up with a ServiceLoader every time it encodes a part
        // or a header (jakartaee/mail-api#861): a scan of the whole class path per call, the largest
        // single cost of sending a mail. Naming the provider makes that lookup a cached Class.forName.
        if (System.getProperty("jakarta.mail.util.StreamProvider") == null) {
            System.setProperty("jakarta.mail.util.StreamProvider", "org.eclipse.angus.mail.util.MailStreamProvider");
        }
    }

    public static Session session(SmtpSettings settings) {
        Properties props = new Properties();
        props.put("mail.smtp.host", settings.host());
        props.put("mail.smtp.port", String.valueOf(settings.port()));
        props.put("mail.smtp.auth", String.valueOf(!settings.username().isBlank()));
        props.put("mail.smtp.starttls.enable", String.valueOf(settings.starttls()));
        props.put("mail.smtp.starttls.required", String.valueOf(settings.starttls()));
        String timeout = String.valueOf(settings.timeoutSeconds() * 1000);
        props.put("mail.smtp.connectiontimeout", timeout);
        props.put("mail.smtp.timeout", timeout);
        props.put("mail.smtp.writetimeout", timeout);
        props.put("mail.smtp.quitwait", "false");
        props.put("mail.smtp.socketFactory", new NoDelaySocketFactory());
        props.put("mail.mime.charset", "UTF-8");
        return Session.getInstance(props);
    }

    public Session session() {
        return session;
    }

    public String server() {
        return settings.host() + ":" + settings.port();
    }

    public void connect() throws SmtpFailure {
        // Transport.isConnected() would send a NOOP and wait for its reply before every message; a
        // dropped connection shows itself as a failure of the send instead, which reconnects.
        if (transport != null) {
            return;
        }
        if (!settings.configured()) {
            throw new SmtpFailure(SmtpFailure.Kind.UNREACHABLE, 0,
                    "no SMTP server is configured: set smtp.host (TAYORI_SMTP_HOST) and smtp.port (TAYORI_SMTP_PORT)", null);
        }
        try {
            Transport opening = session.getTransport("smtp");
            if (settings.username().isBlank()) {
                opening.connect();
            } else {
                opening.connect(settings.host(), settings.port(), settings.username(), settings.password());
            }
            transport = opening;
        } catch (AuthenticationFailedException e) {
            throw new SmtpFailure(SmtpFailure.Kind.UNREACHABLE, 535, "the SMTP server " + server()
                    + " refused the login for smtp.username '" + settings.username() + "'", e);
        } catch (MessagingException e) {
            throw new SmtpFailure(SmtpFailure.Kind.UNREACHABLE, 0, "cannot reach the SMTP server " + server()
                    + ": " + rootMessage(e), e);
        }
    }

    /** Sends one message; returns only when the server has answered 250 to its data. */
    public void send(MimeMessage message) throws SmtpFailure {
        if (sentOnThisConnection >= settings.messagesPerConnection()) {
            // servers limit messages per connection (Postfix: 100 by default with some setups); reopen first
            closeQuietly();
        }
        connect();
        try {
            transport.sendMessage(message, message.getAllRecipients());
            sentOnThisConnection++;
        } catch (SendFailedException e) {
            throw classify(e);
        } catch (MessagingException e) {
            throw classify(e);
        } catch (IllegalStateException e) {
            closeQuietly();
            throw new SmtpFailure(SmtpFailure.Kind.CONNECTION_LOST, 0, "the connection to " + server() + " was lost", e);
        }
    }

    private SmtpFailure classify(MessagingException e) {
        for (Exception next = e; next != null; next = next instanceof MessagingException m ? m.getNextException() : null) {
            if (next instanceof SMTPAddressFailedException address) {
                return byCode(address.getReturnCode(), true, address);
            }
            if (next instanceof SMTPSendFailedException send) {
                return byCode(send.getReturnCode(), false, send);
            }
            if (next instanceof IOException) {
                return lost(e);
            }
        }
        if (e.getCause() instanceof IOException || !transport.isConnected()) {
            return lost(e);
        }
        return new SmtpFailure(SmtpFailure.Kind.TRANSIENT, 0, rootMessage(e), e);
    }

    private SmtpFailure byCode(int code, boolean recipient, MessagingException e) {
        String reply = e.getMessage() == null ? String.valueOf(code) : e.getMessage().strip();
        if (code < 0 || !transport.isConnected()) {
            // no reply at all: the line dropped, perhaps after the server took the message (uncertain)
            return lost(e);
        }
        if (code == 421) {
            closeQuietly();
            return new SmtpFailure(SmtpFailure.Kind.CONNECTION_LOST, code, "the server closed the connection: " + reply, e);
        }
        if (code >= 500) {
            return new SmtpFailure(recipient ? SmtpFailure.Kind.RECIPIENT_REJECTED : SmtpFailure.Kind.MESSAGE_REJECTED,
                    code, reply, e);
        }
        return new SmtpFailure(SmtpFailure.Kind.TRANSIENT, code, reply, e);
    }

    private SmtpFailure lost(MessagingException e) {
        closeQuietly();
        return new SmtpFailure(SmtpFailure.Kind.CONNECTION_LOST, 0, "the connection to " + server() + " was lost: "
                + rootMessage(e), e);
    }

    private void closeQuietly() {
        try {
            if (transport != null) {
                transport.close();
            }
        } catch (MessagingException ignored) {
            // the connection is gone either way
        }
        transport = null;
        sentOnThisConnection = 0;
    }

    @Override
    public void close() {
        closeQuietly();
    }

    static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
