package dev.tayori.erasure;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.tayori.App;
import dev.tayori.delivery.Delivery;
import dev.tayori.delivery.DeliveryDao;
import dev.tayori.inbound.InboundEvent;
import dev.tayori.sequence.Enrollment;
import dev.tayori.subscriber.ConsentRecord;
import dev.tayori.subscriber.Subscriber;
import dev.tayori.subscriber.SubscriberDao;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A subject access request: everything tayori holds about one reader, as JSON they can be sent.
 * Instants are ISO-8601 UTC, so the file means the same wherever it is read.
 */
public final class SubjectAccess {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final App app;

    public SubjectAccess(App app) {
        this.app = app;
    }

    public String json(String email) {
        try {
            return JSON.writeValueAsString(of(app.subscribers().byEmail(email)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("maps of strings always serialise", e);
        }
    }

    Map<String, Object> of(Subscriber s) {
        Map<String, Object> all = new LinkedHashMap<>();
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("email", s.email());
        row.put("name", s.name());
        row.put("status", s.status().db());
        row.put("time_zone", s.timeZone().getId());
        row.put("created_at", at(s.createdAt()));
        row.put("confirmed_at", at(s.confirmedAt()));
        row.put("unsubscribed_at", at(s.unsubscribedAt()));
        row.put("unsubscribe_source", s.unsubscribeSource());
        row.put("bounced_at", at(s.bouncedAt()));
        row.put("bounce_reason", s.bounceReason());
        all.put("subscriber", row);
        List<Map<String, Object>> consents = new ArrayList<>();
        for (ConsentRecord c : app.subscribers().consents(s.id())) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("event", c.event());
            m.put("at", at(c.at()));
            m.put("source", c.source());
            m.put("origin", c.origin());
            m.put("user_agent", c.userAgent());
            m.put("form_version", c.formVersion());
            m.put("wording", app.subscribers().consentWording(c.formVersion()).orElse(null));
            consents.add(m);
        }
        all.put("consent_records", consents);
        all.put("tags", app.jdbi().withExtension(SubscriberDao.class, dao -> dao.tagsOf(s.id())));
        all.put("opted_out_of", app.subscribers().optOuts(s.id()));
        List<Map<String, Object>> enrollments = new ArrayList<>();
        for (Enrollment e : app.enrollments().of(s.id())) {
            enrollments.add(map("sequence", e.sequenceId(), "state", e.state(), "enrolled_at", at(e.enrolledAt()),
                    "next_step", e.nextStep(), "next_due_at", at(e.nextDueAt())));
        }
        all.put("sequences", enrollments);
        List<Map<String, Object>> deliveries = new ArrayList<>();
        for (Delivery d : app.jdbi().withExtension(DeliveryDao.class, dao -> dao.ofSubscriber(s.id()))) {
            deliveries.add(map("campaign", d.campaignId(), "item", d.itemKey(), "state", d.state(),
                    "planned_at", at(d.plannedAt()), "sent_at", at(d.sentAt()), "message_id", d.messageId(),
                    "last_error", d.lastError()));
        }
        all.put("deliveries", deliveries);
        List<Map<String, Object>> inbound = new ArrayList<>();
        for (InboundEvent e : app.bounces().of(s.id())) {
            inbound.add(map("kind", e.kind().db(), "received_at", at(e.receivedAt()), "campaign", e.campaignId(),
                    "recipient", e.recipient(), "status_code", e.statusCode(), "diagnostic", e.diagnostic()));
        }
        all.put("bounces_and_replies", inbound);
        return all;
    }

    private static Map<String, Object> map(Object... pairs) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put((String) pairs[i], pairs[i + 1]);
        }
        return m;
    }

    private static String at(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
