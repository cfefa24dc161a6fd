package dev.tayori.content;

import java.time.Instant;
import java.util.List;

/** A blog article: its URL is its identity; {@code html} is the body as HTML. */
public record Article(String url, String title, Instant published, List<String> tags, String html) {
}
