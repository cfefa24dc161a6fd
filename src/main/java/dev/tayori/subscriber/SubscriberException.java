package dev.tayori.subscriber;

/** A request about a subscriber that cannot be carried out; the message says why. */
public class SubscriberException extends RuntimeException {
    public enum Kind { NOT_FOUND, ALREADY_EXISTS, REFUSED, INVALID }

    private final Kind kind;

    public SubscriberException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
