package dev.tayori.content;

/** Why the blog's feed could not be used at all, for each edge to put in its own words. */
public enum FeedProblem {
    /** The address could not be fetched: no connection, no such host, a timeout. */
    NOT_REACHED,
    /** The server answered with an error status (404, 500 ...). */
    HTTP_ERROR,
    /** A feed file that does not exist (articles.feed names a file). */
    NO_FILE,
    /** Larger than a blog's feed can be. */
    TOO_LARGE,
    /** An HTML page where the feed should be (the blog's front page instead of its /feed/). */
    HTML_PAGE,
    /** Not RSS or Atom that can be read: broken XML, or another kind of document. */
    NOT_A_FEED,
    /** Every item was refused (no title, no link, no date ...): nothing to build an issue from. */
    NO_USABLE_ITEM
}
