package dev.tayori.web;

import static dev.tayori.TestWorld.tokyo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tayori.MailParts;
import dev.tayori.subscriber.SubscriberStatus;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sign-up, confirmation and unsubscribe endpoints over real HTTP, with mail over real SMTP. */
class SubscriptionHttpTest {
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

    private static String form(String email) {
        return "email=" + URLEncoder.encode(email, StandardCharsets.UTF_8) + "&name=";
    }

    private String confirmLinkFor(String email) {
        return WebWorld.link(MailParts.text(web.world.received().stream().filter(m -> MailParts.to(m).equals(email))
                .reduce((a, b) -> b).orElseThrow()), "confirm");
    }

    private String pathOf(String url) {
        return url.substring(web.base.length());
    }

    private SubscriberStatus statusOf(String email) {
        return web.world.app().subscribers().byEmail(email).status();
    }

    /** Subscribes and confirms over HTTP; returns the unsubscribe path from lesson 1's header. */
    private String subscribeAndConfirm(String email) throws Exception {
        int before = web.world.received().size();
        web.post("/subscribe", form(email));
        web.awaitMail(before + 1);
        assertEquals(200, web.post(pathOf(confirmLinkFor(email)), "").statusCode());
        web.awaitMail(before + 2);
        var lesson1 = web.world.received().get(before + 1);
        String header = MailParts.header(lesson1, "List-Unsubscribe");
        return pathOf(header.substring(1, header.length() - 1));
    }

    @Test
    void theOneClickPostUnsubscribesWith200AndRepeatsHarmlessly() throws Exception {
        String unsubscribe = subscribeAndConfirm("hanako@example.jp");
        HttpResponse<String> first = web.post(unsubscribe, "List-Unsubscribe=One-Click");
        assertEquals(200, first.statusCode());
        assertEquals(SubscriberStatus.UNSUBSCRIBED, statusOf("hanako@example.jp"));
        var unsubscribedAt = web.world.app().subscribers().byEmail("hanako@example.jp").unsubscribedAt();
        web.world.clock.advance(Duration.ofMinutes(5));
        HttpResponse<String> again = web.post(unsubscribe, "List-Unsubscribe=One-Click");
        assertEquals(200, again.statusCode());
        assertEquals(unsubscribedAt, web.world.app().subscribers().byEmail("hanako@example.jp").unsubscribedAt(),
                "the first unsubscribe instant is kept");
        web.world.app().dueWork().run(tokyo(2026, 11, 24, 7, 0));
        assertEquals(2, web.world.received().size(), "nothing after the confirmation and lesson 1");
    }

    @Test
    void getAloneNeverChangesState() throws Exception {
        web.post("/subscribe", form("yomu@example.jp"));
        web.awaitMail(1);
        String confirm = pathOf(confirmLinkFor("yomu@example.jp"));
        for (int i = 0; i < 3; i++) {
            HttpResponse<String> page = web.get(confirm);
            assertEquals(200, page.statusCode());
            assertTrue(page.body().contains("<form method=\"post\""), "GET shows a button to press");
        }
        assertEquals(SubscriberStatus.PENDING, statusOf("yomu@example.jp"), "a mail scanner's GET confirms nobody");
        web.post(confirm, "");
        web.awaitMail(2);
        String token = web.world.app().subscribers().byEmail("yomu@example.jp").unsubscribeToken();
        assertEquals(200, web.get("/unsubscribe/" + token).statusCode());
        assertEquals(200, web.get("/unsubscribe/" + token).statusCode());
        assertEquals(SubscriberStatus.CONFIRMED, statusOf("yomu@example.jp"), "GET of the unsubscribe link changes nothing");
    }

    @Test
    void badAddressesGet400AndNoMail() throws Exception {
        for (String bad : new String[] {"", "hanako", "hanako@@example.jp", "hanako@example", "a b@example.jp",
                "x@example.jp\r\nBcc: victim@example.com", "a".repeat(250) + "@example.jp"}) {
            HttpResponse<String> r = web.post("/subscribe", form(bad));
            assertEquals(400, r.statusCode(), bad);
            assertTrue(r.body().contains("role=\"alert\""), "the page says what is wrong");
        }
        HttpResponse<String> longName = web.post("/subscribe", "email=ok%40example.jp&name=" + "あ".repeat(101));
        assertEquals(400, longName.statusCode());
        Thread.sleep(300);
        assertEquals(0, web.world.received().size());
    }

    @Test
    void theEleventhRapidPostFromOneIpGets429AndNoMail() throws Exception {
        for (int i = 1; i <= 10; i++) {
            assertEquals(200, web.post("/subscribe", form("reader" + i + "@example.jp")).statusCode(), "post " + i);
        }
        web.awaitMail(10);
        HttpResponse<String> eleventh = web.post("/subscribe", form("victim@example.jp"));
        assertEquals(429, eleventh.statusCode());
        Thread.sleep(300);
        assertEquals(10, web.world.received().size());
        assertTrue(web.world.received().stream().noneMatch(m -> MailParts.to(m).equals("victim@example.jp")));
        web.world.clock.advance(Duration.ofMinutes(2));
        assertEquals(200, web.post("/subscribe", form("later@example.jp")).statusCode(), "the limit passes");
    }

