package dev.tayori.content;

import java.util.List;

/** Where articles come from: a folder of Markdown files or a feed. */
public interface ArticleSource {
    /** All articles, newest first; throws {@link ContentException} rather than return a half-read list. */
    List<Article> articles();
}
