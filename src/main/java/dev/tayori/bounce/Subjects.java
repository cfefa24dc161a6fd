package dev.tayori.bounce;

import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;

/** A message's subject, decoded (RFC 2047), as plain text; "" when it has none or it cannot be read. */
final class Subjects {
    private Subjects() {
    }

    static String of(Part part) {
        try {
            if (part instanceof MimeMessage m) {
                String s = m.getSubject();
                return s == null ? "" : Parts.printable(s, 300);
            }
            return Parts.printable(MimeUtility.decodeText(Parts.header(part, "Subject")), 300);
        } catch (MessagingException | java.io.UnsupportedEncodingException | RuntimeException e) {
            return Parts.printable(Parts.header(part, "Subject"), 300);
        }
    }
}