    @Test
    void theHoneypotGetsTheNormalPageAndNoMail() throws Exception {
        HttpResponse<String> r = web.post("/subscribe", form("bot@example.jp") + "&website=http%3A%2F%2Fspam.example");
        assertEquals(200, r.statusCode());
        assertEquals(web.post("/subscribe", form("person@example.jp")).body(), r.body());
        web.awaitMail(1);
        Thread.sleep(300);
        assertEquals(1, web.world.received().size());
        assertEquals("person@example.jp", MailParts.to(web.world.received().get(0)));
    }

    @Test
    void theFormRevealsNothingAboutWhoIsSubscribed() throws Exception {
        subscribeAndConfirm("known@example.jp");
        HttpResponse<String> known = web.post("/subscribe", form("known@example.jp"));
        HttpResponse<String> fresh = web.post("/subscribe", form("fresh@example.jp"));
        assertEquals(fresh.statusCode(), known.statusCode());
        assertEquals(fresh.body(), known.body());
    }

    @Test
    void aPendingAddressGetsAtMostOneConfirmationMailPerTenMinutes() throws Exception {
        web.post("/subscribe", form("again@example.jp"));
        web.awaitMail(1);
        web.post("/subscribe", form("again@example.jp"));
        web.world.clock.advance(Duration.ofMinutes(9));
        web.post("/subscribe", form("again@example.jp"));
        Thread.sleep(300);
        assertEquals(1, web.world.received().size());
        web.world.clock.advance(Duration.ofMinutes(2));
        web.post("/subscribe", form("again@example.jp"));
        web.awaitMail(2);
    }

    @Test
    void aConfirmationLinkIsSingleUseAndExpiresAfterSevenDays() throws Exception {
        web.post("/subscribe", form("late@example.jp"));
        web.awaitMail(1);
        String confirm = pathOf(confirmLinkFor("late@example.jp"));
        web.world.clock.advance(Duration.ofDays(7).plusMinutes(1));
        HttpResponse<String> expired = web.post(confirm, "");
        assertEquals(410, expired.statusCode());
        assertTrue(expired.body().contains("/resend"), "offers a new link");
        assertEquals(SubscriberStatus.PENDING, statusOf("late@example.jp"));
        web.post(confirm + "/resend", "");
        web.awaitMail(2);
        String fresh = pathOf(confirmLinkFor("late@example.jp"));
        assertFalse(fresh.equals(confirm));
        assertEquals(200, web.post(fresh, "").statusCode());
        assertEquals(SubscriberStatus.CONFIRMED, statusOf("late@example.jp"));
        web.awaitMail(3);
        assertEquals(200, web.post(fresh, "").statusCode(), "pressing again just says it is done");
        Thread.sleep(300);
        assertEquals(3, web.world.received().size(), "and sends nothing more");
        assertEquals(404, web.get("/confirm/not-a-real-token").statusCode());
    }

    @Test
    void aReturningReaderConfirmsAgainButDoesNotGetTheWorkbookTwice() throws Exception {
        String unsubscribe = subscribeAndConfirm("modori@example.jp");
        web.post(unsubscribe, "List-Unsubscribe=One-Click");
        web.world.clock.advance(Duration.ofDays(30));
        web.post("/subscribe", form("modori@example.jp"));
        web.awaitMail(3);
        assertEquals(SubscriberStatus.PENDING, statusOf("modori@example.jp"), "double opt-in again");
        web.post(pathOf(confirmLinkFor("modori@example.jp")), "");
        assertEquals(SubscriberStatus.CONFIRMED, statusOf("modori@example.jp"));
        Thread.sleep(500);
        web.world.app().dueWork().run(web.world.clock.instant().plus(Duration.ofDays(2)));
        assertEquals(3, web.world.received().size(), "no lesson 1 the second time");
    }

    @Test
    void aFormOnTheBlogCanPostAcrossSites() throws Exception {
        HttpResponse<String> r = web.post("/subscribe", form("blog@example.jp"), "https://kokoro.example.jp");
        assertEquals(200, r.statusCode());
        web.awaitMail(1);
    }

    @Test
    void theConsentRecordKeepsTheFormVersionAddressAndBrowser() throws Exception {
        web.post("/subscribe", form("kiroku@example.jp") + "&consent_version=" + SubscribePage.CONSENT_VERSION);
        web.awaitMail(1);
        var subscriber = web.world.app().subscribers().byEmail("kiroku@example.jp");
        var consent = web.world.app().subscribers().consents(subscriber.id()).get(0);
        assertEquals(SubscribePage.CONSENT_VERSION, consent.formVersion());
        assertEquals("127.0.0.1", consent.origin());
        assertTrue(consent.userAgent().startsWith("Java-http-client"), consent.userAgent());
    }

    @Test
    void theNewsletterOnlyChoiceKeepsTheWorkbook() throws Exception {
        String unsubscribe = subscribeAndConfirm("workbook-only@example.jp");
        assertEquals(200, web.post(unsubscribe, "choice=newsletter").statusCode());
        var subscriber = web.world.app().subscribers().byEmail("workbook-only@example.jp");
        assertEquals(SubscriberStatus.CONFIRMED, subscriber.status());
        assertEquals(java.util.List.of("newsletter"), web.world.app().subscribers().optOuts(subscriber.id()));
        web.world.app().dueWork().run(tokyo(2026, 11, 24, 7, 0));
        assertEquals(3, web.world.received().size(), "lesson 2 still arrives");
    }
}
