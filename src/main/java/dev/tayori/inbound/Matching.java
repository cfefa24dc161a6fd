package dev.tayori.inbound;

import dev.tayori.bounce.BounceKind;
import dev.tayori.bounce.Understood;
import dev.tayori.mail.EmailAddress;
import dev.tayori.subscriber.Subscriber;
import dev.tayori.subscriber.Subscribers;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * Which reader and which mail a report is about: by the VERP token of the address it came back to,
 * else by our Message-ID in the returned mail, else by the address it names. The address alone is
 * trusted only for a reader we have sent mail to: a report about anyone else is forged or stray.
 */
final class Matching {
    record Match(Subscriber subscriber, SentMail mail, String by) {
        static final Match NONE = new Match(null, null, "none");
    }

    private final Jdbi jdbi;
    private final Subscribers subscribers;

    Matching(Jdbi jdbi, Subscribers subscribers) {
        this.jdbi = jdbi;
        this.subscribers = subscribers;
    }

    Match of(Understood.Clues clues, String recipient, Instant now) {
        for (long id : clues.verpDeliveryIds()) {
            Optional<SentMail> mail = jdbi.withExtension(InboundDao.class, dao -> dao.deliveryById(id));
            Optional<Subscriber> s = mail.flatMap(m -> subscribers.byId(m.subscriberId()));
            // the token's check is not verified yet (mail/Verp will): the report's recipient must agree
            if (s.isPresent() && (recipient.isEmpty() || sameAddress(s.get().email(), recipient))) {
                return new Match(s.get(), mail.get(), "verp");
            }
        }
        for (String messageId : clues.messageIds()) {
            Optional<SentMail> mail = jdbi.withExtension(InboundDao.class, dao -> dao.deliveryByMessageId(messageId));
            Optional<Subscriber> s = mail.flatMap(m -> subscribers.byId(m.subscriberId()));
            if (s.isPresent()) {
                return new Match(s.get(), mail.get(), "message-id");
            }
        }
        Optional<Subscriber> s = reader(recipient);
        if (s.isPresent()) {
            Optional<SentMail> last = jdbi.withExtension(InboundDao.class, dao -> dao.lastSentTo(s.get().id(), now));
            if (last.isPresent()) {
                return new Match(s.get(), last.get(), "recipient");
            }
        }
        return Match.NONE;
    }

    /** The report a bounce, complaint or auto-reply makes, matched to its reader; empty when it names nobody we mailed. */
    Optional<Bounces.Report> report(Understood understood, String messageId, Instant now) {
        if (understood instanceof Understood.Bounce b) {
            Match match = of(b.clues(), b.recipient(), now);
            InboundKind kind = b.kind() == BounceKind.HARD ? InboundKind.HARD
                    : b.kind() == BounceKind.SOFT ? InboundKind.SOFT : InboundKind.DELAYED;
            return match.subscriber() == null ? Optional.empty() : Optional.of(new Bounces.Report(kind, match.subscriber(),
                    match.mail(), recipient(b.recipient(), match), b.status(), b.diagnostic(), match.by(), messageId));
        }
        if (understood instanceof Understood.Complaint c) {
            Match match = of(c.clues(), c.recipient(), now);
            return match.subscriber() == null ? Optional.empty() : Optional.of(new Bounces.Report(InboundKind.COMPLAINT,
                    match.subscriber(), match.mail(), recipient(c.recipient(), match), "", "feedback-type " + c.feedbackType(),
                    match.by(), messageId));
        }
        if (understood instanceof Understood.AutoReply a) {
            // an auto-reply is about whoever wrote it; the mail it answers, when it says (In-Reply-To)
            Match match = of(a.clues(), a.from(), now);
            if (match.subscriber() == null) {
                match = new Match(reader(a.from()).orElse(null), null, "from");
            }
            return Optional.of(new Bounces.Report(InboundKind.AUTO_REPLY, match.subscriber(), match.mail(), a.from(),
                    "", a.subject(), match.by(), messageId));
        }
        return Optional.empty();
    }

    private static String recipient(String named, Match match) {
        return named.isEmpty() ? match.subscriber().email() : named;
    }

    /** The reader with this address, if there is one and the address can be read at all. */
    Optional<Subscriber> reader(String address) {
        if (address == null || address.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(subscribers.byEmail(address));
        } catch (RuntimeException e) {
            return Optional.empty(); // not an address, or nobody we know
        }
    }

    private static boolean sameAddress(String a, String b) {
        try {
            return EmailAddress.parse(a).key().equals(EmailAddress.parse(b).key());
        } catch (RuntimeException e) {
            return false;
        }
    }
}
