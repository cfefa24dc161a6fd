package dev.tayori.web.admin;

import dev.tayori.App;
import dev.tayori.readers.ImportRuns;
import dev.tayori.subscriber.FileRefused;
import dev.tayori.subscriber.SubscriberException;
import dev.tayori.subscriber.SkippedRow;
import dev.tayori.subscriber.SubscriberImport;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The CSV import from the browser: the upload is copied to a temporary file, read whole by
 * SubscriberImport's plan in the request (a file that cannot be imported is refused at once, nothing
 * written), then run in the background by ImportRuns; the run's page refreshes itself (a meta
 * refresh, no script) with a progress bar until the result: rows imported, and each skipped row
 * with its line and why, in Japanese (ImportWords: the reason is a type, the CLI words it in English).
 */
final class ReadersImport {
    private final App app;
    private final AdminPages pages;
    private final ImportRuns runs = new ImportRuns();

    ReadersImport(App app, AdminPages pages) {
        this.app = app;
        this.pages = pages;
    }

    void form(Context ctx) {
        pages.show(ctx, "subscribers-import", new HashMap<>(Map.of("error", "", "source", "")));
    }

    void upload(Context ctx) throws Exception {
        String source = ctx.formParam("consent_source") == null ? "" : ctx.formParam("consent_source").strip();
        UploadedFile file = ctx.uploadedFile("file");
        if (file == null || file.size() == 0) {
            refuse(ctx, source, "import.needs-file");
            return;
        }
        if (source.isEmpty()) {
            refuse(ctx, source, "import.needs-source");
            return;
        }
        if (dev.tayori.subscriber.ConsentRecord.sourceProblem(source) != null) {
            refuse(ctx, source, "add.bad-source"); // a line break or control character, or too long
            return;
        }
        Path dir = Files.createTempDirectory("tayori-import");
        Path csv = dir.resolve("upload.csv"); // the name the problems carry, never the browser's file name
        try (InputStream in = file.content()) {
            Files.copy(in, csv, StandardCopyOption.REPLACE_EXISTING);
            SubscriberImport importer = new SubscriberImport(app.jdbi(), app.settings().timezone(), app.clock().instant());
            SubscriberImport.Plan plan = importer.plan(csv, null, source);
            ctx.redirect("/admin/subscribers/import/" + runs.start(importer, plan, csv));
        } catch (FileRefused e) {
            Files.deleteIfExists(csv);
            Files.deleteIfExists(dir);
            // what and where, as the command line says it: before, every refused file got one general sentence
            ctx.status(400);
            pages.show(ctx, "subscribers-import", new HashMap<>(Map.of("error", ReadersWords.format("import.refused."
                    + e.problem().name(), String.valueOf(e.line())) + ReadersWords.word("import.nothing"), "source", source)));
        } catch (SubscriberException e) {
            Files.deleteIfExists(csv);
            Files.deleteIfExists(dir);
            refuse(ctx, source, "import.refused");
        }
    }

    /** A run's page: the progress bar while it runs (the page reloads itself each second), then the result. */
    void run(Context ctx) {
        ImportRuns.Run run = runs.find(ctx.pathParam("key"))
                .orElseThrow(() -> new AdminPages.NotFound(ReadersWords.word("import.unknown")));
        Map<String, Object> model = new HashMap<>();
        model.put("rows", run.rows());
        model.put("done", run.done());
        model.put("failed", run.failed());
        if (run.result().isEmpty()) {
            pages.show(ctx, "subscribers-importing", model);
            return;
        }
        SubscriberImport.Result result = run.result().get();
        List<Map<String, String>> skipped = new ArrayList<>();
        List<SkippedRow> all = new ArrayList<>(result.problems());
        all.addAll(result.repeats());
        all.sort(java.util.Comparator.comparingLong(SkippedRow::line)); // in the file's order, as the operator reads it
        for (SkippedRow row : all) {
            skipped.add(Map.of("line", String.valueOf(row.line()), "why", ImportWords.of(row.reason())));
        }
        model.put("imported", result.imported());
        model.put("known", result.known());
        model.put("skipped", skipped);
        pages.show(ctx, "subscribers-imported", model);
    }

    private void refuse(Context ctx, String source, String key) {
        ctx.status(400);
        pages.show(ctx, "subscribers-import", new HashMap<>(Map.of("error", ReadersWords.word(key), "source", source)));
    }
}
