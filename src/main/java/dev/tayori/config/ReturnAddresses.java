package dev.tayori.config;

/**
 * Where what comes back goes: bounces (the envelope sender, MAIL FROM), replies (Reply-To) and
 * unsubscribe mails (List-Unsubscribe's mailto:). Each is a checked address, or empty for none.
 *
 * @param bounceAddress bounce.address, or the sender's address when unset (as before it existed)
 * @param verp bounce.verp: each mail's envelope sender carries its delivery (mail/Verp)
 * @param replyTo sender.reply-to, else sender.contact when it is an address; empty when neither is
 *        or when it is the From address itself
 * @param unsubscribeAddress inbound.unsubscribe-address; empty: List-Unsubscribe has https only
 */
public record ReturnAddresses(String bounceAddress, boolean verp, String replyTo, String unsubscribeAddress) {
    /** What mail carried before these settings: bounces to the From address, no Reply-To, no mailto. */
    public static ReturnAddresses none(String senderEmail) {
        return new ReturnAddresses(senderEmail, false, "", "");
    }
}
