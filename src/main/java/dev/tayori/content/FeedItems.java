package dev.tayori.content;

import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;

/**
 * Turns a feed's items into articles one by one. An item that cannot safely become an article (a link
 * that is not http(s), no title, no readable date, a date no blog could have) is left out and
 * named: its position in the feed and its title, so the operator can find it in WordPress.
 */
final class FeedItems {
    /** Dates outside this range are typos or broken generators; they would sort first or never appear. */
    static final Instant EARLIEST = Instant.parse("1995-01-01T00:00:00Z");
    static final Instant LATEST = Instant.parse("2200-01-01T00:00:00Z");

    private final String location;
    private final URI base;
    final List<Article> articles = new ArrayList<>();
    final List<String> refused = new ArrayList<>();
    private final Map<String, Integer> positionOfUrl = new HashMap<>();

    /** {@code base}: the feed's own link (channel link, Atom alternate link), or null when it has none. */
    FeedItems(String location, URI base) {
        this.location = location;
        this.base = base;
    }

    void add(int position, SyndEntry entry) {
        String title = title(entry);
        String name = "item " + position + (title.isEmpty() ? " (no title)" : " " + Shown.of(title));
        try {
            if (title.isEmpty()) {
                throw new ContentException("it has no title");
            }
            String url = ArticleLink.accept(entry.getLink(), base);
            Date date = entry.getPublishedDate() != null ? entry.getPublishedDate() : entry.getUpdatedDate();
            if (date == null) {
                throw new ContentException("it has no date that can be read (pubDate, published or updated)");
            }
            Instant published = date.toInstant();
            if (published.isBefore(EARLIEST) || !published.isBefore(LATEST)) {
                throw new ContentException("its date " + published + " cannot be right (before 1995 or after 2199)");
            }
            Integer first = positionOfUrl.putIfAbsent(url, position);
            if (first != null) {
                throw new ContentException("it has the same link as item " + first + ", " + url);
            }
            List<String> tags = entry.getCategories().stream().map(SyndCategory::getName)
                    .filter(t -> t != null && !t.isBlank()).map(ArticleTitles::clean).toList();
            articles.add(new Article(url, title, published, tags, body(entry)));
        } catch (ContentException e) {
            refused.add(dev.tayori.config.Secrets.maskUrl("the feed " + location) + ": " + name + " was left out: "
                    + e.getMessage());
        }
    }

    /**
     * The title as text. RSS titles are text already (the XML parser decoded the entities); an Atom
     * title of type html or xhtml is markup, so its text is taken. Either way the templates escape it.
     */
    private static String title(SyndEntry entry) {
        SyndContent ex = entry.getTitleEx();
        String value = ex == null ? entry.getTitle() : ex.getValue();
        if (value == null) {
            return "";
        }
        String type = ex == null || ex.getType() == null ? "text" : ex.getType();
        if (type.contains("html")) {
            value = Jsoup.parseBodyFragment(value).text();
        }
        return ArticleTitles.clean(value);
    }

    /** The longest content Rome found: WordPress puts the whole article in content:encoded. */
    private static String body(SyndEntry entry) {
        String best = entry.getDescription() == null || entry.getDescription().getValue() == null ? ""
                : entry.getDescription().getValue();
        for (SyndContent content : entry.getContents()) {
            if (content.getValue() != null && content.getValue().length() > best.length()) {
                best = content.getValue();
            }
        }
        return best;
    }
}
