package dev.tayori.web;

import dev.tayori.TestWorld;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A TestWorld with tayori's web server running on a free port, and an HTTP client for it. */
final class WebWorld implements AutoCloseable {
    final TestWorld world;
    final WebServer web;
    final String base;
    static final String ADMIN_PASSWORD = "correct horse battery staple";
    static final String API_TOKEN = "test-api-token-0123456789abcdef";
    final dev.tayori.web.admin.AdminAuth adminAuth;
    final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    WebWorld(Path dir, Instant now, boolean withMailbox) throws Exception {
        world = new TestWorld(dir, now);
        world.env().put("TAYORI_API_TOKEN", API_TOKEN);
        Mailbox mailbox = withMailbox ? () -> world.received() : null;
        WebServer started = null;
        String startedAt = null;
        dev.tayori.web.admin.AdminAuth auth = null;
        // a free port can be taken by another process between asking and binding: then another one
        for (int attempt = 1; started == null; attempt++) {
            int port;
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            startedAt = "http://127.0.0.1:" + port;
            world.env().put("TAYORI_WEB_BASE_URL", startedAt);
            world.env().put("TAYORI_WEB_PORT", String.valueOf(port));
            world.restart();
            auth = new dev.tayori.web.admin.AdminAuth(world.app().jdbi(), world.clock);
            auth.prepare(ADMIN_PASSWORD);
            try {
                started = new WebServer(world.app(), mailbox, auth).start("127.0.0.1", port);
            } catch (io.javalin.util.JavalinBindException e) {
                if (attempt == 5) {
                    throw e;
                }
            }
        }
        base = startedAt;
        web = started;
        adminAuth = auth;
    }

    HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    HttpResponse<String> post(String path, String form) throws Exception {
        return post(path, form, null);
    }

    HttpResponse<String> post(String path, String form, String origin) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form, StandardCharsets.UTF_8));
        if (origin != null) {
            request.header("Origin", origin);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** Waits until GreenMail holds {@code count} messages in all (mail goes out on a background thread). */
    void awaitMail(int count) {
        if (!world.smtp.waitForIncomingEmail(10_000, count)) {
            throw new AssertionError("expected " + count + " mails, got " + world.received().size());
        }
    }

    static String link(String text, String path) {
        Matcher m = Pattern.compile("(https?://[^\\s\"<>]+/" + path + "/[A-Za-z0-9_-]+)").matcher(text);
        if (!m.find()) {
            throw new AssertionError("no /" + path + "/ link in: " + text);
        }
        return m.group(1);
    }

    @Override
    public void close() {
        web.close();
        world.close();
    }
}
