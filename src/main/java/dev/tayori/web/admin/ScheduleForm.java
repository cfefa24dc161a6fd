package dev.tayori.web.admin;

import dev.tayori.App;
import dev.tayori.announcement.AlreadySent;
import dev.tayori.announcement.Audience;
import dev.tayori.announcement.ScheduleRefused;
import dev.tayori.campaign.Campaign;
import dev.tayori.campaign.Segments;
import dev.tayori.config.Instants;
import dev.tayori.overview.JapaneseTime;
import dev.tayori.overview.Words;
import io.javalin.http.Context;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;

/**
 * Scheduling an announcement from its page, in two steps: the form goes to a confirmation page that
 * says 「N人に 12月11日(金) 12:00 に送信します」 and changes nothing; only that page's button schedules.
 * A time that has passed is refused at both steps (by then the operator may have waited past it);
 * 「今すぐ送信」 is the one way to send now. A refusal shows the campaign page again with the
 * reason in Japanese, the operator's input still in the form, and nothing recorded.
 */
final class ScheduleForm {
    /** A refused form: the status to answer with and the sentence to show. */
    private static final class Refusal extends RuntimeException {
        final int status;

        Refusal(int status, String words) {
            super(words);
            this.status = status;
        }
    }

    private final App app;
    private final AdminPages pages;
    private final Audience audience;
    private final ZoneId zone;

    ScheduleForm(App app, AdminPages pages, Audience audience) {
        this.app = app;
        this.pages = pages;
        this.audience = audience;
        this.zone = app.settings().timezone();
    }

    /** Step one: the confirmation page, or the form again with what is wrong. */
    void confirm(Context ctx) {
        Campaign c = pages.campaignOf(ctx);
        Map<String, Object> form = input(ctx);
        try {
            boolean now = isNow(ctx);
            Instant at = now ? app.clock().instant() : ahead(ctx.formParam("at"));
            String segment = app.announcements().segmentFor(c.id(), segment(ctx));
            int readers = audience.readers(segment);
            Map<String, Object> model = new HashMap<>();
            model.put("id", c.id());
            model.put("name", c.name());
            model.put("now", now);
            model.put("at", now ? "" : at.atZone(zone).toLocalDateTime().toString());
            model.put("segment", segment);
            model.put("segmentWords", Words.segment(segment));
            model.put("readers", readers);
            // 「N人に 今すぐ に送信します」 reads wrong: 今すぐ is said with the verb, a date with に
            model.put("line", readers + "人に " + (now ? "今すぐ送信します"
                    : JapaneseTime.dateTime(at, zone, app.clock().instant()) + " に送信します"));
            pages.show(ctx, "schedule-confirm", model);
        } catch (Refusal r) {
            form.put("error", r.getMessage());
            pages.campaign(ctx, form, r.status);
        } catch (ScheduleRefused e) {
            form.put("error", words(e));
            pages.campaign(ctx, form, 400);
        }
    }

    /** Step two: schedule (or send now) what the confirmation page showed. */
    void schedule(Context ctx) {
        Campaign c = pages.campaignOf(ctx);
        Map<String, Object> form = input(ctx);
        boolean now = isNow(ctx);
        try {
            String segment = segment(ctx);
            if (now) {
                app.announcements().sendNow(c.id(), segment);
            } else {
                app.announcements().scheduleAhead(c.id(), ahead(ctx.formParam("at")), segment);
            }
        } catch (Refusal r) {
            form.put("error", r.getMessage());
            pages.campaign(ctx, form, r.status);
            return;
        } catch (ScheduleRefused e) {
            form.put("error", words(e));
            pages.campaign(ctx, form, 400);
            return;
        } catch (AlreadySent e) {
            form.put("error", "このお知らせはすでに送信済み（または送信中）のため、予約できません。お知らせは一人に一度だけ届きます。");
            pages.campaign(ctx, form, 409);
            return;
        }
        ctx.redirect("/admin/campaigns/" + c.id() + "?done=" + (now ? "sending-now" : "scheduled"));
    }

    private boolean isNow(Context ctx) {
        return "now".equals(ctx.formParam("when"));
    }

    /** The date and time typed (a datetime-local field has no offset: read in the timezone setting), after now. */
    private Instant ahead(String text) {
        Instant at;
        try {
            at = Instants.parse(text, zone);
        } catch (Instants.Refused e) {
            throw new Refusal(400, e.kind() == Instants.Refused.Kind.OUT_OF_RANGE
                    ? "日時は2000年から2100年までの間で指定してください。" : "日時の形式が正しくありません。例: 2026-12-01T12:00");
        }
        Instant now = app.clock().instant();
        if (!at.isAfter(now)) {
            throw new Refusal(400, "過去の日時（" + JapaneseTime.dateTime(at, zone, now) + "）には予約できません。いまは "
                    + JapaneseTime.dateTime(now, zone, now) + " です。今すぐ送るときは「今すぐ送信」を使ってください。");
        }
        return at;
    }

    /** The segment chosen: a name from the list, or 「この日より前に登録した人」 with its date; null for the file's. */
    private String segment(Context ctx) {
        String chosen = ctx.formParam("segment");
        if (chosen == null || chosen.isBlank()) {
            return null;
        }
        chosen = chosen.strip();
        if (chosen.equals("confirmed-before")) {
            String before = ctx.formParam("before");
            if (before == null || before.isBlank()) {
                throw new Refusal(400, "「この日より前に登録した人」には日付を選んでください。");
            }
            chosen = Segments.CONFIRMED_BEFORE + before.strip();
        }
        var problem = Segments.check(chosen);
        if (problem.isPresent()) {
            throw new Refusal(400, problem.get() == Segments.Problem.BAD_DATE
                    ? "「この日より前に登録した人」の日付が正しくありません。2000年から2100年までの日付を選んでください。"
                    : "配信先「" + AdminPages.shortened(chosen) + "」はありません。一覧から選んでください。");
        }
        return chosen;
    }

    private static String words(ScheduleRefused e) {
        return switch (e.kind()) {
            case IN_THE_PAST -> "過去の日時には予約できません。今すぐ送るときは「今すぐ送信」を使ってください。";
            case UNKNOWN_SEGMENT -> "その配信先はありません。一覧から選んでください。";
            case BAD_SEGMENT_DATE -> "「この日より前に登録した人」の日付が正しくありません。2000年から2100年までの日付を選んでください。";
            case NOT_AN_ANNOUNCEMENT -> "予約できるのはお知らせだけです。";
        };
    }

    /** What the operator typed, back into the form. */
    private static Map<String, Object> input(Context ctx) {
        Map<String, Object> form = new HashMap<>();
        form.put("atValue", value(ctx.formParam("at")));
        form.put("segmentValue", value(ctx.formParam("segment")));
        form.put("beforeValue", value(ctx.formParam("before")));
        return form;
    }

    private static String value(String s) {
        return s == null ? "" : AdminPages.shortened(s);
    }
}
