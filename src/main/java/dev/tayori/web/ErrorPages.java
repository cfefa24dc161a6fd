package dev.tayori.web;

import dev.tayori.config.Secrets;
import dev.tayori.render.TemplateProblem;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What an error looks like, in one place: a Japanese page (pages/error.ftlh), or {"error": ...}
 * under /api. It replaces what Javalin writes itself ("Endpoint GET /x not found", "Content Too
 * Large") and leaves alone an answer a handler already rendered as a page or as JSON.
 */
final class ErrorPages {
    private static final Logger LOG = LoggerFactory.getLogger(ErrorPages.class);

    /** The words for each status: a title and a sentence saying what the reader can do. */
    private record Words(String title, String message, String api) {
    }

    private static final Map<Integer, Words> WORDS = Map.of(
            400, new Words("リクエストが正しくありません", "送られた内容を読み取れませんでした。ページを開き直して、もう一度お試しください。",
                    "the request is not valid"),
            404, new Words("ページが見つかりません", "お探しのページは見つかりませんでした。アドレスが途中で切れていないかご確認ください。",
                    "no such API endpoint"),
            405, new Words("この操作はできません", "このページではその操作は受け付けていません。ページを開き直してお試しください。",
                    "this method is not allowed here"),
            413, new Words("送られた内容が大きすぎます", "送られた内容が大きすぎるため、受け付けられませんでした。",
                    "the request body is too large"),
            415, new Words("送られた形式に対応していません", "この形式の送信には対応していません。",
                    "send the body as JSON with Content-Type: application/json"),
            500, new Words("エラーが発生しました", "申し訳ありません。こちらの不具合でページを表示できませんでした。時間をおいてもう一度お試しください。",
                    "the request failed on the server; its log has the details"));

    /** Shown when even the error template cannot be rendered (a broken templates folder). */
    private static final String FALLBACK = "<!DOCTYPE html><html lang=\"ja\"><head><meta charset=\"utf-8\">"
            + "<title>エラー</title></head><body><h1>エラーが発生しました</h1>"
            + "<p>申し訳ありません。ページを表示できませんでした。時間をおいてもう一度お試しください。</p></body></html>";

    private final Pages pages;

    private ErrorPages(Pages pages) {
        this.pages = pages;
    }

    static void register(Javalin web, Pages pages) {
        ErrorPages errors = new ErrorPages(pages);
        WORDS.keySet().forEach(status -> web.error(status, errors::replaceUnrendered));
        web.exception(TemplateProblem.class, (e, ctx) -> {
            LOG.error("{} {}: page template problem: {}", ctx.method(), ctx.path(), e.located());
            errors.show(ctx, 500);
        });
        // the last resort: a true internal fault, logged without secrets, answered without details
        web.exception(Exception.class, (e, ctx) -> {
            LOG.error("{} {} failed", ctx.method(), ctx.path(), Secrets.masked(e));
            errors.show(ctx, 500);
        });
    }

    /** Our own pages are text/html and our API answers JSON; anything else here is Javalin's own text. */
    private void replaceUnrendered(Context ctx) {
        String type = ctx.res().getContentType();
        boolean rendered = type != null && (api(ctx) ? type.startsWith("application/json") : type.startsWith("text/html"));
        if (!rendered) {
            show(ctx, ctx.statusCode());
        }
    }

    void show(Context ctx, int status) {
        Words words = WORDS.getOrDefault(status, WORDS.get(status >= 500 ? 500 : 400));
        ctx.status(status);
        if (api(ctx)) {
            String message = status == 404 ? words.api() + ": " + ctx.method() + " " + ctx.path()
                    + "; see the README for /api/subscribers and /api/campaigns" : words.api();
            ctx.json(Map.of("error", message));
            return;
        }
        boolean admin = ctx.path().startsWith("/admin");
        Map<String, Object> model = pages.model();
        model.put("title", words.title());
        model.put("message", words.message());
        model.put("home", admin ? "/admin" : "/subscribe");
        model.put("homeLabel", admin ? "管理画面のトップへ" : "登録ページへ");
        try {
            pages.show(ctx, status, "error", model);
        } catch (RuntimeException e) {
            LOG.error("the error page itself cannot be shown: {}", e.getMessage());
            ctx.status(status).contentType("text/html; charset=utf-8").result(FALLBACK);
        }
    }

    static boolean api(Context ctx) {
        return ctx.path().equals("/api") || ctx.path().startsWith("/api/");
    }
}
