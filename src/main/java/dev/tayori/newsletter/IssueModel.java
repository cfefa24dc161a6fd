package dev.tayori.newsletter;

import dev.tayori.campaign.Newsletter;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** What an issue's template sees: number, date in Japanese, and each article with its excerpt and link. */
public final class IssueModel {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");

    private IssueModel() {
    }

    public static Map<String, Object> of(Newsletter newsletter, int number, Instant slot, List<IssueArticle> articles) {
        Map<String, Object> issue = new HashMap<>();
        issue.put("number", number);
        issue.put("date", japaneseDate(slot, newsletter.zone()));
        List<Map<String, Object>> items = new ArrayList<>();
        for (IssueArticle a : articles) {
            items.add(Map.of("title", a.title(), "url", articleLink(newsletter, a),
                    "excerpt", a.excerpt(), "published", japaneseDate(a.published(), newsletter.zone()),
                    "reread", a.reread()));
        }
        issue.put("articles", items);
        issue.put("reread", !articles.isEmpty() && articles.get(0).reread());
        return issue;
    }

    /** 2026年11月24日（火） */
    public static String japaneseDate(Instant instant, ZoneId zone) {
        var local = instant.atZone(zone);
        return DATE.format(local) + "（" + local.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.JAPANESE) + "）";
    }

    /** The link to an article as the issue's mail carries it (the report matches clicks to articles by it). */
    public static String articleLink(Newsletter newsletter, IssueArticle article) {
        return withParameters(article.url(), newsletter.linkParameters());
    }

    /** The campaign's tracking parameters in an article link: same names replaced, the fragment last. */
    static String withParameters(String url, Map<String, String> parameters) {
        return LinkParameters.merge(url, parameters);
    }
}
