package dev.tayori.mail;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A mailbox address checked against RFC 5321's syntax (dot-atom or quoted local part, a domain of
 * letter-digit-hyphen labels), its length limits, and for line breaks that could smuggle a header.
 */
public record EmailAddress(String address) {
    private static final Pattern ATOM = Pattern.compile("[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*");
    private static final Pattern QUOTED = Pattern.compile("\"([\\x20\\x21\\x23-\\x5b\\x5d-\\x7e]|\\\\[\\x20-\\x7e])*\"");
    private static final Pattern LABEL = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?");

    public static EmailAddress parse(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidAddressException("the mail address is empty");
        }
        if (text.indexOf('\r') >= 0 || text.indexOf('\n') >= 0) {
            throw new InvalidAddressException("the mail address contains a line break");
        }
        String s = text.strip();
        if (s.length() > 254) {
            throw new InvalidAddressException("the mail address is longer than 254 characters");
        }
        int at = s.lastIndexOf('@');
        if (at <= 0 || at == s.length() - 1) {
            throw new InvalidAddressException("'" + s + "' is not a mail address: it needs a name, @ and a domain, like hanako@example.jp");
        }
        String local = s.substring(0, at);
        String domain = s.substring(at + 1);
        if (local.length() > 64) {
            throw new InvalidAddressException("the part before @ in '" + s + "' is longer than 64 characters");
        }
        if (!ATOM.matcher(local).matches() && !QUOTED.matcher(local).matches()) {
            throw new InvalidAddressException("the part before @ in '" + s + "' has characters a mail address cannot have");
        }
        if (!validDomain(domain)) {
            throw new InvalidAddressException("'" + domain + "' in '" + s + "' is not a valid domain name");
        }
        return new EmailAddress(s);
    }

    private static boolean validDomain(String domain) {
        if (domain.startsWith("[") && domain.endsWith("]")) {
            return false; // address literals are valid syntax but never a reader's mailbox
        }
        String[] labels = domain.split("\\.", -1);
        if (labels.length < 2 || domain.length() > 253) {
            return false;
        }
        for (String label : labels) {
            if (!LABEL.matcher(label).matches()) {
                return false;
            }
        }
        return !labels[labels.length - 1].chars().allMatch(Character::isDigit);
    }

    /** The key subscribers are unique by: domains compare case-insensitively, local parts do not. */
    public String key() {
        int at = address.lastIndexOf('@');
        return address.substring(0, at) + "@" + address.substring(at + 1).toLowerCase(Locale.ROOT);
    }

    public String domain() {
        return address.substring(address.lastIndexOf('@') + 1).toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return address;
    }
}
