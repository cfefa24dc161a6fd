package dev.tayori.content;

import java.util.List;

/**
 * What reading the articles gave: the usable articles, newest first, and one line per item that was
 * left out (a feed item with a link that is not http(s), no title, no date...), naming the item.
 */
public record ArticlesRead(List<Article> articles, List<String> refused) {
    public ArticlesRead {
        articles = List.copyOf(articles);
        refused = List.copyOf(refused);
    }
}
