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
 * trusted only for a reader we have sent mail to, and only while mail goes out without VERP: with
 * {@code bounce.verp} on, every real bounce of our mail comes back to {@code bounces+TOKEN@}, so a
 * report that names nothing but an address is stray or forged (anyone who knows a reader's address
 * can write one). A report whose token or Message-ID names one reader's mail while it names another
 * reader's address is contradicting itself and is about nobody: acting on either would let a forged
 * report bounce a reader by borrowing a token.
 */
final class Matching {
    record Match(Subscriber subscriber, SentMail mail, String by, String why) {
        static Match none(String why) {
            return new Match(null, null, "none", why);
        }
    }

    /** What a report is about, or why it is about nobody (for the line `inbox check` prints). */
    record Result(Bounces.Report report, String why) {
        boolean found() {
            return report != null;
        }
    }

    static final String NOBODY = "about nobody we sent mail to (stray or forged)";
    static final String CONTRADICTS = "its VERP address or Message-ID names another reader's mail than the address it reports"
            + " (forged or garbled); read it yourself";
    static final String ADDRESS_ALONE = "it names only an address, no VERP token nor any of our Message-IDs; with bounce.verp"
            + " on a real bounce of our mail comes back to bounces+TOKEN@, so this one is stray or forged; read it yourself";

    private final Jdbi jdbi;
    private final Subscribers subscribers;
    private final boolean verp;

    /** @param verp bounce.verp: mail goes out with a VERP envelope, so a real bounce names its delivery */
    Matching(Jdbi jdbi, Subscribers subscribers, boolean verp) {
        this.jdbi = jdbi;
        this.subscribers = subscribers;
        this.verp = verp;
    }

    /** @param byAddressAlone whether the address alone may name the reader, as for an auto-reply's writer */
    Match of(Understood.Clues clues, String recipient, Instant now, boolean byAddressAlone) {
        Optional<Subscriber> named = reader(recipient);
        boolean contradicted = false;
        for (long id : clues.verpDeliveryIds()) {
            Optional<SentMail> mail = jdbi.withExtension(InboundDao.class, dao -> dao.deliveryById(id));
            Optional<Subscriber> s = mail.flatMap(m -> subscribers.byId(m.subscriberId()));
            // the token's check is no signature (mail/Verp): the report's recipient must agree
            if (s.isPresent() && (recipient.isEmpty() || sameAddress(s.get().email(), recipient))) {
                return new Match(s.get(), mail.get(), "verp", "");
            }
            contradicted |= s.isPresent() && named.isPresent();
        }
        for (String messageId : clues.messageIds()) {
            Optional<SentMail> mail = jdbi.withExtension(InboundDao.class, dao -> dao.deliveryByMessageId(messageId));
            Optional<Subscriber> s = mail.flatMap(m -> subscribers.byId(m.subscriberId()));
            // a recipient we do not know is the reader's forwarding address; another reader's is a contradiction
            if (s.isPresent() && (named.isEmpty() || named.get().id() == s.get().id())) {
                return new Match(s.get(), mail.get(), "message-id", "");
            }
            contradicted |= s.isPresent();
        }
        if (contradicted) {
            return Match.none(CONTRADICTS);
        }
        if (named.isPresent()) {
            if (verp && !byAddressAlone) {
                return Match.none(ADDRESS_ALONE);
            }
            Optional<SentMail> last = jdbi.withExtension(InboundDao.class, dao -> dao.lastSentTo(named.get().id(), now));
            if (last.isPresent()) {
                return new Match(named.get(), last.get(), "recipient", "");
            }
        }
        return Match.none(NOBODY);
    }

    /** The report a bounce, complaint or auto-reply makes, matched to its reader, or why it names nobody we mailed. */
    Result report(Understood understood, String messageId, Instant now) {
        if (understood instanceof Understood.Bounce b) {
            Match match = of(b.clues(), b.recipient(), now, false);
            InboundKind kind = b.kind() == BounceKind.HARD ? InboundKind.HARD
                    : b.kind() == BounceKind.SOFT ? InboundKind.SOFT : InboundKind.DELAYED;
            return match.subscriber() == null ? new Result(null, match.why()) : new Result(new Bounces.Report(kind,
                    match.subscriber(), match.mail(), recipient(b.recipient(), match), b.status(), b.diagnostic(), match.by(),
                    messageId), "");
        }
        if (understood instanceof Understood.Complaint c) {
            Match match = of(c.clues(), c.recipient(), now, false);
            return match.subscriber() == null ? new Result(null, match.why()) : new Result(new Bounces.Report(
                    InboundKind.COMPLAINT, match.subscriber(), match.mail(), recipient(c.recipient(), match), "",
                    "feedback-type " + c.feedbackType(), match.by(), messageId), "");
        }
        if (understood instanceof Understood.AutoReply a) {
            // an auto-reply is about whoever wrote it (it is only recorded); the mail it answers, when it says (In-Reply-To)
            Match match = of(a.clues(), a.from(), now, true);
            if (match.subscriber() == null) {
                match = new Match(reader(a.from()).orElse(null), null, "from", "");
            }
            return new Result(new Bounces.Report(InboundKind.AUTO_REPLY, match.subscriber(), match.mail(), a.from(),
                    "", a.subject(), match.by(), messageId), "");
        }
        return new Result(null, NOBODY);
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
