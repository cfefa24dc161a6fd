package dev.tayori.dkim;

/**
 * A DKIM key file tayori cannot use: missing, unreadable, not a private key, too weak. The message
 * says what is wrong and how to fix it, and never quotes the file's contents: they are the secret.
 */
public final class DkimKeyException extends Exception {
    public DkimKeyException(String problem) {
        super(problem);
    }
}
