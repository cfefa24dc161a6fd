package dev.tayori.web;

import jakarta.mail.internet.MimeMessage;
import java.util.List;

/** The demo's captured mail, shown at /mailbox. Only the demo has one. */
public interface Mailbox {
    List<MimeMessage> messages();
}
