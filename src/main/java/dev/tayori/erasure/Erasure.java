package dev.tayori.erasure;

import dev.tayori.mail.EmailAddress;
import dev.tayori.subscriber.Subscriber;
import dev.tayori.subscriber.SubscriberDao;
import dev.tayori.subscriber.SubscriberException;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;

/**
 * Erasure at a reader's request: their personal data goes from every table in one transaction; what
 * stays is anonymous (counts for the reports, consent events without origin), the address survives
 * only as a keyed hash on the suppression list, and the erasure itself is recorded without it.
 */
public final class Erasure {
    /** The way an erasure was asked for, kept in the erasures table. */
    public enum Via {
        CLI, API, ADMIN;

        String db() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** What was removed or made anonymous, counted (never the address). */
    public record Summary(int consentRecords, int confirmations, int tags, int enrollments, int deliveriesKept,
            int inboundEvents) {

        /** The API's answer and the CLI's JSON: what went, and that the address is now only a hash. */
        public Map<String, Object> asMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("erased", true);
            m.put("consent_records_made_anonymous", consentRecords);
            m.put("confirmation_tokens_removed", confirmations);
            m.put("tags_removed", tags);
            m.put("enrollments_removed", enrollments);
            m.put("deliveries_kept_as_anonymous_counts", deliveriesKept);
            m.put("inbound_events_made_anonymous", inboundEvents);
            m.put("suppressed", true);
            return m;
        }
    }

    private final Jdbi jdbi;
    private final Clock clock;

    public Erasure(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    /** Erases the reader with this address; NOT_FOUND when there is none (an erased one is none). */
    public Summary erase(String email, Via via) {
        EmailAddress address = EmailAddress.parse(email);
        Instant now = clock.instant();
        return jdbi.inTransaction(h -> {
            Subscriber s = h.attach(SubscriberDao.class).findByKey(address.key()).orElseThrow(
                    () -> new SubscriberException(SubscriberException.Kind.NOT_FOUND, "no subscriber with the address " + address));
            ErasureDao dao = h.attach(ErasureDao.class);
            long id = s.id();
            Summary summary = new Summary(dao.anonymiseConsents(id), dao.deleteConfirmations(id), dao.deleteTags(id),
                    dao.deleteEnrollments(id), dao.anonymiseDeliveries(id), dao.anonymiseInboundEvents(id, address.key()));
            dao.deleteOptOuts(id);
            dao.deleteDuplicates(id);
            dao.anonymiseInboundOutcomes("%" + likeEscaped(address.key()) + "%");
            dao.anonymiseSubscriber(id, now);
            SuppressionList.add(h, address, now);
            dao.recordErasure(now, via.db());
            return summary;
        });
    }

    private static String likeEscaped(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
