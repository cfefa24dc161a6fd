package dev.tayori.render;

import dev.tayori.config.Sender;
import java.util.HashMap;
import java.util.Map;

/**
 * The names templates can use. Kept in one place so the layout, the lessons and the checks that
 * validate them agree on what exists.
 */
public final class MailModel {
    /**
     * What differs from one reader of a mailing to the next: {@code subscriber.name},
     * {@code subscriber.email}, {@code unsubscribeUrl} and {@code subject} (a subject line may greet
     * the reader by name). Everything else in a model is shared by the whole mailing.
     */
    static final int NAME = 0;
    static final int EMAIL = 1;
    static final int UNSUBSCRIBE_URL = 2;
    static final int SUBJECT = 3;

    private MailModel() {
    }

    public static Map<String, Object> of(Sender sender, String subscriberName, String subscriberEmail,
            String unsubscribeUrl, String baseUrl, String subject) {
        Map<String, Object> model = new HashMap<>();
        model.put("sender", senderModel(sender));
        model.put("subscriber", subscriber(subscriberName == null ? "" : subscriberName, subscriberEmail));
        model.put("unsubscribeUrl", unsubscribeUrl);
        model.put("baseUrl", baseUrl);
        model.put("subject", subject);
        return model;
    }

    /**
     * The sender's part of the model, made once per sender: every mail of a mailing then shares one
     * map, and the stencil's look-up compares it by identity instead of entry by entry.
     */
    private static Map<String, Object> senderModel(Sender sender) {
        Object[] cached = senderCache;
        if (cached[0] != sender) {
            cached = new Object[] {sender, Map.of("name", sender.name(), "email", sender.email(),
                    "postalAddress", sender.postalAddress(), "contact", sender.contact())};
            senderCache = cached;
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> model = (Map<String, Object>) cached[1];
        return model;
    }

    private static volatile Object[] senderCache = {null, null};

    private static Map<String, Object> subscriber(String name, String email) {
        return Map.of("name", name, "email", email);
    }

    /** The reader's values, by the indexes above; null if the model does not hold exactly those as text. */
    static String[] readerValues(Map<String, Object> model) {
        if (!(model.get("subscriber") instanceof Map<?, ?> subscriber) || subscriber.size() != 2
                || !(subscriber.get("name") instanceof String name) || !(subscriber.get("email") instanceof String email)
                || !(model.get("unsubscribeUrl") instanceof String unsubscribeUrl)
                || !(model.get("subject") instanceof String subject)) {
            return null;
        }
        String[] values = new String[4];
        values[NAME] = name;
        values[EMAIL] = email;
        values[UNSUBSCRIBE_URL] = unsubscribeUrl;
        values[SUBJECT] = subject;
        return values;
    }

    /** The model without the reader's values: what every reader of a mailing shares. */
    static Map<String, Object> shared(Map<String, Object> model) {
        Map<String, Object> shared = new HashMap<>(model);
        shared.remove("subscriber");
        shared.remove("unsubscribeUrl");
        shared.remove("subject");
        return shared;
    }

    /** The model with the reader's values replaced (null: left empty). */
    static Map<String, Object> withReaderValues(Map<String, Object> model, String[] values) {
        Map<String, Object> changed = new HashMap<>(model);
        changed.put("subscriber", subscriber(orEmpty(values[NAME]), orEmpty(values[EMAIL])));
        changed.put("unsubscribeUrl", orEmpty(values[UNSUBSCRIBE_URL]));
        changed.put("subject", orEmpty(values[SUBJECT]));
        return changed;
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
