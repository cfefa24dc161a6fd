package dev.tayori.health;

import static dev.tayori.TestWorld.tokyo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tayori.TestWorld;
import dev.tayori.web.WebServer;
import dev.tayori.web.admin.AdminAuth;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** GET /healthz and GET /readyz over real HTTP, on a real SQLite file: what a load balancer sees. */
class ReadinessTest {
    @TempDir
    Path dir;
    TestWorld world;
    WebServer web;
    int port;
    final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeEach
    void start() throws Exception {
        world = new TestWorld(dir, tokyo(2026, 12, 1, 9, 0));
        web = serve(world);
    }

    @AfterEach
    void stop() {
        web.close();
        world.close();
    }

    private WebServer serve(TestWorld w) throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        return new WebServer(w.app(), null, new AdminAuth(w.app().jdbi(), w.clock)).start("127.0.0.1", port);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static void hasTheHeadersOfEveryPage(HttpResponse<String> r) {
        assertTrue(r.headers().firstValue("Content-Security-Policy").orElse("").contains("frame-ancestors 'none'"),
                r.headers().toString());
        assertEquals("nosniff", r.headers().firstValue("X-Content-Type-Options").orElse(""));
        assertEquals("DENY", r.headers().firstValue("X-Frame-Options").orElse(""));
        assertEquals("no-store", r.headers().firstValue("Cache-Control").orElse(""));
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"), r.headers().toString());
        assertTrue(r.headers().firstValue("Set-Cookie").isEmpty(), "no session for a probe");
    }

    @Test
    void aRunningNodeIsHealthyAndReadyWithoutSigningIn() throws Exception {
        HttpResponse<String> health = get("/healthz");
        assertEquals(200, health.statusCode());
        assertEquals("ok\n", health.body());
        hasTheHeadersOfEveryPage(health);
        HttpResponse<String> ready = get("/readyz");
        assertEquals(200, ready.statusCode());
        assertEquals("ready\n", ready.body());
        hasTheHeadersOfEveryPage(ready);
    }

    @Test
    void aSchemaWithoutTheNewestMigrationIsNotReadyButStillHealthy() throws Exception {
        // as after a restore of an older backup under a running node
        world.app().jdbi().useHandle(h -> h.execute("DELETE FROM flyway_schema_history WHERE version = ?",
                dev.tayori.db.SchemaVersion.expected(world.app().database().dialect())));
        HttpResponse<String> ready = get("/readyz");
        assertEquals(503, ready.statusCode());
        assertEquals("not ready: the database schema is not at migration " + dev.tayori.db.SchemaVersion.expected(world.app().database().dialect())
                + "\n", ready.body());
        hasTheHeadersOfEveryPage(ready);
        assertEquals(200, get("/healthz").statusCode(), "the process answers: no reason to restart it");
    }

    @Test
    void aStoppingNodeIsNotReady() throws Exception {
        world.app().readiness().stopping();
        HttpResponse<String> ready = get("/readyz");
        assertEquals(503, ready.statusCode());
        assertEquals("not ready: shutting down\n", ready.body());
        assertEquals(200, get("/healthz").statusCode());
    }

    @Test
    void aNodeWithAnEmptyCampaignsFolderIsNotReady() throws Exception {
        web.close();
        world.env().put("TAYORI_CAMPAIGNS_DIR", Files.createDirectories(dir.resolve("empty-campaigns")).toString());
        world.restart();
        web = serve(world);
        HttpResponse<String> ready = get("/readyz");
        assertEquals(503, ready.statusCode());
        assertEquals("not ready: no campaign files are loaded\n", ready.body());
    }

    @Test
    void aDatabaseThatCannotBeOpenedIsNotReadyAndTheAnswerNamesNoPath() {
        // a real SQLite driver on a file in a folder that is not there: every statement fails
        Path missing = dir.resolve("unmounted-volume").resolve("tayori.db");
        Readiness readiness = new Readiness(Jdbi.create("jdbc:sqlite:" + missing), dev.tayori.db.Dialect.SQLITE, world.app().campaigns());
        Readiness.Answer a = readiness.now();
        assertFalse(a.ready());
        assertEquals("the database does not answer", a.reason());
        assertFalse(a.reason().contains(missing.toString()));
    }
}
