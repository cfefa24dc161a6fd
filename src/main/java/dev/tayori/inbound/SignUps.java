package dev.tayori.inbound;

import dev.tayori.bounce.Understood;
import dev.tayori.mail.EmailAddress;
import dev.tayori.subscriber.ConsentRecord;
import dev.tayori.subscriber.Subscriber;
import dev.tayori.subscriber.SubscriberStatus;
import dev.tayori.subscriber.Subscribers;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Sign-up and unsubscribe by mail. 空メール登録 starts the same double opt-in as the web form, with
 * the same limit (one confirmation per address per 10 minutes); its consent record says "blank
 * mail" and keeps the Message-ID and Received chain as origin. The sender's display name is not
 * used: nothing a stranger typed goes into a confirmation. A forged sender only gets a
 * confirmation nobody clicks; and since the per-address limit does nothing against many forged
 * senders (the web form has its per-IP limit, mail has no IP we can trust), at most
 * {@value #MOST_PER_HOUR} confirmations an hour are started by blank mail in all.
 */
public final class SignUps {
    /** As the web form: a pending address gets at most one confirmation mail per 10 minutes. */
    static final Duration RESEND_AFTER = Duration.ofMinutes(10);
    /**
     * Confirmations started by blank mail in any hour, all senders together: without it a flood of
     * blank mails with forged senders would make tayori mail each of those strangers (a spam relay).
     * A blank mail over it stays in the mailbox unhandled and is handled at a later check, so a real
     * reader is only late, never lost. Far above what one blog's readers send by mail in an hour.
     */
    static final int MOST_PER_HOUR = 30;
    static final Duration CAP_PERIOD = Duration.ofHours(1);
    /** The consent record's source for a blank mail, and what the hourly cap counts. */
    static final String SOURCE = "blank mail";
    private static final Set<String> DAEMONS = Set.of("mailer-daemon", "postmaster", "noreply", "no-reply");

    private final Subscribers subscribers;
    private final Clock clock;
    private final Set<String> ours;

    /** @param ours tayori's own addresses: a confirmation to one of them would mail itself in a loop */
    public SignUps(Subscribers subscribers, Clock clock, Set<String> ours) {
        this.subscribers = subscribers;
        this.clock = clock;
        this.ours = ours;
    }

    record Result(String words, boolean queued) {
    }

    /**
     * The hourly cap for one poll: the confirmations blank mail started in the last hour are counted
     * once, in the database (every node's, from the consent records), then this poll's own are added.
     */
    final class HourlyCap {
        private int started;

        private HourlyCap(int started) {
            this.started = started;
        }

        boolean reached() {
            return started >= MOST_PER_HOUR;
        }

        void count(Result result) {
            started += result.queued() ? 1 : 0;
        }

        String why() {
            return "the hourly cap for blank-mail sign-ups is reached (" + MOST_PER_HOUR
                    + " confirmation mails in the last hour); left in the mailbox, handled at a later check";
        }
    }

    HourlyCap hourlyCap() {
        return new HourlyCap(subscribers.requestsSince(SOURCE, clock.instant().minus(CAP_PERIOD)));
    }

    Result request(Understood.BlankSignUp signUp) {
        EmailAddress address;
        try {
            address = EmailAddress.parse(signUp.sender());
        } catch (RuntimeException e) {
            return new Result("refused: the sender's address cannot be used (" + e.getMessage() + "); nothing sent", false);
        }
        String lower = address.address().toLowerCase(Locale.ROOT);
        if (ours.contains(lower) || DAEMONS.contains(lower.substring(0, lower.indexOf('@')))) {
            return new Result("refused: " + address + " is a system address; nothing sent", false);
        }
        ConsentRecord consent = ConsentRecord.of("requested", clock.instant(), SOURCE, signUp.origin());
        Subscribers.SignUp result = subscribers.requestSubscription(address.address(), "", consent, RESEND_AFTER);
        if (result.confirmation().isPresent()) {
            return new Result("confirmation mail queued to " + address + " (double opt-in)", true);
        }
        if (result.subscriber().status() == SubscriberStatus.CONFIRMED) {
            return new Result(address + " is already subscribed; nothing sent", false);
        }
        return new Result("a confirmation went to " + address + " less than " + RESEND_AFTER.toMinutes()
                + " minutes ago; nothing sent", false);
    }

    /** Unsubscribes the reader whose token the mail carries; empty when it carries none we know. */
    Optional<String> unsubscribe(Understood.MailtoUnsubscribe mail) {
        if (mail.token().isEmpty()) {
            return Optional.empty();
        }
        Optional<Subscriber> reader = subscribers.byUnsubscribeToken(mail.token());
        if (reader.isEmpty()) {
            return Optional.empty();
        }
        Subscriber s = reader.get();
        if (s.status() != SubscriberStatus.CONFIRMED && s.status() != SubscriberStatus.PENDING) {
            return Optional.of(s.email() + " was already " + s.status().db());
        }
        subscribers.unsubscribe(s, "mailto");
        return Optional.of("unsubscribed " + s.email() + " (mailto)");
    }
}
