package dev.tayori.config;

import java.util.Locale;

/**
 * The mailbox bounces, complaints and replies arrive in, and what to do with them. An empty host
 * means no mailbox: {@code serve} does not poll and {@code inbox check} says what to set.
 *
 * @param processedFolder where handled messages are moved (IMAP only: POP3 has no folders)
 * @param subscribeAddress mail to it starts a double opt-in for its sender (空メール登録), "" for off
 * @param unsubscribeAddress mail to it (or to unsubscribe+TOKEN@ its domain) unsubscribes a reader, "" for off
 * @param softLimit temporary failures in a row that bounce an address
 */
public record InboundSettings(String host, int port, Protocol protocol, boolean starttls, String username,
        String password, String folder, String processedFolder, int pollMinutes, String subscribeAddress,
        String unsubscribeAddress, int softLimit) {

    /** How the mailbox is reached; the names are Jakarta Mail's store protocols. */
    public enum Protocol {
        IMAP, IMAPS, POP3, POP3S;

        public String store() {
            return name().toLowerCase(Locale.ROOT);
        }

        public boolean hasFolders() {
            return this == IMAP || this == IMAPS;
        }

        static Protocol parse(String text) {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        }
    }

    public boolean configured() {
        return !host.isBlank();
    }

    public InboundSettings withServer(String newHost, int newPort, Protocol newProtocol) {
        return new InboundSettings(newHost, newPort, newProtocol, starttls, username, password, folder, processedFolder,
                pollMinutes, subscribeAddress, unsubscribeAddress, softLimit);
    }

    /** Never prints the password. */
    @Override
    public String toString() {
        return "InboundSettings[host=" + host + ", port=" + port + ", protocol=" + protocol.store() + ", starttls="
                + starttls + ", username=" + username + ", password=" + Secrets.shown("inbound.password", password)
                + ", folder=" + folder + ", processedFolder=" + processedFolder + ", pollMinutes=" + pollMinutes
                + ", subscribeAddress=" + subscribeAddress + ", unsubscribeAddress=" + unsubscribeAddress
                + ", softLimit=" + softLimit + "]";
    }
}
