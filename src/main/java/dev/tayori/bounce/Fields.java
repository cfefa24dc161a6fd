package dev.tayori.bounce;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The "Name: value" blocks of message/delivery-status (RFC 3464: one per message, then one per
 * recipient, separated by blank lines) and message/feedback-report (RFC 5965: one block). Names
 * are kept in lower case; a name given twice keeps its first value.
 */
final class Fields {
    private Fields() {
    }

    static List<Map<String, String>> blocks(String text) {
        List<Map<String, String>> blocks = new ArrayList<>();
        Map<String, String> current = new LinkedHashMap<>();
        String lastName = null;
        for (String line : text.split("\\r?\\n", -1)) {
            if (line.isBlank()) {
                if (!current.isEmpty()) {
                    blocks.add(current);
                    current = new LinkedHashMap<>();
                }
                lastName = null;
            } else if ((line.startsWith(" ") || line.startsWith("\t")) && lastName != null) {
                current.put(lastName, current.get(lastName) + " " + line.trim());
            } else {
                int colon = line.indexOf(':');
                if (colon > 0) {
                    lastName = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
                    current.putIfAbsent(lastName, line.substring(colon + 1).trim());
                }
            }
        }
        if (!current.isEmpty()) {
            blocks.add(current);
        }
        return blocks;
    }

    /** "rfc822; hanako@example.jp" -> "hanako@example.jp"; angle brackets dropped. */
    static String address(String value) {
        if (value == null) {
            return "";
        }
        String v = value.contains(";") ? value.substring(value.indexOf(';') + 1) : value;
        return v.trim().replaceAll("^<|>$", "").trim();
    }

    /** "5.1.1 (bad destination mailbox)" -> "5.1.1"; "" when there is no code. */
    static String status(String value) {
        if (value == null) {
            return "";
        }
        java.util.regex.Matcher m = TextBounce.ENHANCED.matcher(value);
        return m.find() ? m.group(1) : "";
    }
}
