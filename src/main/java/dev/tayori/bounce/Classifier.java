package dev.tayori.bounce;

import jakarta.mail.Part;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Says what an inbound message is. Reports first (a DSN or an abuse report is what it says it is,
 * whatever else it carries), then text bounces, then automatic replies (a vacation notice sent to
 * the subscribe address must not sign its sender up), then mail to tayori's own addresses.
 * Never throws: a message it cannot read is {@link Understood.Unrecognised} and stays in the box.
 */
public final class Classifier {
    private static final List<String> RECIPIENT_HEADERS = List.of("Delivered-To", "X-Original-To", "Envelope-To",
            "X-Envelope-To", "To", "Cc");

    private final String subscribeAddress;
    private final String unsubscribeAddress;
    private final Set<String> ours;
    private final VerpTokens verp;

    /**
     * @param ours addresses of our own that a report quotes but that are never the failed reader
     *             (the sender, the contact, the mailbox itself)
     */
    public Classifier(String subscribeAddress, String unsubscribeAddress, Set<String> ours, VerpTokens verp) {
        this.subscribeAddress = subscribeAddress.toLowerCase(Locale.ROOT);
        this.unsubscribeAddress = unsubscribeAddress.toLowerCase(Locale.ROOT);
        Set<String> lower = new HashSet<>();
        ours.forEach(a -> lower.add(a.toLowerCase(Locale.ROOT)));
        this.ours = lower;
        this.verp = verp;
    }

    public Understood read(MimeMessage message) {
        try {
            return classify(message);
        } catch (RuntimeException e) {
            return new Understood.Unrecognised("left: could not be read (" + Parts.printable(e.getClass().getSimpleName(), 60) + ")");
        }
    }

    private Understood classify(MimeMessage message) {
        String from = Messages.firstAddress(Parts.header(message, "From"));
        List<String> recipients = new ArrayList<>();
        RECIPIENT_HEADERS.forEach(h -> Parts.headers(message, h).forEach(v -> recipients.addAll(Messages.addresses(v))));
        List<Part> parts = Parts.flatten(message);
        InternetHeaders returned = parts.stream().filter(Parts::isReturnedMessage).findFirst()
                .map(Parts::returnedHeaders).orElseGet(InternetHeaders::new);
        Understood.Clues clues = clues(message, recipients, returned);
        String returnedTo = Messages.firstAddress(returned.getHeader("To", ","));
        String body = body(parts);

        if (Parts.type(message).equals("multipart/report")) {
            String reportType = Parts.parameter(message, "report-type");
            Optional<Part> status = parts.stream().filter(p -> Parts.type(p).equals("message/delivery-status")
                    || Parts.type(p).equals("message/global-delivery-status")).findFirst();
            Optional<Part> feedback = parts.stream().filter(p -> Parts.type(p).equals("message/feedback-report")).findFirst();
            if (feedback.isPresent() || reportType.equals("feedback-report")) {
                return feedback.<Understood>map(p -> Reports.feedback(p, returned, clues))
                        .orElse(new Understood.Unrecognised("left: an abuse report without its report part"));
            }
            if (status.isPresent()) {
                Understood.Bounce bounce = Reports.deliveryStatus(status.get(), body, clues);
                return bounce != null ? bounce : new Understood.Unrecognised("left: a delivery report that names no failure");
            }
        }
        if (TextBounce.looksLikeOne(message, from)) {
            Set<String> ignored = new HashSet<>(ours);
            recipients.forEach(r -> ignored.add(r.toLowerCase(Locale.ROOT)));
            ignored.add(from.toLowerCase(Locale.ROOT));
            return TextBounce.read(message, body, returnedTo, ignored, clues);
        }
        if (AutoReplies.isOne(message)) {
            return new Understood.AutoReply(from, Subjects.of(message), clues);
        }
        for (String to : recipients) {
            Optional<String> token = plusPart(to, unsubscribeAddress);
            if (token.isPresent()) {
                String fromSubject = token.get().isEmpty() ? tokenInSubject(Subjects.of(message)) : token.get();
                return new Understood.MailtoUnsubscribe(fromSubject, from);
            }
        }
        for (String to : recipients) {
            if (!subscribeAddress.isEmpty() && to.equalsIgnoreCase(subscribeAddress)) {
                return new Understood.BlankSignUp(from, Origin.of(message));
            }
        }
        return new Understood.Unrecognised("left: not a report, nor mail to a tayori address");
    }

    /** "" for the address itself, the token for unsubscribe+TOKEN@, empty when it is another address. */
    private static Optional<String> plusPart(String address, String base) {
        if (base.isEmpty() || !base.contains("@")) {
            return Optional.empty();
        }
        String a = address.toLowerCase(Locale.ROOT);
        String local = base.substring(0, base.indexOf('@'));
        String domain = base.substring(base.indexOf('@'));
        if (a.equals(base)) {
            return Optional.of("");
        }
        if (a.startsWith(local + "+") && a.endsWith(domain)) {
            // the token's case matters: take it from the address as written
            return Optional.of(address.substring(local.length() + 1, address.length() - domain.length()));
        }
        return Optional.empty();
    }

    /** The token in a subject such as "unsubscribe TOKEN" or "配信停止 TOKEN": the longest word. */
    private static String tokenInSubject(String subject) {
        String best = "";
        for (String word : subject.split("[\\s　:：]+")) {
            if (word.matches("[A-Za-z0-9_-]{16,100}") && word.length() > best.length()) {
                best = word;
            }
        }
        return best;
    }

    private Understood.Clues clues(MimeMessage message, List<String> recipients, InternetHeaders returned) {
        Set<Long> ids = new LinkedHashSet<>();
        recipients.forEach(r -> verp.deliveryId(r).ifPresent(ids::add));
        // an abuse report quotes the mail it is about, whose envelope sender was the VERP address
        Messages.addresses(returned.getHeader("Return-Path", ",")).forEach(r -> verp.deliveryId(r).ifPresent(ids::add));
        Set<String> messageIds = new LinkedHashSet<>(Messages.messageIds(returned.getHeader("Message-ID", ",")));
        messageIds.addAll(Messages.messageIds(Parts.header(message, "In-Reply-To")));
        messageIds.addAll(Messages.messageIds(Parts.header(message, "References")));
        return new Understood.Clues(List.copyOf(ids), List.copyOf(messageIds));
    }

    /** The report's human-readable words: its text parts outside the returned mail. */
    private static String body(List<Part> parts) {
        StringBuilder text = new StringBuilder();
        for (Part p : parts) {
            String type = Parts.type(p);
            if ((type.equals("text/plain") || type.isEmpty() && parts.size() == 1) && text.length() < Parts.TEXT_LIMIT) {
                text.append(Parts.text(p)).append('\n');
            } else if (type.equals("text/html") && text.length() < Parts.TEXT_LIMIT) {
                text.append(org.jsoup.Jsoup.parse(Parts.text(p)).wholeText()).append('\n');
            }
        }
        return text.toString();
    }
}
