package dev.tayori.content;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Articles as Markdown files with YAML front matter (title, url, published, optional tags). Every
 * broken file is reported at once, each as file:line: what is wrong.
 */
public final class ArticleFiles implements ArticleSource {
    private static final Set<String> KEYS = Set.of("title", "url", "published", "tags");

    private final Path dir;

    public ArticleFiles(Path dir) {
        this.dir = dir;
    }

    /** Files are the operator's own: a broken one stops the folder (every problem listed), nothing is skipped. */
    @Override
    public ArticlesRead read() {
        if (!Files.isDirectory(dir)) {
            throw new ContentException("the articles folder " + dir + " does not exist (set articles.dir or articles.feed)");
        }
        List<Path> files;
        try (Stream<Path> listing = Files.list(dir)) {
            files = listing.filter(p -> p.getFileName().toString().endsWith(".md")).sorted().toList();
        } catch (IOException e) {
            throw new ContentException("cannot list the articles folder " + dir + ": " + e.getMessage(), e);
        }
        List<Article> articles = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (Path file : files) {
            try {
                articles.add(read(file));
            } catch (ContentException e) {
                problems.add(e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            throw new ContentException(String.join("\n", problems));
        }
        articles.sort(Comparator.comparing(Article::published).reversed());
        return new ArticlesRead(articles, List.of());
    }

    static Article read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ContentException(file + ": cannot read: " + e.getMessage(), e);
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        String[] lines = text.split("\n", -1);
        if (lines.length == 0 || !lines[0].strip().equals("---")) {
            throw new ContentException(file + ":1: the file must start with front matter between --- lines"
                    + " (title, url, published)");
        }
        int end = -1;
        for (int i = 1; i < lines.length; i++) {
            if (lines[i].strip().equals("---")) {
                end = i;
                break;
            }
        }
        if (end < 0) {
            throw new ContentException(file + ":1: the front matter has no closing --- line");
        }
        String front = String.join("\n", java.util.Arrays.copyOfRange(lines, 1, end));
        String body = String.join("\n", java.util.Arrays.copyOfRange(lines, end + 1, lines.length));
        Node root;
        try {
            root = new Yaml(new LoaderOptions()).compose(new StringReader(front));
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() == null ? 1 : e.getProblemMark().getLine() + 2;
            throw new ContentException(file + ":" + line + ": the front matter is not valid YAML: " + e.getProblem());
        }
        if (!(root instanceof MappingNode mapping)) {
            throw new ContentException(file + ":2: the front matter must be keys and values (title, url, published)");
        }
        String title = null;
        String url = null;
        Instant published = null;
        List<String> tags = new ArrayList<>();
        for (NodeTuple t : mapping.getValue()) {
            int line = t.getKeyNode().getStartMark().getLine() + 2;
            String key = t.getKeyNode() instanceof ScalarNode k ? k.getValue() : "";
            Node value = t.getValueNode();
            if (!KEYS.contains(key)) {
                throw new ContentException(file + ":" + line + ": unknown key '" + key + "'; known keys: title, url, published, tags");
            }
            if (key.equals("tags")) {
                if (value instanceof SequenceNode seq) {
                    for (Node item : seq.getValue()) {
                        if (item instanceof ScalarNode s) {
                            tags.add(s.getValue());
                        }
                    }
                } else if (value instanceof ScalarNode s && !s.getValue().isBlank()) {
                    tags.add(s.getValue());
                }
                continue;
            }
            if (!(value instanceof ScalarNode scalar)) {
                throw new ContentException(file + ":" + line + ": '" + key + "' must be a single value");
            }
            String v = scalar.getValue().strip();
            switch (key) {
                case "title" -> title = v;
                case "url" -> url = checkUrl(file, line, v);
                case "published" -> published = instant(file, line, v);
                default -> { }
            }
        }
        if (title == null || title.isBlank()) {
            throw new ContentException(file + ":2: 'title' is missing");
        }
        if (url == null) {
            throw new ContentException(file + ":2: 'url' is missing: the address of the article on the blog");
        }
        if (published == null) {
            throw new ContentException(file + ":2: 'published' is missing; write it like 2026-11-20T06:00+09:00");
        }
        String html = HtmlRenderer.builder().build().render(Parser.builder().build().parse(body));
        return new Article(url, title, published, List.copyOf(tags), html);
    }

    /** A file has no address of its own to resolve a relative link against, so only whole http(s) links pass. */
    private static String checkUrl(Path file, int line, String value) {
        try {
            return ArticleLink.accept(value, null);
        } catch (ContentException e) {
            throw new ContentException(file + ":" + line + ": url refused: " + e.getMessage()
                    + " (write the article's address on the blog, like https://kokoro.example.jp/columns/kyori/)");
        }
    }

    private static Instant instant(Path file, int line, String value) {
        try {
            return OffsetDateTime.parse(value.replace(' ', 'T')).toInstant();
        } catch (DateTimeParseException e) {
            throw new ContentException(file + ":" + line + ": published '" + value
                    + "' is not a date and time; write it like 2026-11-20T06:00+09:00");
        }
    }
}
