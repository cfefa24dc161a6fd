package dev.tayori.health;

import dev.tayori.config.SmtpSettings;
import dev.tayori.delivery.SmtpWatch;
import dev.tayori.delivery.Stop;
import dev.tayori.overview.JapaneseTime;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * The SMTP server unusable since when: written by the outbox after each run (through
 * {@link SmtpWatch}), read by the dashboard. In the database, so the scheduler of one node, a
 * {@code send-due} from cron and the web server of another all see the same outage and its first
 * instant, and a restart does not make the outage look new.
 */
public final class SmtpOutage implements SmtpWatch {
    private final Jdbi jdbi;
    private final String server;

    /** {@code smtp}: the server this process sends through, named in the record of a failure. */
    public SmtpOutage(Jdbi jdbi, SmtpSettings smtp) {
        this.jdbi = jdbi;
        this.server = smtp.configured() ? smtp.host() + ":" + smtp.port() : "";
    }

    @Override
    public void unusable(Stop why, Instant at) {
        jdbi.useExtension(SmtpOutageDao.class, dao -> dao.failed(server, why.reason().name(), at));
    }

    @Override
    public void reached() {
        jdbi.useExtension(SmtpOutageDao.class, SmtpOutageDao::reached);
    }

    /** The dashboard's warning, when the server is unusable now. */
    static Optional<Warning> warning(SmtpOutageDao dao, ZoneId zone, Instant now) {
        return dao.current().map(outage -> {
            String since = "（" + JapaneseTime.dateTime(outage.since(), zone, now) + "から）";
            String waiting = "送れなかったメールは消えずに待っていて、次に送れた実行で送られます。";
            if (Stop.Reason.LOGIN_REFUSED.name().equals(outage.reason())) {
                return new Warning(Warning.Kind.SMTP_UNREACHABLE, "SMTPサーバーにログインできません" + since + "。",
                        "設定の smtp.username と smtp.password が、SMTPサーバー（" + outage.server()
                                + "）に登録したものと合っているか確かめてください。パスワードを変えたときは、設定も新しいものにします。"
                                + waiting);
            }
            String where = outage.server().isEmpty()
                    ? "SMTPサーバーが設定されていません。設定の smtp.host と smtp.port に、メールを送るサーバーを書いてください。"
                    : "設定の smtp.host と smtp.port（いまは " + outage.server() + "）が正しいか、SMTPサーバーが動いているか"
                            + "（契約しているメールサービスの障害のお知らせも）を確かめてください。ログインが要るサーバーなら smtp.username も。";
            return new Warning(Warning.Kind.SMTP_UNREACHABLE, "SMTPサーバーに接続できません" + since + "。", where + waiting);
        });
    }
}
