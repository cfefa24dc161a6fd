package dev.tayori.web;

import static dev.tayori.TestWorld.tokyo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tayori.MailParts;
import dev.tayori.Snapshot;
import dev.tayori.subscriber.ConsentRecord;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** POST /api/campaigns, PUT /api/campaigns/ID/steps/N and GET /api/campaigns/ID/revisions over real HTTP. */
class CampaignWritingApiTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String TEA = "{\"id\": \"winter-tea\", \"kind\": \"announcement\", \"name\": \"冬のお茶会\","
            + " \"subject\": \"冬のお茶会のご案内\", \"preheader\": \"12月20日です\","
            + " \"body_markdown\": \"{{name|みなさま}}へ\\n\\n**12月20日**にお茶会を開きます。\", \"segment\": \"tag:tea\"}";

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

    private HttpResponse<String> api(String method, String path, String body) throws Exception {
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(web.base + path))
                .header("Authorization", "Bearer " + WebWorld.API_TOKEN)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (body != null) {
            r.header("Content-Type", "application/json");
        }
        return web.http.send(r.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static JsonNode json(HttpResponse<String> r) throws Exception {
        return JSON.readTree(r.body());
    }

    /** A refusal: the status, {"error": ...} saying {@code says}, and nothing changed (no row, no mail). */
    private JsonNode assertRefused(int status, String says, Snapshot before, HttpResponse<String> r) throws Exception {
        assertEquals(status, r.statusCode(), r.body());
        JsonNode body = json(r);
        assertTrue(body.get("error").asText().contains(says), "expected '" + says + "' in " + r.body());
        assertFalse(r.body().contains("Exception"), r.body());
        assertEquals(before, Snapshot.of(web.world));
        return body;
    }

    @Test
    void anAnnouncementPostedInMarkdownIsCreatedLiveAtRevisionOneAndListed() throws Exception {
        HttpResponse<String> r = api("POST", "/api/campaigns", TEA);
        assertEquals(201, r.statusCode(), r.body());
        JsonNode made = json(r);
        assertEquals("winter-tea", made.get("id").asText());
        assertEquals("announcement", made.get("kind").asText());
        assertEquals("冬のお茶会", made.get("name").asText());
        assertEquals("tag:tea", made.get("segment").asText());
        assertEquals("browser revision 1", made.get("live").asText());
        assertTrue(api("GET", "/api/campaigns", null).body().contains("\"id\":\"winter-tea\""));
        JsonNode revisions = json(api("GET", "/api/campaigns/winter-tea/revisions", null)).get("revisions");
        assertEquals(1, revisions.size());
        assertEquals(0, revisions.get(0).get("step").asInt());
        assertEquals("冬のお茶会のご案内", revisions.get(0).get("subject").asText());
    }

    @Test
    void aBodyMistakeIsRefusedWithItsFieldAndLineAndNothingIsWritten() throws Exception {
        Snapshot before = Snapshot.of(web.world);
        String body = TEA.replace("**12月20日**にお茶会を開きます。", "一行目\\n\\n<b>太字</b>");
        JsonNode refused = assertRefused(400, "body_markdown line 5", before, api("POST", "/api/campaigns", body));
        JsonNode problem = refused.get("problems").get(0);
        assertEquals("body_markdown", problem.get("field").asText());
        assertEquals(5, problem.get("line").asInt(), "{{name}}へ, blank, 一行目, blank, then the tag");

        JsonNode empty = assertRefused(400, "subject", before, api("POST", "/api/campaigns",
                TEA.replace("\"冬のお茶会のご案内\"", "\"\"")));
        assertEquals("subject", empty.get("problems").get(0).get("field").asText());
        assertRefused(400, "segment", before, api("POST", "/api/campaigns", TEA.replace("tag:tea", "vip")));
        assertRefused(400, "id", before, api("POST", "/api/campaigns", TEA.replace("winter-tea", "Winter Tea")));
        assertRefused(400, "'kind' must be \"announcement\"", before, api("POST", "/api/campaigns",
                TEA.replace("\"kind\": \"announcement\"", "\"kind\": \"sequence\"")));
    }

    @Test
    void anIdInUseIsAConflictAndUnknownOrRepeatedFieldsAreRefused() throws Exception {
        Snapshot before = Snapshot.of(web.world);
        assertRefused(409, "already used", before, api("POST", "/api/campaigns", TEA.replace("winter-tea", "workbook")));
        assertRefused(400, "did you mean 'body_markdown'", before, api("POST", "/api/campaigns",
                TEA.replace("\"body_markdown\"", "\"body_markdwn\"")));
        assertRefused(400, "Duplicate field 'name'", before, api("POST", "/api/campaigns",
                TEA.replace("\"name\": \"冬のお茶会\"", "\"name\": \"冬のお茶会\", \"name\": \"別の名前\"")));
        assertEquals(201, api("POST", "/api/campaigns", TEA).statusCode());
        Snapshot created = Snapshot.of(web.world);
        assertRefused(409, "already used", created, api("POST", "/api/campaigns", TEA));
    }

    @Test
    void aBrowserMadeAnnouncementSentOnceIsAConflictToScheduleAgainThatSaysHowToSendItAnew() throws Exception {
        Instant confirmed = tokyo(2026, 11, 23, 9, 0);
        web.world.app().subscribers().addConfirmed("tea@example.jp", null,
                ConsentRecord.of("recorded-by-operator", confirmed, "test", "test"), confirmed);
        assertEquals(201, api("POST", "/api/campaigns", TEA.replace("tag:tea", "all")).statusCode());
        assertEquals(200, api("POST", "/api/campaigns/winter-tea/schedule", "{\"now\": true}").statusCode());
        web.world.app().dueWork().run(tokyo(2026, 11, 23, 10, 0));
        Snapshot sent = Snapshot.of(web.world);
        // it has no file to copy: the answer names the ways that make a new announcement
        JsonNode refused = assertRefused(409, "already been sent", sent, api("POST", "/api/campaigns/winter-tea/schedule",
                "{\"at\": \"2026-12-01T12:00+09:00\"}"));
        assertTrue(refused.get("error").asText().contains("POST /api/campaigns"), refused.toString());
    }

    @Test
    void aPublishedLessonTwoReachesTheNextReaderAndIsListedAmongTheRevisions() throws Exception {
        Instant confirmed = tokyo(2026, 11, 23, 10, 0);
        web.world.app().subscribers().addConfirmed("aki@example.jp", "亜紀",
                ConsentRecord.of("recorded-by-operator", confirmed, "test", "test"), confirmed);
        web.world.app().dueWork().run(confirmed);

        String lesson2 = "{\"subject\": \"【2日目】新しい呼吸のワーク\", \"body_markdown\":"
                + " \"{{name|読者さま}}さん、今日は**四つ数えて**吐きます。\\n\\n[音声を聞く](https://kokoro.example.jp/breath){.button}\","
                + " \"publish\": true, \"note\": \"呼吸の数え方を変えた\"}";
        HttpResponse<String> put = api("PUT", "/api/campaigns/workbook/steps/2", lesson2);
        assertEquals(200, put.statusCode(), put.body());
        assertEquals(1, json(put).get("revision").asInt());
        assertEquals("browser revision 1", json(put).get("live").asText());

        web.world.clock.set(tokyo(2026, 11, 24, 7, 0));
        web.world.app().dueWork().run(tokyo(2026, 11, 24, 7, 0));
        List<MimeMessage> lessons = web.world.received().stream()
                .filter(m -> MailParts.header(m, "List-Id").startsWith("<workbook.")).toList();
        assertEquals(2, lessons.size());
        MimeMessage two = lessons.get(1);
        assertEquals("【2日目】新しい呼吸のワーク", MailParts.subject(two));
        assertTrue(MailParts.text(two).startsWith("亜紀さん、今日は四つ数えて吐きます。"), MailParts.text(two));
        assertTrue(MailParts.text(two).contains("https://kokoro.example.jp/breath"), MailParts.text(two));
        assertEquals("四つ数えて", Jsoup.parse(MailParts.html(two)).selectFirst("strong").text());

        JsonNode revisions = json(api("GET", "/api/campaigns/workbook/revisions", null));
        assertEquals("workbook", revisions.get("campaign").asText());
        JsonNode first = revisions.get("revisions").get(0);
        assertEquals(1, first.get("revision").asInt());
        assertEquals(2, first.get("step").asInt());
        assertEquals("published", first.get("kind").asText());
        assertEquals("呼吸の数え方を変えた", first.get("note").asText());
        assertEquals("【2日目】新しい呼吸のワーク", first.get("subject").asText());
        assertTrue(first.get("published_at").asText().startsWith("2026-11-23T01:00"), first.toString());
    }

    @Test
    void aStepPutWithoutPublishIsADraftThatNobodyGets() throws Exception {
        HttpResponse<String> put = api("PUT", "/api/campaigns/workbook/steps/3",
                "{\"subject\": \"下書きの件名\", \"body_markdown\": \"下書きです。\", \"publish\": false}");
        assertEquals(200, put.statusCode(), put.body());
        assertEquals("draft", json(put).get("state").asText());
        assertEquals("file", json(put).get("live").asText());
        assertEquals(0, json(api("GET", "/api/campaigns/workbook/revisions", null)).get("revisions").size());
        assertEquals("下書きの件名", web.world.app().authoring().draft("workbook", 3).orElseThrow().subject());
    }

    @Test
    void unknownCampaignsStepsAndBadStepBodiesAreRefusedAndChangeNothing() throws Exception {
        Snapshot before = Snapshot.of(web.world);
        String ok = "{\"subject\": \"件名\", \"body_markdown\": \"本文\", \"publish\": true}";
        assertRefused(404, "there is no campaign 'nothing'", before, api("PUT", "/api/campaigns/nothing/steps/1", ok));
        assertRefused(404, "there is no step 8 in 'workbook': its lessons are steps 1 to 7", before,
                api("PUT", "/api/campaigns/workbook/steps/8", ok));
        assertRefused(404, "there is no step 0 in 'workbook'", before, api("PUT", "/api/campaigns/workbook/steps/0", ok));
        assertRefused(404, "the announcement's words are step 0", before,
                api("PUT", "/api/campaigns/course-early-booking/steps/1", ok));
        assertRefused(404, "there is no step 'one'", before, api("PUT", "/api/campaigns/workbook/steps/one", ok));
        assertRefused(404, "there is no campaign", before, api("GET", "/api/campaigns/nothing/revisions", null));
        assertRefused(400, "'publish' must be true or false", before, api("PUT", "/api/campaigns/workbook/steps/1",
                ok.replace("true", "\"yes\"")));
        assertRefused(400, "did you mean 'subject'", before, api("PUT", "/api/campaigns/workbook/steps/1",
                ok.replace("\"subject\"", "\"subjet\"")));
        JsonNode link = assertRefused(400, "body_markdown line 2", before, api("PUT", "/api/campaigns/workbook/steps/1",
                ok.replace("\"本文\"", "\"一行目\\n[開く](javascript:alert(1))\"")));
        assertEquals(2, link.get("problems").get(0).get("line").asInt());
    }
}
