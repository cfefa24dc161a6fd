package dev.tayori.authoring;

/**
 * One mail as the operator writes it in the browser: the subject, an optional preheader (the line
 * mail clients show after the subject in the inbox) and the body in Markdown. Both the HTML and the
 * plain-text part are made from it, so they cannot drift apart.
 */
public record MailSource(String subject, String preheader, String bodyMarkdown) {
    public MailSource {
        subject = clean(subject);
        preheader = clean(preheader);
        bodyMarkdown = clean(bodyMarkdown).replace("\r\n", "\n").replace('\r', '\n');
    }

    /**
     * Null as empty, and without the private-use characters tayori marks placeholders and readers'
     * values with while rendering: invisible in any font, they could only confuse the cut.
     */
    private static String clean(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < Placeholders.RESERVED_LOW || c > Placeholders.RESERVED_HIGH) {
                out.append(c);
            }
        }
        return out.toString();
    }
}
