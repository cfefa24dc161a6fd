package dev.tayori.config;

/** Who the mail is from: what 特定電子メール法 requires every mail to show. */
public record Sender(String name, String email, String postalAddress, String contact) {
    /** True when the operator has filled in everything the law asks for. */
    public boolean complete() {
        return !name.isBlank() && !email.isBlank() && !postalAddress.isBlank() && !contact.isBlank();
    }

    /** The part after @ of the sender address, used for Message-IDs and List-Id. */
    public String domain() {
        int at = email.lastIndexOf('@');
        return at < 0 ? "localhost" : email.substring(at + 1);
    }
}
