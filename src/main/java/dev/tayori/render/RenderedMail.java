package dev.tayori.render;

import dev.tayori.mail.BodyText;

/**
 * A mail's content as the subscriber will see it: subject, HTML and its plain-text alternative. The
 * bodies may be a mailing's shared pieces with this reader's values between them ({@link Stencil}).
 */
public record RenderedMail(String subject, BodyText htmlBody, BodyText textBody) {
    public RenderedMail(String subject, String html, String text) {
        this(subject, BodyText.of(html), BodyText.of(text));
    }

    public String html() {
        return htmlBody.toString();
    }

    public String text() {
        return textBody.toString();
    }
}
