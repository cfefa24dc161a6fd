package dev.tayori.web;

import static dev.tayori.TestWorld.tokyo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tayori.App;
import dev.tayori.web.admin.AdminAuth;
import java.net.ServerSocket;
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
import org.junit.jupiter.api.io.TempDir;

/**
 * Two nodes behind a load balancer: two Apps with their own web servers on one SQLite file. A
 * browser's requests may reach either, so the session and the count of sign-in attempts must be the
 * database's, not one server's.
 */
class AdminSessionsAcrossServersTest {
    @TempDir
    Path dir;
    WebWorld first;
    WebServer second;
    String secondBase;

    @BeforeEach
    void start() throws Exception {
        first = new WebWorld(dir, tokyo(2026, 11, 23, 10, 0), false);
        App other = App.start(first.world.settings(), first.world.clock); // another process, the same database
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        secondBase = "http://127.0.0.1:" + port;
        second = new WebServer(other, null, new AdminAuth(other.jdbi(), first.world.clock)).start("127.0.0.1", port);
    }

    @AfterEach
    void stop() {
        second.close();
        first.close();
    }

    private HttpResponse<String> send(HttpRequest request) throws Exception {
        return first.http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> signIn(String base, String password) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(base + "/admin/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("password=" + URLEncoder.encode(password, StandardCharsets.UTF_8)))
                .build());
    }

    private HttpResponse<String> dashboard(String base, String cookie) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(base + "/admin")).header("Cookie", cookie).GET().build());
    }

    private static String csrfOf(String page) {
        Matcher m = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"").matcher(page);
        assertTrue(m.find(), "every form carries the token");
        return m.group(1);
    }

    @Test
    void aSessionMadeOnOneServerWorksOnTheOtherAndSigningOutOnOneEndsItOnBoth() throws Exception {
        HttpResponse<String> signedIn = signIn(first.base, WebWorld.ADMIN_PASSWORD);
        assertEquals(302, signedIn.statusCode());
        String set = signedIn.headers().firstValue("Set-Cookie").orElseThrow();
        String cookie = set.substring(0, set.indexOf(';'));

        HttpResponse<String> onSecond = dashboard(secondBase, cookie);
        assertEquals(200, onSecond.statusCode(), "the other node knows the session");
        assertTrue(onSecond.body().contains("ダッシュボード"), onSecond.body());
        // its forms carry the same session's token, which the first node accepts
        String csrf = csrfOf(onSecond.body());
        HttpResponse<String> paused = send(HttpRequest.newBuilder(URI.create(first.base + "/admin/campaigns/newsletter/pause"))
                .header("Cookie", cookie).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("csrf=" + csrf)).build());
        assertEquals(302, paused.statusCode(), paused.body());
        assertTrue(first.world.app().control().paused("newsletter"));

        HttpResponse<String> out = send(HttpRequest.newBuilder(URI.create(secondBase + "/admin/logout"))
                .header("Cookie", cookie).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("csrf=" + csrf)).build());
        assertEquals(302, out.statusCode());
        for (String base : new String[] {first.base, secondBase}) {
            HttpResponse<String> after = dashboard(base, cookie);
            assertEquals(302, after.statusCode(), base + ": signed out everywhere");
            assertEquals("/admin/login", after.headers().firstValue("Location").orElseThrow());
        }
    }

    @Test
    void aSessionOutlivesARestartOfTheServerThatMadeIt() throws Exception {
        HttpResponse<String> signedIn = signIn(first.base, WebWorld.ADMIN_PASSWORD);
        String set = signedIn.headers().firstValue("Set-Cookie").orElseThrow();
        String cookie = set.substring(0, set.indexOf(';'));
        first.web.close();
        App restarted = first.world.restart();
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        try (WebServer again = new WebServer(restarted, null, new AdminAuth(restarted.jdbi(), first.world.clock))
                .start("127.0.0.1", port)) {
            assertEquals(200, dashboard("http://127.0.0.1:" + port, cookie).statusCode());
        }
        String stored = first.world.app().jdbi().withHandle(h -> h.createQuery(
                "SELECT session_hash FROM admin_sessions").mapTo(String.class).one());
        assertTrue(!cookie.contains(stored), "the database keeps the cookie's hash, not the cookie: " + stored);
    }

    @Test
    void failedSignInsOnOneServerCountOnTheOther() throws Exception {
        for (int i = 0; i < 3; i++) {
            assertEquals(401, signIn(first.base, "guess " + i).statusCode());
        }
        assertEquals(401, signIn(secondBase, "guess 3").statusCode());
        assertEquals(302, signIn(secondBase, WebWorld.ADMIN_PASSWORD).statusCode(), "the fifth attempt, right, gets in");
        HttpResponse<String> sixth = signIn(secondBase, WebWorld.ADMIN_PASSWORD);
        assertEquals(429, sixth.statusCode(), "five in a minute on the two together");
        assertTrue(sixth.body().contains("サインインの試行が多すぎます。"), sixth.body());
        assertEquals(429, signIn(first.base, WebWorld.ADMIN_PASSWORD).statusCode(), "and on the first as well");

        first.world.clock.advance(java.time.Duration.ofSeconds(61));
        assertEquals(302, signIn(first.base, WebWorld.ADMIN_PASSWORD).statusCode(), "a minute later, in again");
    }
}
