package dev.tayori.reload;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tayori.App;
import dev.tayori.MailParts;
import dev.tayori.campaign.OperatorFolders;
import dev.tayori.reload.FileReloader.Outcome;
import dev.tayori.subscriber.ConsentRecord;
import dev.tayori.web.WebServer;
import dev.tayori.web.admin.AdminAuth;
import jakarta.mail.internet.MimeMessage;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A running tayori (App and web server, test clock, GreenMail) over copies of campaigns/ and templates/
 * that the operator edits on disk: each {@code reloader().check()} is the scheduler's minute tick.
 */
class ReloadWhileServingTest {
    private static final String PASSWORD = "correct horse battery staple";
    private static final String OLD_SUBJECT = "【1日目】いまの気持ちに名前をつける";
    private static final String NEW_SUBJECT = "【1日目】気持ちにそっと名前をつける";

    @TempDir
    Path dir;
    OperatorFolders folders;
    App app;
    WebServer web;
    String base;
    final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    int readers;

    Path workbook;
    Path lessonHtml;
    Path lessonText;

    @BeforeEach
    void serve() throws Exception {
        folders = new OperatorFolders(dir);
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        base = "http://127.0.0.1:" + port;
        folders.world.env().put("TAYORI_WEB_BASE_URL", base);
        app = folders.world.app();
        AdminAuth auth = new AdminAuth(app.jdbi(), folders.world.clock);
        auth.prepare(PASSWORD);
        web = new WebServer(app, null, auth).start("127.0.0.1", port);
        workbook = folders.campaigns.resolve("workbook.yaml");
        lessonHtml = folders.templates.resolve("campaigns/workbook/lesson-1.ftlh");
        lessonText = folders.templates.resolve("campaigns/workbook/lesson-1.txt.ftl");
    }

    @AfterEach
    void stop() {
        web.close();
        folders.close();
    }

    /** A new reader confirmed now, and the due work that sends them lesson 1: their lesson. */
    private MimeMessage nextReadersLesson() {
        readers++;
        String email = "reader" + readers + "@example.jp";
        // through the running App: a one-shot command would load the files on disk, broken or not
        Instant now = folders.world.clock.instant();
        app.subscribers().addConfirmed(email, "読者" + readers, ConsentRecord.of("recorded-by-operator", now, "test",
                "test"), now);
        folders.world.clock.advance(Duration.ofMinutes(1));
        app.dueWork().run(folders.world.clock.instant());
        List<MimeMessage> theirs = folders.world.received().stream()
                .filter(m -> MailParts.to(m).contains(email) && MailParts.subject(m).startsWith("【1日目】")).toList();
        assertEquals(1, theirs.size(), "one lesson 1 for " + email);
        return theirs.get(0);
    }

    private void editLessonOne() {
        folders.write(workbook, folders.read(workbook).replace(OLD_SUBJECT, NEW_SUBJECT));
        folders.write(lessonHtml, folders.read(lessonHtml).replace("今日から7日間", "新しい言葉で、今日から7日間"));
        folders.write(lessonText, folders.read(lessonText).replace("今日から7日間", "新しい言葉で、今日から7日間"));
    }

    private String dashboard() throws Exception {
        HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create(base + "/admin/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("password=" + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8)))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(302, login.statusCode());
        String cookie = login.headers().firstValue("Set-Cookie").orElseThrow().split(";", 2)[0];
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(base + "/admin")).header("Cookie", cookie)
                .GET().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertEquals(200, page.statusCode(), page.body());
        return page.body();
    }

    private static void assertOldWords(MimeMessage lesson) {
        assertEquals(OLD_SUBJECT, MailParts.subject(lesson));
        assertFalse(MailParts.html(lesson).contains("新しい言葉で"));
        assertFalse(MailParts.text(lesson).contains("新しい言葉で"));
    }

    private static void assertNewWords(MimeMessage lesson) {
        assertEquals(NEW_SUBJECT, MailParts.subject(lesson));
        assertTrue(MailParts.html(lesson).contains("新しい言葉で、今日から7日間"), MailParts.html(lesson));
        assertTrue(MailParts.text(lesson).contains("新しい言葉で、今日から7日間"), MailParts.text(lesson));
    }

    @Test
    void anEditedLessonReachesTheNextReaderAfterTheNextCheckWithoutARestart() throws Exception {
        assertOldWords(nextReadersLesson());
        assertEquals(Outcome.UNCHANGED, app.reloader().check(), "nothing changed yet");
        editLessonOne();
        assertOldWords(nextReadersLesson()); // edited on disk, not yet checked: still the version that was loaded
        assertEquals(Outcome.RELOADED, app.reloader().check());
        assertNewWords(nextReadersLesson());
        assertEquals(Outcome.UNCHANGED, app.reloader().check());
        assertEquals(NEW_SUBJECT, app.campaigns().sequences().get(0).step(1).subject(), "the admin and planners see it");
        assertFalse(dashboard().contains("反映できません"));
    }

