package dev.tayori.web.admin;

import dev.tayori.App;
import dev.tayori.mail.InvalidAddressException;
import dev.tayori.readers.ReaderRefused;
import dev.tayori.readers.Readers;
import dev.tayori.subscriber.ConsentRecord;
import dev.tayori.subscriber.ReaderName;
import dev.tayori.subscriber.Subscriber;
import dev.tayori.subscriber.SubscriberException;
import io.javalin.http.Context;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/** The operator's actions on one reader (tags, the workbook again, unsubscribe, re-activate) and adding one. */
final class ReaderActions {
    private final App app;
    private final AdminPages pages;
    private final Readers readers;

    ReaderActions(App app, AdminPages pages, Readers readers) {
        this.app = app;
        this.pages = pages;
        this.readers = readers;
    }

    void addForm(Context ctx) {
        pages.show(ctx, "subscriber-new", new HashMap<>(Map.of("email", "", "name", "", "source", "", "error", "")));
    }

    void add(Context ctx) {
        String email = field(ctx, "email");
        String name = field(ctx, "name");
        String source = field(ctx, "consent_source");
        String error = null;
        Subscriber added = null;
        if (source.isEmpty()) {
            error = ReadersWords.word("add.needs-source");
        } else if (ConsentRecord.sourceProblem(source) != null) {
            error = ReadersWords.word("add.bad-source"); // a line break or control character, or too long
        } else {
            Instant now = app.clock().instant();
            try {
                if ("confirmed".equals(ctx.formParam("mode"))) {
                    added = app.subscribers().addConfirmed(email, name,
                            ConsentRecord.of("recorded-by-operator", now, source, "admin page"), now);
                } else {
                    app.subscribers().refuseSuppressed(email); // the form and a blank mail still take it: the reader's own
                    added = app.subscribers().requestSubscription(email, name, ConsentRecord.of("requested", now, source,
                            "admin page"), Duration.ofMinutes(10)).subscriber();
                    app.dueWork().sendOnly(app.clock().instant()); // the confirmation mail goes now, as from the form
                }
            } catch (InvalidAddressException e) {
                error = ReadersWords.word("add.bad-address");
            } catch (ReaderName.Refused e) {
                error = ReadersWords.word("add.bad-name");
            } catch (SubscriberException e) {
                error = ReadersWords.word(switch (e.kind()) {
                    case ALREADY_EXISTS -> "add.exists";
                    case SUPPRESSED -> "add.suppressed"; // erased at the reader's request: only their own sign-up
                    default -> "add.needs-source";
                });
            }
        }
        if (error != null) {
            ctx.status(400);
            pages.show(ctx, "subscriber-new", new HashMap<>(Map.of("email", email, "name", name, "source", source,
                    "error", error)));
            return;
        }
        ctx.redirect("/admin/subscribers/" + added.id() + "?done=added");
    }

    void tag(Context ctx) {
        Subscriber s = pages.subscriberOf(ctx);
        act(ctx, s, "tagged", () -> readers.tag(s.id(), ctx.formParam("tag")));
    }

    void untag(Context ctx) {
        Subscriber s = pages.subscriberOf(ctx);
        act(ctx, s, "untagged", () -> readers.untag(s.id(), ctx.formParam("tag")));
    }

    void restartWorkbook(Context ctx) {
        Subscriber s = pages.subscriberOf(ctx);
        act(ctx, s, "restarted", () -> readers.restartWorkbook(s));
    }

    /** Step one of unsubscribing: a page that asks; its button posts to /unsubscribe. */
    void confirmUnsubscribe(Context ctx) {
        Subscriber s = pages.subscriberOf(ctx);
        pages.show(ctx, "subscriber-unsubscribe", new HashMap<>(Map.of("id", s.id(), "email", s.email())));
    }

    void reactivate(Context ctx) {
        Subscriber s = pages.subscriberOf(ctx);
        String reason = field(ctx, "reason");
        if (reason.isEmpty() || reason.length() > 500 || reason.chars().anyMatch(Character::isISOControl)) {
            ctx.redirect("/admin/subscribers/" + s.id() + "?done=needs-reason");
            return;
        }
        try {
            app.subscribers().reactivate(s, reason, "admin page");
            ctx.redirect("/admin/subscribers/" + s.id() + "?done=reactivated");
        } catch (SubscriberException e) {
            ctx.redirect("/admin/subscribers/" + s.id() + "?done=refused");
        }
    }

    private void act(Context ctx, Subscriber s, String done, Runnable action) {
        try {
            action.run();
            ctx.redirect("/admin/subscribers/" + s.id() + "?done=" + done);
        } catch (ReaderRefused e) {
            ctx.redirect("/admin/subscribers/" + s.id() + "?done=" + switch (e.problem()) {
                case BAD_TAG -> "bad-tag";
                case NOT_CONFIRMED -> "not-confirmed";
                case NO_WORKBOOK -> "no-workbook";
            });
        }
    }

    private static String field(Context ctx, String key) {
        String v = ctx.formParam(key);
        return v == null ? "" : v.strip();
    }

    /** What the reader's page needs for its action buttons: the tags it has, and the line after an action. */
    static void addTo(Context ctx, Subscriber s, Map<String, Object> model, App app) {
        model.put("tags", app.jdbi().withExtension(dev.tayori.subscriber.SubscriberDao.class, dao -> dao.tagsOf(s.id())));
        model.put("everConfirmed", s.confirmedAt() != null);
        ReadersWords.notice(ctx, model);
    }
}
