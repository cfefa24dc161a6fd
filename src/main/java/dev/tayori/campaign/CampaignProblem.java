package dev.tayori.campaign;

import java.nio.file.Path;

/**
 * One thing wrong in a campaign file or its templates, with where it is and what kind of thing it is
 * (so a page can say it in its own words; the message is the command line's English detail).
 */
public record CampaignProblem(String file, int line, String message, Kind kind) {
    /** What is wrong, for the words a page chooses. */
    public enum Kind {
        /** The campaign file itself: YAML, a key, a value, its name, the folder. */
        CAMPAIGN_FILE,
        /** A subject line (in the campaign file) that does not render, or renders unusable. */
        SUBJECT,
        /** A template the campaign file names that is not in templates/. */
        TEMPLATE_MISSING,
        /** A template FreeMarker cannot parse or render with sample data. */
        TEMPLATE,
        /** A template that uses what templates may not (?new, ?api, ?eval, includes outside templates/). */
        FORBIDDEN_CODE,
        /** Mail that would go out without the sender, postal address, contact or unsubscribe link. */
        LEGAL_FOOTER
    }

    public CampaignProblem(String file, int line, String message) {
        this(file, line, message, Kind.CAMPAIGN_FILE);
    }

    public static CampaignProblem at(Path file, int line, String message) {
        return new CampaignProblem(file.toString(), line, message);
    }

    public static CampaignProblem at(Path file, int line, String message, Kind kind) {
        return new CampaignProblem(file.toString(), line, message, kind);
    }

    @Override
    public String toString() {
        return file + (line > 0 ? ":" + line : "") + ": " + message;
    }
}
