package dev.tayori.content;

import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Articles from an RSS 2.0 or Atom feed, as WordPress publishes it: the full text from
 * content:encoded when there is one, categories as tags. The feed is an http(s) URL or a file.
 */
public final class ArticleFeed implements ArticleSource {
    private static final Logger LOG = LoggerFactory.getLogger(ArticleFeed.class);

    private final String location;

    public ArticleFeed(String location) {
        this.location = location;
    }

    @Override
    public List<Article> articles() {
        SyndFeed feed;
        try (InputStream in = open()) {
            SyndFeedInput input = new SyndFeedInput();
            input.setAllowDoctypes(false);
            feed = input.build(new XmlReader(in));
        } catch (FeedException | IllegalArgumentException e) {
            throw new ContentException("the feed " + location + " is not a valid RSS or Atom feed: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new ContentException("cannot read the feed " + location + ": " + e.getMessage(), e);
        }
        List<Article> articles = new ArrayList<>();
        for (SyndEntry entry : feed.getEntries()) {
            Date date = entry.getPublishedDate() != null ? entry.getPublishedDate() : entry.getUpdatedDate();
            if (entry.getLink() == null || date == null || entry.getTitle() == null) {
                LOG.warn("feed {}: skipped an entry without a link, date or title: {}", location, entry.getUri());
                continue;
            }
            List<String> tags = entry.getCategories().stream().map(SyndCategory::getName).toList();
            articles.add(new Article(entry.getLink(), entry.getTitle().strip(), date.toInstant(), tags, body(entry)));
        }
        articles.sort(Comparator.comparing(Article::published).reversed());
        return articles;
    }

    /** The longest content Rome found: WordPress puts the whole article in content:encoded. */
    private static String body(SyndEntry entry) {
        String best = entry.getDescription() == null ? "" : entry.getDescription().getValue();
        for (SyndContent content : entry.getContents()) {
            if (content.getValue() != null && content.getValue().length() > best.length()) {
                best = content.getValue();
            }
        }
        return best == null ? "" : best;
    }

    private InputStream open() throws IOException {
        if (location.startsWith("http://") || location.startsWith("https://")) {
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
                    .followRedirects(HttpClient.Redirect.NORMAL).build();
            HttpRequest request = HttpRequest.newBuilder(URI.create(location)).timeout(Duration.ofSeconds(30))
                    .header("User-Agent", "tayori").GET().build();
            try {
                HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
                if (response.statusCode() / 100 != 2) {
                    response.body().close();
                    throw new ContentException("the feed " + location + " answered HTTP " + response.statusCode());
                }
                return response.body();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            } catch (IOException e) {
                throw new ContentException("cannot fetch the feed URL " + location + ": "
                        + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()), e);
            }
        }
        Path file = Path.of(location);
        if (!Files.isRegularFile(file)) {
            throw new ContentException("the feed file " + location + " does not exist");
        }
        return Files.newInputStream(file);
    }
}
