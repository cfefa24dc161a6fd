package dev.tayori.inbound;

import dev.tayori.bounce.Classifier;
import dev.tayori.bounce.Understood;
import dev.tayori.config.InboundSettings;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * One poll of the inbound mailbox: each message is read, understood and acted on once, under its
 * key; what tayori does not recognise is left exactly where it was; what it handled is moved to the
 * processed folder (IMAP) or left and remembered (POP3).
 */
public final class Inbox {
    /** Larger messages are left unread: no report is this big, and reading one would hold the poll. */
    public static final int SIZE_LIMIT = 5 * 1024 * 1024;

    private final InboundSettings settings;
    private final Jdbi jdbi;
    private final Classifier classifier;
    private final Matching matching;
    private final Bounces bounces;
    private final SignUps signUps;
    private final Clock clock;

    public Inbox(InboundSettings settings, Jdbi jdbi, Classifier classifier, Bounces bounces, SignUps signUps,
            dev.tayori.subscriber.Subscribers subscribers, boolean verp, Clock clock) {
        this.settings = settings;
        this.jdbi = jdbi;
        this.classifier = classifier;
        this.matching = new Matching(jdbi, subscribers, verp);
        this.bounces = bounces;
        this.signUps = signUps;
        this.clock = clock;
    }

    /** What one poll did: a line per message, and how many confirmation mails it queued. */
    public record CheckReport(List<String> lines, int confirmationsQueued, boolean folders) {
    }

    /** Polls once. Throws {@link MailboxUnreachable} when the mailbox cannot be opened; nothing else escapes. */
    public CheckReport check() {
        if (!settings.configured()) {
            throw new MailboxUnreachable("no mailbox is set: set inbound.host, inbound.username and inbound.password");
        }
        List<String> lines = new ArrayList<>();
        int[] queued = {0};
        SignUps.HourlyCap cap = signUps.hourlyCap();
        try (MailStore store = MailStore.open(settings)) {
            List<Message> handled = new ArrayList<>();
            List<Message> messages;
            try {
                messages = store.messages();
            } catch (MessagingException e) {
                throw new MailboxUnreachable("cannot list the messages in " + settings.folder() + ": " + e.getMessage());
            }
            for (Message m : messages) {
                String line;
                try {
                    line = one(m, handled, store.hasFolders(), queued, cap);
                } catch (MessagingException | RuntimeException e) {
                    line = "left: could not be read (" + oneLine(e) + ")";
                }
                lines.add("#" + m.getMessageNumber() + " " + line);
            }
            try {
                store.moveToProcessed(handled);
            } catch (MessagingException | RuntimeException e) {
                lines.add("could not move " + handled.size() + " handled message(s) to " + settings.processedFolder()
                        + ": " + oneLine(e) + "; they stay in " + settings.folder() + " and are not handled twice");
            }
        }
        return new CheckReport(lines, queued[0], settings.protocol().hasFolders());
    }

    private String one(Message m, List<Message> handled, boolean folders, int[] queued, SignUps.HourlyCap cap) throws MessagingException {
        if (m.getSize() > SIZE_LIMIT) {
            // rounded up: a 5.9 MB message is "6 MB, larger than the 5 MB", never "5 MB, larger than the 5 MB"
            return "left: " + ((m.getSize() + 1024 * 1024 - 1) / (1024 * 1024)) + " MB, larger than the " + SIZE_LIMIT / (1024 * 1024)
                    + " MB tayori reads";
        }
        // a local copy of the raw bytes (IMAP BODY[]), parsed here: the server's own parse of a broken
        // message (its BODYSTRUCTURE) is never asked for, and every later read is local
        MimeMessage message = new MimeMessage((MimeMessage) m);
        String key = MessageKey.of(message);
        Optional<String> before = jdbi.withExtension(InboundDao.class, dao -> dao.handled(key));
        if (before.isPresent()) {
            handled.add(m); // still here: an earlier move did not happen
            return "already handled: " + before.get();
        }
        Understood understood = classifier.read(message);
        String messageId = key.startsWith("id:") ? key.substring(3) : null;
        Instant now = clock.instant();
        Matching.Result report = matching.report(understood, messageId, now);
        String outcome;
        if (understood instanceof Understood.Unrecognised u) {
            return u.what();
        } else if (understood instanceof Understood.Bounce || understood instanceof Understood.Complaint) {
            if (!report.found()) {
                return "left: " + understood.what() + ", " + report.why();
            }
            if (!claim(key, understood, now)) {
                return "already handled";
            }
            outcome = bounces.apply(report.report());
        } else if (understood instanceof Understood.AutoReply) {
            if (!claim(key, understood, now)) {
                return "already handled";
            }
            outcome = bounces.apply(report.report());
        } else if (understood instanceof Understood.BlankSignUp signUp) {
            if (cap.reached()) {
                return "left: " + understood.what() + ", " + cap.why(); // not claimed: a later check handles it
            }
            if (!claim(key, understood, now)) {
                return "already handled";
            }
            SignUps.Result result = signUps.request(signUp);
            cap.count(result);
            queued[0] += result.queued() ? 1 : 0;
            outcome = result.words();
        } else if (understood instanceof Understood.MailtoUnsubscribe unsubscribe) {
            Optional<String> done = signUps.unsubscribe(unsubscribe);
            if (done.isEmpty()) {
                return "left: " + understood.what() + " without a reader's token; read it yourself";
            }
            if (!claim(key, understood, now)) {
                return "already handled";
            }
            outcome = done.get();
        } else {
            return "left: " + understood.what();
        }
        String recorded = outcome;
        jdbi.useExtension(InboundDao.class, dao -> dao.setOutcome(key, recorded));
        handled.add(m);
        return understood.what() + ": " + outcome + (folders ? "; moved to " + settings.processedFolder()
                : "; kept in the mailbox (POP3), remembered by its Message-ID");
    }

    private boolean claim(String key, Understood understood, Instant now) {
        String kind = understood.getClass().getSimpleName();
        return jdbi.withExtension(InboundDao.class, dao -> dao.claim(key, kind, now, "in progress")) == 1;
    }

    private static String oneLine(Exception e) {
        String text = e.getMessage() != null ? e.getMessage()
                : e instanceof jakarta.mail.FolderClosedException || e instanceof jakarta.mail.StoreClosedException
                        ? "the server closed the connection" : "unreadable";
        String line = text.lines().findFirst().orElse("").trim();
        return line.length() > 200 ? line.substring(0, 200) + "…" : line;
    }
}
