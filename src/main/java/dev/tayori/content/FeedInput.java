package dev.tayori.content;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/**
 * The bytes of a feed, from an http(s) URL or a file, never more than a limit: a feed that grows
 * without end (a broken server, a hostile one) is stopped while it is read, not after it filled the
 * memory. An HTML page where the feed should be (the blog's front page instead of its /feed/) is
 * recognised from its first bytes and named as such.
 */
final class FeedInput {
    private FeedInput() {
    }

    static InputStream open(String location, long maxBytes) throws IOException {
        InputStream raw;
        if (location.startsWith("http://") || location.startsWith("https://")) {
            raw = fetch(location, maxBytes);
        } else {
            Path file = Path.of(location);
            if (!Files.isRegularFile(file)) {
                throw new FeedUnreadable(FeedProblem.NO_FILE, "the feed file " + location + " does not exist");
            }
            if (Files.size(file) > maxBytes) {
                throw tooLarge(location, maxBytes);
            }
            raw = Files.newInputStream(file);
        }
        BufferedInputStream in = new BufferedInputStream(new Limited(raw, location, maxBytes), 8192);
        refuseHtml(in, location);
        return in;
    }

    static FeedUnreadable tooLarge(String location, long maxBytes) {
        return new FeedUnreadable(FeedProblem.TOO_LARGE, "the feed " + location + " is larger than " + (maxBytes / 1024 / 1024)
                + " MB; a blog's feed is far smaller, so this is not read (is it the right address?)");
    }

    private static void refuseHtml(BufferedInputStream in, String location) throws IOException {
        in.mark(1024);
        byte[] head = in.readNBytes(512);
        in.reset();
        String start = new String(head, StandardCharsets.ISO_8859_1).replace("\u00EF\u00BB\u00BF", "")
                .stripLeading().toLowerCase(Locale.ROOT);
        boolean html = start.startsWith("<!doctype html") || start.startsWith("<html") || start.contains("<html")
                || start.startsWith("<head") || start.startsWith("<body");
        if (html && !start.contains("<rss") && !start.contains("<feed") && !start.contains("<rdf:rdf")) {
            throw new FeedUnreadable(FeedProblem.HTML_PAGE, "the feed " + location + " is an HTML page, not an RSS or Atom feed"
                    + " (for WordPress the feed is the blog's address followed by /feed/)");
        }
    }

    private static InputStream fetch(String location, long maxBytes) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(location)).timeout(Duration.ofSeconds(30))
                .header("User-Agent", "tayori").GET().build();
        try {
            HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            if (response.statusCode() / 100 != 2) {
                response.body().close();
                throw new FeedUnreadable(FeedProblem.HTTP_ERROR, response.statusCode(),
                        "the feed " + location + " answered HTTP " + response.statusCode(), null);
            }
            if (response.headers().firstValueAsLong("Content-Length").orElse(0) > maxBytes) {
                response.body().close();
                throw tooLarge(location, maxBytes);
            }
            return response.body();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FeedUnreadable(FeedProblem.NOT_REACHED, "interrupted while fetching the feed " + location, e);
        } catch (IOException e) {
            throw new FeedUnreadable(FeedProblem.NOT_REACHED, "cannot fetch the feed URL " + location + ": "
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()), e);
        }
    }

    /** Stops reading past the limit; the parser's error is then replaced by the size's own message. */
    static final class Limited extends FilterInputStream {
        private final String location;
        private final long max;
        private long read;

        Limited(InputStream in, String location, long max) {
            super(in);
            this.location = location;
            this.max = max;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            count(b < 0 ? 0 : 1);
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            count(Math.max(n, 0));
            return n;
        }

        private void count(int n) throws IOException {
            read += n;
            if (read > max) {
                throw new TooLarge(tooLarge(location, max));
            }
        }
    }

    /** An IOException, so the XML parser passes it up; ArticleFeed looks for it in the cause chain. */
    static final class TooLarge extends IOException {
        final FeedUnreadable reason;

        TooLarge(FeedUnreadable reason) {
            super(reason.getMessage());
            this.reason = reason;
        }
    }
}
