package dev.tayori.subscriber;

/** A request about a subscriber that cannot be carried out; the message says why. */
public class SubscriberException extends RuntimeException {
    /** SUPPRESSED: the address was erased at the reader's request; only a new double opt-in brings it back. */
    public enum Kind { NOT_FOUND, ALREADY_EXISTS, REFUSED, INVALID, SUPPRESSED }

    private final Kind kind;

    public SubscriberException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
