package dev.tayori.web;

import dev.tayori.config.Sender;
import dev.tayori.render.Templates;
import io.javalin.http.Context;
import java.util.HashMap;
import java.util.Map;

/** Renders the HTML pages in templates/pages/, each with the sender's details for the footer. */
final class Pages {
    private final Templates templates;
    private final Sender sender;

    Pages(Templates templates, Sender sender) {
        this.templates = templates;
        this.sender = sender;
    }

    String senderName() {
        return sender.name();
    }

    Map<String, Object> model() {
        Map<String, Object> model = new HashMap<>();
        model.put("sender", Map.of("name", sender.name(), "email", sender.email(),
                "postalAddress", sender.postalAddress(), "contact", sender.contact()));
        return model;
    }

    void show(Context ctx, int status, String page, Map<String, Object> model) {
        ctx.status(status);
        ctx.header("Cache-Control", "no-store");
        ctx.contentType("text/html; charset=utf-8");
        ctx.result(templates.render("pages/" + page + ".ftlh", model));
    }
}
