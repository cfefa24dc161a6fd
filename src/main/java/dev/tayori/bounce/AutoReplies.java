package dev.tayori.bounce;

import jakarta.mail.Part;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Vacation notices and other automatic answers. RFC 3834 says how they should mark themselves
 * (Auto-Submitted: auto-replied); many use older marks (X-Autoreply, Precedence: auto_reply) or
 * only a subject. listmonk counted these as bounces (its issue #1334): here they never are.
 */
final class AutoReplies {
    private static final Pattern SUBJECT = Pattern.compile("(?i)^(auto:|automatic reply|autoreply|auto-reply|"
            + "out of (the )?office|vacation|away from)|自動応答|自動返信|自動送信|不在");

    private AutoReplies() {
    }

    static boolean isOne(Part message) {
        String auto = Parts.header(message, "Auto-Submitted").toLowerCase(Locale.ROOT);
        String precedence = Parts.header(message, "Precedence").toLowerCase(Locale.ROOT);
        return auto.startsWith("auto-replied") || auto.startsWith("auto-generated")
                || !Parts.header(message, "X-Autoreply").isEmpty() || !Parts.header(message, "X-Autorespond").isEmpty()
                || precedence.equals("auto_reply")
                || SUBJECT.matcher(Subjects.of(message).strip()).find();
    }
}
