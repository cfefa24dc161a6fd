package dev.tayori.health;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tayori.TestWorld;
import dev.tayori.web.WebServer;
import dev.tayori.web.admin.AdminAuth;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/**
 * tayori's web server over a TestWorld, and the dashboard as the signed-in operator's browser gets
 * it, over real HTTP. Made before the world's App is first used (it sets the base URL).
 */
final class SignedInDashboard implements AutoCloseable {
    private static final String PASSWORD = "correct horse battery staple";

    private final WebServer web;
    private final String base;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    SignedInDashboard(TestWorld world) throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        base = "http://127.0.0.1:" + port;
        world.env().put("TAYORI_WEB_BASE_URL", base);
        AdminAuth auth = new AdminAuth(world.app().jdbi(), world.clock);
        auth.prepare(PASSWORD);
        web = new WebServer(world.app(), null, auth).start("127.0.0.1", port);
    }

    /** Signs in afresh: the test clock may have moved past the last session's end. */
    private String signIn() throws Exception {
        HttpResponse<String> signIn = http.send(HttpRequest.newBuilder(URI.create(base + "/admin/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("password=" + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8)))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(302, signIn.statusCode());
        String set = signIn.headers().firstValue("Set-Cookie").orElseThrow();
        return set.substring(0, set.indexOf(';'));
    }

    /** The dashboard's HTML (200, or the test fails). */
    String page() throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/admin")).header("Cookie", signIn())
                .GET().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertEquals(200, r.statusCode());
        return r.body();
    }

    @Override
    public void close() {
        web.close();
    }
}
