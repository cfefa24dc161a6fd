package dev.tayori.announcement;

/** The announcement went out (or is going out): it goes to each subscriber once, so it cannot be scheduled again. */
public final class AlreadySent extends IllegalStateException {
    AlreadySent(String campaignId) {
        super(campaignId + " has already been sent (or is being sent); an announcement"
                + " goes to each subscriber once. To send it again, make a new announcement with its words"
                // one written in the browser has no file to copy: both ways are named
                + " (新しいお知らせ in the admin, POST /api/campaigns, or a new campaign file).");
    }
}
