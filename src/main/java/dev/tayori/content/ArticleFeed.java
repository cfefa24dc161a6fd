package dev.tayori.content;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import com.rometools.rome.io.impl.Atom10Parser;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.Comparator;
import java.util.List;

/**
 * Articles from an RSS 2.0 or Atom feed, as WordPress publishes it: the full text from
 * content:encoded when there is one, categories as tags. The feed is an http(s) URL or a file.
 *
 * <p>The feed is the blog's, not the operator's hand: one bad item (a javascript: link, no title) is
 * left out and reported, and the issue goes out with the others. A feed that cannot be read at all,
 * or whose every item is refused, is refused as a whole and nothing is built from it.
 */
public final class ArticleFeed implements ArticleSource {
    /** A WordPress feed of ten full articles is well under 1 MB. */
    public static final long DEFAULT_MAX_BYTES = 10L * 1024 * 1024;

    static {
        // Atom links are resolved by Rome against xml:base (the entry's, then the feed's) as RFC 4287 says;
        // what is still relative after that is resolved against the feed's own link below.
        Atom10Parser.setResolveURIs(true);
    }

    private final String location;
    private final long maxBytes;

    public ArticleFeed(String location) {
        this(location, DEFAULT_MAX_BYTES);
    }

    public ArticleFeed(String location, long maxBytes) {
        this.location = location;
        this.maxBytes = maxBytes;
    }

    @Override
    public ArticlesRead read() {
        SyndFeed feed = parse();
        FeedItems items = new FeedItems(location, base(feed));
        List<SyndEntry> entries = feed.getEntries();
        for (int i = 0; i < entries.size(); i++) {
            items.add(i + 1, entries.get(i));
        }
        if (items.articles.isEmpty() && !items.refused.isEmpty()) {
            throw new FeedUnreadable(FeedProblem.NO_USABLE_ITEM, "every item of the feed " + location + " was refused:\n"
                    + String.join("\n", items.refused));
        }
        List<Article> articles = new java.util.ArrayList<>(items.articles);
        articles.sort(Comparator.comparing(Article::published).reversed());
        return new ArticlesRead(articles, items.refused);
    }

    private SyndFeed parse() {
        try (InputStream in = FeedInput.open(location, maxBytes)) {
            SyndFeedInput input = new SyndFeedInput();
            // No DOCTYPE, so no entities: billion laughs and XXE (file:///etc/passwd) are refused here.
            input.setAllowDoctypes(false);
            return input.build(new XmlReader(in));
        } catch (FeedException | IllegalArgumentException e) {
            throw tooLargeOr(e, new FeedUnreadable(FeedProblem.NOT_A_FEED, "the feed " + location + " is not a valid RSS or Atom feed: "
                    + Shown.of(String.valueOf(e.getMessage())), e));
        } catch (IOException e) {
            throw tooLargeOr(e, new FeedUnreadable(FeedProblem.NOT_REACHED, "cannot read the feed " + location + ": "
                    + e.getMessage(), e));
        }
    }

    /** The parser wraps the size limit's stop in its own error; the operator should read the limit's. */
    private static FeedUnreadable tooLargeOr(Throwable e, FeedUnreadable otherwise) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof FeedInput.TooLarge large) {
                return new FeedUnreadable(FeedProblem.TOO_LARGE, large.reason.getMessage(), e);
            }
        }
        return otherwise;
    }

    /**
     * What a relative item link is resolved against: the feed's own link (RSS channel link, Atom
     * alternate link), else the feed's URL when it was fetched over http(s). A feed link that is itself
     * not an acceptable http(s) address is no base: relative items are then refused.
     */
    private URI base(SyndFeed feed) {
        for (String candidate : new String[] {feed.getLink(), location}) {
            try {
                return URI.create(ArticleLink.accept(candidate, null));
            } catch (ContentException | IllegalArgumentException e) {
                // try the next
            }
        }
        return null;
    }
}
