package dev.tayori.mail;

/** A mail address that cannot be used; the message says why, in words an operator understands. */
public class InvalidAddressException extends RuntimeException {
    public InvalidAddressException(String message) {
        super(message);
    }
}
