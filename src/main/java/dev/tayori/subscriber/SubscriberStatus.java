package dev.tayori.subscriber;

import java.util.Locale;
import java.util.Optional;

/**
 * The one state machine of a subscriber: pending -> confirmed -> unsubscribed or bounced, and back to
 * pending only through a new double opt-in.
 */
public enum SubscriberStatus {
    PENDING, CONFIRMED, UNSUBSCRIBED, BOUNCED;

    public String db() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static SubscriberStatus fromDb(String text) {
        return valueOf(text.toUpperCase(Locale.ROOT));
    }

    /** Why moving from this status to {@code next} is refused, or empty when it is allowed. */
    public Optional<String> refuseMoveTo(SubscriberStatus next) {
        boolean allowed = switch (this) {
            case PENDING -> next == CONFIRMED || next == UNSUBSCRIBED || next == BOUNCED || next == PENDING;
            case CONFIRMED -> next == UNSUBSCRIBED || next == BOUNCED;
            // a new sign-up starts over with double opt-in; confirming proves the mailbox again
            case UNSUBSCRIBED, BOUNCED -> next == PENDING;
        };
        if (allowed) {
            return Optional.empty();
        }
        return Optional.of(switch (this) {
            case CONFIRMED -> next == PENDING ? "is already subscribed" : "is already confirmed";
            case UNSUBSCRIBED -> "has unsubscribed and must sign up again (double opt-in) first";
            case BOUNCED -> "bounced: mail to it cannot be delivered, and it must sign up again first";
            case PENDING -> "has not confirmed yet";
        });
    }

    /**
     * The operator's re-activation, the one move back from UNSUBSCRIBED that is not a new double
     * opt-in: only for a reader who did confirm once, and only with a reason the caller records.
     */
    public Optional<String> refuseReactivation(boolean everConfirmed) {
        if (this != UNSUBSCRIBED) {
            return Optional.of(this == CONFIRMED ? "is already subscribed" : "is " + db() + ", not unsubscribed");
        }
        return everConfirmed ? Optional.empty() : Optional.of("never confirmed; a new sign-up (double opt-in) is needed");
    }
}
