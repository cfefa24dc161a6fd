package dev.tayori.bounce;

import jakarta.mail.Part;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Bounces that are not RFC 3464 reports: Postfix's and Exim's plain failure notices, Gmail's and
 * Exchange's text, and Japanese carriers' (docomo, au, SoftBank) Japanese ones. Each says "this did
 * not arrive" with an SMTP code, an enhanced status code or a few known words, and names the
 * address in one of a few ways.
 */
final class TextBounce {
    /** An RFC 3463 code such as 5.1.1 or 4.2.2, not part of an IP address or a version number. */
    static final Pattern ENHANCED = Pattern.compile("(?<![\\d.])([245]\\.\\d{1,3}\\.\\d{1,3})(?!\\.?\\d)");
    private static final Pattern SMTP_CODE = Pattern.compile("(?m)(?:^|said:|\\s)([45][0-5]\\d)[\\s-]");
    private static final Pattern ADDRESS = Pattern.compile("[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+");
    private static final Pattern BOUNCE_SUBJECT = Pattern.compile("(?i)undeliver|undelivered|delivery status notification|"
            + "failure notice|mail delivery failed|returned mail|delivery failure|could not be delivered|delivery has failed|"
            + "delayed mail|配信不能|配信エラー|送信エラー|未配達|届きませんでした|宛先不明");
    private static final Pattern DELAY = Pattern.compile("(?i)delayed mail|\\(delay\\)|still being retried|will retry|"
            + "not yet been delivered|配信遅延");
    private static final Pattern FULL = Pattern.compile("(?i)mailbox (is )?full|over quota|quota exceeded|"
            + "insufficient (system )?storage|mailbox size limit|容量.{0,10}(超|オーバー|いっぱい)");
    private static final Pattern UNKNOWN = Pattern.compile("(?i)user unknown|unknown user|no such user|does not exist|"
            + "address not found|recipient not found|invalid recipient|mailbox unavailable|not a valid mailbox|"
            + "宛先不明|存在しません|見つかりません");
    private static final Set<String> DAEMONS = Set.of("mailer-daemon", "postmaster", "mail-daemon", "mailer_daemon");

    private TextBounce() {
    }

    /** From a mailer daemon, or says it is a failure notice, or names failed recipients (Exim, Gmail). */
    static boolean looksLikeOne(Part message, String from) {
        String local = from.contains("@") ? from.substring(0, from.indexOf('@')).toLowerCase(Locale.ROOT) : "";
        String subject = Subjects.of(message);
        // a reader's "Re: 届きませんでした" is a reply, not a failure notice
        boolean reply = subject.toLowerCase(Locale.ROOT).matches("^(re|fw|fwd)\\s*:.*");
        return DAEMONS.contains(local) || !Parts.header(message, "X-Failed-Recipients").isEmpty()
                || BOUNCE_SUBJECT.matcher(subject).find() && !reply;
    }

    /**
     * The bounce this text describes. {@code ignored} are addresses that are not the failed reader
     * (the daemon, the bounce's own To, our own addresses).
     */
    static Understood.Bounce read(Part message, String body, String returnedTo, Set<String> ignored,
            Understood.Clues clues) {
        String recipient = failedRecipient(message, body, ignored);
        if (recipient.isEmpty()) {
            recipient = returnedTo;
        }
        String status = "";
        String diagnostic = "";
        Matcher enhanced = ENHANCED.matcher(body);
        Matcher smtp = SMTP_CODE.matcher(body);
        if (enhanced.find()) {
            status = enhanced.group(1);
            diagnostic = lineAround(body, enhanced.start());
        } else if (smtp.find()) {
            status = smtp.group(1).charAt(0) + ".0.0";
            diagnostic = lineAround(body, smtp.start(1));
        }
        Matcher full = FULL.matcher(body);
        Matcher unknown = UNKNOWN.matcher(body);
        if (status.isEmpty() && full.find()) {
            status = "4.2.2";
            diagnostic = lineAround(body, full.start());
        } else if (status.isEmpty() && unknown.find()) {
            status = "5.1.1";
            diagnostic = lineAround(body, unknown.start());
        }
        boolean delayed = DELAY.matcher(Subjects.of(message)).find() || DELAY.matcher(body).find() && status.startsWith("4");
        if (status.isEmpty()) {
            // a failure notice with no code at all (Postfix's "User unknown", many carriers): final
            status = delayed ? "4.0.0" : "5.0.0";
            diagnostic = Subjects.of(message);
        }
        BounceKind kind = delayed && !status.startsWith("5") ? BounceKind.DELAYED : BounceKind.of("failed", status);
        return new Understood.Bounce(kind, recipient, status, Parts.printable(diagnostic, 500), clues);
    }

    private static String failedRecipient(Part message, String body, Set<String> ignored) {
        for (String header : Parts.headers(message, "X-Failed-Recipients")) {
            String first = firstAddress(header, ignored);
            if (!first.isEmpty()) {
                return first;
            }
        }
        return firstAddress(body, ignored);
    }

    private static String firstAddress(String text, Set<String> ignored) {
        Matcher m = ADDRESS.matcher(text);
        while (m.find()) {
            String found = m.group();
            String lower = found.toLowerCase(Locale.ROOT);
            String local = lower.substring(0, lower.indexOf('@'));
            if (!ignored.contains(lower) && !DAEMONS.contains(local)) {
                return found;
            }
        }
        return "";
    }

    private static String lineAround(String text, int at) {
        int start = text.lastIndexOf('\n', at) + 1;
        int end = text.indexOf('\n', at);
        return text.substring(start, end < 0 ? text.length() : end).trim();
    }

    /** Addresses the body names that are only context (used to skip our own). */
    static List<String> addressesIn(String text) {
        return ADDRESS.matcher(text).results().map(r -> r.group()).toList();
    }
}
