package dev.tayori.report;

import dev.tayori.overview.Words;

/**
 * One mailing of a campaign, the unit a report is about: a newsletter issue, a lesson of a sequence
 * (every reader's copy of it, in whichever round they got it), or an announcement's single mail.
 */
public record Mailing(String campaignId, Kind kind, int number) {
    public enum Kind { ISSUE, STEP, ANNOUNCEMENT }

    public static Mailing issue(String campaignId, int number) {
        return new Mailing(campaignId, Kind.ISSUE, number);
    }

    public static Mailing step(String campaignId, int number) {
        return new Mailing(campaignId, Kind.STEP, number);
    }

    public static Mailing announcement(String campaignId) {
        return new Mailing(campaignId, Kind.ANNOUNCEMENT, 0);
    }

    /**
     * The condition on deliveries {@code d} that picks this mailing's rows: one of two fixed texts, never
     * built from input. A lesson is matched by its step, which covers every round (step:3, step:3#2);
     * an issue or announcement by its item key, which the deliveries_mailing index serves.
     */
    String condition() {
        return kind == Kind.STEP ? "d.step = :step" : "d.item_key = :itemKey";
    }

    String itemKey() {
        return switch (kind) {
            case ISSUE -> "issue:" + number;
            case STEP -> "step:" + number;
            case ANNOUNCEMENT -> "announcement";
        };
    }

    /** The step bound for a lesson; no delivery has step -1, and the other kinds do not use it. */
    int step() {
        return kind == Kind.STEP ? number : -1;
    }

    /** The admin pages' name for it: 第3号, 3日目, お知らせ. */
    public String label() {
        return Words.item(itemKey());
    }

    /** The command line's: issue 3, step 3, announcement. */
    public String english() {
        return kind == Kind.ANNOUNCEMENT ? "announcement" : kind.name().toLowerCase(java.util.Locale.ROOT) + " " + number;
    }

    /** Its report page under /admin. */
    public String path() {
        String base = "/admin/campaigns/" + campaignId + "/report/";
        return switch (kind) {
            case ISSUE -> base + "issues/" + number;
            case STEP -> base + "steps/" + number;
            case ANNOUNCEMENT -> base + "mail";
        };
    }
}