    @Test
    void aYamlTypoKeepsTheLastGoodVersionGoingOutAndTheDashboardSaysWhereUntilItIsFixed() throws Exception {
        editLessonOne();
        assertEquals(Outcome.RELOADED, app.reloader().check());
        String good = folders.read(workbook);
        String broken = good.replace("subject: \"【2日目】", "subject: \"【2日目】\"閉じていない");
        folders.write(workbook, broken);
        assertEquals(Outcome.REFUSED, app.reloader().check());
        assertNewWords(nextReadersLesson());
        String page = dashboard();
        assertTrue(page.contains("変更したファイルを反映できません"), page);
        assertTrue(page.contains(workbook + ":" + lineOf(broken, "【2日目】")), page);
        assertTrue(page.contains("キャンペーンファイルの書き方に誤りがあります。"), page);
        assertEquals(Outcome.UNCHANGED, app.reloader().check(), "not loaded again every minute");

        folders.write(workbook, good.replace(NEW_SUBJECT, "【1日目】直した件名"));
        assertEquals(Outcome.RELOADED, app.reloader().check());
        assertFalse(dashboard().contains("反映できません"));
        assertEquals("【1日目】直した件名", MailParts.subject(nextReadersLesson()));
        assertTrue(app.reloader().problems().isEmpty());
    }

    @Test
    void aBrokenTemplateKeepsTheLastGoodVersionGoingOutAndTheDashboardSaysWhereUntilItIsFixed() throws Exception {
        String good = folders.read(lessonHtml);
        String[] lines = good.split("\n", -1);
        lines[3] = "<p>${subscriber.name?no_such_builtin}</p>\n" + lines[3];
        folders.write(lessonHtml, String.join("\n", lines));
        assertEquals(Outcome.REFUSED, app.reloader().check());
        assertOldWords(nextReadersLesson());
        String page = dashboard();
        assertTrue(page.contains(lessonHtml + ":4"), page);
        assertTrue(page.contains("テンプレートの書き方に誤りがあります。"), page);
        assertTrue(page.contains("チェックした仕組みの説明（英語・手伝う人向け）: "), "FreeMarker's English is said to be for a helper: " + page);
        assertEquals(1, app.reloader().problems().size(), app.reloader().problems().toString());
        assertTrue(app.reloader().problems().get(0).line() > 0, app.reloader().problems().toString());

        folders.write(lessonHtml, good);
        assertEquals(Outcome.RELOADED, app.reloader().check());
        assertFalse(dashboard().contains("反映できません"));
        assertOldWords(nextReadersLesson());
    }

    @Test
    void aTemplateAddedOnDiskThatCreatesJavaObjectsIsRefusedAndRunsNothing() throws Exception {
        String hostile = "${\"freemarker.template.utility.Execute\"?new()(\"touch " + folders.marker + "\")}\n";
        folders.write(lessonText, folders.read(lessonText).replace("<@layout.page>\n", "<@layout.page>\n" + hostile));
        assertEquals(Outcome.REFUSED, app.reloader().check());
        assertOldWords(nextReadersLesson());
        assertFalse(Files.exists(folders.marker), "the template ran");
        String page = dashboard();
        assertTrue(page.contains(lessonText + ":3"), page);
        assertTrue(page.contains("安全のため使えない命令"), page);
        assertFalse(Files.exists(folders.marker), "the template ran");
    }

    @Test
    void aNewPageTemplateThatCreatesJavaObjectsIsRefusedThoughNoCampaignUsesIt() throws Exception {
        Path page = folders.templates.resolve("pages/offer.ftlh");
        folders.write(page, "<p>ご案内</p>\n${\"freemarker.template.utility.Execute\"?new()(\"touch " + folders.marker + "\")}\n");
        assertEquals(Outcome.REFUSED, app.reloader().check());
        assertTrue(dashboard().contains(page + ":2"));
        assertFalse(Files.exists(folders.marker), "the template ran");
    }

    @Test
    void aBrokenAdminLayoutIsNotTakenSoTheDashboardStillSaysWhy() throws Exception {
        Path layout = folders.templates.resolve("admin/layout.ftlh");
        folders.write(layout, folders.read(layout).replace("<#nested>", "<#nested>\n<#if>"));
        assertEquals(Outcome.REFUSED, app.reloader().check());
        String page = dashboard();
        assertTrue(page.contains(layout + ":"), page);
        assertTrue(page.contains("テンプレートの書き方に誤りがあります。"), page);
    }

    @Test
    void anAnnouncementFileCanAppearAndAScheduledOneCanGoWithoutAnythingFailing() throws Exception {
        assertEquals(0, folders.world.cli("campaigns", "schedule", "course-early-booking", "--at",
                "2026-12-01T12:00+09:00").exitCode(), "scheduled while its file is there");
        Path announcement = folders.campaigns.resolve("course-early-booking.yaml");
        folders.write(folders.campaigns.resolve("winter-talk.yaml"), folders.read(announcement)
                .replace("name: オンライン講座 先行予約のご案内", "name: 冬のトークイベント"));
        Files.delete(announcement);
        assertEquals(Outcome.RELOADED, app.reloader().check());
        assertTrue(app.campaigns().find("winter-talk").isPresent());
        assertTrue(app.campaigns().find("course-early-booking").isEmpty());
        nextReadersLesson();
        folders.world.clock.set(dev.tayori.TestWorld.tokyo(2026, 12, 1, 12, 1));
        assertDoesNotThrow(() -> app.dueWork().run(folders.world.clock.instant()));
        assertTrue(folders.world.received().stream().noneMatch(m -> MailParts.subject(m).contains("オンライン講座")));
        assertEquals(dev.tayori.announcement.Schedule.SKIPPED, app.announcements().find("course-early-booking")
                .orElseThrow().state(), "the planners' way with a campaign that is gone");
        assertFalse(dashboard().contains("反映できません"));
        HttpResponse<String> gone = http.send(HttpRequest.newBuilder(URI.create(base + "/admin/campaigns")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(302, gone.statusCode(), "signed out: to the sign-in page, not an error");
    }

    private static int lineOf(String text, String what) {
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].contains(what)) {
                return i + 1;
            }
        }
        throw new AssertionError(what);
    }
}
