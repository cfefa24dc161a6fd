package dev.tayori.mail;

/**
 * A mail address that cannot be used. The message says why in English, for the command line and the
 * API; {@link #reason()} is the key each edge turns into its own words (the sign-up page in Japanese).
 */
public class InvalidAddressException extends RuntimeException {
    /** What the person has to fix, one value per thing they can act on. */
    public enum Reason {
        EMPTY, CONTROL_CHARACTER, TOO_LONG, NO_AT, NOTHING_BEFORE_AT, NO_DOMAIN, MORE_THAN_ONE_AT,
        LOCAL_PART_TOO_LONG, NOT_HALF_WIDTH, SPACE, SYMBOL, DOTS, DOMAIN
    }

    private final Reason reason;

    public InvalidAddressException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
