package dev.tayori.health;

import dev.tayori.delivery.DeliveryDao;
import dev.tayori.limits.Hold;
import dev.tayori.limits.Limit;
import dev.tayori.overview.JapaneseTime;
import java.text.NumberFormat;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jdbi.v3.core.Jdbi;

/**
 * The dashboard's line for a sending limit that keeps mail waiting: 「送信枠がいっぱいです。12:04まで
 * 待ちます（残り123通）」, the time in the operator's zone (with the date when it is not today), the count
 * of waiting mails from the database, so every node shows the same.
 */
final class LimitWarnings {
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm");

    private LimitWarnings() {
    }

    static List<Warning> of(List<Hold> full, Jdbi jdbi, ZoneId zone, Instant now) {
        List<Warning> found = new ArrayList<>();
        List<String> domains = new ArrayList<>();
        List<String> domainLimits = new ArrayList<>();
        for (Hold hold : full) {
            Limit limit = hold.limit();
            String until = time(hold.until(), zone, now);
            if (limit.global()) {
                long waiting = jdbi.withExtension(DeliveryDao.class, dao -> dao.countWaiting(hold.until()));
                String setting = limit.kind() == Limit.Kind.WINDOW ? "smtp.window" : "smtp.rate-per-second";
                found.add(new Warning(Warning.Kind.SENDING_WINDOW,
                        "送信枠がいっぱいです。" + until + "まで待ちます（残り" + count(waiting) + "通）",
                        "設定の " + setting + "（" + perPeriod(limit) + "）の上限まで送ったため、送信を止めています。"
                                + "枠が空けば、残りのメールは自動で送られます。上限を変えるときは、SMTPサーバーの"
                                + "上限を確かめてから " + setting + " を見直してください。"));
            } else {
                long waiting = jdbi.withExtension(DeliveryDao.class,
                        dao -> dao.countWaitingTo("%@" + limit.domain(), hold.until()));
                domains.add(limit.domain() + " 宛ての送信枠がいっぱいです。" + until + "まで待ちます（残り"
                        + count(waiting) + "通）");
                domainLimits.add(limit.domain() + " は" + perPeriod(limit));
            }
        }
        if (!domains.isEmpty()) {
            found.add(new Warning(Warning.Kind.DOMAIN_LIMIT, String.join("　", domains),
                    "携帯電話会社などのメールサーバーは、短い時間に多くのメールを受け付けません。設定の "
                            + "smtp.domain-limits（" + String.join("、", domainLimits) + "）に合わせて少しずつ送っています。"
                            + "ほかの宛先へのメールは止まっていません。"));
        }
        return found;
    }

    /** 「12:04」 today, 「12月3日(木) 12:04」 another day. */
    private static String time(Instant at, ZoneId zone, Instant now) {
        boolean today = at.atZone(zone).toLocalDate().equals(now.atZone(zone).toLocalDate());
        return today ? CLOCK.format(at.atZone(zone)) : JapaneseTime.dateTime(at, zone, now);
    }

    private static String count(long n) {
        return NumberFormat.getIntegerInstance(Locale.JAPAN).format(n);
    }

    /** 「20秒に5通」, 「1時間に1,000通」 */
    private static String perPeriod(Limit limit) {
        Duration p = limit.spec().period();
        String period;
        if (p.toDays() > 0 && p.equals(Duration.ofDays(p.toDays()))) {
            period = p.toDays() + "日";
        } else if (p.toHours() > 0 && p.equals(Duration.ofHours(p.toHours()))) {
            period = p.toHours() + "時間";
        } else if (p.toMinutes() > 0 && p.equals(Duration.ofMinutes(p.toMinutes()))) {
            period = p.toMinutes() + "分";
        } else {
            period = p.toSeconds() + "秒";
        }
        return period + "に" + count(limit.spec().count()) + "通";
    }
}
