package dev.tayori.mail;

import java.nio.charset.StandardCharsets;
import dev.tayori.config.ReturnAddresses;
import java.time.Clock;

/**
 * Builds the MIME message: multipart/alternative with the plain-text part first (clients show the
 * last part they understand), UTF-8 bodies in base64 (what a Japanese body would get anyway, and
 * what every client and carrier reads), the subject as RFC 2047 encoded-words.
 */
public final class MessageBuilder {
    static {
        // Jakarta Mail 2.1 looks its StreamProvider up with a ServiceLoader every time it encodes a word
        // (jakartaee/mail-api#861), as InternetAddress does for a display name: a scan of the whole class
        // path per call. Naming the provider makes that lookup a cached Class.forName.
        if (System.getProperty("jakarta.mail.util.StreamProvider") == null) {
            System.setProperty("jakarta.mail.util.StreamProvider", "org.eclipse.angus.mail.util.MailStreamProvider");
        }
    }

    private final Clock clock;
    private final ReturnAddresses returns;
    private final MessageSigner signer;
    private final Verp verp;

    /** Unsigned, bounces to the From address, no Reply-To: mail as it was before README "Deliverability". */
    public MessageBuilder(Clock clock) {
        this(clock, null, MessageSigner.NONE);
    }

    /**
     * The Date header is written in the clock's zone: the sender's (setting timezone), as readers see it.
     * {@code returns} null: the defaults of {@link ReturnAddresses#none}, for the mail's own sender.
     */
    public MessageBuilder(Clock clock, ReturnAddresses returns, MessageSigner signer) {
        this(clock, returns, signer, null);
    }

    /** {@code verp}: the installation's signed tokens, needed when {@code returns} turns VERP on. */
    public MessageBuilder(Clock clock, ReturnAddresses returns, MessageSigner signer, Verp verp) {
        this.clock = clock;
        this.returns = returns;
        this.signer = signer;
        this.verp = verp;
    }

    private Verp verp() {
        if (verp == null) {
            throw new IllegalStateException("bounce.verp is on but this builder was made without the installation's VERP key");
        }
        return verp;
    }

    /**
     * What goes over the wire: the envelope and the message as bytes, CRLF line ends. {@code from} is
     * the envelope sender (MAIL FROM): the bounce address, with VERP one per delivery.
     */
    public record Wire(String from, String to, String messageId, byte[] bytes) {
    }

