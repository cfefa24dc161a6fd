package dev.tayori.mail;

/**
 * Signs a message as written by {@link MessageBuilder} (DKIM, in dev.tayori.dkim): returns the
 * header lines to put in front of it, each ended with CRLF, or an empty string for none.
 */
public interface MessageSigner {
    MessageSigner NONE = message -> "";

    String signatureHeaders(byte[] message);
}
