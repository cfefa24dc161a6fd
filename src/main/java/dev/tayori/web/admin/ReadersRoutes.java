package dev.tayori.web.admin;

import dev.tayori.App;
import dev.tayori.readers.Readers;
import io.javalin.Javalin;

/** The readers pages' routes under /admin/subscribers (the reader's own page stays with AdminPages). */
final class ReadersRoutes {
    private ReadersRoutes() {
    }

    static void register(Javalin web, App app, AdminPages pages) {
        Readers readers = new Readers(app.jdbi(), app.subscribers(), app.enrollments(), app::campaigns, app.clock());
        ReadersList list = new ReadersList(app, pages, readers);
        ReaderActions actions = new ReaderActions(app, pages, readers);
        ReadersImport importer = new ReadersImport(app, pages);
        web.get("/admin/subscribers", list::list);
        web.get("/admin/subscribers/export.csv", list::export);
        web.post("/admin/subscribers/bulk/confirm", list::confirm);
        web.post("/admin/subscribers/bulk", list::run);
        web.get("/admin/subscribers/new", actions::addForm);
        web.post("/admin/subscribers/new", actions::add);
        web.get("/admin/subscribers/import", importer::form);
        web.post("/admin/subscribers/import", importer::upload);
        web.get("/admin/subscribers/import/{key}", importer::run);
        web.post("/admin/subscribers/{id}/tag", actions::tag);
        web.post("/admin/subscribers/{id}/untag", actions::untag);
        web.post("/admin/subscribers/{id}/restart-workbook", actions::restartWorkbook);
        web.post("/admin/subscribers/{id}/unsubscribe/confirm", actions::confirmUnsubscribe);
        web.post("/admin/subscribers/{id}/reactivate", actions::reactivate);
    }
}
