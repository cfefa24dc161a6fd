package dev.tayori.web.admin;

import dev.tayori.App;
import dev.tayori.delivery.DeliveryDao;
import dev.tayori.erasure.Erasure;
import dev.tayori.subscriber.Subscriber;
import dev.tayori.subscriber.SubscriberDao;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.HashMap;
import java.util.Map;

/**
 * Erasing a reader from the admin: a page that names what goes (GET), then the erasure (POST, CSRF
 * checked by the admin guard). The answer is a page, not a redirect: there is no reader left to
 * redirect to, and a repeated POST finds none and shows the not-found page.
 */
final class ErasePage {
    private final App app;
    private final AdminPages pages;

    private ErasePage(App app, AdminPages pages) {
        this.app = app;
        this.pages = pages;
    }

    static void register(Javalin web, App app, AdminPages pages) {
        ErasePage page = new ErasePage(app, pages);
        web.get("/admin/subscribers/{id}/erase", page::confirm);
        web.post("/admin/subscribers/{id}/erase", page::erase);
    }

    private void confirm(Context ctx) {
        Subscriber s = reader(ctx);
        Map<String, Object> model = new HashMap<>();
        model.put("done", false);
        model.put("id", s.id());
        model.put("email", s.email());
        model.put("name", s.name());
        model.put("consents", app.subscribers().consents(s.id()).size());
        model.put("tags", app.jdbi().withExtension(SubscriberDao.class, dao -> dao.tagsOf(s.id())).size());
        model.put("enrollments", app.enrollments().of(s.id()).size());
        model.put("deliveries", app.jdbi().withExtension(DeliveryDao.class, dao -> dao.ofSubscriber(s.id())).size());
        model.put("inbound", app.bounces().of(s.id()).size());
        pages.show(ctx, "subscriber-erase", model);
    }

    private void erase(Context ctx) {
        Subscriber s = reader(ctx);
        Erasure.Summary summary = new Erasure(app.jdbi(), app.clock()).erase(s.email(), Erasure.Via.ADMIN);
        Map<String, Object> model = new HashMap<>();
        model.put("done", true);
        model.put("consents", summary.consentRecords());
        model.put("tags", summary.tags());
        model.put("enrollments", summary.enrollments());
        model.put("confirmations", summary.confirmations());
        model.put("deliveries", summary.deliveriesKept());
        model.put("inbound", summary.inboundEvents());
        pages.show(ctx, "subscriber-erase", model);
    }

    /** The reader the URL names; an erased one (a placeholder without address) is not there any more. */
    private Subscriber reader(Context ctx) {
        String id = ctx.pathParam("id");
        long number;
        try {
            number = Long.parseLong(id);
        } catch (NumberFormatException e) {
            number = 0;
        }
        return app.subscribers().byId(number).filter(s -> !s.erased())
                .orElseThrow(() -> new AdminPages.NotFound("購読者「" + id + "」はいません。"));
    }
}
