package dev.tayori.inbound;

import dev.tayori.config.InboundSettings;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import java.util.List;
import java.util.Properties;
import org.eclipse.angus.mail.imap.IMAPFolder;

/**
 * One open connection to the mailbox over IMAP(S) or POP3(S). Handled messages are moved to the
 * processed folder (created when missing), never deleted; POP3 has no folders, so there they stay
 * in the mailbox and the handled-messages table remembers them.
 */
final class MailStore implements AutoCloseable {
    private static final int TIMEOUT_MILLIS = 30_000;

    private final InboundSettings settings;
    private final Store store;
    private final Folder folder;

    private MailStore(InboundSettings settings, Store store, Folder folder) {
        this.settings = settings;
        this.store = store;
        this.folder = folder;
    }

    static MailStore open(InboundSettings settings) {
        String p = settings.protocol().store();
        Properties props = new Properties();
        props.put("mail.store.protocol", p);
        props.put("mail." + p + ".connectiontimeout", String.valueOf(TIMEOUT_MILLIS));
        props.put("mail." + p + ".timeout", String.valueOf(TIMEOUT_MILLIS));
        props.put("mail." + p + ".writetimeout", String.valueOf(TIMEOUT_MILLIS));
        if (settings.starttls()) {
            // required, not merely enabled: a server that does not offer it is refused, not used in clear
            props.put("mail." + p + ".starttls.enable", "true");
            props.put("mail." + p + ".starttls.required", "true");
        }
        if (p.endsWith("s") || settings.starttls()) {
            props.put("mail." + p + ".ssl.checkserveridentity", "true");
        }
        Session session = Session.getInstance(props);
        Store store = null;
        try {
            store = session.getStore(p);
            store.connect(settings.host(), settings.port(), settings.username(), settings.password());
            Folder folder = store.getFolder(settings.folder());
            folder.open(settings.protocol().hasFolders() ? Folder.READ_WRITE : Folder.READ_ONLY);
            return new MailStore(settings, store, folder);
        } catch (MessagingException | RuntimeException e) {
            closeQuietly(store);
            throw new MailboxUnreachable("cannot read the mailbox " + p + "://" + settings.username() + "@"
                    + settings.host() + ":" + settings.port() + "/" + settings.folder() + ": " + reason(e, settings));
        }
    }

    List<Message> messages() throws MessagingException {
        return List.of(folder.getMessages());
    }

    boolean hasFolders() {
        return settings.protocol().hasFolders();
    }

    /** Moves handled messages out of the folder tayori reads, into the processed folder. */
    void moveToProcessed(List<Message> handled) throws MessagingException {
        if (handled.isEmpty() || !hasFolders()) {
            return;
        }
        Folder processed = store.getFolder(settings.processedFolder());
        if (!processed.exists()) {
            processed.create(Folder.HOLDS_MESSAGES);
        }
        Message[] messages = handled.toArray(new Message[0]);
        if (folder instanceof IMAPFolder imap) {
            // MOVE where the server has it; else COPY, then \Deleted and UID EXPUNGE of these messages only
            imap.moveMessages(messages, processed);
        } else {
            folder.copyMessages(messages, processed);
        }
    }

    /** The server's words without the password, should a server echo it. */
    private static String reason(Exception e, InboundSettings settings) {
        String text = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        Throwable cause = e.getCause();
        if (cause != null && cause.getMessage() != null && !text.contains(cause.getMessage())) {
            text = text + " (" + cause.getMessage() + ")";
        }
        if (!settings.password().isEmpty()) {
            text = text.replace(settings.password(), "***");
        }
        return text.replaceAll("[\\r\\n]+", " ").trim();
    }

    private static void closeQuietly(Store store) {
        try {
            if (store != null) {
                store.close();
            }
        } catch (MessagingException e) {
            // already failing; the first error is the one reported
        }
    }

    @Override
    public void close() {
        try {
            if (folder.isOpen()) {
                folder.close(false); // no EXPUNGE: a message the operator marked deleted is theirs to remove
            }
        } catch (MessagingException e) {
            // closing a folder after a move: nothing left to lose
        }
        closeQuietly(store);
    }
}
