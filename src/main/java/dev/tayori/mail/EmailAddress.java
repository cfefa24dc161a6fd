package dev.tayori.mail;

import dev.tayori.mail.InvalidAddressException.Reason;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A mailbox address as a Japanese reader types it, checked against RFC 5321: full-width letters,
 * digits, ＠ and the ideographic space are made half-width first (NFKC, on the address only), then
 * the local part must be a dot-atom or a plain quoted string, the domain letter-digit-hyphen labels.
 * {@link #address()} keeps the reader's own case; {@link #key()} is what makes two spellings one reader.
 */
public record EmailAddress(String address) {
    private static final Pattern ATOM = Pattern.compile("[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*");
    private static final Pattern ATOM_CHARACTERS = Pattern.compile("[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]+");
    /** A quoted local part holds printable ASCII only; no quoting tricks (\, ") and no address punctuation. */
    private static final Pattern QUOTED_CONTENT = Pattern.compile("[\\x20\\x21\\x23-\\x27\\x2a\\x2b\\x2d-\\x39\\x3d\\x3f\\x41-\\x5a\\x5e-\\x7e]+");
    private static final Pattern LABEL = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?");
    /**
     * Until April 2009 docomo and au let people choose addresses RFC 5321 forbids (two dots in a row, a
     * dot first or just before @), and those addresses are still in use. au moved ezweb.ne.jp
     * readers to au.com keeping the part before @, and Japanese services' FAQs list i.softbank.jp
     * addresses among them; softbank.ne.jp always followed the RFC, so it is not here. Only these
     * domains get the exception: anywhere else such an address is a typo.
     */
    static final Set<String> LEGACY_CARRIER_DOMAINS = Set.of("docomo.ne.jp", "ezweb.ne.jp", "au.com", "i.softbank.jp");
    private static final int RAW_LIMIT = 1000;

    public static EmailAddress parse(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidAddressException(Reason.EMPTY, "the mail address is empty");
        }
        if (text.length() > RAW_LIMIT) {
            throw new InvalidAddressException(Reason.TOO_LONG, "the mail address is longer than 254 characters");
        }
        String s = Normalizer.normalize(text, Normalizer.Form.NFKC).strip();
        if (s.isEmpty()) {
            throw new InvalidAddressException(Reason.EMPTY, "the mail address is empty");
        }
        for (int i = 0; i < s.length(); i++) {
            if (invisible(s.charAt(i))) {
                throw new InvalidAddressException(Reason.CONTROL_CHARACTER, "the mail address contains a line break or"
                        + " another control or invisible character (U+" + String.format("%04X", (int) s.charAt(i))
                        + " at position " + (i + 1) + "); type it again without it");
            }
        }
        if (s.length() > 254) {
            throw new InvalidAddressException(Reason.TOO_LONG, "the mail address is longer than 254 characters");
        }
        int at = s.lastIndexOf('@');
        if (at < 0) {
            throw refused(Reason.NO_AT, s, "it has no @; an address looks like hanako@example.jp");
        }
        if (at == 0) {
            throw refused(Reason.NOTHING_BEFORE_AT, s, "nothing comes before the @");
        }
        if (at == s.length() - 1) {
            throw refused(Reason.NO_DOMAIN, s, "the domain name is missing after the @, as in hanako@example.jp");
        }
        String domain = s.substring(at + 1);
        String local = localPart(s, s.substring(0, at), domain.toLowerCase(Locale.ROOT));
        checkDomain(s, domain);
        EmailAddress address = new EmailAddress(local + "@" + domain);
        if (address.mailbox().length() > 254) {
            throw new InvalidAddressException(Reason.TOO_LONG, "the mail address is longer than 254 characters");
        }
        return address;
    }

    /** The local part as stored: unquoted whenever quotes are not needed, so one mailbox has one key. */
    private static String localPart(String s, String local, String domain) {
        boolean quoted = local.length() >= 2 && local.startsWith("\"") && local.endsWith("\"");
        String content = quoted ? local.substring(1, local.length() - 1) : local;
        if (!content.chars().allMatch(c -> c < 0x80)) {
            throw refused(Reason.NOT_HALF_WIDTH, s, "the part before @ has characters that are not half-width letters, digits or symbols");
        }
        if (!quoted && content.indexOf('@') >= 0) {
            throw refused(Reason.MORE_THAN_ONE_AT, s, "it has more than one @");
        }
        if (!quoted && content.indexOf(' ') >= 0) {
            throw refused(Reason.SPACE, s, "it contains a space");
        }
        if (local.length() > 64) {
            throw refused(Reason.LOCAL_PART_TOO_LONG, s, "the part before @ is longer than 64 characters");
        }
        if (ATOM.matcher(content).matches()) {
            return content;
        }
        boolean carrier = LEGACY_CARRIER_DOMAINS.contains(domain);
        if (quoted && QUOTED_CONTENT.matcher(content).matches()) {
            return carrier && ATOM_CHARACTERS.matcher(content).matches() ? content : local;
        }
        if (!quoted && ATOM_CHARACTERS.matcher(content).matches()) {
            if (carrier) {
                return content; // a carrier's legacy address: quoted on the wire by mailbox()
            }
            throw refused(Reason.DOTS, s, "a dot cannot come first, last before @, or twice in a row");
        }
        throw refused(Reason.SYMBOL, s, "the part before @ has a symbol a mail address cannot have");
    }

    private static void checkDomain(String s, String domain) {
        if (!domain.chars().allMatch(c -> c < 0x80)) {
            throw refused(Reason.NOT_HALF_WIDTH, s, "the domain after @ is not in half-width letters"
                    + " (a Japanese domain name must be typed in its xn-- form)");
        }
        if (domain.indexOf(' ') >= 0) {
            throw refused(Reason.SPACE, s, "it contains a space");
        }
        if (!validDomain(domain)) {
            throw refused(Reason.DOMAIN, s, "'" + domain + "' after @ is not a valid domain name, like example.jp");
        }
    }

    private static boolean validDomain(String domain) {
        String[] labels = domain.split("\\.", -1);
        if (labels.length < 2 || domain.length() > 253) {
            return false; // address literals ([192.0.2.1]) are valid syntax but never a reader's mailbox
        }
        for (String label : labels) {
            if (!LABEL.matcher(label).matches()) {
                return false;
            }
        }
        return !labels[labels.length - 1].chars().allMatch(Character::isDigit);
    }

    /** Characters no one can see or that break a line: refused, never echoed. */
    private static boolean invisible(char c) {
        int type = Character.getType(c);
        return c < 0x20 || c == 0x7f || type == Character.CONTROL || type == Character.FORMAT
                || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR
                || type == Character.SURROGATE || type == Character.UNASSIGNED;
    }

    private static InvalidAddressException refused(Reason reason, String address, String why) {
        return new InvalidAddressException(reason, "'" + address + "' is not a usable mail address: " + why);
    }

    /**
     * The key subscribers are unique by: the whole address in lower case. RFC 5321 lets a local part
     * be case-sensitive, but no mailbox provider treats Jiro@ and jiro@ as two people.
     */
    public String key() {
        return address.toLowerCase(Locale.ROOT);
    }

    public String domain() {
        return address.substring(address.lastIndexOf('@') + 1).toLowerCase(Locale.ROOT);
    }

    /**
     * The address as RFC 5321 wants it in RCPT TO and in To: a carrier's legacy local part
     * (taro..yamada.) is not a dot-atom, so it goes as a quoted string: "taro..yamada."@docomo.ne.jp.
     */
    public String mailbox() {
        int at = address.lastIndexOf('@');
        String local = address.substring(0, at);
        if (local.startsWith("\"") || ATOM.matcher(local).matches()) {
            return address;
        }
        return "\"" + local + "\"" + address.substring(at);
    }

    @Override
    public String toString() {
        return address;
    }
}
