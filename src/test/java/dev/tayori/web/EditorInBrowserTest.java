package dev.tayori.web;

import static dev.tayori.TestWorld.tokyo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tayori.MailParts;
import dev.tayori.subscriber.ConsentRecord;
import dev.tayori.subscriber.SubscriberDao;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The operator writes mail in the browser's editor: a new announcement from nothing, and lesson 3 with its revisions. */
class EditorInBrowserTest {
    @TempDir
    Path dir;
    WebWorld web;
    ChromeDriver browser;

    @BeforeEach
    void start() throws Exception {
        web = new WebWorld(dir, tokyo(2026, 11, 23, 9, 0), false);
        browser = Browser.start(dir.resolve("chromium-profile"));
    }

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.quit();
        }
        web.close();
    }

    private WebDriverWait waiting() {
        return new WebDriverWait(browser, Duration.ofSeconds(10));
    }

    private void heading(String text) {
        waiting().ignoring(org.openqa.selenium.WebDriverException.class)
                .until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), text));
    }

    private void clickToNewPage(By what) {
        Browser.clickToNewPage(browser, what);
    }

    private void signIn() {
        browser.get(web.base + "/admin");
        heading("サインイン");
        browser.findElement(By.id("password")).sendKeys(WebWorld.ADMIN_PASSWORD);
        clickToNewPage(By.cssSelector("form button[type=submit]"));
        heading("ダッシュボード");
    }

    /** Waits until the phone preview's iframe shows {@code words} (the script refreshes it as the operator types). */
    private void previewShows(String words) {
        waiting().ignoring(org.openqa.selenium.WebDriverException.class).until(b -> {
            browser.switchTo().frame(browser.findElement(By.id("preview-frame")));
            try {
                return browser.findElement(By.tagName("body")).getText().contains(words);
            } finally {
                browser.switchTo().defaultContent();
            }
        });
    }

    private String text(String id) {
        return browser.findElement(By.id(id)).getText();
    }

    private void confirm(String email, String name, Instant at) {
        web.world.clock.set(at);
        web.world.app().subscribers().addConfirmed(email, name, ConsentRecord.of("recorded-by-operator", at, "test", "test"), at);
    }

    private void runAt(Instant at) {
        web.world.clock.set(at);
        web.world.app().dueWork().run(at);
    }

    private List<MimeMessage> mailOf(String listPrefix) {
        return web.world.received().stream().filter(m -> String.valueOf(MailParts.header(m, "List-Id")).startsWith(listPrefix)).toList();
    }

    @Test
    void anAnnouncementWrittenFromNothingIsPreviewedTestedPublishedAndDeliveredToItsSegment() throws Exception {
        confirm("tea@example.jp", "お茶好き", tokyo(2026, 11, 23, 9, 0));
        confirm("other@example.jp", "別の人", tokyo(2026, 11, 23, 9, 5));
        long teaId = web.world.app().subscribers().byEmail("tea@example.jp").id();
        web.world.app().jdbi().useExtension(SubscriberDao.class, dao -> dao.tag(teaId, "tea"));
        runAt(tokyo(2026, 11, 23, 10, 0));
        int before = web.world.received().size();

        signIn();
        browser.get(web.base + "/admin/campaigns");
        clickToNewPage(By.id("new-announcement"));
        heading("新しいお知らせ");
        assertEquals("announcement-20261123", browser.findElement(By.id("campaign-id")).getAttribute("value"),
                "a Japanese name makes no id: the day is suggested");
        browser.findElement(By.id("name")).sendKeys("Tea 2026");
        WebElement id = browser.findElement(By.id("campaign-id"));
        assertEquals("tea-2026", id.getAttribute("value"), "a name in ASCII suggests its id");
        browser.findElement(By.id("name")).clear();
        browser.findElement(By.id("name")).sendKeys("冬のお茶会");
        assertEquals("announcement-20261123", id.getAttribute("value"), "a Japanese name: back to the day");
        id.clear();
        id.sendKeys("winter-tea");
        // the default segment is picked from the list, in words with the readers each reaches, never typed as a code
        var segments = new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("segment")));
        assertEquals(List.of("購読者全員（2人）", "ワークブックを読み終えた人（0人）", "ワークブックを受信中の人（2人）", "タグ「tea」の人（1人）"),
                segments.getOptions().stream().map(WebElement::getText).toList());
        segments.selectByValue("tag:tea");
        browser.findElement(By.id("subject")).sendKeys("冬のお茶会のご案内");
        WebElement body = browser.findElement(By.id("body"));
        body.click();
        browser.findElement(By.id("insert-name")).click();
        body.sendKeys("さん、**12月20日**に冬のお茶会を開きます。");
        assertEquals("{{name|読者さま}}さん、**12月20日**に冬のお茶会を開きます。", body.getAttribute("value"));
        previewShows("読者さん、12月20日に冬のお茶会を開きます。");
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("preview-text"), "12月20日に冬のお茶会を開きます。"));
        clickToNewPage(By.id("create-button"));
        heading("お知らせの本文");
        assertEquals("ブラウザ（第1版）", text("live-source"));

        body = browser.findElement(By.id("body"));
        body.sendKeys("\n\n[席を予約する](https://kokoro.example.jp/tea){.button}");
        previewShows("席を予約する");
        browser.findElement(By.id("test-to")).sendKeys("editor@example.jp");
        clickToNewPage(By.id("test-button"));
        assertEquals("テスト送信しました: editor@example.jp 宛て（件名に [テスト] が付きます）", text("test-send-result"));
        web.awaitMail(before + 1);
        MimeMessage test = web.world.received().get(before);
        assertEquals("[テスト] 冬のお茶会のご案内", MailParts.subject(test));
        assertTrue(MailParts.text(test).contains("▶ 席を予約する\nhttps://kokoro.example.jp/tea"), "the unsaved words: " + MailParts.text(test));
        assertTrue(browser.findElement(By.id("body")).getAttribute("value").contains("{.button}"), "the words stay in the editor");

        clickToNewPage(By.id("save-button"));
        assertTrue(text("main").contains("下書きを保存しました。"));
        assertEquals("ブラウザ（第1版）", text("live-source"), "a draft is not live");
        browser.findElement(By.id("note")).sendKeys("予約のボタンを足した");
        clickToNewPage(By.id("publish-button"));
        assertTrue(text("main").contains("公開しました。"));
        assertEquals("ブラウザ（第2版）", text("live-source"));

        // scheduled as the operator does it: date, time and segment on the campaign's page, then the
        // confirmation step that says to how many readers and when
        browser.get(web.base + "/admin/campaigns/winter-tea");
        browser.executeScript("arguments[0].value = '2026-11-24T12:00'", browser.findElement(By.id("at")));
        assertEquals("tag:tea", new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("segment")))
                .getFirstSelectedOption().getAttribute("value"), "the default segment chosen when it was written");
        clickToNewPage(By.id("schedule-next"));
        assertEquals("1人に 11月24日(火) 12:00 に送信します", text("confirm-line"));
        clickToNewPage(By.id("confirm"));
        assertEquals("予約済み", text("state"));
        web.world.clock.set(tokyo(2026, 11, 24, 12, 1));
        var sendDue = web.world.cli("send-due", "--at", "2026-11-24T12:01+09:00");
        assertEquals(0, sendDue.exitCode(), sendDue.err());

        List<MimeMessage> sent = mailOf("<winter-tea.");
        assertEquals(List.of("tea@example.jp"), sent.stream().map(MailParts::to).toList(), "only the tagged reader");
        MimeMessage mail = sent.get(0);
        assertEquals("冬のお茶会のご案内", MailParts.subject(mail));
        assertTrue(MailParts.text(mail).startsWith("お茶好きさん、12月20日に冬のお茶会を開きます。\n\n▶ 席を予約する\nhttps://kokoro.example.jp/tea"),
                MailParts.text(mail));
        Document html = Jsoup.parse(MailParts.html(mail));
        assertEquals("12月20日", html.selectFirst("strong").text());
        assertTrue(html.text().contains("お茶好きさん、12月20日に冬のお茶会を開きます。"), html.text());
        assertNotNull(html.selectFirst("a[href=https://kokoro.example.jp/tea][style*=inline-block]"), "the button");
    }

    private void writeLesson3(String subject, String words, String note) {
        browser.get(web.base + "/admin/campaigns/workbook/mails/3");
        heading("3日目");
        WebElement s = browser.findElement(By.id("subject"));
        s.clear();
        s.sendKeys(subject);
        WebElement body = browser.findElement(By.id("body"));
        body.clear();
        body.sendKeys(words);
        browser.findElement(By.id("note")).sendKeys(note);
        clickToNewPage(By.id("publish-button"));
        assertTrue(text("main").contains("公開しました。"), text("main"));
    }

    @Test
    void lessonThreePublishedInTheEditorReachesOnlyLaterReadersAndARestoreFromTheHistoryBringsItBack() {
        confirm("aki@example.jp", "亜紀", tokyo(2026, 11, 23, 10, 0));    // lesson 3 on 11-25
        confirm("ben@example.jp", "", tokyo(2026, 11, 24, 10, 0));        // lesson 3 on 11-26
        confirm("chie@example.jp", "千恵", tokyo(2026, 11, 25, 10, 0));   // lesson 3 on 11-27
        for (Instant at : List.of(tokyo(2026, 11, 23, 10, 0), tokyo(2026, 11, 24, 7, 0), tokyo(2026, 11, 24, 10, 0),
                tokyo(2026, 11, 25, 7, 0))) {
            runAt(at);
        }
        web.world.clock.set(tokyo(2026, 11, 25, 8, 0));
        signIn();
        browser.get(web.base + "/admin/campaigns/workbook");
        clickToNewPage(By.id("write-mails"));
        clickToNewPage(By.linkText("3日目"));
        heading("3日目");
        assertEquals("ファイル", text("live-source"));
        assertTrue(browser.findElements(By.id("back-to-file-form")).isEmpty(), "nothing to go back from while the file is live");
        writeLesson3("【3日目】荷物を仕分ける（新版）", "{{name|読者さま}}さん、おはようございます。\n\n# 新しい三日目\n\n紙を半分に折ります。",
                "ワークを短くした");
        assertEquals("ブラウザ（第1版）", text("live-source"));
        assertTrue(browser.findElement(By.id("back-to-file-form")).isDisplayed(), "「ファイルの内容に戻す」 for a file campaign");
        runAt(tokyo(2026, 11, 25, 10, 0));
        runAt(tokyo(2026, 11, 26, 7, 0));

        List<MimeMessage> lesson3 = mailOf("<workbook.").stream().filter(m -> MailParts.subject(m).startsWith("【3日目】")).toList();
        assertEquals(List.of("aki@example.jp", "ben@example.jp"), lesson3.stream().map(MailParts::to).toList(),
                "aki, who had lesson 3 before the publish, gets nothing again");
        assertEquals("【3日目】それは誰の気持ち？を見分ける", MailParts.subject(lesson3.get(0)));
        MimeMessage ben = lesson3.get(1);
        assertEquals("【3日目】荷物を仕分ける（新版）", MailParts.subject(ben));
        assertTrue(MailParts.text(ben).startsWith("読者さまさん、おはようございます。\n\n【新しい三日目】\n\n紙を半分に折ります。"), MailParts.text(ben));
        assertEquals("新しい三日目", Jsoup.parse(MailParts.html(ben)).selectFirst("h1").text());

        signIn(); // the test clock moved a day on: the 12-hour session has ended
        writeLesson3("【3日目】別の言葉", "別の三日目の本文です。", "試しに変えた");
        clickToNewPage(By.id("history-link"));
        heading("3日目 の履歴");
        clickToNewPage(By.cssSelector("tr[data-revision='2'] a[href*='diff']"));
        heading("第1版と第2版の比較");
        String diff = text("main");
        assertTrue(diff.contains("＋ 追加 別の三日目の本文です。"), diff);
        assertTrue(diff.contains("− 削除 紙を半分に折ります。"), diff);
        browser.navigate().back();
        heading("3日目 の履歴");
        clickToNewPage(By.cssSelector("tr[data-revision='1'] a.restore"));
        heading("第1版に戻しますか？");
        clickToNewPage(By.id("restore-button"));
        heading("3日目 の履歴");
        assertTrue(text("main").contains("以前の版を復元し"), text("main"));
        assertEquals("ブラウザ（第3版）", text("live-source"));
        assertTrue(browser.findElement(By.cssSelector("tr[data-revision='3']")).getText().contains("復元（第1版から）"));

        runAt(tokyo(2026, 11, 26, 10, 0));
        runAt(tokyo(2026, 11, 27, 7, 0));
        MimeMessage chie = mailOf("<workbook.").stream().filter(m -> MailParts.to(m).equals("chie@example.jp"))
                .filter(m -> MailParts.subject(m).startsWith("【3日目】")).findFirst().orElseThrow();
        assertEquals("【3日目】荷物を仕分ける（新版）", MailParts.subject(chie), "revision 1's words again");
        assertTrue(MailParts.text(chie).startsWith("千恵さん、おはようございます。"), MailParts.text(chie));
        assertTrue(MailParts.html(chie).contains("千恵さん、おはようございます。"));
        assertEquals(2, mailOf("<workbook.").stream().filter(m -> MailParts.to(m).equals("aki@example.jp"))
                .filter(m -> MailParts.subject(m).startsWith("【3日目】")).count() + 1, "still one lesson 3 for aki");
    }
}
