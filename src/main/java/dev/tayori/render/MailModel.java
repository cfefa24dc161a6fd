package dev.tayori.render;

import dev.tayori.config.Sender;
import java.util.HashMap;
import java.util.Map;

/**
 * The names templates can use. Kept in one place so the layout, the lessons and the checks that
 * validate them agree on what exists.
 */
public final class MailModel {
    private MailModel() {
    }

    public static Map<String, Object> of(Sender sender, String subscriberName, String subscriberEmail,
            String unsubscribeUrl, String baseUrl, String subject) {
        Map<String, Object> model = new HashMap<>();
        model.put("sender", Map.of("name", sender.name(), "email", sender.email(),
                "postalAddress", sender.postalAddress(), "contact", sender.contact()));
        model.put("subscriber", Map.of("name", subscriberName == null ? "" : subscriberName,
                "email", subscriberEmail));
        model.put("unsubscribeUrl", unsubscribeUrl);
        model.put("baseUrl", baseUrl);
        model.put("subject", subject);
        return model;
    }
}
