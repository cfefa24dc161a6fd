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

    private HttpResponse<String> upload(String csrf, String source, byte[] csv) throws Exception {
        String b = "----tayori-test-boundary";
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        body.writeBytes(("--" + b + "\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n" + csrf + "\r\n"
                + "--" + b + "\r\nContent-Disposition: form-data; name=\"consent_source\"\r\n\r\n" + source + "\r\n"
                + "--" + b + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"r.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(csv);
        body.writeBytes(("\r\n--" + b + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return web.http.send(HttpRequest.newBuilder(URI.create(web.base + "/admin/subscribers/import")).header("Cookie", cookie)
                .header("Content-Type", "multipart/form-data; boundary=" + b)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    static java.util.stream.Stream<org.junit.jupiter.params.provider.Arguments> filesRefusedWhole() {
        byte[] broken = "email,name\nyamada@example.jp,山田\u00ff\n".getBytes(StandardCharsets.UTF_8);
        broken[broken.length - 3] = (byte) 0xFF; // the second byte of U+00FF: a UTF-8 text broken on line 2
        broken[broken.length - 2] = (byte) 0xFF;
        return java.util.stream.Stream.of(
                org.junit.jupiter.params.provider.Arguments.of("a quote never closed",
                        "email,name\nq1@example.jp,\"broken\nq2@example.jp,ok\n".getBytes(StandardCharsets.UTF_8),
                        "2行目で始まる「&quot;」が閉じられていません。何も取り込んでいません。"),
                org.junit.jupiter.params.provider.Arguments.of("a column named twice",
                        "email,name,Email\nd1@example.jp,a,b\n".getBytes(StandardCharsets.UTF_8), "1行目の列名に問題があります"),
                org.junit.jupiter.params.provider.Arguments.of("a header and no readers",
                        "email,name\n".getBytes(StandardCharsets.UTF_8), "列名の行の下に読者の行がありません。何も取り込んでいません。"),
                org.junit.jupiter.params.provider.Arguments.of("an Excel workbook",
                        new byte[] {'P', 'K', 3, 4, 20, 0, 6, 0}, "このファイルはCSVではありません"),
                org.junit.jupiter.params.provider.Arguments.of("a NUL byte",
                        "email,name\nn1@example.jp,a\u0000b\n".getBytes(StandardCharsets.UTF_8), "2行目にNUL文字があります"),
                org.junit.jupiter.params.provider.Arguments.of("UTF-8 broken on line 2", broken, "2行目に読み取れない文字があります"));
    }

    /** Before: every file refused whole got 「このファイルは取り込めません。1行目に列名…」, whatever and wherever was wrong. */
    @ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.MethodSource("filesRefusedWhole")
    void aCsvFileRefusedWholeSaysWhatAndOnWhichLineInJapanese(String what, byte[] csv, String says) throws Exception {
        String csrf = csrf("/admin/subscribers/import");
        Snapshot before = Snapshot.of(web.world);
        HttpResponse<String> r = upload(csrf, "セミナー申込用紙", csv);
        assertEquals(400, r.statusCode(), r.body());
        assertTrue(r.body().contains(says), r.body());
        assertFalse(r.body().contains("upload.csv") || r.body().contains("nothing was imported"), r.body());
        assertEquals(before, Snapshot.of(web.world));
    }

    @ParameterizedTest
    @ValueSource(strings = {"セミナー\n申込用紙", "セミナー\u0007"})
    void anImportWhoseConsentSourceHasAControlCharacterIsRefusedInJapanese(String source) throws Exception {
        String csrf = csrf("/admin/subscribers/import");
        Snapshot before = Snapshot.of(web.world);
        HttpResponse<String> r = upload(csrf, source, "email,name\ns1@example.jp,a\n".getBytes(StandardCharsets.UTF_8));
        assertEquals(400, r.statusCode(), r.body());
        assertTrue(r.body().contains("改行や制御文字を含まない200文字以内の1行で"), r.body());
        assertEquals(before, Snapshot.of(web.world));
    }
}
