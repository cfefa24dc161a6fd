package dev.tayori.announcement;

/** The announcement went out (or is going out): it goes to each subscriber once, so it cannot be scheduled again. */
public final class AlreadySent extends IllegalStateException {
    AlreadySent(String campaignId) {
        super(campaignId + " has already been sent (or is being sent); an announcement"
                + " goes to each subscriber once. Copy it to a new campaign file to send it again.");
    }
}
