package dev.tayori.health;

import dev.tayori.config.Secrets;
import dev.tayori.content.ArticleSource;
import dev.tayori.content.ArticlesRead;
import dev.tayori.content.FeedProblem;
import dev.tayori.content.FeedUnreadable;
import dev.tayori.overview.JapaneseTime;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * The blog's feed failing since when: every read of the feed (building an issue, previewing one)
 * records its failure or clears it, in the database, so the dashboard warns on every node until a
 * read works again. Addresses are stored and shown masked: a token in the feed's URL stays in the
 * settings.
 */
public final class FeedFailures {
    private final Jdbi jdbi;
    private final Clock clock;

    public FeedFailures(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    /** {@code feed}, read from {@code location}, with each read's outcome recorded. */
    public ArticleSource watched(String location, ArticleSource feed) {
        String key = Secrets.maskUrl(location);
        return () -> {
            ArticlesRead read;
            try {
                read = feed.read();
            } catch (FeedUnreadable e) {
                Integer status = e.problem() == FeedProblem.HTTP_ERROR ? e.httpStatus() : null;
                jdbi.useExtension(FeedFailureDao.class, dao -> dao.failed(key, e.problem().name(), status, clock.instant()));
                throw e;
            }
            jdbi.useExtension(FeedFailureDao.class, dao -> dao.read(key));
            return read;
        };
    }

    /** The dashboard's warning when the feed set now ({@code location}, blank for none) is failing. */
    static Optional<Warning> warning(FeedFailureDao dao, String location, ZoneId zone, Instant now) {
        if (location.isBlank()) {
            return Optional.empty();
        }
        String feed = Secrets.maskUrl(location);
        return dao.current(feed).map(failure -> new Warning(Warning.Kind.FEED_FAILED,
                "ブログのフィードを読めません（" + JapaneseTime.dateTime(failure.since(), zone, now) + "から）。"
                        + why(failure),
                "設定の articles.feed（いまは " + feed + "）が正しいか、ブラウザで開いて記事の一覧が出るかを確かめてください。"
                        + "読めるまでニュースレターは作られません。配信の時刻を過ぎても、取り戻しの時間（catch-up）のうちに読めれば、その号は送られます。"));
    }

    private static String why(FeedFailureDao.Failure failure) {
        FeedProblem problem;
        try {
            problem = FeedProblem.valueOf(failure.reason());
        } catch (IllegalArgumentException e) {
            return ""; // a reason a later version wrote: the warning still says the feed fails, and since when
        }
        return switch (problem) {
            case NOT_REACHED -> "フィードのアドレスに接続できませんでした（ブログのサーバーが止まっているか、アドレスが違います）。";
            case HTTP_ERROR -> "ブログのサーバーがエラー（HTTP " + failure.httpStatus() + "）を返しました。";
            case NO_FILE -> "フィードのファイルがありません。";
            case TOO_LARGE -> "フィードが大きすぎます（10MBを超えています）。アドレスが正しいか確かめてください。";
            case HTML_PAGE -> "フィードのアドレスに、フィードではなくウェブページがあります（WordPressならブログのアドレスの後ろに /feed/ を付けます）。";
            case NOT_A_FEED -> "フィードの中身がRSSやAtomとして読めません（XMLが壊れています）。";
            case NO_USABLE_ITEM -> "フィードのどの記事にも題名・リンク・日付のどれかが欠けていて、使える記事がありません。";
        };
    }
}
