package dev.tayori.web;

import static dev.tayori.TestWorld.tokyo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tayori.Snapshot;
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

/** The readers pages over real HTTP: search and filters over the whole list, and each action with its refusals. */
class ReadersHttpTest {
    @TempDir
    Path dir;
    WebWorld web;
    String cookie;

    @BeforeEach
    void start() throws Exception {
        web = new WebWorld(dir, tokyo(2026, 11, 23, 10, 0), false);
        web.world.cli("subscribers", "add", "hanako@example.jp", "--name", "山田花子", "--confirmed", "--consent-source", "セミナー");
        web.world.cli("subscribers", "add", "taro@example.jp", "--name", "鈴木太郎", "--confirmed", "--consent-source", "セミナー");
        web.world.cli("subscribers", "add", "a_b@example.jp", "--name", "100%の人", "--confirmed", "--consent-source", "セミナー");
        web.world.cli("subscribers", "add", "axb@example.jp", "--name", "1000の人", "--confirmed", "--consent-source", "セミナー");
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(web.base + "/admin/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("password=" + enc(WebWorld.ADMIN_PASSWORD))));
        String set = r.headers().firstValue("Set-Cookie").orElseThrow();
        cookie = set.substring(0, set.indexOf(';'));
    }

    @AfterEach
    void stop() {
        web.close();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private HttpResponse<String> send(HttpRequest.Builder b) throws Exception {
        return web.http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private String get(String path) throws Exception {
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(web.base + path)).header("Cookie", cookie).GET());
        assertEquals(200, r.statusCode(), path);
        return r.body();
    }

    private HttpResponse<String> post(String path, String form) throws Exception {
        String page = get("/admin/subscribers");
        Matcher m = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"").matcher(page);
        assertTrue(m.find());
        return send(HttpRequest.newBuilder(URI.create(web.base + path)).header("Cookie", cookie)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("csrf=" + m.group(1) + "&" + form, StandardCharsets.UTF_8)));
    }

    private long id(String email) {
        return web.world.app().subscribers().byEmail(email).id();
    }

    @Test
    void partOfANameOrAnAddressFindsTheReaderAndTypedWildcardsMatchOnlyThemselves() throws Exception {
        String found = get("/admin/subscribers?q=" + enc("山田"));
        assertTrue(found.contains("hanako@example.jp") && !found.contains("taro@example.jp"), found);
        String byAddress = get("/admin/subscribers?q=" + enc("TARO@"));
        assertTrue(byAddress.contains("taro@example.jp") && !byAddress.contains("hanako@"), byAddress);
        String underscore = get("/admin/subscribers?q=" + enc("a_b"));
        assertTrue(underscore.contains("a_b@example.jp") && !underscore.contains("axb@example.jp"), underscore);
        String percent = get("/admin/subscribers?q=" + enc("100%"));
        assertTrue(percent.contains("a_b@example.jp") && !percent.contains("axb@example.jp"), percent);
    }

    @Test
    void filtersByStatusTagAndPlaceInTheWorkbook() throws Exception {
        web.world.cli("subscribers", "tag", "taro@example.jp", "vip");
        web.world.cli("subscribers", "unsubscribe", "axb@example.jp");
        String vip = get("/admin/subscribers?tag=vip");
        assertTrue(vip.contains("taro@example.jp") && !vip.contains("hanako@"), vip);
        String stopped = get("/admin/subscribers?status=unsubscribed");
        assertTrue(stopped.contains("axb@example.jp") && !stopped.contains("taro@"), stopped);
        String waiting = get("/admin/subscribers?place=in-progress&lesson=1");
        assertTrue(waiting.contains("hanako@example.jp"), "a new confirmed reader awaits lesson 1: " + waiting);
        assertFalse(get("/admin/subscribers?place=none").contains("hanako@example.jp"));
    }

    @Test
    void addingAReaderNeedsAConsentSourceAndARefusalWritesNothing() throws Exception {
        Snapshot before = Snapshot.of(web.world);
        HttpResponse<String> refused = post("/admin/subscribers/new", "email=new%40example.jp&name=&consent_source=&mode=confirmed");
        assertEquals(400, refused.statusCode());
        assertTrue(refused.body().contains("同意の経緯"), refused.body());
        assertEquals(before, Snapshot.of(web.world));
        HttpResponse<String> added = post("/admin/subscribers/new",
                "email=new%40example.jp&name=" + enc("新しい人") + "&consent_source=" + enc("電話で") + "&mode=confirmed");
        assertEquals(302, added.statusCode());
        assertEquals(SubscriberStatus.CONFIRMED, web.world.app().subscribers().byEmail("new@example.jp").status());
    }

    @Test
    void unsubscribingAsksFirstAndReactivatingKeepsTheReason() throws Exception {
        long id = id("taro@example.jp");
        Snapshot before = Snapshot.of(web.world);
        HttpResponse<String> asks = post("/admin/subscribers/" + id + "/unsubscribe/confirm", "");
        assertTrue(asks.body().contains("taro@example.jp への配信を停止します"), asks.body());
        assertEquals(before, Snapshot.of(web.world), "the confirmation step changes nothing");
        post("/admin/subscribers/" + id + "/unsubscribe", "");
        assertEquals(SubscriberStatus.UNSUBSCRIBED, web.world.app().subscribers().byId(id).orElseThrow().status());
        Snapshot stopped = Snapshot.of(web.world);
        post("/admin/subscribers/" + id + "/reactivate", "reason=");
        assertEquals(stopped, Snapshot.of(web.world), "no reason, no change");
        post("/admin/subscribers/" + id + "/reactivate", "reason=" + enc("電話で再開の申し出"));
        assertEquals(SubscriberStatus.CONFIRMED, web.world.app().subscribers().byId(id).orElseThrow().status());
        assertTrue(web.world.app().subscribers().consents(id).stream()
                .anyMatch(c -> c.event().equals("reactivated") && c.source().equals("電話で再開の申し出")));
    }

    @Test
    void tagsComeAndGoAndTheWorkbookStartsAgain() throws Exception {
        long id = id("hanako@example.jp");
        post("/admin/subscribers/" + id + "/tag", "tag=seminar");
        assertTrue(get("/admin/subscribers/" + id).contains("seminar"));
        Snapshot before = Snapshot.of(web.world);
        post("/admin/subscribers/" + id + "/tag", "tag=" + enc("bad tag!"));
        assertEquals(before, Snapshot.of(web.world));
        post("/admin/subscribers/" + id + "/untag", "tag=seminar");
        assertFalse(get("/admin/subscribers?tag=seminar").contains("hanako@"));
        web.world.cli("send-due");
        HttpResponse<String> r = post("/admin/subscribers/" + id + "/restart-workbook", "");
        assertTrue(r.headers().firstValue("Location").orElseThrow().endsWith("done=restarted"));
        assertEquals(1, web.world.app().enrollments().of(id).get(0).nextStep());
    }

    @Test
    void aBulkUnsubscribeSaysHowManyFirstAndActsOnTheFilteredSet() throws Exception {
        web.world.cli("subscribers", "tag", "hanako@example.jp", "old");
        web.world.cli("subscribers", "tag", "taro@example.jp", "old");
        Snapshot before = Snapshot.of(web.world);
        HttpResponse<String> asks = post("/admin/subscribers/bulk/confirm", "tag=old&action=unsubscribe");
        assertTrue(asks.body().contains("2人の配信を停止します"), asks.body());
        assertEquals(before, Snapshot.of(web.world));
        post("/admin/subscribers/bulk", "tag=old&action=unsubscribe");
        assertEquals(SubscriberStatus.UNSUBSCRIBED, web.world.app().subscribers().byEmail("taro@example.jp").status());
        assertEquals(SubscriberStatus.CONFIRMED, web.world.app().subscribers().byEmail("axb@example.jp").status());
    }

    @Test
    void theSearchCoversTheWholeListNotOnlyThePageShownAndTheExportFollowsTheFilter() throws Exception {
        java.time.Instant now = web.world.clock.instant();
        for (int i = 0; i < 60; i++) {
            web.world.app().subscribers().addConfirmed("reader" + i + "@example.jp", "読者" + i,
                    dev.tayori.subscriber.ConsentRecord.of("recorded-by-operator", now, "test", "test"), now);
        }
        web.world.cli("subscribers", "add", "last@example.jp", "--name", "山本最後", "--confirmed", "--consent-source", "セミナー");
        String first = get("/admin/subscribers");
        assertTrue(first.contains("65人") && first.contains("id=\"next\"") && !first.contains("last@example.jp"), first);
        String second = get("/admin/subscribers?page=1");
        assertTrue(second.contains("id=\"previous\"") && second.contains("reader46@example.jp") && !second.contains("reader45@example.jp"), second);
        assertTrue(get("/admin/subscribers?q=" + enc("山本")).contains("last@example.jp"), "found though it is on page 2");
        String csv = get("/admin/subscribers/export.csv?q=" + enc("山"));
        assertTrue(csv.contains("hanako@example.jp") && csv.contains("last@example.jp") && !csv.contains("taro@"), csv);
    }

    private HttpResponse<String> upload(String csv, String source) throws Exception {
        String page = get("/admin/subscribers/import");
        Matcher m = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"").matcher(page);
        assertTrue(m.find());
        String b = "----tayori-test-boundary";
        String body = "--" + b + "\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n" + m.group(1) + "\r\n"
                + "--" + b + "\r\nContent-Disposition: form-data; name=\"consent_source\"\r\n\r\n" + source + "\r\n"
                + "--" + b + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"r.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n" + csv + "\r\n--" + b + "--\r\n";
        return send(HttpRequest.newBuilder(URI.create(web.base + "/admin/subscribers/import")).header("Cookie", cookie)
                .header("Content-Type", "multipart/form-data; boundary=" + b)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
    }

    @Test
    void anImportWithoutAConsentSourceIsRefusedAndOneWithItReportsTheBadRowByLine() throws Exception {
        String csv = "email,name\nnew@example.jp,新しい人\nnot-an-address,壊れた行\n";
        Snapshot before = Snapshot.of(web.world);
        HttpResponse<String> refused = upload(csv, "");
        assertEquals(400, refused.statusCode());
        assertTrue(refused.body().contains("同意の経緯を入力してください"), refused.body());
        assertEquals(before, Snapshot.of(web.world));
        HttpResponse<String> started = upload(csv, "申込用紙");
        assertEquals(302, started.statusCode());
        String run = started.headers().firstValue("Location").orElseThrow();
        String result = "";
        for (int i = 0; i < 50 && !result.contains("id=\"finished\""); i++) {
            result = get(run);
            Thread.sleep(100);
        }
        assertTrue(result.contains("<dd id=\"imported\">1</dd>") && result.contains("<td data-label=\"行\">3</td>"), result);
        assertEquals(SubscriberStatus.CONFIRMED, web.world.app().subscribers().byEmail("new@example.jp").status());
    }

    private String importAndWait(String csv) throws Exception {
        HttpResponse<String> started = upload(csv, "申込用紙");
        assertEquals(302, started.statusCode(), started.body());
        String run = started.headers().firstValue("Location").orElseThrow();
        String result = "";
        for (int i = 0; i < 50 && !result.contains("id=\"finished\""); i++) {
            result = get(run);
            Thread.sleep(100);
        }
        return result;
    }

    @Test
    void everyKindOfSkippedRowIsToldInJapaneseByItsLine() throws Exception {
        web.world.cli("subscribers", "add", "gone@example.jp", "--confirmed", "--consent-source", "セミナー");
        new dev.tayori.erasure.Erasure(web.world.app().jdbi(), web.world.clock).erase("gone@example.jp",
                dev.tayori.erasure.Erasure.Via.ADMIN);
        String csv = "email,name,timezone,tags,confirmed_at,status\n"
                + "ok@example.jp,良い人,,,,\n" // 2: imported
                + "too,few\n" // 3
                + "not-an-address,,,,,\n" // 4
                + "bell@example.jp,悪\u0007子,,,,\n" // 5
                + "tz@example.jp,,Tokyo,,,\n" // 6
                + "mars@example.jp,,Mars/Olympus,,,\n" // 7
                + "tag@example.jp,,,悪い タグ,,\n" // 8
                + "future@example.jp,,,,2027-01-01T09:00+09:00,\n" // 9
                + "old@example.jp,,,,0226-10-01,\n" // 10
                + "when@example.jp,,,,not-a-date,\n" // 11
                + "left@example.jp,,,,,unsubscribed\n" // 12
                + "ok@example.jp,二度目,,,,\n" // 13
                + "gone@example.jp,,,,,\n"; // 14
        String result = importAndWait(csv);
        assertTrue(result.contains("<dd id=\"imported\">1</dd>") && result.contains("<dd id=\"skipped-count\">12</dd>"), result);
        java.util.Map<String, String> why = new java.util.LinkedHashMap<>();
        Matcher row = Pattern.compile("<td data-label=\"行\">(\\d+)</td><td data-label=\"理由\">([^<]*)</td>").matcher(result);
        while (row.find()) {
            why.put(row.group(1), row.group(2));
        }
        assertEquals(java.util.List.of("3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "13", "14"),
                java.util.List.copyOf(why.keySet()), "each skipped row, in the file's order: " + why);
        assertTrue(why.get("3").startsWith("セルの数が1行目の列の数と合いません（1行目は6列、この行は2列）。"), why.get("3"));
        assertEquals("メールアドレス「not-an-address」は使えません。メールアドレスに「@」がありません。hanako@example.jp のように入力してください。",
                why.get("4"));
        assertEquals("お名前に使えない制御文字が含まれています。もう一度入力してください。", why.get("5"));
        assertEquals("タイムゾーン（timezone）「Tokyo」はありません。「Asia/Tokyo」のことでしょうか。", why.get("6"));
        assertTrue(why.get("7").startsWith("タイムゾーン（timezone）「Mars/Olympus」はありません。"), why.get("7"));
        assertEquals("タグ「悪い タグ」には、文字・数字・_ . - だけを使えます。", why.get("8"));
        assertTrue(why.get("9").startsWith("登録確認の日時（confirmed_at）「2027-01-01T09:00+09:00」がこれから先の日時です。"), why.get("9"));
        assertTrue(why.get("10").contains("「0226-10-01」が2000年より前です"), why.get("10"));
        assertTrue(why.get("11").contains("「not-a-date」を日時として読めません"), why.get("11"));
        assertEquals("状態（status）が「unsubscribed」です。取り込めるのは購読中（confirmed）の人だけです。", why.get("12"));
        assertEquals("「ok@example.jp」はこのファイルの2行目にもあります。最初の行だけを取り込みました。", why.get("13"));
        assertTrue(why.get("14").startsWith("「gone@example.jp」はご本人の求めで消去され、配信停止リストに載っています。"), why.get("14"));
        for (String english : new String[] {"row skipped", "expected", "is not", "only the first", "suppression list"}) {
            assertFalse(result.contains(english), "no English on the page: " + english);
        }
    }
}
