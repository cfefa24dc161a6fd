package dev.tayori.content;

import java.util.List;

/** Where articles come from: a folder of Markdown files or a feed. */
public interface ArticleSource {
    /** All articles, newest first; throws {@link ContentException} rather than return a half-read list. */
    default List<Article> articles() {
        return read().articles();
    }

    /**
     * The articles and, for a feed, the items that were refused and left out (each a line naming the
     * item and why), so an issue can go out with the good articles and tell the operator about the rest.
     */
    ArticlesRead read();
}
