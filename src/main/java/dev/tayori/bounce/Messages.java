package dev.tayori.bounce;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.util.ArrayList;
import java.util.List;

/** Addresses and Message-IDs out of header values that may be malformed. */
final class Messages {
    private static final java.util.regex.Pattern MESSAGE_ID = java.util.regex.Pattern.compile("<[^<>\\s]{1,250}@[^<>\\s]{1,250}>");

    private Messages() {
    }

    /** Every address in a header value (a list, with display names), lenient about broken ones. */
    static List<String> addresses(String value) {
        List<String> out = new ArrayList<>();
        if (value == null || value.isBlank()) {
            return out;
        }
        try {
            for (InternetAddress a : InternetAddress.parseHeader(value, false)) {
                if (a.getAddress() != null && a.getAddress().contains("@")) {
                    out.add(a.getAddress().trim());
                }
            }
        } catch (AddressException | RuntimeException e) {
            out.addAll(TextBounce.addressesIn(value));
        }
        return out;
    }

    static String firstAddress(String value) {
        List<String> all = addresses(value);
        return all.isEmpty() ? "" : all.get(0);
    }

    /** Message-IDs in a header value (Message-ID, In-Reply-To, References), angle brackets kept. */
    static List<String> messageIds(String value) {
        if (value == null) {
            return List.of();
        }
        return MESSAGE_ID.matcher(value).results().map(r -> r.group()).toList();
    }
}
