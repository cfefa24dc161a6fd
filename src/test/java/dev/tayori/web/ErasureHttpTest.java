package dev.tayori.web;

import static dev.tayori.TestWorld.tokyo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tayori.MailParts;
import dev.tayori.subscriber.ConsentWording;
import dev.tayori.subscriber.SubscriberException;
import dev.tayori.subscriber.SubscriberStatus;
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

/** Erasure over real HTTP: DELETE /api/subscribers/EMAIL, the admin's erase with its confirmation, a new sign-up after. */
class ErasureHttpTest {
    @TempDir
    Path dir;
    WebWorld web;

    @BeforeEach
    void start() throws Exception {
        web = new WebWorld(dir, tokyo(2026, 11, 23, 10, 0), false);
    }

    @AfterEach
    void stop() {
        web.close();
    }

    private HttpResponse<String> api(String method, String path, String json) throws Exception {
        return web.http.send(HttpRequest.newBuilder(URI.create(web.base + path)).header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + WebWorld.API_TOKEN)
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
                .build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private void signUpThroughTheForm(String email) throws Exception {
        int before = web.world.received().size();
        assertEquals(200, web.post("/subscribe", "email=" + URLEncoder.encode(email, StandardCharsets.UTF_8) + "&name=")
                .statusCode());
        web.awaitMail(before + 1);
        String link = WebWorld.link(MailParts.text(web.world.received().get(before)), "confirm");
        assertEquals(200, web.post(link.substring(web.base.length()), "").statusCode());
    }

    @Test
    void deleteErasesOnceThenIs404AndTheAddressIsRefusedButTheFormStillTakesIt() throws Exception {
        assertEquals(201, api("POST", "/api/subscribers",
                "{\"email\":\"gone@example.jp\",\"name\":\"花子\",\"confirmed\":true,\"consent_source\":\"paper form\"}").statusCode());
        HttpResponse<String> erased = api("DELETE", "/api/subscribers/Gone@Example.jp", null);
        assertEquals(200, erased.statusCode(), erased.body());
        assertTrue(erased.body().contains("\"erased\":true") && erased.body().contains("\"suppressed\":true"), erased.body());
        assertFalse(erased.body().contains("gone@"), "the answer does not repeat the address");

        HttpResponse<String> again = api("DELETE", "/api/subscribers/gone@example.jp", null);
        assertEquals(404, again.statusCode());
        assertTrue(again.body().startsWith("{\"error\""), again.body());

        HttpResponse<String> confirmed = api("POST", "/api/subscribers",
                "{\"email\":\"gone@example.jp\",\"confirmed\":true,\"consent_source\":\"old list\"}");
        assertEquals(409, confirmed.statusCode());
        assertTrue(confirmed.body().contains("suppression list"), confirmed.body());

        signUpThroughTheForm("gone@example.jp");
        assertEquals(SubscriberStatus.CONFIRMED, web.world.app().subscribers().byEmail("gone@example.jp").status());
    }

    @Test
    void theAdminSeesTheWholeConsentRecordThenErasesAfterAConfirmationPage() throws Exception {
        signUpThroughTheForm("yomu@example.jp");
        HttpResponse<String> login = web.http.send(HttpRequest.newBuilder(URI.create(web.base + "/admin/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("password=" + URLEncoder.encode(WebWorld.ADMIN_PASSWORD,
                        StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString());
        String cookie = login.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
        long id = web.world.app().subscribers().byEmail("yomu@example.jp").id();

        String page = get(cookie, "/admin/subscribers/" + id).body();
        String consents = page.substring(page.indexOf("id=\"consents\""));
        String wording = ConsentWording.text(web.world.settings().sender().name());
        assertTrue(consents.contains("申込") && consents.contains("登録確認") && consents.contains(ConsentWording.VERSION)
                && consents.contains(wording.substring(0, 20)) && consents.contains("127.0.0.1"), consents);
        assertTrue(consents.contains("/admin/subscribers/" + id + "/erase"), "the erase button");

        HttpResponse<String> confirm = get(cookie, "/admin/subscribers/" + id + "/erase");
        assertEquals(200, confirm.statusCode());
        assertTrue(confirm.body().contains("yomu@example.jp") && confirm.body().contains("元には戻せません"), confirm.body());
        assertEquals(SubscriberStatus.CONFIRMED, web.world.app().subscribers().byEmail("yomu@example.jp").status(),
                "the confirmation page changes nothing");
        Matcher csrf = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"").matcher(confirm.body());
        assertTrue(csrf.find());

        HttpResponse<String> done = web.http.send(HttpRequest.newBuilder(URI.create(web.base + "/admin/subscribers/" + id + "/erase"))
                .header("Cookie", cookie).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("csrf=" + csrf.group(1))).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertEquals(200, done.statusCode());
        assertTrue(done.body().contains("消去しました") && !done.body().contains("yomu@example.jp"), done.body());
        assertThrows(SubscriberException.class, () -> web.world.app().subscribers().byEmail("yomu@example.jp"));
        assertEquals(404, get(cookie, "/admin/subscribers/" + id + "/erase").statusCode(), "nobody left to erase");
    }

    private HttpResponse<String> get(String cookie, String path) throws Exception {
        return web.http.send(HttpRequest.newBuilder(URI.create(web.base + path)).header("Cookie", cookie).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
