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
import dev.tayori.node.FileVersions;
import dev.tayori.node.Nodes;
import org.jdbi.v3.core.Jdbi;

/**
 * What the dashboard warns about, read from the database so that every node and every restart
 * sees the same: the SMTP server unusable since when ({@link SmtpOutage}), mail waiting well past
 * its time or for a full sending limit, the blog's feed failing since when ({@link FeedFailures}),
 * bounce or complaint rates of the last 30 days' sent mail over the limits mailbox providers hold
 * senders to (Gmail: complaints under 0.3%; ours warn earlier, at 0.1%, and bounces at 2%), and
 * alive nodes that run different campaign files.
 */
public final class Warnings {
    static final Duration GRACE = Duration.ofMinutes(15);
    static final Duration WINDOW = Duration.ofDays(30);
    static final double BOUNCE_LIMIT = 0.02;
    static final double COMPLAINT_LIMIT = 0.001;

    private final Jdbi jdbi;
    private final Clock clock;
    private final ZoneId zone;
    private final String feed;
    private final Nodes nodes;
    private final SendLimits limits;

    /** {@code feed}: the articles.feed set now ("" for none), whose failures are warned about. */
    public Warnings(Jdbi jdbi, Clock clock, ZoneId zone, String feed, Nodes nodes, SendLimits limits) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.zone = zone;
        this.feed = feed;
        this.nodes = nodes;
        this.limits = limits;
    }

    public List<Warning> now() {
        Instant now = clock.instant();
        Instant since = now.minus(WINDOW);
        // a full limit holds mail back on purpose: its own line says until when, instead of "not sent"
        List<Warning> full = LimitWarnings.of(limits.full(SendThrottle.LONGEST_SLEEP), jdbi, zone, now);
        List<Warning> warnings = jdbi.withHandle(h -> {
            HealthDao dao = h.attach(HealthDao.class);
            List<Warning> found = new ArrayList<>(full);
            SmtpOutage.warning(h.attach(SmtpOutageDao.class), zone, now).ifPresent(found::add);
            HealthDao.Overdue overdue = dao.overdue(now.minus(GRACE));
            if (overdue.waiting() > 0 && full.isEmpty()) {
                found.add(new Warning(Warning.Kind.MAIL_WAITING,
                        overdue.waiting() + "通のメールが、送信予定の時刻（最も古いもので"
                                + JapaneseTime.dateTime(overdue.oldest(), zone, now) + "）を15分以上過ぎても送られていません。",
                        "tayori（serve）が動いているか、SMTPサーバーに接続できるか（設定の smtp.host と smtp.port、"
                                + "サーバーの状態）を確かめてください。直れば、待っているメールは次の実行で送られます。"));
            }
            FeedFailures.warning(h.attach(FeedFailureDao.class), feed, zone, now).ifPresent(found::add);
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
        filesDiffer().ifPresent(warnings::add);
        return warnings;
    }

    /** Alive nodes with different campaign files and templates send different mail for one mailing. */
    private java.util.Optional<Warning> filesDiffer() {
        List<List<String>> versions = FileVersions.of(nodes.alive());
        if (versions.size() < 2) {
            return java.util.Optional.empty();
        }
        String groups = versions.stream().map(names -> String.join("・", names))
                .collect(java.util.stream.Collectors.joining(" と "));
        return java.util.Optional.of(new Warning(Warning.Kind.NODE_FILES,
                "動いているノードのキャンペーンファイルとテンプレートが同じではありません（" + groups + " で内容が違います）。",
                "このままでは、どのノードが送るかによってメールの内容が変わります。同じ campaigns/ と templates/ を"
                        + "すべてのノードに配置してください（各ノードが1分以内に読み込みます）。または、メールをブラウザで"
                        + "編集してください。ブラウザで書いたメールはデータベースにあり、すべてのノードで共有されます。"));
    }

    private static String percent(int part, int whole) {
        return String.format(Locale.ROOT, "%.2f%%", 100.0 * part / whole);
    }
}
