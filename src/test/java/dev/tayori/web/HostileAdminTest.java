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
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The admin pages against a mistyped URL or form: a Japanese 400 page, never a Java message, nothing changed. */
class HostileAdminTest {
    @TempDir
    Path dir;
    WebWorld web;
    String cookie;

    @BeforeEach
    void start() throws Exception {
        web = new WebWorld(dir, tokyo(2026, 11, 23, 10, 0), false);
        HttpResponse<String> r = web.post("/admin/login", "password=" + URLEncoder.encode(WebWorld.ADMIN_PASSWORD, StandardCharsets.UTF_8));
        String set = r.headers().firstValue("Set-Cookie").orElseThrow();
        cookie = set.substring(0, set.indexOf(';'));
    }

    @AfterEach
    void stop() {
        web.close();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return web.http.send(HttpRequest.newBuilder(URI.create(web.base + path)).header("Cookie", cookie).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "-1", "0", "99999999999", "8", "1.5", "%0d%0a"})
    void aBadPreviewStepIsAJapanese400(String step) throws Exception {
        Snapshot before = Snapshot.of(web.world);
        HttpResponse<String> r = get("/admin/campaigns/workbook/preview?step=" + step);
        assertEquals(400, r.statusCode(), r.body());
        assertTrue(r.body().contains("何通目かは 1 から 7 の数で指定してください"), r.body());
        assertFalse(r.body().contains("NumberFormat") || r.body().contains("For input string"), r.body());
        assertEquals(before, Snapshot.of(web.world));
    }

    @ParameterizedTest
    @ValueSource(strings = {"+999999999-12-31T23:59", "1900-01-01T00:00", "2200-01-01T09:00"})
    void aScheduleFarOutsideTheSaneYearsIsAJapanese400(String at) throws Exception {
        String page = get("/admin/campaigns/course-early-booking").body();
        Matcher m = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"").matcher(page);
        assertTrue(m.find());
        Snapshot before = Snapshot.of(web.world);
        HttpResponse<String> r = web.http.send(HttpRequest.newBuilder(URI.create(web.base + "/admin/campaigns/course-early-booking/schedule"))
                .header("Cookie", cookie).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("csrf=" + m.group(1) + "&at=" + URLEncoder.encode(at, StandardCharsets.UTF_8)))
                .build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertEquals(400, r.statusCode(), r.body());
        assertTrue(r.body().contains("2000年から2100年"), r.body());
        assertEquals(before, Snapshot.of(web.world));
    }
}
