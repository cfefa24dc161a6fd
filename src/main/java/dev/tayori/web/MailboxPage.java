package dev.tayori.web;

import io.javalin.http.Context;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The demo's inbox: every mail the built-in sink received, its text and its HTML, links working. */
final class MailboxPage {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final Pages pages;
    private final Mailbox mailbox;
    private final ZoneId zone;

    MailboxPage(Pages pages, Mailbox mailbox, ZoneId zone) {
        this.pages = pages;
        this.mailbox = mailbox;
        this.zone = zone;
    }

    void list(Context ctx) throws Exception {
        List<MimeMessage> messages = mailbox.messages();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = messages.size() - 1; i >= 0; i--) {
            rows.add(summary(i + 1, messages.get(i)));
        }
        Map<String, Object> model = pages.model();
        model.put("messages", rows);
        pages.show(ctx, 200, "mailbox", model);
    }

    void message(Context ctx) throws Exception {
        MimeMessage message = find(ctx);
        if (message == null) {
            pages.show(ctx, 404, "link-unknown", pages.model());
            return;
        }
        int number = Integer.parseInt(ctx.pathParam("n"));
        Map<String, Object> model = pages.model();
        model.putAll(summary(number, message));
        model.put("segments", linkified(part(message, "text/plain")));
        model.put("listUnsubscribe", message.getHeader("List-Unsubscribe", null));
        pages.show(ctx, 200, "mailbox-message", model);
    }

    /** The mail's own HTML part, as the subscriber's mail client would show it. */
    void html(Context ctx) throws Exception {
        MimeMessage message = find(ctx);
        if (message == null) {
            pages.show(ctx, 404, "link-unknown", pages.model());
            return;
        }
        SecurityHeaders.mailHtml(ctx);
        ctx.contentType("text/html; charset=utf-8");
        ctx.result(part(message, "text/html"));
    }

    private MimeMessage find(Context ctx) {
        List<MimeMessage> messages = mailbox.messages();
        try {
            int n = Integer.parseInt(ctx.pathParam("n"));
            return n >= 1 && n <= messages.size() ? messages.get(n - 1) : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private Map<String, Object> summary(int number, MimeMessage m) throws Exception {
        Map<String, Object> row = new HashMap<>();
        row.put("number", number);
        row.put("subject", m.getSubject() == null ? "" : m.getSubject());
        row.put("to", m.getAllRecipients() == null ? "" : ((InternetAddress) m.getAllRecipients()[0]).toUnicodeString());
        row.put("from", m.getFrom() == null ? "" : ((InternetAddress) m.getFrom()[0]).toUnicodeString());
        row.put("date", m.getSentDate() == null ? "" : TIME.format(m.getSentDate().toInstant().atZone(zone)));
        return row;
    }

    private static final java.util.regex.Pattern URL = java.util.regex.Pattern.compile("https?://[^\\s<>\"]+");

    /** The text cut into plain pieces and URLs, so the page can make the URLs links (escaped either way). */
    static List<Map<String, Object>> linkified(String text) {
        List<Map<String, Object>> pieces = new ArrayList<>();
        java.util.regex.Matcher m = URL.matcher(text);
        int last = 0;
        while (m.find()) {
            pieces.add(Map.of("text", text.substring(last, m.start()), "link", false));
            pieces.add(Map.of("text", m.group(), "link", true));
            last = m.end();
        }
        pieces.add(Map.of("text", text.substring(last), "link", false));
        return pieces;
    }

    static String part(MimeMessage message, String type) throws Exception {
        Object content = message.getContent();
        if (content instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart part = multipart.getBodyPart(i);
                if (part.isMimeType(type)) {
                    return (String) part.getContent();
                }
            }
            return "";
        }
        return message.isMimeType(type) ? String.valueOf(content) : "";
    }
}