    /**
     * The message, written straight to bytes. A mailing builds one per reader, and a MimeMessage's
     * header bookkeeping (case-insensitive lookups, parsing back what was just set) and per-byte
     * encoding streams were the largest single cost of a mail. Names and addresses are written by
     * {@link DisplayName}; the tests read every mail back with Jakarta Mail and GreenMail.
     */
    public Wire wire(OutgoingMail mail) {
            EmailAddress to = address(mail.toAddress());
            String toName = HeaderText.check("the subscriber's name", mail.toName());
            String boundary = "=_tayori_" + Long.toHexString(java.util.concurrent.ThreadLocalRandom.current().nextLong())
                    + Long.toHexString(System.nanoTime());
            StringBuilder head = new StringBuilder(1024);
            header(head, "Date", date());
            header(head, "From", fromHeader(mail.from()));
            header(head, "To", DisplayName.header("To", toName, to));
            header(head, "Message-ID", HeaderText.check("the Message-ID", mail.messageId()));
            header(head, "Subject", subject(mail.subject()));
            ReturnAddresses back = returns != null ? returns : ReturnAddresses.none(mail.from().email());
            if (!back.replyTo().isEmpty()) {
                header(head, "Reply-To", address(back.replyTo()).mailbox());
            }
            if (mail.unsubscribeUrl() != null) {
                header(head, "List-Unsubscribe", listUnsubscribe(mail, back));
                header(head, "List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
            }
            if (mail.listId() != null) {
                header(head, "List-Id", HeaderText.check("the list id", mail.listId()));
            }
            header(head, "MIME-Version", "1.0");
            header(head, "Content-Type", "multipart/alternative;\r\n\tboundary=\"" + boundary + "\"");
            head.append("\r\n");
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(8192);
            out.writeBytes(head.toString().getBytes(StandardCharsets.US_ASCII));
            part(out, boundary, "text/plain; charset=UTF-8", mail.text());
            part(out, boundary, "text/html; charset=UTF-8", mail.html());
            out.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
            byte[] message = out.toByteArray();
            String signatures = signer.signatureHeaders(message);
            if (!signatures.isEmpty()) {
                byte[] signed = new byte[signatures.length() + message.length];
                signatures.getBytes(0, signatures.length(), signed, 0); // ASCII: one byte per char
                System.arraycopy(message, 0, signed, signatures.length(), message.length);
                message = signed;
            }
            String envelopeFrom = back.verp() && mail.deliveryId() > 0 ? verp().address(back.bounceAddress(), mail.deliveryId())
                    : back.bounceAddress();
            return new Wire(envelopeFrom, to.mailbox(), mail.messageId(), message);
    }

    /**
     * The https link (RFC 8058's one-click needs it first and alone in https), then, with an
     * unsubscribe address, the mailto: of RFC 2369 for clients that unsubscribe by mail.
     */
    private static String listUnsubscribe(OutgoingMail mail, ReturnAddresses back) {
        String https = "<" + HeaderText.check("the unsubscribe URL", mail.unsubscribeUrl()) + ">";
        if (back.unsubscribeAddress().isEmpty() || mail.unsubscribeToken() == null) {
            return https;
        }
        return https + ",\r\n <" + MailtoUnsubscribe.uri(back.unsubscribeAddress(), mail.unsubscribeToken()) + ">";
    }

    private static final java.time.format.DateTimeFormatter RFC_5322_DATE =
            java.time.format.DateTimeFormatter.ofPattern("EEE, d MMM yyyy HH:mm:ss Z", java.util.Locale.ROOT);

    /** The sender is the same for a whole mailing: its header is formatted once. */
    private String fromHeader(dev.tayori.config.Sender sender) {
        String[] cached = fromCache;
        if (cached != null && cached[0].equals(sender.email()) && cached[1].equals(sender.name())) {
            return cached[2];
        }
        String header = DisplayName.header("From", HeaderText.check("sender.name", sender.name()),
                address(sender.email()));
        fromCache = new String[] {sender.email(), sender.name(), header};
        return header;
    }

    private volatile String[] fromCache;

    /** Every reader of a mailing gets the same subject, mostly: encoded once, not once a reader. */
    private final java.util.Map<String, String> subjects = new java.util.concurrent.ConcurrentHashMap<>();

    private String subject(String subject) {
        String encoded = subjects.get(subject);
        if (encoded == null) {
            if (subjects.size() > 64) {
                subjects.clear();
            }
            encoded = Subjects.encode(HeaderText.check("the subject", subject));
            subjects.put(subject, encoded);
        }
        return encoded;
    }

    /** The Date header changes once a second, not once a mail. */
    private volatile Object[] dateCache = {Long.MIN_VALUE, ""};

    private String date() {
        long second = clock.instant().getEpochSecond();
        Object[] cached = dateCache;
        if ((long) cached[0] != second) {
            cached = new Object[] {second,
                    RFC_5322_DATE.format(java.time.Instant.ofEpochSecond(second).atZone(clock.getZone()))};
            dateCache = cached;
        }
        return (String) cached[1];
    }

    /**
     * The reader's address was checked when it was stored; a plain one (no quoting, brackets, spaces
     * or a carrier's dots that need quoting) only needs to be one line. Anything unusual gets the
     * full check again.
     */
    private static EmailAddress address(String text) {
        String plain = HeaderText.check("the subscriber's address", text).strip();
        int at = plain.lastIndexOf('@');
        boolean simple = at > 0 && at < plain.length() - 1 && plain.length() <= 254
                && plain.chars().allMatch(c -> c > 0x20 && c < 0x7f && "<>()[]\\,;:\"".indexOf(c) < 0)
                && plain.charAt(0) != '.' && plain.charAt(at - 1) != '.' && !plain.contains("..");
        return simple ? new EmailAddress(plain) : EmailAddress.parse(text);
    }

    private static void header(StringBuilder head, String name, String value) {
        head.append(name).append(": ").append(value).append("\r\n");
    }

    private static void part(java.io.ByteArrayOutputStream out, String boundary, String contentType, BodyText body) {
        out.writeBytes(("--" + boundary + "\r\nContent-Type: " + contentType
                + "\r\nContent-Transfer-Encoding: base64\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        body.writeBase64(out);
        out.writeBytes(new byte[] {'\r', '\n'});
    }
}
