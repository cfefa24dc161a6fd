package dev.tayori.web.admin;

import dev.tayori.App;
import dev.tayori.subscriber.SubscriberException;
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
 * The CSV import from the browser: the file is copied to a temporary file and run through
 * SubscriberImport's plan and run, as `subscribers import` does, in the request. The result page
 * shows the rows imported and each skipped row with its line and why (the import's own words, which
 * name the line as "upload.csv:N:"). The progress bar on the result page is a finished one: a
 * background run with a refreshing page is not built yet.
 */
final class ReadersImport {
    private final App app;
    private final AdminPages pages;

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
        Path dir = Files.createTempDirectory("tayori-import");
        Path csv = dir.resolve("upload.csv"); // the name the problems carry, never the browser's file name
        try (InputStream in = file.content()) {
            Files.copy(in, csv, StandardCopyOption.REPLACE_EXISTING);
            SubscriberImport importer = new SubscriberImport(app.jdbi(), app.settings().timezone(), app.clock().instant());
            SubscriberImport.Plan plan = importer.plan(csv, null, source);
            SubscriberImport.Result result = importer.run(plan, null, done -> { });
            List<Map<String, String>> skipped = new ArrayList<>();
            for (String problem : concat(result.problems(), result.repeats())) {
                String rest = problem.startsWith(csv + ":") ? problem.substring(csv.toString().length() + 1) : problem;
                int colon = rest.indexOf(':');
                skipped.add(Map.of("line", colon > 0 ? rest.substring(0, colon) : "", "why",
                        colon > 0 ? rest.substring(colon + 1).strip() : rest));
            }
            Map<String, Object> model = new HashMap<>();
            model.put("rows", plan.rows());
            model.put("imported", result.imported());
            model.put("known", result.known());
            model.put("skipped", skipped);
            pages.show(ctx, "subscribers-imported", model);
        } catch (SubscriberException e) {
            refuse(ctx, source, "import.refused");
        } finally {
            Files.deleteIfExists(csv);
            Files.deleteIfExists(dir);
        }
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private void refuse(Context ctx, String source, String key) {
        ctx.status(400);
        pages.show(ctx, "subscribers-import", new HashMap<>(Map.of("error", ReadersWords.word(key), "source", source)));
    }
}
