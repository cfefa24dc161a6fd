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
 * confirmation nobody clicks.
 */
public final class SignUps {
    /** As the web form: a pending address gets at most one confirmation mail per 10 minutes. */
    static final Duration RESEND_AFTER = Duration.ofMinutes(10);
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
        ConsentRecord consent = ConsentRecord.of("requested", clock.instant(), "blank mail", signUp.origin());
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
