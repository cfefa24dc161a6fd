package dev.tayori.web;

import static dev.tayori.TestWorld.tokyo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tayori.MailParts;
import dev.tayori.Snapshot;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The operator on a phone (a 390 x 844 window): every admin page fits without sideways scrolling and
 * says its states in Japanese, and an announcement is scheduled for a tag through the confirmation step.
 */
class AdminOnPhoneInBrowserTest {
    /** English state words and codes that must not reach an admin page. */
    private static final Pattern ENGLISH_STATE = Pattern.compile(
            "\\b(active|paused|scheduled|sent|failed|waiting|requested|confirmed|pending|planned|cancelled)\\b|step:|issue:",
            Pattern.CASE_INSENSITIVE);

    @TempDir
    Path dir;
    WebWorld web;
    ChromeDriver browser;

    @BeforeEach
    void start() throws Exception {
        web = new WebWorld(dir, tokyo(2026, 11, 23, 10, 0), false);
        for (String who : new String[] {"a", "b", "c"}) {
            web.world.cli("subscribers", "add", who + "@example.jp", "--confirmed", "--consent-source", "セミナー申込用紙");
        }
        web.world.cli("subscribers", "tag", "a@example.jp", "vip");
        web.world.cli("subscribers", "tag", "b@example.jp", "vip");
        // a sign-up from the form (consent 「フォームから申込」) and lesson 1 for the others (「1日目」)
        web.post("/subscribe", "email=d%40example.jp&name=&website=&consent_version=2026-11-1");
        web.world.cli("send-due");
        browser = Browser.start(dir.resolve("chromium-profile"));
        browser.manage().window().setSize(new Dimension(390, 844));
    }

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.quit();
        }
        web.close();
    }

    private void heading(String text) {
        new WebDriverWait(browser, Duration.ofSeconds(10))
                .ignoring(org.openqa.selenium.WebDriverException.class)
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

    /** The page fits 390 px and shows no English state word; returns its text. */
    private String fitsAndIsJapanese(String path) {
        browser.get(web.base + path);
        long width = ((Number) browser.executeScript("return document.documentElement.scrollWidth")).longValue();
        assertTrue(width <= 390, path + " is " + width + " px wide");
        String text = browser.findElement(By.tagName("body")).getText();
        Matcher english = ENGLISH_STATE.matcher(text);
        assertFalse(english.find(), path + " says '" + (english.hitEnd() ? "" : english.group()) + "': " + text);
        return text;
    }

    @Test
    void everyAdminPageFitsAPhoneAndSaysItsStatesInJapanese() {
        signIn();
        fitsAndIsJapanese("/admin");
        String campaigns = fitsAndIsJapanese("/admin/campaigns");
        assertTrue(campaigns.contains("ステップメール") && campaigns.contains("お知らせ"), campaigns);
        for (String id : new String[] {"workbook", "newsletter", "course-early-booking"}) {
            fitsAndIsJapanese("/admin/campaigns/" + id);
            fitsAndIsJapanese("/admin/campaigns/" + id + "/report");
        }
        // a report per mailing: the lesson just sent, with its charts and tables, and an announcement not sent yet
        String lesson = fitsAndIsJapanese("/admin/campaigns/workbook/report/steps/1");
        assertTrue(lesson.contains("送信済み") && lesson.contains("届かなかったメール（0件）"), lesson);
        fitsAndIsJapanese("/admin/campaigns/course-early-booking/report/mail");
        fitsAndIsJapanese("/admin/subscribers");
        for (long id = 1; id <= 4; id++) {
            String page = fitsAndIsJapanese("/admin/subscribers/" + id);
            if (id == 1) {
                assertTrue(page.contains("1日目") && page.contains("送信済み"), page);
                assertTrue(page.contains("同意を記録（セミナー申込用紙）"), page);
            }
            if (id == 4) {
                assertTrue(page.contains("フォームから申込") && page.contains("登録確認待ち"), page);
            }
        }
        // the editor's pages too; its toolbar's six buttons sit side by side on a phone, not one a row
        for (String path : new String[] {"/admin/campaigns/workbook/mails", "/admin/campaigns/workbook/mails/3",
                "/admin/campaigns/workbook/mails/3/history", "/admin/announcements/new", "/admin/campaigns/workbook/steps/new"}) {
            fitsAndIsJapanese(path);
            if (!path.endsWith("mails") && !path.endsWith("history")) {
                new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.visibilityOfElementLocated(By.id("toolbar")));
                long rows = browser.findElements(By.cssSelector("#toolbar button")).stream()
                        .map(b -> b.getLocation().getY()).distinct().count();
                assertTrue(rows <= 2, path + ": the toolbar takes " + rows + " rows");
            }
        }
        browser.get(web.base + "/admin");
        assertTrue(browser.findElements(By.cssSelector(".admin-nav a")).size() >= 3, "the menu is there on a phone");
        fitsAndIsJapanese("/admin/campaigns/no-such-campaign");
    }

    @Test
    void aPastTimeIsRefusedInJapaneseAndATagSegmentIsScheduledThroughTheConfirmation() {
        signIn();
        browser.get(web.base + "/admin/campaigns/course-early-booking");
        heading("オンライン講座");
        Select segment = new Select(browser.findElement(By.id("segment")));
        assertEquals("タグ「vip」の人（2人）", segment.getOptions().stream().filter(o -> o.getAttribute("value").equals("tag:vip"))
                .findFirst().orElseThrow().getText());

        Snapshot before = Snapshot.of(web.world);
        browser.executeScript("arguments[0].value = '2026-11-23T09:00'", browser.findElement(By.id("at")));
        new Select(browser.findElement(By.id("segment"))).selectByValue("tag:vip");
        clickToNewPage(By.id("schedule-next"));
        String error = browser.findElement(By.id("form-error")).getText();
        assertTrue(error.startsWith("過去の日時（11月23日(月) 09:00）には予約できません。"), error);
        assertEquals(before, Snapshot.of(web.world), "nothing recorded for a time in the past");

        browser.executeScript("arguments[0].value = '2026-12-11T12:00'", browser.findElement(By.id("at")));
        new Select(browser.findElement(By.id("segment"))).selectByValue("tag:vip");
        clickToNewPage(By.id("schedule-next"));
        heading("配信の確認");
        assertEquals("2人に 12月11日(金) 12:00 に送信します", browser.findElement(By.id("confirm-line")).getText());
        assertEquals(before, Snapshot.of(web.world), "the confirmation page changes nothing");
        long width = ((Number) browser.executeScript("return document.documentElement.scrollWidth")).longValue();
        assertTrue(width <= 390, "the confirmation is " + width + " px wide");
        clickToNewPage(By.id("confirm"));
        heading("オンライン講座");
        assertEquals("予約済み", browser.findElement(By.id("state")).getText());
        assertFalse(browser.findElements(By.id("unschedule-form")).isEmpty(), "it can be withdrawn until it starts");

        // the time comes: planned but not yet sent, the page shows the send under way and offers pause
        web.world.cli("send-due", "--plan-only", "--at", "2026-12-11T12:01+09:00");
        browser.get(web.base + "/admin/campaigns/course-early-booking");
        assertEquals("0", browser.findElement(By.id("progress-sent")).getText());
        assertEquals("2", browser.findElement(By.id("progress-total")).getText());
        assertTrue(browser.findElements(By.id("unschedule-form")).isEmpty(), "started: no unschedule");
        clickToNewPage(By.id("pause"));
        assertEquals("一時停止中", browser.findElement(By.id("state")).getText());
        clickToNewPage(By.id("resume"));

        assertEquals(0, web.world.cli("send-due", "--at", "2026-12-11T12:02+09:00").exitCode());
        List<String> to = new ArrayList<>();
        for (var m : web.world.received()) {
            if (MailParts.subject(m).startsWith("【読者先行】")) {
                to.add(MailParts.to(m));
            }
        }
        Collections.sort(to);
        assertEquals(2, to.size(), "exactly the tagged readers: " + to);
        assertTrue(to.get(0).contains("a@example.jp") && to.get(1).contains("b@example.jp"), to.toString());
        browser.get(web.base + "/admin/campaigns/course-early-booking");
        assertEquals("送信済み", browser.findElement(By.id("state")).getText());
    }
}
