package dev.tayori.web;

import static dev.tayori.TestWorld.tokyo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tayori.Snapshot;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The editor's pages over plain HTTP, as a browser without JavaScript uses them: the server-side
 * preview names problems in Japanese with their line, refusals change nothing, the preview's HTML
 * comes from its own URL with the mail's CSP while the editor page keeps the strict one.
 */
class EditorPagesHttpTest {
    @org.junit.jupiter.api.io.TempDir
    Path dir;
    WebWorld web;
    String cookie;
    String csrf;

    @BeforeEach
    void start() throws Exception {
        web = new WebWorld(dir, tokyo(2026, 11, 23, 10, 0), false);
        HttpResponse<String> r = web.post("/admin/login", "password=" + enc(WebWorld.ADMIN_PASSWORD));
        String set = r.headers().firstValue("Set-Cookie").orElseThrow();
        cookie = set.substring(0, set.indexOf(';'));
        Matcher m = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"").matcher(get("/admin/campaigns/workbook/mails/3").body());
        assertTrue(m.find());
        csrf = m.group(1);
    }

    @AfterEach
    void stop() {
        web.close();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return web.http.send(HttpRequest.newBuilder(URI.create(web.base + path)).header("Cookie", cookie).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> post(String path, String form) throws Exception {
        return web.http.send(HttpRequest.newBuilder(URI.create(web.base + path)).header("Cookie", cookie)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private String words(String action, String subject, String body) {
        return "csrf=" + csrf + "&action=" + action + "&subject=" + enc(subject) + "&preheader=&body=" + enc(body) + "&note=&to=";
    }

    @Test
    void thePreviewButtonShowsTheTextPartAndTheProblemsByLineWithoutJavaScriptAndSavesNothing() throws Exception {
        Snapshot before = Snapshot.of(web.world);
        HttpResponse<String> r = post("/admin/campaigns/workbook/mails/3", words("preview", "【3日目】新版",
                "{{name|読者さま}}さん\n\n[開く](javascript:alert(1))\n\n{{nmae}}"));
        assertEquals(200, r.statusCode());
        assertTrue(r.body().contains("本文 3行目: リンク javascript:alert(1) は使えません"), r.body());
        assertTrue(r.body().contains("本文 5行目: {{nmae}} という差し込みはありません（{{name}} のことですか？）"), r.body());
        assertTrue(r.body().contains("<pre id=\"preview-text\" class=\"text-part\">読者さん"), "the text part, for the reader 読者");
        assertEquals(before, Snapshot.of(web.world));

        HttpResponse<String> save = post("/admin/campaigns/workbook/mails/3", words("save", "【3日目】新版", "<b>太字</b>"));
        assertEquals(400, save.statusCode());
        assertTrue(save.body().contains("保存できませんでした: 本文 1行目: HTMLタグは使えません"), save.body());
        assertTrue(save.body().contains("&lt;b&gt;太字&lt;/b&gt;</textarea>"), "the words stay in the form, escaped");
        assertEquals(before, Snapshot.of(web.world));
        HttpResponse<String> publish = post("/admin/campaigns/workbook/mails/3", words("publish", "", "本文"));
        assertEquals(400, publish.statusCode());
        assertTrue(publish.body().contains("件名: 件名を入力してください"), publish.body());
        assertEquals(before, Snapshot.of(web.world));
    }

    @Test
    void aLongLessonOfJapaneseWordsIsSavedThoughItsFormIsLargerThanAStrangersPostMayBe() throws Exception {
        // 30,000 characters of Japanese post as about 270 KB of percent-encoded UTF-8
        String body = "心の距離と境界線について、今日は少し長めにお話しします。\n\n".repeat(1_000);
        String form = words("save", "【3日目】長い版", body);
        assertTrue(form.length() > 200_000, "larger than the 64 KB the public pages take: " + form.length());
        HttpResponse<String> r = post("/admin/campaigns/workbook/mails/3", form);
        assertTrue(r.statusCode() == 200 || r.statusCode() == 302 || r.statusCode() == 303, r.statusCode() + " " + r.body());
        assertEquals(body.strip(), web.world.app().authoring().draft("workbook", 3).orElseThrow().bodyMarkdown().strip());
    }

    @Test
    void thePreviewFrameHasTheMailsPolicyAndTheEditorPageTheStrictOneWithoutInlineScript() throws Exception {
        HttpResponse<String> page = get("/admin/campaigns/workbook/mails/3");
        assertEquals("default-src 'self'; base-uri 'none'; object-src 'none'; form-action 'self'; frame-ancestors 'none'",
                page.headers().firstValue("Content-Security-Policy").orElseThrow());
        assertFalse(page.body().contains("<script>") || page.body().contains("style="), "no inline script or style");
        assertTrue(page.body().contains("<script src=\"/assets/editor.js\"></script>"));
        Matcher frame = Pattern.compile("src=\"(/admin/preview-frames/[A-Za-z0-9_-]+)\"").matcher(page.body());
        assertTrue(frame.find(), page.body());
        HttpResponse<String> html = get(frame.group(1));
        assertEquals(200, html.statusCode());
        assertTrue(html.headers().firstValue("Content-Security-Policy").orElseThrow().startsWith("default-src 'none'; style-src 'unsafe-inline'"));
        assertTrue(html.body().contains("それは誰の気持ち"), "the file's lesson 3 as the editor's start");
        assertEquals(404, get("/admin/preview-frames/nothing").statusCode());
        assertEquals(200, get("/assets/editor.js").statusCode());
        assertEquals(200, get("/assets/editor.css").statusCode());
    }

    @Test
    void theScriptsPreviewAnswersJsonAndNeedsTheCsrfToken() throws Exception {
        HttpResponse<String> json = post("/admin/campaigns/workbook/mails/3/preview",
                "csrf=" + csrf + "&subject=" + enc("件名") + "&preheader=&body=" + enc("{{name|読者さま}}さん、こんにちは"));
        assertEquals(200, json.statusCode(), json.body());
        assertTrue(json.body().contains("\"text\":\"読者さん、こんにちは"), json.body());
        assertTrue(json.body().contains("\"frame\":\"/admin/preview-frames/"), json.body());
        assertEquals(403, post("/admin/campaigns/workbook/mails/3/preview", "subject=x&body=y").statusCode());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/admin/campaigns/workbook/mails/0", "/admin/campaigns/workbook/mails/8",
            "/admin/campaigns/workbook/mails/abc", "/admin/campaigns/nothing/mails/1", "/admin/campaigns/newsletter/mails/1",
            "/admin/campaigns/workbook/mails/3/diff?older=1&newer=2", "/admin/campaigns/workbook/mails/3/restore?revision=9"})
    void unknownMailsAndRevisionsAreJapanese404Pages(String path) throws Exception {
        HttpResponse<String> r = get(path);
        assertEquals(404, r.statusCode(), r.body());
        assertTrue(r.body().contains("<html lang=\"ja\">"), r.body());
        assertFalse(r.body().contains("Exception"), r.body());
    }

    @Test
    void aTestCopyToABadAddressIsRefusedInJapaneseAndSendsNothing() throws Exception {
        Snapshot before = Snapshot.of(web.world);
        HttpResponse<String> r = post("/admin/campaigns/workbook/mails/3", words("test", "件名", "本文") .replace("&to=", "&to=" + enc("taro@@example")));
        assertEquals(400, r.statusCode());
        assertTrue(r.body().contains("テスト送信できませんでした: "), r.body());
        assertEquals(before, Snapshot.of(web.world));
    }

    @Test
    void aNewAnnouncementWithAnIdInUseIsAConflictPageThatKeepsTheWords() throws Exception {
        Snapshot before = Snapshot.of(web.world);
        HttpResponse<String> r = post("/admin/announcements/new", "csrf=" + csrf + "&action=create&id=workbook&name="
                + enc("冬のお茶会") + "&segment=all&subject=" + enc("件名") + "&preheader=&body=" + enc("お茶会の本文"));
        assertEquals(409, r.statusCode());
        assertTrue(r.body().contains("ID workbook はすでに使われています"), r.body());
        assertTrue(r.body().contains("お茶会の本文</textarea>"));
        assertEquals(before, Snapshot.of(web.world));
    }

    @Test
    void theAddLessonPageSaysHowManyReadersEachChoiceReachesAndAddsTheLessonAfterTheLast() throws Exception {
        java.time.Instant at = tokyo(2026, 11, 23, 10, 0);
        web.world.app().subscribers().addConfirmed("aki@example.jp", "亜紀",
                dev.tayori.subscriber.ConsentRecord.of("recorded-by-operator", at, "test", "test"), at);
        web.world.app().dueWork().run(at);
        HttpResponse<String> page = get("/admin/campaigns/workbook/steps/new");
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("<strong id=\"on-their-way\">1人</strong>"), page.body());
        assertTrue(page.body().contains("<span id=\"finished-included\">0人</span>"), page.body());
        assertTrue(get("/admin/campaigns/workbook/mails").body().contains("href=\"/admin/campaigns/workbook/steps/new\""));

        Snapshot before = Snapshot.of(web.world);
        HttpResponse<String> bad = post("/admin/campaigns/workbook/steps/new", words("add", "", "本文").concat("&past=included"));
        assertEquals(400, bad.statusCode());
        assertTrue(bad.body().contains("追加できませんでした: 件名: 件名を入力してください"), bad.body());
        assertEquals(before, Snapshot.of(web.world));

        HttpResponse<String> added = post("/admin/campaigns/workbook/steps/new",
                words("add", "【8日目】おまけ", "おまけのレッスンです。").concat("&past=left_out"));
        assertEquals(302, added.statusCode(), added.body());
        assertEquals("/admin/campaigns/workbook/mails/8?done=added", added.headers().firstValue("Location").orElseThrow());
        HttpResponse<String> eight = get("/admin/campaigns/workbook/mails/8?done=added");
        assertTrue(eight.body().contains("レッスンを追加して公開しました。"), eight.body());
        assertFalse(eight.body().contains("back-to-file-form"), "an added lesson has no file to go back to");
        assertEquals(404, get("/admin/campaigns/newsletter/steps/new").statusCode());
    }
}
