package dev.tayori.dkim;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The header fields of a message as bytes, in order, each value exactly as written (folding kept,
 * the final CRLF not), by lower-case name; and where the body starts. Headers are ASCII here:
 * MessageBuilder encodes every non-ASCII value (RFC 2047), so reading them as ISO-8859-1 is exact.
 */
final class MessageHeaders {
    private final Map<String, List<String>> byName = new HashMap<>();
    private final int bodyStart;

    private MessageHeaders(int bodyStart) {
        this.bodyStart = bodyStart;
    }

    static MessageHeaders parse(byte[] message) {
        int end = headerEnd(message);
        MessageHeaders headers = new MessageHeaders(end);
        String head = new String(message, 0, end, StandardCharsets.ISO_8859_1);
        int start = 0;
        while (start < head.length() && !head.startsWith("\r\n", start)) {
            int lineEnd = head.indexOf("\r\n", start);
            // a field goes on over every following line that starts with a space or tab (folding)
            while (lineEnd >= 0 && lineEnd + 2 < head.length()
                    && (head.charAt(lineEnd + 2) == ' ' || head.charAt(lineEnd + 2) == '\t')) {
                lineEnd = head.indexOf("\r\n", lineEnd + 2);
            }
            if (lineEnd < 0) {
                lineEnd = head.length();
            }
            int colon = head.indexOf(':', start);
            if (colon > start && colon < lineEnd) {
                String name = head.substring(start, colon).strip().toLowerCase(Locale.ROOT);
                headers.byName.computeIfAbsent(name, n -> new ArrayList<>(1)).add(head.substring(colon + 1, lineEnd));
            }
            start = lineEnd + 2;
        }
        return headers;
    }

    /** Just after the empty line that ends the header (the whole message if there is none). */
    private static int headerEnd(byte[] message) {
        for (int i = 0; i + 3 < message.length; i++) {
            if (message[i] == '\r' && message[i + 1] == '\n' && message[i + 2] == '\r' && message[i + 3] == '\n') {
                return i + 4;
            }
        }
        return message.length;
    }

    /** The values of a header, top to bottom; empty when it is absent. */
    List<String> values(String lowerCaseName) {
        return byName.getOrDefault(lowerCaseName, List.of());
    }

    int bodyStart() {
        return bodyStart;
    }
}
