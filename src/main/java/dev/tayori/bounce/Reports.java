package dev.tayori.bounce;

import jakarta.mail.Part;
import jakarta.mail.internet.InternetHeaders;
import java.util.List;
import java.util.Map;

/**
 * The two standard reports: RFC 3464 delivery status notifications and RFC 5965 abuse (feedback)
 * reports, both multipart/report with a machine-readable part and, usually, the returned mail.
 */
final class Reports {
    private Reports() {
    }

    /** The worst failed (or else delayed) recipient of a DSN; null when it lists none (a "delivered" notice). */
    static Understood.Bounce deliveryStatus(Part statusPart, String body, Understood.Clues clues) {
        List<Map<String, String>> blocks = Fields.blocks(Parts.text(statusPart));
        Map<String, String> chosen = null;
        for (Map<String, String> block : blocks) {
            String action = block.getOrDefault("action", "").toLowerCase(java.util.Locale.ROOT).trim();
            if (!block.containsKey("final-recipient") && !block.containsKey("original-recipient")) {
                continue; // the per-message block (Reporting-MTA, Arrival-Date)
            }
            if (action.startsWith("failed")) {
                chosen = block;
                break;
            }
            if (action.startsWith("delayed") && chosen == null) {
                chosen = block;
            }
        }
        if (chosen == null) {
            return null;
        }
        String recipient = Fields.address(chosen.getOrDefault("final-recipient", chosen.get("original-recipient")));
        String diagnostic = Parts.unfold(chosen.getOrDefault("diagnostic-code", ""));
        String status = Fields.status(chosen.get("status"));
        if (status.isEmpty()) {
            status = Fields.status(diagnostic);
        }
        String action = chosen.getOrDefault("action", "");
        if (status.isEmpty()) {
            java.util.regex.Matcher smtp = java.util.regex.Pattern.compile("\\b([45])\\d\\d\\b").matcher(diagnostic);
            status = smtp.find() ? smtp.group(1) + ".0.0" : action.toLowerCase(java.util.Locale.ROOT).startsWith("delayed") ? "4.0.0" : "5.0.0";
        }
        if (diagnostic.isEmpty()) {
            diagnostic = body.lines().filter(l -> !l.isBlank()).findFirst().orElse("");
        }
        return new Understood.Bounce(BounceKind.of(action, status), recipient, status, Parts.printable(diagnostic, 500), clues);
    }

    /** An abuse report: who complained, as the report or the returned mail's To says. */
    static Understood.Complaint feedback(Part reportPart, InternetHeaders returned, Understood.Clues clues) {
        Map<String, String> fields = Fields.blocks(Parts.text(reportPart)).stream().findFirst().orElse(Map.of());
        String recipient = Fields.address(fields.getOrDefault("original-rcpt-to", ""));
        if (recipient.isEmpty()) {
            recipient = Messages.firstAddress(returned.getHeader("To", ","));
        }
        String type = Parts.printable(fields.getOrDefault("feedback-type", "abuse"), 40);
        return new Understood.Complaint(recipient, type.isEmpty() ? "abuse" : type, clues);
    }
}
