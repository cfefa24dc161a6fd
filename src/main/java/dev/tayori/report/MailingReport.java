package dev.tayori.report;

import java.time.Instant;
import java.util.List;

/**
 * Everything the report of one mailing shows, from one place for the page and the command line.
 *
 * @param title the date, the lesson's subject or the announcement's name
 * @param date when it went out (the slot; a lesson or announcement: its first mail), or null
 * @param articles an issue's articles with their clicks (empty for other mailings)
 * @param otherLinks clicked links that are no article of the issue (every link, for other mailings)
 * @param clicksCounted whether tracking.clicks is on (clicks counted earlier still show when it is off)
 * @param failures the first lines of the failure list, oldest first; failureCount says how many there are
 */
public record MailingReport(Mailing mailing, String campaignName, String title, Instant date, Figures figures,
        List<ArticleClicks> articles, List<LinkClicks> otherLinks, boolean clicksCounted, List<Failure> failures,
        int failureCount) {
}
