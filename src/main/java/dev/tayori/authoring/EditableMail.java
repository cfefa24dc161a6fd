package dev.tayori.authoring;

/**
 * One mail of a campaign the editor can open: a lesson (step from 1), an announcement's mail or the
 * newsletter's own words (step 0), with the label a page shows, the subject live now, where its live
 * words come from and whether a draft waits.
 */
public record EditableMail(String campaignId, int step, String label, String liveSubject, LiveSource live,
        boolean hasDraft) {
}
