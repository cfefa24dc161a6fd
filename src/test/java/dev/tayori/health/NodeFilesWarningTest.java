package dev.tayori.health;

import static dev.tayori.TestWorld.tokyo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tayori.TestWorld;
import dev.tayori.campaign.OperatorFolders;
import dev.tayori.reload.FileReloader;
import dev.tayori.web.WebServer;
import dev.tayori.web.admin.AdminAuth;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two nodes on one database, each with its own campaigns/ and templates/ as on two machines: the
 * dashboard of either says so, in Japanese and with what to do, while both are alive and their files
 * differ.
 */
class NodeFilesWarningTest {
    private static final String PASSWORD = "correct horse battery staple";
    private static final String TITLE = "動いているノードのキャンペーンファイルとテンプレートが同じではありません（web1 と web2 で内容が違います）。";

    @TempDir
    Path dir;
    TestWorld web1;
    OperatorFolders web2;
    WebServer web;
    String base;
    String cookie;
    final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    final Instant start = tokyo(2026, 12, 1, 9, 0);

    @BeforeEach
    void start() throws Exception {
        web1 = new TestWorld(dir.resolve("web1"), start);
        web1.env().put("TAYORI_NODE_NAME", "web1");
        web2 = new OperatorFolders(java.nio.file.Files.createDirectories(dir.resolve("web2")));
        web2.world.env().put("TAYORI_NODE_NAME", "web2");
        web2.world.env().put("TAYORI_DATABASE_URL", web1.env().get("TAYORI_DATABASE_URL"));
        web2.world.clock.set(start);
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        base = "http://127.0.0.1:" + port;
        AdminAuth auth = new AdminAuth(web1.app().jdbi(), web1.clock);
        auth.prepare(PASSWORD);
        web = new WebServer(web1.app(), null, auth).start("127.0.0.1", port);
        HttpResponse<String> signIn = http.send(HttpRequest.newBuilder(URI.create(base + "/admin/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("password=" + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8)))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(302, signIn.statusCode());
        String set = signIn.headers().firstValue("Set-Cookie").orElseThrow();
        cookie = set.substring(0, set.indexOf(';'));
    }

    @AfterEach
    void stop() {
        web.close();
        web2.close();
        web1.close();
    }

    private String dashboard() throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/admin")).header("Cookie", cookie)
                .GET().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertEquals(200, r.statusCode());
        return r.body();
    }

    private void advanceBoth(Duration d) {
        web1.clock.advance(d);
        web2.world.clock.advance(d);
    }

    @Test
    void aLessonEditedOnOneNodeOnlyIsShownOnTheDashboardUntilTheFilesAgreeOrTheNodeIsGone() throws Exception {
        web1.app().nodes().register("serve");
        web2.world.app().nodes().register("serve");
        assertFalse(dashboard().contains("id=\"warning-node-files\""), "the same files on both");

        Path lesson = web2.templates.resolve("campaigns/workbook/lesson-3.ftlh");
        String shipped = web2.read(lesson);
        web2.write(lesson, shipped.replaceFirst("。", "。今日も一日おつかれさまでした。"));
        assertEquals(FileReloader.Outcome.RELOADED, web2.world.app().reloader().check());
        advanceBoth(Duration.ofSeconds(30));
        web1.app().nodes().tick();
        web2.world.app().nodes().tick();
        String page = dashboard();
        assertTrue(page.contains("id=\"warning-node-files\""), page);
        assertTrue(page.contains(TITLE), page);
        assertTrue(page.contains("同じ campaigns/ と templates/ をすべてのノードに配置してください"), page);
        assertTrue(page.contains("ブラウザで書いたメールはデータベースにあり、すべてのノードで共有されます。"), page);

        // deployed to web2 as well: the same again
        web2.write(lesson, shipped);
        assertEquals(FileReloader.Outcome.RELOADED, web2.world.app().reloader().check());
        web2.world.app().nodes().tick();
        assertFalse(dashboard().contains("id=\"warning-node-files\""), "agreeing again");

        // a node that is gone (no heartbeat for over two minutes) sends nothing, so it no longer counts
        web2.write(lesson, shipped + "<p>追伸</p>");
        assertEquals(FileReloader.Outcome.RELOADED, web2.world.app().reloader().check());
        web2.world.app().nodes().tick();
        assertTrue(dashboard().contains(TITLE));
        advanceBoth(Duration.ofMinutes(3));
        web1.app().nodes().tick();
        assertFalse(dashboard().contains("id=\"warning-node-files\""), "web2 is gone");
    }
}
