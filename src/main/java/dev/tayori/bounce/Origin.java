package dev.tayori.bounce;

import jakarta.mail.Part;
import java.util.List;

/**
 * Where a blank-mail sign-up came from, for its consent record (特定電子メール法 asks how and from
 * where): the message's Message-ID and its Received chain, newest hop first. Every value is
 * unfolded and stripped of control characters, and the whole kept under 1,000 characters, since a
 * stranger wrote part of it.
 */
final class Origin {
    private Origin() {
    }

    static String of(Part message) {
        StringBuilder out = new StringBuilder("Message-ID ");
        String id = Parts.header(message, "Message-ID");
        out.append(id.isEmpty() ? "(none)" : Parts.printable(id, 200));
        List<String> received = Parts.headers(message, "Received");
        for (int i = 0; i < received.size() && i < 8; i++) {
            out.append("; Received: ").append(Parts.printable(received.get(i), 200));
        }
        return Parts.printable(out.toString(), 1000);
    }
}
