package dev.tayori.newsletter;

import java.time.Instant;

/** An article as an issue features it, frozen when the issue was planned. */
public record IssueArticle(long issueId, int position, String url, String title, Instant published, String excerpt,
        boolean reread) {
}
