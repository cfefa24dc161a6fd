package dev.tayori.campaign;

import java.nio.file.Path;

/** One thing wrong in a campaign file or its templates, with where it is. */
public record CampaignProblem(String file, int line, String message) {
    public static CampaignProblem at(Path file, int line, String message) {
        return new CampaignProblem(file.toString(), line, message);
    }

    @Override
    public String toString() {
        return file + (line > 0 ? ":" + line : "") + ": " + message;
    }
}
