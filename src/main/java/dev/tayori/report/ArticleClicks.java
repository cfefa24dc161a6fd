package dev.tayori.report;

/** An article of a newsletter issue, with the clicks on its link in that mail. */
public record ArticleClicks(int position, String title, String url, boolean reread, int uniques, int total) {
}
