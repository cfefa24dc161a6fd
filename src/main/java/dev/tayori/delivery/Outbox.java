package dev.tayori.delivery;

import dev.tayori.mail.MessageBuilder;
import dev.tayori.mail.SmtpConnection;
import dev.tayori.mail.SmtpFailure;
import dev.tayori.render.TemplateProblem;
import dev.tayori.subscriber.Subscriber;
import dev.tayori.subscriber.Subscribers;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends recorded deliveries. Each batch is claimed in one statement (state, lease owner, lease
 * expiry) before any mail leaves, and each row is marked sent only after the server's 250 reply.
 * A row whose sender died is claimed again once its lease has expired, and sent with the same
 * Message-ID.
 */
public final class Outbox {
    private static final Logger LOG = LoggerFactory.getLogger(Outbox.class);

    /** Settings of the sending loop. */
    public record Policy(int batchSize, int maxAttempts, Duration lease) {
    }

    private final Jdbi jdbi;
    private final MailComposer composer;
    private final Subscribers subscribers;
    private final Supplier<SmtpConnection> connections;
    private final Clock clock;
    private final Policy policy;
    private final String owner;

    public Outbox(Jdbi jdbi, MailComposer composer, Subscribers subscribers, Supplier<SmtpConnection> connections,
            Clock clock, Policy policy, String owner) {
        this.jdbi = jdbi;
        this.composer = composer;
        this.subscribers = subscribers;
        this.connections = connections;
        this.clock = clock;
        this.policy = policy;
        this.owner = owner;
    }

    /** Sends everything due at {@code at}; stops early, with the reason in the report, if the server is unreachable. */
    public void sendDue(Instant at, SendReport report) {
        try (SmtpConnection smtp = connections.get()) {
            MessageBuilder builder = new MessageBuilder(smtp.session(), clock);
            while (true) {
                List<Delivery> batch = jdbi.inTransaction(h -> {
                    DeliveryDao dao = h.attach(DeliveryDao.class);
                    dao.claim(owner, at, at.plus(policy.lease()), policy.batchSize());
                    return dao.claimedBy(owner);
                });
                if (batch.isEmpty()) {
                    return;
                }
                try {
                    smtp.connect();
                    for (Delivery delivery : batch) {
                        send(delivery, smtp, builder, at, report);
                    }
                } catch (SmtpFailure unreachable) {
                    int released = jdbi.withExtension(DeliveryDao.class, dao -> dao.release(owner));
                    report.problem(unreachable.getMessage() + "; " + released
                            + " mail(s) stay queued for the next run");
                    return;
                }
            }
        }
    }

    /** Sends one claimed row; throws only when the server cannot be reached at all. */
    private void send(Delivery delivery, SmtpConnection smtp, MessageBuilder builder, Instant at, SendReport report)
            throws SmtpFailure {
        SendReport.Counts counts = report.of(delivery.campaignId());
        Optional<Subscriber> subscriber = subscribers.byId(delivery.subscriberId());
        Optional<String> refusal = subscriber.isEmpty() ? Optional.of("the subscriber no longer exists")
                : composer.refusal(delivery, subscriber.get(), at);
        if (refusal.isPresent()) {
            finish(delivery, Delivery.CANCELLED, at, refusal.get());
            counts.cancelled++;
            return;
        }
        jakarta.mail.internet.MimeMessage message;
        try {
            message = builder.build(composer.compose(delivery, subscriber.get()));
        } catch (TemplateProblem e) {
            finish(delivery, Delivery.FAILED, at, "template: " + e.located());
            counts.failed++;
            return;
        } catch (RuntimeException e) {
            finish(delivery, Delivery.FAILED, at, e.getMessage());
            counts.failed++;
            return;
        }
        for (int reconnects = 0; ; reconnects++) {
            try {
                smtp.send(message);
                jdbi.useExtension(DeliveryDao.class, dao -> dao.markSent(delivery.id(), owner, at));
                counts.sent++;
                return;
            } catch (SmtpFailure failure) {
                switch (failure.kind()) {
                    case UNREACHABLE -> throw failure;
                    case CONNECTION_LOST -> {
                        // The server may or may not have taken the message before the line dropped.
                        // Sending it again with the same Message-ID is our stated policy: a duplicate
                        // the receiving side can recognise beats a lesson lost for good.
                        if (reconnects < 1) {
                            LOG.info("connection lost while sending {}; reconnecting", delivery.messageId());
                            smtp.connect();
                            continue;
                        }
                        retryOrFail(delivery, at, failure.getMessage(), counts);
                        return;
                    }
                    case TRANSIENT -> {
                        retryOrFail(delivery, at, failure.getMessage(), counts);
                        return;
                    }
                    case RECIPIENT_REJECTED -> {
                        finish(delivery, Delivery.FAILED, at, "rejected: " + failure.getMessage());
                        subscribers.markBounced(delivery.subscriberId(), failure.getMessage());
                        counts.failed++;
                        return;
                    }
                    case MESSAGE_REJECTED -> {
                        finish(delivery, Delivery.FAILED, at, "rejected: " + failure.getMessage());
                        counts.failed++;
                        return;
                    }
                    default -> throw new IllegalStateException(failure.kind().name());
                }
            }
        }
    }

    private void retryOrFail(Delivery delivery, Instant at, String error, SendReport.Counts counts) {
        if (delivery.attempts() >= policy.maxAttempts()) {
            finish(delivery, Delivery.FAILED, at, "gave up after " + delivery.attempts() + " attempts: " + error);
            counts.failed++;
            return;
        }
        // 1, 2, 4, 8 ... minutes, at most an hour between attempts
        Duration wait = Duration.ofMinutes(Math.min(60, 1L << Math.min(6, delivery.attempts() - 1)));
        jdbi.useExtension(DeliveryDao.class, dao -> dao.retryLater(delivery.id(), owner, at.plus(wait), error));
        counts.retrying++;
    }

    private void finish(Delivery delivery, String state, Instant at, String reason) {
        jdbi.useExtension(DeliveryDao.class, dao -> dao.finish(delivery.id(), owner, state, at, reason));
    }
}
