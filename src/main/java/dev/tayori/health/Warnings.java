package dev.tayori.health;

import dev.tayori.delivery.SendThrottle;
import dev.tayori.limits.SendLimits;
import dev.tayori.overview.JapaneseTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jdbi.v3.core.Jdbi;

/**
 * What the dashboard warns about, read from the database so that every node and every restart
 * sees the same: mail waiting well past its time or for a full sending limit, and bounce or complaint rates of the last 30
 * days' sent mail over the limits mailbox providers hold senders to (Gmail: complaints under 0.3%;
 * ours warn earlier, at 0.1%, and bounces at 2%).
 */
public final class Warnings {
    static final Duration GRACE = Duration.ofMinutes(15);
    static final Duration WINDOW = Duration.ofDays(30);
    static final double BOUNCE_LIMIT = 0.02;
    static final double COMPLAINT_LIMIT = 0.001;

    private final Jdbi jdbi;
    private final Clock clock;
    private final ZoneId zone;
    private final SendLimits limits;

    public Warnings(Jdbi jdbi, Clock clock, ZoneId zone, SendLimits limits) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.zone = zone;
        this.limits = limits;
    }

    public List<Warning> now() {
        Instant now = clock.instant();
        Instant since = now.minus(WINDOW);
        // a full limit holds mail back on purpose: its own line says until when, instead of "not sent"
        List<Warning> full = LimitWarnings.of(limits.full(SendThrottle.LONGEST_SLEEP), jdbi, zone, now);
        return jdbi.withExtension(HealthDao.class, dao -> {
            List<Warning> found = new ArrayList<>(full);
            HealthDao.Overdue overdue = dao.overdue(now.minus(GRACE));
            if (overdue.waiting() > 0 && full.isEmpty()) {
                found.add(new Warning(Warning.Kind.MAIL_WAITING,
                        overdue.waiting() + "通のメールが、送信予定の時刻（最も古いもので"
                                + JapaneseTime.dateTime(overdue.oldest(), zone, now) + "）を15分以上過ぎても送られていません。",
                        "tayori（serve）が動いているか、SMTPサーバーに接続できるか（設定の smtp.host と smtp.port、"
                                + "サーバーの状態）を確かめてください。直れば、待っているメールは次の実行で送られます。"));
            }
            int sent = dao.sentSince(since);
            if (sent > 0) {
                int bounces = dao.reportsSince("hard", since) + dao.reportsSince("soft", since);
                if (bounces > sent * BOUNCE_LIMIT) {
                    found.add(new Warning(Warning.Kind.BOUNCE_RATE,
                            "過去30日の不達率が" + percent(bounces, sent) + "です（" + sent + "通中" + bounces
                                    + "通、目安は2%未満）。",
                            "不達の多い購読者を確認してください。名簿を取り込んだ場合は、古いアドレスや確認していない"
                                    + "アドレスが混じっていないか見直してください。不達が続くと、届くはずのメールも迷惑メール扱いになります。"));
                }
                int complaints = dao.reportsSince("complaint", since);
                if (complaints > sent * COMPLAINT_LIMIT) {
                    found.add(new Warning(Warning.Kind.COMPLAINT_RATE,
                            "過去30日の迷惑メール報告の率が" + percent(complaints, sent) + "です（" + sent + "通中"
                                    + complaints + "件、目安は0.1%未満、Gmailの上限は0.3%）。",
                            "配信の頻度と内容が登録時の案内どおりか、配信停止のリンクが見つけやすいかを確かめてください。"
                                    + "ご本人が登録していないアドレスには送らないでください。"));
                }
            }
            return found;
        });
    }

    private static String percent(int part, int whole) {
        return String.format(Locale.ROOT, "%.2f%%", 100.0 * part / whole);
    }
}
