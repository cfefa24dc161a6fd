package dev.tayori.newsletter;

import dev.tayori.campaign.Newsletter;
import dev.tayori.content.Article;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Chooses what an issue features: the articles new since the issue before, or one worth re-reading. */
final class ArticlePicker {
    private ArticlePicker() {
    }

    /** Published after {@code since} and by the slot, not featured as new before, newest first. */
    static List<Article> newSince(List<Article> articles, Instant since, Instant slot, Collection<String> featuredAsNew,
            Newsletter newsletter) {
        return articles.stream()
                .filter(a -> a.published().isAfter(since) && !a.published().isAfter(slot))
                .filter(a -> !featuredAsNew.contains(a.url()))
                .sorted(Comparator.comparing(Article::published).reversed())
                .limit(newsletter.articlesPerIssue())
                .toList();
    }

    /**
     * The "もう一度読みたい" pick: the oldest article published by the slot that the last few issues did
     * not feature. Oldest first walks the archive in order over the weeks instead of repeating favourites.
     */
    static Optional<Article> reread(List<Article> articles, Instant slot, Collection<String> recentlyFeatured) {
        return articles.stream()
                .filter(a -> !a.published().isAfter(slot))
                .filter(a -> !recentlyFeatured.contains(a.url()))
                .min(Comparator.comparing(Article::published));
    }
}
