package dev.tayori.config;

import dev.tayori.dkim.DkimKey;
import dev.tayori.dkim.DkimKeyException;
import dev.tayori.mail.EmailAddress;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * The settings of README "Deliverability", checked once at load: the DKIM keys (read here, so a key
 * that cannot be used stops every command at start with one line naming the setting and the file),
 * the bounce address, Reply-To and the mailto unsubscribe address.
 */
final class DeliverabilitySettings {
    /** A DNS label, as a selector is (RFC 6376 3.1: sub-domain syntax; dots allowed). */
    private static final Pattern SELECTOR = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*");
    private static final Pattern DOMAIN = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+");

    private DeliverabilitySettings() {
    }

    static DkimSettings dkim(Settings.Parser p, Sender sender) {
        String keyFile = p.text("dkim.private-key");
        String edFile = p.text("dkim.ed25519-private-key");
        if (keyFile.isEmpty()) {
            if (!edFile.isEmpty()) {
                throw p.error("dkim.ed25519-private-key", "needs dkim.private-key (an RSA key) as well: most mailbox"
                        + " providers verify only RSA signatures, so Ed25519 is a second signature, not the only one");
            }
            return DkimSettings.OFF;
        }
        String domain = p.text("dkim.domain").isEmpty() ? sender.domain() : p.text("dkim.domain");
        if (!DOMAIN.matcher(domain).matches()) {
            throw p.error("dkim.domain", "must be a domain name such as example.jp (the d= of the signature, usually"
                    + " the domain of sender.email)");
        }
        String selector = selector(p, "dkim.selector", "dkim.private-key");
        DkimKey rsa = key(p, "dkim.private-key", keyFile, DkimKey.Algorithm.RSA);
        if (edFile.isEmpty()) {
            return new DkimSettings(domain, selector, Path.of(keyFile), rsa, "", null, null);
        }
        String edSelector = selector(p, "dkim.ed25519-selector", "dkim.ed25519-private-key");
        if (edSelector.equalsIgnoreCase(selector)) {
            throw p.error("dkim.ed25519-selector", "must differ from dkim.selector: one DNS record holds one key");
        }
        DkimKey ed25519 = key(p, "dkim.ed25519-private-key", edFile, DkimKey.Algorithm.ED25519);
        return new DkimSettings(domain, selector, Path.of(keyFile), rsa, edSelector, Path.of(edFile), ed25519);
    }

    private static String selector(Settings.Parser p, String key, String keyFileKey) {
        String selector = p.text(key);
        if (selector.isEmpty()) {
            throw p.error(key, "must be set when " + keyFileKey + " is: the selector of the DNS record"
                    + " (SELECTOR._domainkey.DOMAIN) that holds the public key, as given to tayori dkim keygen");
        }
        if (!SELECTOR.matcher(selector).matches()) {
            throw p.error(key, "must be letters, digits and hyphens, such as tayori2026 (it is part of a DNS name)");
        }
        return selector;
    }

    private static DkimKey key(Settings.Parser p, String key, String file, DkimKey.Algorithm expected) {
        DkimKey read;
        try {
            read = DkimKey.read(Path.of(file));
        } catch (DkimKeyException e) {
            throw p.error(key, e.getMessage());
        } catch (java.nio.file.InvalidPathException e) {
            throw p.error(key, "is not a file name");
        }
        if (read.algorithm() != expected) {
            throw p.error(key, expected == DkimKey.Algorithm.RSA
                    ? "holds an Ed25519 key; dkim.private-key must be RSA (2048 bits or more), which every mailbox"
                            + " provider verifies; an Ed25519 key goes in dkim.ed25519-private-key as a second signature"
                    : "holds an RSA key; dkim.ed25519-private-key takes an Ed25519 key"
                            + " (tayori dkim keygen --type ed25519)");
        }
        return read;
    }

    static ReturnAddresses returns(Settings.Parser p, Sender sender) {
        String bounce = address(p, "bounce.address");
        boolean verp = p.bool("bounce.verp");
        if (bounce.isEmpty()) {
            bounce = sender.email();
        }
        if (verp && localPart(bounce).contains("+")) {
            throw p.error("bounce.address", "must not contain '+' when bounce.verp is true: VERP adds +TOKEN to it");
        }
        String replyTo = address(p, "sender.reply-to");
        if (replyTo.isEmpty() && looksLikeAddress(sender.contact())) {
            replyTo = sender.contact();
        }
        if (replyTo.equalsIgnoreCase(sender.email())) {
            replyTo = ""; // replies go to From anyway
        }
        String unsubscribe = address(p, "inbound.unsubscribe-address");
        if (localPart(unsubscribe).contains("+")) {
            throw p.error("inbound.unsubscribe-address", "must not contain '+': the reader's token is added as +TOKEN");
        }
        return new ReturnAddresses(bounce, verp, replyTo, unsubscribe);
    }

    /** sender.contact may be a URL or a phone number (the law asks for "a contact"); only an address is a Reply-To. */
    private static boolean looksLikeAddress(String contact) {
        try {
            return !contact.contains("://") && !contact.contains(" ") && EmailAddress.parse(contact) != null;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static String address(Settings.Parser p, String key) {
        p.noLineBreaks(key);
        String text = p.text(key);
        if (text.isEmpty()) {
            return "";
        }
        try {
            return EmailAddress.parse(text).address();
        } catch (RuntimeException e) {
            throw p.error(key, "must be a mail address such as bounces@example.jp: " + e.getMessage());
        }
    }

    private static String localPart(String address) {
        int at = address.lastIndexOf('@');
        return at < 0 ? address : address.substring(0, at);
    }
}
