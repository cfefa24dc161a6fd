package dev.tayori.inbound;

import dev.tayori.mail.EmailAddress;
import dev.tayori.subscriber.Subscriber;
import dev.tayori.subscriber.SubscriberStatus;
import dev.tayori.subscriber.Subscribers;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;

/**
 * What tayori does about a bounce, a complaint or an auto-reply, wherever it came from (the mailbox
 * or the bounce webhook), and what the operator sees of them. A hard bounce ends mail to the address
 * at once; soft ones count, {@code softLimit} in a row ending it (one at a Japanese carrier, whose
 * servers treat a sender that keeps trying as a spammer); a complaint unsubscribes ("complaint");
 * an auto-reply is only recorded.
 */
public final class Bounces {
    /** Japanese carriers: one temporary failure is enough, as Japanese step-mail services do. */
    static final Set<String> CARRIER_DOMAINS = Set.of("docomo.ne.jp", "ezweb.ne.jp", "au.com", "softbank.ne.jp",
            "i.softbank.jp");

    private final Jdbi jdbi;
    private final Subscribers subscribers;
    private final Clock clock;
    private final int softLimit;

    public Bounces(Jdbi jdbi, Subscribers subscribers, Clock clock, int softLimit) {
        this.jdbi = jdbi;
        this.subscribers = subscribers;
        this.clock = clock;
        this.softLimit = softLimit;
    }

    /**
     * One report about one reader (null when it names nobody we know: it is recorded all the same).
     *
     * @param mail the delivery it is about, when known
     */
    public record Report(InboundKind kind, Subscriber subscriber, SentMail mail, String recipient, String status,
            String diagnostic, String matchedBy, String messageId) {
    }

    /** Records the report and acts on it; answers what was done, for `inbox check` and the webhook. */
    public String apply(Report r) {
        Instant now = clock.instant();
        Long subscriberId = r.subscriber() == null ? null : r.subscriber().id();
        jdbi.useExtension(InboundDao.class, dao -> dao.insertEvent(r.kind().db(), subscriberId,
                r.mail() == null ? null : r.mail().id(), r.mail() == null ? null : r.mail().campaignId(),
                r.recipient(), r.status(), r.diagnostic(), r.matchedBy(), r.messageId(), now));
        if (r.subscriber() == null) {
            return "recorded; it names no reader of ours";
        }
        Subscriber s = r.subscriber();
        boolean mailed = s.status() == SubscriberStatus.CONFIRMED || s.status() == SubscriberStatus.PENDING;
        return switch (r.kind()) {
            case HARD -> bounce(s, mailed, r.status() + " " + r.diagnostic());
            case SOFT -> soft(r, s, mailed);
            case COMPLAINT -> {
                if (!mailed) {
                    yield "recorded; " + s.email() + " was already " + s.status().db();
                }
                subscribers.unsubscribe(s, "complaint");
                yield "unsubscribed " + s.email() + " (complaint)";
            }
            case AUTO_REPLY, DELAYED -> "recorded; not counted as a bounce";
            case UNBOUNCE -> "recorded";
        };
    }

    private String soft(Report r, Subscriber s, boolean mailed) {
        if (!mailed) {
            return "recorded; " + s.email() + " was already " + s.status().db();
        }
        Instant reference = r.mail() != null && r.mail().sentAt() != null ? r.mail().sentAt() : clock.instant();
        int streak = jdbi.withExtension(InboundDao.class, dao -> dao.softStreak(s.id(), reference));
        String domain = EmailAddress.parse(s.email()).domain().toLowerCase(Locale.ROOT);
        if (CARRIER_DOMAINS.contains(domain)) {
            return bounce(s, true, r.status() + " at a carrier (" + domain + "): " + r.diagnostic());
        }
        if (streak >= softLimit) {
            return bounce(s, true, r.status() + ", " + streak + " temporary failures in a row: " + r.diagnostic());
        }
        return "counted: " + streak + " of " + softLimit + " temporary failures in a row";
    }

    private String bounce(Subscriber s, boolean mailed, String reason) {
        if (!mailed) {
            return "recorded; " + s.email() + " was already " + s.status().db();
        }
        subscribers.markBounced(s.id(), reason.length() > 300 ? reason.substring(0, 300) + "…" : reason);
        return "bounced " + s.email() + ": no more mail goes to it";
    }

    /** The bounce webhook: a relay reports a reader by address. The reader must be ours. */
    public String fromWebhook(String email, InboundKind kind, String reason) {
        Subscriber s = subscribers.byEmail(email);
        SentMail last = jdbi.withExtension(InboundDao.class, dao -> dao.lastSentTo(s.id(), clock.instant())).orElse(null);
        String status = kind == InboundKind.HARD ? "5.0.0" : kind == InboundKind.SOFT ? "4.0.0" : "";
        return apply(new Report(kind, s, last, s.email(), status, reason, "webhook", null));
    }

    /** The operator undoes a bounce; the reason is kept among the reader's events. */
    public Subscriber unbounce(String email, String reason) {
        Subscriber s = subscribers.byEmail(email);
        Subscriber back = subscribers.unbounce(s);
        jdbi.useExtension(InboundDao.class, dao -> dao.insertEvent(InboundKind.UNBOUNCE.db(), s.id(), null, null,
                s.email(), "", reason, "operator", null, clock.instant()));
        return back;
    }

    public List<InboundEvent> of(long subscriberId) {
        return jdbi.withExtension(InboundDao.class, dao -> dao.eventsOf(subscriberId));
    }

    /** The newest reports about a campaign's mail (at most {@code limit}), for its report page. */
    public List<InboundEvent> latestOfCampaign(String campaignId, int limit) {
        return jdbi.withExtension(InboundDao.class, dao -> dao.eventsOfCampaign(campaignId, limit));
    }

    /** Reports about a campaign's mail, per kind (kinds with none are absent). */
    public Map<InboundKind, Integer> ofCampaign(String campaignId) {
        Map<InboundKind, Integer> out = new EnumMap<>(InboundKind.class);
        jdbi.withExtension(InboundDao.class, dao -> dao.countsOfCampaign(campaignId))
                .forEach((kind, n) -> out.put(InboundKind.fromDb(kind), n));
        return out;
    }
}
