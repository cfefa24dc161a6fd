package dev.tayori.config;

/** Who the mail is from: what 特定電子メール法 requires every mail to show. */
public record Sender(String name, String email, String postalAddress, String contact) {
    /** True when the operator has filled in everything the law asks for. */
    public boolean complete() {
        return !name.isBlank() && !email.isBlank() && !postalAddress.isBlank() && !contact.isBlank();
    }

    /**
     * What is missing for a mail to carry the sender details 特定電子メール法 requires, as a sentence
     * naming the settings to set, or empty when nothing is.
     */
    public java.util.Optional<String> missing() {
        java.util.List<String> keys = new java.util.ArrayList<>();
        if (name.isBlank()) {
            keys.add("sender.name");
        }
        if (email.isBlank()) {
            keys.add("sender.email");
        }
        if (postalAddress.isBlank()) {
            keys.add("sender.postal-address");
        }
        if (contact.isBlank()) {
            keys.add("sender.contact");
        }
        if (keys.isEmpty()) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(String.join(", ", keys) + " not set: every mail must show the sender's name,"
                + " postal address and a contact (特定電子メール法); set " + (keys.size() == 1 ? "it" : "them")
                + " in tayori.yaml or as TAYORI_" + keys.get(0).toUpperCase().replace('.', '_').replace('-', '_'));
    }

    /** The part after @ of the sender address, used for Message-IDs and List-Id. */
    public String domain() {
        int at = email.lastIndexOf('@');
        return at < 0 ? "localhost" : email.substring(at + 1);
    }
}
