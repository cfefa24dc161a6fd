package dev.tayori.web;

import static dev.tayori.TestWorld.tokyo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tayori.Snapshot;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Scheduling through the API: only ahead or explicitly now, and the segments with the readers each reaches. */
class SchedulingApiHttpTest {
    @TempDir
    Path dir;
    WebWorld web;

    @BeforeEach
    void start() throws Exception {
        web = new WebWorld(dir, tokyo(2026, 11, 23, 10, 0), false);
        for (String who : new String[] {"a", "b", "c"}) {
            web.world.cli("subscribers", "add", who + "@example.jp", "--confirmed", "--consent-source", "test");
        }
        web.world.cli("subscribers", "tag", "a@example.jp", "vip");
        web.world.cli("subscribers", "tag", "b@example.jp", "vip");
        web.world.cli("subscribers", "tag", "c@example.jp", "seminar-2026");
        web.world.cli("subscribers", "unsubscribe", "c@example.jp");
    }

    @AfterEach
    void stop() {
        web.close();
    }

    private HttpResponse<String> api(String method, String path, String body) throws Exception {
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(web.base + path))
                .header("Authorization", "Bearer " + WebWorld.API_TOKEN).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return web.http.send(r.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    @Test
    void segmentsListEachTagWithTheConfirmedReadersItReachesNow() throws Exception {
        HttpResponse<String> r = api("GET", "/api/segments", null);
        assertEquals(200, r.statusCode(), r.body());
        JsonNode body = new ObjectMapper().readTree(r.body());
        Map<String, Integer> readers = new HashMap<>();
        body.get("segments").forEach(s -> readers.put(s.get("segment").asText(), s.get("readers").asInt()));
        assertEquals(Map.of("all", 2, "workbook-finished", 0, "workbook-in-progress", 2, "tag:vip", 2,
                "tag:seminar-2026", 0), readers, "c unsubscribed: her tag is listed, with nobody to reach");
        assertEquals("confirmed-before:YYYY-MM-DD", body.get("forms").get(0).get("segment").asText());
    }

    @Test
    void anAtInThePastIsA400NamingAtAndNothingIsRecorded() throws Exception {
        Snapshot before = Snapshot.of(web.world);
        web.world.clock.advance(java.time.Duration.ofNanos(417_845_914)); // a real clock's now: said to the second
        HttpResponse<String> r = api("POST", "/api/campaigns/course-early-booking/schedule",
                "{\"at\":\"2026-11-23T09:59+09:00\",\"segment\":\"tag:vip\"}");
        assertEquals(400, r.statusCode(), r.body());
        assertTrue(r.body().startsWith("{\"error\":\"'at' 2026-11-23T00:59:00Z is in the past (it is now 2026-11-23T01:00:00Z); "),
                r.body());
        assertTrue(r.body().contains("in the past") && r.body().contains("\\\"now\\\": true"), r.body());
        HttpResponse<String> thisVeryMinute = api("POST", "/api/campaigns/course-early-booking/schedule",
                "{\"at\":\"2026-11-23T10:00+09:00\"}");
        assertEquals(400, thisVeryMinute.statusCode(), "now is not ahead: " + thisVeryMinute.body());
        assertEquals(before, Snapshot.of(web.world));
    }

    @Test
    void nowTrueSchedulesForThisInstantAndTheNextRunSendsToTheSegmentOnly() throws Exception {
        HttpResponse<String> r = api("POST", "/api/campaigns/course-early-booking/schedule",
                "{\"now\":true,\"segment\":\"tag:vip\"}");
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.body().contains("\"send_at\":\"2026-11-23T01:00:00Z\""), r.body());
        assertEquals(0, web.world.cli("send-due").exitCode());
        java.util.List<String> to = new java.util.ArrayList<>();
        for (var m : web.world.received()) {
            if (dev.tayori.MailParts.subject(m).startsWith("【読者先行】")) {
                to.add(m.getAllRecipients()[0].toString());
            }
        }
        java.util.Collections.sort(to);
        assertEquals(java.util.List.of("a@example.jp", "b@example.jp"), to, "the tagged readers, and only they");
    }

    @Test
    void nowTogetherWithAnAtIsRefused() throws Exception {
        HttpResponse<String> r = api("POST", "/api/campaigns/course-early-booking/schedule",
                "{\"now\":true,\"at\":\"2026-12-01T12:00+09:00\"}");
        assertEquals(400, r.statusCode(), r.body());
        assertTrue(r.body().contains("'at'"), r.body());
        HttpResponse<String> notABoolean = api("POST", "/api/campaigns/course-early-booking/schedule", "{\"now\":\"yes\"}");
        assertEquals(400, notABoolean.statusCode(), notABoolean.body());
    }

    @Test
    void anAtAheadIsScheduledAsBefore() throws Exception {
        HttpResponse<String> r = api("POST", "/api/campaigns/course-early-booking/schedule",
                "{\"at\":\"2026-12-01T12:00+09:00\",\"segment\":\"tag:vip\"}");
        assertEquals(200, r.statusCode(), r.body());
        assertEquals(tokyo(2026, 12, 1, 12, 0),
                web.world.app().announcements().find("course-early-booking").orElseThrow().sendAt());
    }
}
