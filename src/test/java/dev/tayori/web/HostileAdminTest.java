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

    /** The CSRF token of the form on the page at {@code page}. */
    private String csrf(String page) throws Exception {
        Matcher m = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"").matcher(get(page).body());
        assertTrue(m.find());
        return m.group(1);
    }

    private HttpResponse<String> postForm(String csrf, String action, String form) throws Exception {
        return web.http.send(HttpRequest.newBuilder(URI.create(web.base + action))
                .header("Cookie", cookie).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("csrf=" + csrf + "&" + form))
                .build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @ParameterizedTest
    @ValueSource(strings = {"+999999999-12-31T23:59", "1900-01-01T00:00", "2200-01-01T09:00"})
    void aScheduleFarOutsideTheSaneYearsIsAJapanese400(String at) throws Exception {
        String csrf = csrf("/admin/campaigns/course-early-booking");
        Snapshot before = Snapshot.of(web.world);
        HttpResponse<String> r = postForm(csrf,
                "/admin/campaigns/course-early-booking/schedule", "at=" + enc(at));
        assertEquals(400, r.statusCode(), r.body());
        assertTrue(r.body().contains("2000年から2100年"), r.body());
        assertEquals(before, Snapshot.of(web.world));
    }

    /** Before: a day in year +99999 went through to the confirmation page as 「この日より前に登録した人」. */
    @ParameterizedTest
    @ValueSource(strings = {"+99999-01-01", "1900-01-01", "2101-01-01"})
    void aSegmentDayOutsideTheSaneYearsIsAJapanese400(String day) throws Exception {
        String csrf = csrf("/admin/campaigns/course-early-booking");
        Snapshot before = Snapshot.of(web.world);
        HttpResponse<String> r = postForm(csrf, "/admin/campaigns/course-early-booking/schedule",
                "at=" + enc("2026-12-01T12:00") + "&segment=confirmed-before&before=" + enc(day));
        assertEquals(400, r.statusCode(), r.body());
        assertTrue(r.body().contains("2000年から2100年までの日付を選んでください"), r.body());
        assertEquals(before, Snapshot.of(web.world));
    }

    /** Before: a consent source with a line break or a control character was kept in the consent record. */
    @ParameterizedTest
    @ValueSource(strings = {"セミナー\n申込用紙", "セミナー\u0007", "セミナー\r\nX: y", "セミナー\u0000"})
    void aConsentSourceWithAControlCharacterIsRefusedInJapaneseAndNobodyIsAdded(String source) throws Exception {
        for (String mode : new String[] {"confirmed", "confirm-mail"}) {
            String csrf = csrf("/admin/subscribers/new");
            Snapshot before = Snapshot.of(web.world);
            HttpResponse<String> r = postForm(csrf, "/admin/subscribers/new",
                    "email=" + enc("seminar@example.jp") + "&name=&consent_source=" + enc(source) + "&mode=" + mode);
            assertEquals(400, r.statusCode(), r.body());
            assertTrue(r.body().contains("改行や制御文字を含まない200文字以内の1行で"), r.body());
            assertEquals(before, Snapshot.of(web.world));
        }
    }
}
